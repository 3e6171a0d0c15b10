import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';

function setup() {
  const emu = createEmulator();
  const { SpreadsheetApp } = emu.globals;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  emu.calls.reset();
  return { emu, SpreadsheetApp, sheet };
}

describe('call counting', () => {
  it('counts each method and each class, including objects returned by counted calls', () => {
    const { emu, sheet } = setup();
    const range = sheet.getRange('A1:B2');
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    range.getValues();
    expect(emu.calls.count('Sheet.getRange')).toBe(1);
    expect(emu.calls.count('Range.getValues')).toBe(2);
    expect(emu.calls.count('Range.setValues')).toBe(1);
    expect(emu.calls.count('Range')).toBe(3);
    expect(emu.calls.total()).toBe(4);
    expect(emu.calls.snapshot()).toEqual({ 'Range.getValues': 2, 'Range.setValues': 1, 'Sheet.getRange': 1 });
  });

  it('counts chained results and arrays of service objects', () => {
    const { emu, SpreadsheetApp } = setup();
    const sheets = SpreadsheetApp.getActive().getSheets();
    sheets[0].getName();
    SpreadsheetApp.getActive().getSheetByName('Sheet1')!.getRange(1, 1).getSheet().getName();
    expect(emu.calls.count('Sheet.getName')).toBe(2);
    expect(emu.calls.count('Range.getSheet')).toBe(1);
    expect(emu.calls.count('SpreadsheetApp.getActive')).toBe(2);
  });

  it('does not count what the emulator does internally or the uncounted accessors', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1:C3').setValues([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    emu.calls.reset();
    emu.readSheet('Sheet1');
    emu.inspectSheet('Sheet1');
    emu.writeSheet('Other', [['x']]);
    expect(emu.calls.total()).toBe(0);
  });

  it('reset() starts counting again from zero', () => {
    const { emu, sheet } = setup();
    sheet.getLastRow();
    emu.calls.reset();
    expect(emu.calls.total()).toBe(0);
    expect(emu.calls.count('Sheet')).toBe(0);
  });

  it('keeps one proxy per object so identity holds and enums are plain reads', () => {
    const { emu, SpreadsheetApp } = setup();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(SpreadsheetApp.getActiveSpreadsheet()).toBe(ss);
    expect(ss.getSheets()[0]).toBe(ss.getSheetByName('Sheet1'));
    expect(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST).toBeDefined();
    expect(emu.calls.count('SpreadsheetApp.DataValidationCriteria')).toBe(0);
  });

  it('throws loudly for a method the emulator does not implement', () => {
    const { emu, sheet } = setup();
    const range = sheet.getRange('A1') as unknown as Record<string, () => unknown>;
    expect(() => range.mergeAcross()).toThrow('Emulator: Range.mergeAcross is not implemented');
    expect(() => (emu.globals.SpreadsheetApp as unknown as Record<string, () => unknown>).create()).toThrow(
      'Emulator: SpreadsheetApp.create is not implemented',
    );
  });

  it('hides emulator internals from scripts', () => {
    const { sheet } = setup();
    expect(() => (sheet as unknown as Record<string, () => unknown>)._internal()).toThrow('is not implemented');
  });

  it('does not make a service object look like a promise', async () => {
    const { sheet } = setup();
    const resolved = await Promise.resolve(sheet);
    expect(resolved.getName()).toBe('Sheet1');
  });
});

describe('fault injection', () => {
  it('throws on the k-th call counted from now, once, and the failed call writes nothing', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1').setValue('before');
    emu.faults.failOn('Range.setValue', 2);
    sheet.getRange('A1').setValue('first');
    expect(() => sheet.getRange('A1').setValue('second')).toThrow('Service error (injected)');
    expect(emu.readSheet('Sheet1')).toEqual([['first']]);
    sheet.getRange('A1').setValue('third');
    expect(emu.readSheet('Sheet1')).toEqual([['third']]);
  });

  it('uses the given message and counts the failed call', () => {
    const { emu } = setup();
    emu.faults.failOn('MailApp.sendEmail', 1, 'Service invoked too many times in a short time');
    expect(() => emu.globals.MailApp.sendEmail('a@example.com', 's', 'b')).toThrow('Service invoked too many times in a short time');
    expect(emu.calls.count('MailApp.sendEmail')).toBe(1);
    expect(emu.outbox).toHaveLength(0);
    emu.globals.MailApp.sendEmail('a@example.com', 's', 'b');
    expect(emu.outbox).toHaveLength(1);
  });

  it('can target a whole class', () => {
    const { emu, sheet } = setup();
    const range = sheet.getRange('A1');
    emu.faults.failOn('Range', 3);
    range.getValue();
    range.getValues();
    expect(() => range.getA1Notation()).toThrow('Service error (injected)');
  });

  it('clear() removes pending faults; nth must be a positive integer', () => {
    const { emu, sheet } = setup();
    emu.faults.failOn('Sheet.getName', 1);
    emu.faults.clear();
    expect(sheet.getName()).toBe('Sheet1');
    expect(() => emu.faults.failOn('Sheet.getName', 0)).toThrow('positive integer');
  });
});
