/** emu.killBefore: an execution ending at its time limit, with no catch or finally surviving, and what a person does meanwhile. */
import { describe, expect, it } from 'vitest';
import { createEmulator, isKill } from '../../emulator';

describe('killBefore', () => {
  it('freezes the state before the n-th call; what catch and finally do afterwards leaves no trace', () => {
    const emu = createEmulator();
    emu.writeSheet('Sheet1', [['a']]);
    const { SpreadsheetApp, PropertiesService, LockService } = emu.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    emu.killBefore(3);
    let caught: unknown;
    const lock = LockService.getDocumentLock(); // call 1
    try {
      lock.tryLock(1000); // call 2
      sheet.getRange('A1').setValue('changed'); // call 3: never happens
    } catch (err) {
      caught = err;
      expect(() => PropertiesService.getDocumentProperties()).toThrow();
    } finally {
      expect(() => sheet.getRange('A1').setValue('from finally')).toThrow();
    }
    expect(isKill(caught)).toBe(true);
    expect(caught instanceof Error).toBe(false);
    const frozen = emu.killedState()!;
    expect(frozen).not.toBeNull();
    const next = createEmulator({ state: frozen });
    expect(next.readSheet('Sheet1')).toEqual([['a']]);
    // The killed execution's lock is gone with it.
    expect(next.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });

  it('does nothing while fewer calls are made, and refuses a non-positive n', () => {
    const emu = createEmulator();
    emu.killBefore(50);
    emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets();
    expect(emu.killedState()).toBeNull();
    expect(() => emu.killBefore(0)).toThrow(/positive/);
  });
});

describe('what a person does meanwhile', () => {
  it('sortSheet moves whole rows with their notes and colours; insertRowAt shifts rows down', () => {
    const emu = createEmulator();
    emu.writeSheet('T', [
      ['ID', 'Name'],
      ['c1', 'Zoe'],
      ['c2', 'Ann'],
    ]);
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T')!;
    sheet.getRange('B2').setNote('Zoe’s note');
    sheet.getRange('B2').setBackground('#ff0000');
    emu.sortSheet('T', 2);
    expect(emu.readSheet('T')).toEqual([
      ['ID', 'Name'],
      ['c2', 'Ann'],
      ['c1', 'Zoe'],
    ]);
    expect(emu.inspectSheet('T').notes[2][1]).toBe('Zoe’s note');
    expect(emu.inspectSheet('T').backgrounds[2][1]).toBe('#ff0000');
    emu.insertRowAt('T', 2);
    expect(emu.readSheet('T').map((r) => r[0])).toEqual(['ID', '', 'c2', 'c1']);
  });
});
