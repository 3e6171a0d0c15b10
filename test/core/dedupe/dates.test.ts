import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareBirthDates, parseBirthDate } from '../../../src/core/dedupe/dates';

const d = (text: string) => {
  const parsed = parseBirthDate(text);
  if (!parsed) throw new Error(`unparsed ${text}`);
  return parsed;
};

describe('parseBirthDate', () => {
  it.each([
    ['1971-06-24', '19710624'],
    ['24.06.1971', '19710624'],
    ['19710624', '19710624'],
    ['24/06/1971', '19710624'],
    ['06/24/1971', '19710624'],
    ['24.06.71', '19710624'],
    ['1971-06-24T00:00:00.000Z', '19710624'],
    ['01.02.05', '20050201'],
  ])('%s → %s', (text, key) => {
    expect(parseBirthDate(text)?.key).toBe(key);
  });

  it.each([
    ['31.02.1990', 'month', '199002'],
    ['1990-13-01', 'year', '1990'],
    ['1971', 'year', '1971'],
    ['06.1971', 'month', '197106'],
    ['c. 1788', 'year', '1788'],
    ['1650-03-12', 'day', '16500312'],
  ])('keeps what %j says: %s precision, key %s', (text, precision, key) => {
    const parsed = parseBirthDate(text);
    expect(parsed?.precision).toBe(precision);
    expect(parsed?.key).toBe(key);
  });

  it('compares a partial date only on what both say', () => {
    expect(compareBirthDates(parseBirthDate('1971')!, parseBirthDate('24.06.1971')!)).toBe('same-year');
    expect(compareBirthDates(parseBirthDate('31.06.1971')!, parseBirthDate('24.06.1971')!)).toBe('same-month');
    expect(compareBirthDates(parseBirthDate('1971')!, parseBirthDate('1984-01-01')!)).toBe('different');
  });

  it.each(['', 'yesterday', '=TODAY()', '<img src=x>', '🎂', 'x'.repeat(50_001), '0000-00-00'])('rejects %j', (text) => {
    expect(parseBirthDate(text)).toBeUndefined();
  });

  it('never throws and is format invariant', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        parseBirthDate(s);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, day) => {
        const pad = (n: number) => String(n).padStart(2, '0');
        const iso = parseBirthDate(`${y}-${pad(m)}-${pad(day)}`);
        expect(parseBirthDate(`${pad(day)}.${pad(m)}.${y}`)).toEqual(iso);
        expect(parseBirthDate(`${y}${pad(m)}${pad(day)}`)).toEqual(iso);
      }),
    );
  });
});

describe('compareBirthDates', () => {
  it.each([
    ['1971-06-24', '1971-06-24', 'exact'],
    ['1971-06-05', '1971-05-06', 'swapped'],
    ['1971-06-24', '1971-06-25', 'one-digit'],
    ['1971-06-24', '1981-06-24', 'one-digit'],
    ['1971-06-24', '1971-06-42'.replace('42', '14'), 'one-digit'],
    ['1986-12-29', '1987-01-28', 'close'],
    ['1971-11-18', '1981-10-18', 'similar'],
    ['1971-06-24', '1985-02-11', 'different'],
  ] as const)('%s vs %s: %s', (a, b, level) => {
    expect(compareBirthDates(d(a), d(b))).toBe(level);
    expect(compareBirthDates(d(b), d(a))).toBe(level);
  });
});

describe('years one digit apart', () => {
  it('agrees with comparing the digits as text, for years 1700–2020 and their neighbours', () => {
    const textDigits = (x: string, y: string) => {
      let diff = 0;
      for (let i = 0; i < x.length; i++) {
        if (x[i] === y[i]) continue;
        if (i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i]) i++;
        diff++;
      }
      return diff;
    };
    for (let x = 1700; x <= 2020; x += 1)
      for (const y of [x + 1, x + 9, x + 10, x + 54, x + 90, x + 100, x + 270].filter((v) => v <= 2020)) {
        const got = compareBirthDates(parseBirthDate(String(x))!, parseBirthDate(String(y))!);
        expect(got, `${x} / ${y}`).toBe(textDigits(String(x), String(y)) <= 1 ? 'similar' : 'different');
      }
  });
});
