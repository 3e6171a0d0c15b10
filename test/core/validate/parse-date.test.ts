import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysBetween, formatDate, parseDateText } from '../../../src/core/validate/parse-date';

const today = new Date(2025, 5, 15);
const ymd = (text: string, monthFirst = false) => {
  const parsed = parseDateText(text, { today, monthFirst });
  return parsed.ok ? formatDate(parsed.date) : parsed.reason;
};

describe('parseDateText', () => {
  it.each([
    ['31.12.2024', '2024-12-31'],
    ['31/12/2024', '2024-12-31'],
    ['31-12-2024', '2024-12-31'],
    ['2024-12-31', '2024-12-31'],
    ['2024/1/5', '2024-01-05'],
    ['1.2.2024', '2024-02-01'],
    ['12/31/2024', '2024-12-31'],
    ['31.12.24', '2024-12-31'],
    ['14.03.85', '1985-03-14'],
    ['31.12.2024 г.', '2024-12-31'],
    ['31.12.2024 14:30', '2024-12-31'],
    ['31 декабря 2024', '2024-12-31'],
    ['31 декабря 2024 г.', '2024-12-31'],
    ['1 березня 2023', '2023-03-01'],
    ['31 decembrie 2024', '2024-12-31'],
    ['Dec 31, 2024', '2024-12-31'],
    ['31 Dec 2024', '2024-12-31'],
    ['  29.02.2024  ', '2024-02-29'],
  ])('reads %s as %s', (text, expected) => {
    expect(ymd(text)).toBe(expected);
  });

  it('reads an ambiguous slash date day-first unless the country writes month-first', () => {
    expect(ymd('03/04/2024')).toBe('2024-04-03');
    expect(ymd('03/04/2024', true)).toBe('2024-03-04');
    // Dots are day-first even for a month-first country.
    expect(ymd('03.04.2024', true)).toBe('2024-04-03');
  });

  it.each([
    ['31.02.2024', 'impossible'],
    ['29.02.2023', 'impossible'],
    ['2024-13-01', 'impossible'],
    ['00.01.2024', 'impossible'],
    ['31.04.2024', 'impossible'],
    ['13/13/2024', 'impossible'],
    ['01.01.1850', 'out_of_range'],
    ['01.01.2150', 'out_of_range'],
    ['tomorrow', 'not_a_date'],
    ['31 smarch 2024', 'not_a_date'],
    ['2024', 'not_a_date'],
    ['=TODAY()', 'not_a_date'],
    ['<img src=x onerror=alert(1)>', 'not_a_date'],
    ['📅 2024-01-01', 'not_a_date'],
    ['x'.repeat(50_001), 'not_a_date'],
    ['', 'not_a_date'],
  ])('rejects %s (%s)', (text, reason) => {
    expect(ymd(text)).toBe(reason);
  });

  it('explains why an impossible date is impossible', () => {
    const parsed = parseDateText('31.02.2024');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.detail).toContain('29 days');
  });

  it('keeps the instant of a full ISO timestamp', () => {
    const parsed = parseDateText('2024-03-01T10:00:00.000Z');
    expect(parsed.ok && parsed.date.getTime()).toBe(Date.UTC(2024, 2, 1, 10));
  });

  it('round-trips every real date through its yyyy-mm-dd and dd.mm.yyyy forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const date = new Date(y, m - 1, d);
        fc.pre(date.getMonth() === m - 1);
        const iso = formatDate(date);
        expect(ymd(iso)).toBe(iso);
        const dotted = `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
        expect(ymd(dotted)).toBe(iso);
      }),
    );
  });

  it('never throws and is idempotent through its own output', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const parsed = parseDateText(text, { today });
        if (parsed.ok && !Number.isNaN(parsed.date.getTime())) {
          const again = parseDateText(formatDate(parsed.date), { today });
          expect(again.ok && formatDate(again.date)).toBe(formatDate(parsed.date));
        }
      }),
    );
  });
});

describe('daysBetween', () => {
  it('counts calendar days', () => {
    expect(daysBetween(new Date(2024, 0, 1), new Date(2024, 2, 1))).toBe(60);
    expect(daysBetween(new Date(2024, 2, 1, 23, 59), new Date(2024, 2, 2, 0, 1))).toBe(1);
  });
});
