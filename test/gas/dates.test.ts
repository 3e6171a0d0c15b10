import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDay, sheetDay } from '../../src/gas/dates';
import { useEmulator } from '../support/emulated';

const ZONES = ['Europe/Moscow', 'Europe/Kiev', 'Europe/Bucharest', 'Europe/Chisinau', 'Europe/London', 'America/New_York'];

describe('calendar days in the spreadsheet zone, without a service call per date', () => {
  const emu = useEmulator();

  it('formats any instant as Utilities.formatDate does', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2060-01-01'), noInvalidDate: true }), fc.constantFrom(...ZONES), (date, zone) => {
        expect(formatDay(date, zone)).toBe(Utilities.formatDate(date, zone, 'yyyy-MM-dd'));
      }),
      { numRuns: 300 },
    );
  });

  it('puts a calendar day at midnight in the zone, across DST changes', () => {
    for (const zone of ZONES) {
      for (const [y, m, d] of [
        [2024, 3, 31],
        [2024, 10, 27],
        [2025, 3, 9],
        [1990, 7, 1],
        [2026, 11, 23],
      ]) {
        const day = sheetDay(y, m, d, zone);
        expect(Utilities.formatDate(day, zone, 'yyyy-MM-dd HH:mm'), `${zone} ${y}-${m}-${d}`).toBe(
          `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} 00:00`,
        );
      }
    }
  });

  it('costs no Utilities call', () => {
    emu().calls.reset();
    for (let i = 0; i < 100; i++) formatDay(new Date(2020, 0, i + 1), 'Europe/Moscow');
    sheetDay(2024, 2, 29, 'Europe/Kiev');
    expect(emu().calls.count('Utilities')).toBe(0);
  });
});
