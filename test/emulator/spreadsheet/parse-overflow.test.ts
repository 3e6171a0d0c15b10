import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator';

describe('typing a number beyond double range', () => {
  it('keeps it as text instead of Infinity', () => {
    const emu = createEmulator();
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange('A1:B1').setValues([['1e309', '-1e308']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['1e309', -1e308]]);
  });
});
