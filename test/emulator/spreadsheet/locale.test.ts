import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

const tz = 'Europe/Moscow';

function written(locale: string, input: string): unknown {
  const emu = createEmulator({ locale, timeZone: tz });
  emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(input);
  return emu.readSheet('Sheet1')[0]?.[0] ?? '';
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 3 * 3600_000);

describe('typed input in the spreadsheet locale', () => {
  it.each([
    ['ru_RU', '1,5', 1.5],
    ['ru_RU', '-0,25', -0.25],
    ['ru_RU', '1 234,5', 1234.5],
    ['ru_RU', '42', 42],
    ['ru_RU', '3.14', '3.14'],
    ['ru_RU', '12,5%', 0.125],
    ['ru_RU', 'ИСТИНА', true],
    ['ru_RU', 'ложь', false],
    ['ru_RU', 'TRUE', true],
    ['uk_UA', 'ІСТИНА', true],
    ['uk_UA', 'ХИБНІСТЬ', false],
    ['uk_UA', '2,75', 2.75],
    ['ro_RO', 'ADEVĂRAT', true],
    ['ro_RO', 'FALS', false],
    ['ro_RO', '1.234,5', 1234.5],
    ['ro_RO', '1,5', 1.5],
    ['en', '1,5', '1,5'],
    ['en', 'ИСТИНА', 'ИСТИНА'],
    ['en', '1,234', 1234],
  ])('%s: %s', (locale, input, expected) => {
    expect(written(locale, input)).toEqual(expected);
  });

  it.each([
    ['ru_RU', '31.12.2024', day(2024, 12, 31)],
    ['uk_UA', '01.02.2025', day(2025, 2, 1)],
    ['ro_RO', '31.12.2024', day(2024, 12, 31)],
    ['ru_RU', '2024-12-31', day(2024, 12, 31)],
    ['ru_RU', '3 Dec 2024', day(2024, 12, 3)],
    ['ro_RO', 'December 3, 2024', day(2024, 12, 3)],
    ['en', '3 Dec 2024', day(2024, 12, 3)],
    ['en', 'Dec 3, 2024', day(2024, 12, 3)],
  ])('%s: %s is a date', (locale, input, expected) => {
    expect(written(locale, input)).toEqual(expected);
  });

  it('leaves impossible dates, US dates outside en and plain text as text; plain-text cells are never parsed', () => {
    expect(written('ru_RU', '31.02.2024')).toBe('31.02.2024');
    expect(written('ru_RU', '1/31/2024')).toBe('1/31/2024');
    expect(written('ro_RO', 'Decembrie 3, 2024')).toBe('Decembrie 3, 2024');
    expect(written('ru_RU', 'Maybe 3, 2024')).toBe('Maybe 3, 2024');
    const emu = createEmulator({ locale: 'ru_RU' });
    const cell = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
    cell.setNumberFormat('@').setValue('1,5');
    expect(emu.readSheet('Sheet1')[0][0]).toBe('1,5');
  });

  it('formulas set by a script keep English names and comma separators in any locale', () => {
    const emu = createEmulator({ locale: 'ru_RU' });
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange('A1:B1').setValues([[2, 3]]);
    sheet.getRange('C1').setFormula('=SUM(A1,B1)');
    expect(sheet.getRange('C1').getValue()).toBe(5);
  });
});
