import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

describe('Spreadsheet', () => {
  it('identity, time zone, locale and the same document from openById', () => {
    // openById needs the full spreadsheets scope, which the shipped manifest does not grant.
    const emu = createEmulator({ timeZone: 'Europe/Bucharest', locale: 'ro', scopes: 'all' });
    const { SpreadsheetApp } = emu.globals;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Bucharest');
    expect(ss.getSpreadsheetLocale()).toBe('ro');
    expect(SpreadsheetApp.openById(ss.getId()).getId()).toBe(ss.getId());
    expect(ss.getUrl()).toContain(ss.getId());
    expect(() => SpreadsheetApp.openById('someone-elses-file')).toThrow();
  });

  it('insertSheet at an index, getSheets order, deleteSheet, duplicate and empty names', () => {
    const emu = createEmulator();
    const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet('Clients');
    ss.insertSheet('Fields', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Fields', 'Sheet1', 'Clients']);
    expect(ss.getSheetByName('Clients')!.getIndex()).toBe(3);
    expect(() => ss.insertSheet('Clients')).toThrow('A sheet with the name "Clients" already exists. Please enter another name.');
    expect(() => ss.insertSheet('x'.repeat(50_001))).toThrow();
    ss.deleteSheet(ss.getSheetByName('Fields')!);
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Clients']);
    expect(ss.getSheetByName('Fields')).toBeNull();
    ss.deleteSheet(ss.getSheetByName('Clients')!);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow();
    expect(ss.getSheets()[0].getSheetId()).toBe(0);
  });

  it('active sheet and selection', () => {
    const emu = createEmulator();
    const { SpreadsheetApp } = emu.globals;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet('Clients');
    emu.setActiveSelection('Clients', 'B2:C3,E5');
    expect(SpreadsheetApp.getActiveSheet().getName()).toBe('Clients');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('E5');
    expect(
      ss
        .getActiveRangeList()!
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B2:C3', 'E5']);
    expect(ss.getSelection().getCurrentCell()!.getA1Notation()).toBe('B2');
    ss.setActiveSheet(ss.getSheetByName('Sheet1')!);
    expect(SpreadsheetApp.getActiveSheet().getName()).toBe('Sheet1');
    ss.getSheetByName('Clients')!.getRange('D4').activate();
    expect(SpreadsheetApp.getActiveRange().getA1Notation()).toBe('D4');
  });

  it('several ranges: the last is the active range of the sheet too, and the current cell may be set inside one', () => {
    const emu = createEmulator();
    const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet('Clients');
    emu.setActiveSelection('Clients', 'A2:C3,A5:C6', 'A6');
    expect(ss.getSheetByName('Clients')!.getActiveRange()!.getA1Notation()).toBe('A5:C6');
    expect(ss.getCurrentCell()!.getA1Notation()).toBe('A6');
    expect(() => emu.setActiveSelection('Clients', 'A2:C3', 'D9')).toThrow(/outside the selection/);
  });

  it('getRange with a sheet name and getRangeList', () => {
    const emu = createEmulator();
    const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    emu.writeSheet('My clients', [['a', 'b']]);
    expect(ss.getRange("'My clients'!A1:B1").getValues()).toEqual([['a', 'b']]);
    expect(ss.getRange('A1').getSheet().getName()).toBe('Sheet1');
    const list = ss.getSheetByName('My clients')!.getRangeList(['A1', 'B1']);
    list.setValue('z');
    expect(emu.readSheet('My clients')).toEqual([['z', 'z']]);
    expect(() => ss.getRange("'Nope'!A1")).toThrow('Range not found');
  });

  it('toast is recorded; flush is a counted no-op', () => {
    const emu = createEmulator();
    const { SpreadsheetApp } = emu.globals;
    SpreadsheetApp.getActiveSpreadsheet().toast('Saved', 'ClientBase', 3);
    SpreadsheetApp.flush();
    expect(emu.ui.toasts).toEqual([{ message: 'Saved', title: 'ClientBase', timeoutSeconds: 3 }]);
    expect(emu.calls.count('SpreadsheetApp.flush')).toBe(1);
  });
});
