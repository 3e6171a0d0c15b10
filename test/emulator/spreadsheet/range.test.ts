import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

function setup() {
  const emu = createEmulator({ timeZone: 'Europe/Moscow' });
  const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  return { emu, sheet };
}

describe('values come back as Sheets returns them', () => {
  it('numbers, booleans, Dates and "" for empty', () => {
    const { sheet } = setup();
    const when = new Date('2024-03-05T10:00:00Z');
    sheet.getRange('A1:D1').setValues([[42, true, when, null]]);
    const [row] = sheet.getRange('A1:E1').getValues();
    expect(row).toEqual([42, true, when, '', '']);
    expect(typeof row[0]).toBe('number');
    expect(Object.prototype.toString.call(row[2])).toBe('[object Date]');
    expect((row[2] as Date).getTime()).toBe(when.getTime());
  });

  it('returns fresh Date copies: mutating one changes neither the cell nor the caller', () => {
    const { sheet } = setup();
    const when = new Date('2024-03-05T10:00:00Z');
    sheet.getRange('A1').setValue(when);
    when.setFullYear(1999);
    const first = sheet.getRange('A1').getValue() as Date;
    first.setFullYear(2000);
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2024-03-05T10:00:00.000Z');
  });

  it('getValue reads the top-left cell; setValue fills the whole range', () => {
    const { emu, sheet } = setup();
    sheet.getRange('B2:C3').setValue('x');
    expect(sheet.getRange('B2:C3').getValue()).toBe('x');
    expect(emu.readSheet('Sheet1')).toEqual([
      ['', '', ''],
      ['', 'x', 'x'],
      ['', 'x', 'x'],
    ]);
  });
});

describe('parse on write (en locale)', () => {
  const cases: [string, unknown][] = [
    ['42', 42],
    ['3.14', 3.14],
    ['-1', -1],
    ['+1', 1],
    ['+79161234567', 79161234567],
    ['007', 7],
    ['1,5', '1,5'],
    ['1,234', 1234],
    ['+7 916 123-45-67', '+7 916 123-45-67'],
    ['TRUE', true],
    ['false', false],
    ['True', true],
    ['@x', '@x'],
    ['-', '-'],
    ['=', '='],
    ['50%', 0.5],
    ['Иван Петров', 'Иван Петров'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['🙂 Ana-María', '🙂 Ana-María'],
    ['\'=HYPERLINK("http://x")', '=HYPERLINK("http://x")'],
    ["'+79161234567", '+79161234567'],
    ["'TRUE", 'TRUE'],
  ];
  it.each(cases)('%j is stored as %j', (input, expected) => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(input);
    expect(sheet.getRange('A1').getValue()).toEqual(expected);
  });

  it('turns ISO and M/d/yyyy strings into Dates at midnight in the spreadsheet time zone', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['2024-01-31', '1/31/2024', '2024-02-30']]);
    const [iso, us, impossible] = sheet.getRange('A1:C1').getValues()[0];
    expect((iso as Date).toISOString()).toBe('2024-01-30T21:00:00.000Z');
    expect((us as Date).getTime()).toBe((iso as Date).getTime());
    expect(impossible).toBe('2024-02-30');
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['2024-01-31', '1/31/2024']]);
  });

  it('a string starting with "=" becomes a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=HYPERLINK("http://evil.example","click")');
    expect(sheet.getRange('A1').getFormula()).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('cells formatted as plain text keep every string verbatim', () => {
    const { sheet } = setup();
    const inputs = ['=1+1', '+79161234567', '007', 'TRUE', '2024-01-31', "'x", '-1'];
    const range = sheet.getRange(1, 1, 1, inputs.length);
    range.setNumberFormat('@');
    range.setValues([inputs]);
    expect(range.getValues()).toEqual([inputs]);
    expect(range.getFormulas()).toEqual([inputs.map(() => '')]);
  });

  it('keeps JS numbers, booleans and Dates as they are, whatever the format', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range.setNumberFormat('@');
    range.setValues([[7, false]]);
    expect(range.getValues()).toEqual([[7, false]]);
  });

  it('stores huge, mixed-script text intact', () => {
    const { sheet } = setup();
    const huge = 'Ж'.repeat(25_000) + 'z'.repeat(25_000);
    sheet.getRange('A1:B1').setValues([[huge, 'Ionuț Ștefan / Олег']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[huge, 'Ionuț Ștefan / Олег']]);
  });
});

describe('dimension and bounds errors use the real messages', () => {
  it('rows mismatch', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('columns mismatch, and nothing is written', () => {
    const { emu, sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(emu.readSheet('Sheet1')).toEqual([]);
  });

  it('not a 2D array', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValues('x' as unknown as unknown[][])).toThrow("don't match the method signature");
    expect(() => sheet.getRange('A1:B1').setValues([1, 2] as unknown as unknown[][])).toThrow("don't match the method signature");
  });

  it('outside the sheet, zero and negative coordinates', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('A1:A1001')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, -1)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange('not a range!')).toThrow('Range not found');
  });

  it('setValues past the last row throws; the sheet does not grow by itself', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('outside the dimensions');
    expect(sheet.getMaxRows()).toBe(1000);
  });
});

describe('display values and number formats', () => {
  it.each([
    [1234.5, '#,##0.00', '1,234.50'],
    [3.14159, '0.00', '3.14'],
    [42.4, '0', '42'],
    [0.256, '0.0%', '25.6%'],
    [79161234567, '0', '79161234567'],
    [5, '@', '5'],
  ])('%j with %j shows %j', (value, format, shown) => {
    const { sheet } = setup();
    const range = sheet.getRange('A1');
    range.setNumberFormat(format);
    range.setValue(value);
    expect(range.getDisplayValue()).toBe(shown);
    expect(range.getNumberFormat()).toBe(format);
  });

  it('formats Dates by pattern in the spreadsheet time zone', () => {
    const { sheet } = setup();
    const when = new Date('2024-01-30T21:30:00Z'); // 00:30 on the 31st in Moscow
    const range = sheet.getRange('A1:C1');
    range.setValues([[when, when, when]]);
    range.setNumberFormats([['yyyy-mm-dd', 'dd.mm.yyyy', 'M/d/yyyy']]);
    expect(range.getDisplayValues()).toEqual([['2024-01-31', '31.01.2024', '1/31/2024']]);
  });

  it('unformatted cells: plain numbers, booleans as TRUE/FALSE, Dates in M/d/yyyy', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[0.1 + 0.2, true, new Date('2024-01-30T21:00:00Z'), new Date('2024-01-31T10:05:09Z')]]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['0.3', 'TRUE', '1/31/2024', '1/31/2024 13:05:09']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
    expect(sheet.getRange('C1').getNumberFormat()).toBe('M/d/yyyy');
  });
});

describe('formats, notes and styles', () => {
  it('setNotes / getNotes / clearNote', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range.setNotes([['Invalid phone', null]]);
    expect(range.getNotes()).toEqual([['Invalid phone', '']]);
    expect(sheet.getRange('A1').getNote()).toBe('Invalid phone');
    range.clearNote();
    expect(range.getNotes()).toEqual([['', '']]);
  });

  it('backgrounds, font weight, wrap and alignment are stored and read back', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range
      .setBackgrounds([['#ff0000', null]])
      .setFontWeight('bold')
      .setWrap(true)
      .setHorizontalAlignment('center');
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ffffff']]);
    expect(range.getFontWeight()).toBe('bold');
    expect(range.getWrap()).toBe(true);
    expect(range.getHorizontalAlignment()).toBe('center');
  });

  it('clear() removes contents and formats; clearContent keeps formats', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1');
    range.setNumberFormat('0.00').setValue(1);
    range.clearContent();
    expect(range.getValue()).toBe('');
    expect(range.getNumberFormat()).toBe('0.00');
    range.setValue(2).clear();
    expect(range.getNumberFormat()).toBe('0.###############');
  });
});

describe('geometry', () => {
  it('reports its position and A1 notation, offsets and cells', () => {
    const { sheet } = setup();
    const range = sheet.getRange(2, 3, 4, 5);
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns(), range.getLastRow(), range.getLastColumn()]).toEqual([
      2, 3, 4, 5, 5, 7,
    ]);
    expect(range.getA1Notation()).toBe('C2:G5');
    expect(range.offset(1, -1).getA1Notation()).toBe('B3:F6');
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('C2');
    expect(range.getCell(2, 2).getA1Notation()).toBe('D3');
    expect(sheet.getRange('B2:B').getA1Notation()).toBe('B2:B1000');
    expect(range.getSheet().getName()).toBe('Sheet1');
  });

  it('sort() orders rows by a column, blanks last', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['b', 2],
      ['', 9],
      ['a', 1],
      ['C', 3],
    ]);
    sheet.getRange('A1:B4').sort({ column: 1, ascending: true });
    expect(emu.readSheet('Sheet1')).toEqual([
      ['a', 1],
      ['b', 2],
      ['C', 3],
      ['', 9],
    ]);
  });

  it('isBlank', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
    sheet.getRange('B2').setValue(0);
    expect(sheet.getRange('A1:B2').isBlank()).toBe(false);
  });
});
