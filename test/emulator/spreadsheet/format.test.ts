import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateToSerial, formatDisplay, serialToDate } from '../../../emulator/spreadsheet/format';

const tz = 'Europe/Moscow';

describe('formatDisplay', () => {
  it.each([
    [1234.5, '#,##0.00', '1,234.50'],
    [-1234.567, '#,##0.00', '-1,234.57'],
    [0, '0.00', '0.00'],
    [0.5, '0%', '50%'],
    [1, '0.##', '1.'],
    [5, '0.00;(0.00)', '5.00'],
    [-5, '0.00;(0.00)', '(5.00)'],
    [0, '0;-0;"zero"', 'zero'],
    [1500, '[$₽]#,##0', '₽1,500'],
    [1500, '#,##0 "руб."', '1,500 руб.'],
    [12345, '0.00E+00', '1.23E+04'],
    [7, '000', '007'],
    [45322, 'yyyy-mm-dd', '2024-01-31'],
    [45322.5, 'dd.mm.yyyy hh:mm', '31.01.2024 12:00'],
    [1e21, undefined, '1E+21'],
    [123456789012, undefined, '123456789012'],
    ['text', '0.00', 'text'],
    ['x', '0;0;0;"<"@">"', '<x>'],
    [false, undefined, 'FALSE'],
    ['', '0.00', ''],
  ])('%j with %j → %j', (value, pattern, expected) => {
    expect(formatDisplay(value, pattern, tz)).toBe(expected);
  });

  it('month vs minute: m after h or before s is minutes', () => {
    const d = new Date('2024-03-05T07:08:09Z'); // 10:08:09 in Moscow
    expect(formatDisplay(d, 'hh:mm:ss', tz)).toBe('10:08:09');
    expect(formatDisplay(d, 'mm/dd/yyyy', tz)).toBe('03/05/2024');
    expect(formatDisplay(d, 'mmmm d, yyyy', tz)).toBe('March 5, 2024');
    expect(formatDisplay(d, 'ddd mmm d', tz)).toBe('Tue Mar 5');
    expect(formatDisplay(d, 'h:mm AM/PM', tz)).toBe('10:08 AM');
  });

  it('serial numbers and dates convert both ways in the time zone', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        const serial = dateToSerial(d, tz);
        const back = serialToDate(serial, tz);
        // A serial is a wall-clock time: the wall clock always comes back.
        expect(Math.abs(dateToSerial(back, tz) - serial) * 86_400_000).toBeLessThanOrEqual(1);
        // So does the instant, except in the hour a clock was turned back (1996-10-27 02:00 in Moscow
        // came twice): that wall-clock time names two instants, an hour apart, and Sheets keeps one.
        const off = Math.abs(back.getTime() - d.getTime());
        expect(off <= 1 || Math.abs(off - 3_600_000) <= 1).toBe(true);
      }),
    );
  });
});
