import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { LIMITS } from '../../emulator/limits';

describe('Google limits', () => {
  it('a cell holds at most 50,000 characters: a longer value or formula is refused and nothing of that call is written', () => {
    const emu = createEmulator();
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    const tooLong = 'я'.repeat(LIMITS.cellCharacters + 1);
    expect(() => sheet.getRange('A1:B1').setValues([['ok', tooLong]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(() => sheet.appendRow(['x', tooLong])).toThrow('50000 characters');
    expect(() => sheet.getRange('A1').setFormula(`="${'a'.repeat(LIMITS.cellCharacters)}"`)).toThrow('50000 characters');
    expect(emu.readSheet('Sheet1')).toEqual([]);
    sheet.getRange('A1').setValue('b'.repeat(LIMITS.cellCharacters));
    expect(String(emu.readSheet('Sheet1')[0][0])).toHaveLength(50_000);
  });

  it('a spreadsheet holds at most 10 million cells over all its tabs: insertRows, insertColumns and insertSheet past it throw', () => {
    const emu = createEmulator();
    const book = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = book.getSheets()[0];
    // 1000 × 26 now; grow to 384,000 rows × 26 = 9,984,000 cells.
    sheet.insertRowsAfter(1000, 383_000);
    expect(() => sheet.insertRowsAfter(1, 1000)).toThrow('above the limit of 10000000 cells');
    expect(() => sheet.insertColumnsAfter(1, 1)).toThrow('above the limit of 10000000 cells');
    expect(() => book.insertSheet('More')).toThrow('above the limit of 10000000 cells');
    sheet.insertRowsAfter(1, 600);
    expect(sheet.getMaxRows()).toBe(384_600);
  });

  it('a property value holds 8 KB (stricter than the documented 9 KB), a cache value 100 KB', () => {
    const emu = createEmulator();
    const props = emu.globals.PropertiesService.getScriptProperties();
    props.setProperty('fits', 'x'.repeat(8 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(8 * 1024 + 1))).toThrow('Argument too large: value');
    // UTF-8 bytes, not characters: 4,097 Cyrillic letters are 8,194 bytes.
    expect(() => props.setProperty('cyr', 'я'.repeat(4097))).toThrow('Argument too large: value');
    const cache = emu.globals.CacheService.getScriptCache();
    expect(() => cache.put('k', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });
});
