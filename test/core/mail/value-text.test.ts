import { describe, expect, it } from 'vitest';
import { valueText } from '../../../src/core/mail/value-text';

const MOSCOW = { timeZone: 'Europe/Moscow' };

describe('valueText', () => {
  it('formats a date cell as dd.MM.yyyy in the spreadsheet zone, not UTC', () => {
    // 21:30 UTC on 14 March is already 15 March in Moscow.
    const midnightMoscow = new Date(Date.UTC(2025, 2, 14, 21, 0));
    expect(valueText(midnightMoscow, MOSCOW)).toBe('15.03.2025');
    expect(valueText(midnightMoscow, { timeZone: 'UTC' })).toBe('14.03.2025 21:00');
  });

  it('adds the time of day only when there is one', () => {
    expect(valueText(new Date(Date.UTC(2025, 0, 5, 7, 5)), MOSCOW)).toBe('05.01.2025 10:05');
  });

  it('follows a locale when one is given', () => {
    const date = new Date(Date.UTC(2025, 2, 14, 21, 0));
    expect(valueText(date, { ...MOSCOW, locale: 'en-US' })).toBe('03/15/2025');
    expect(valueText(date, { ...MOSCOW, locale: 'ru-RU' })).toBe('15.03.2025');
    expect(valueText(1234.5, { ...MOSCOW, locale: 'ru-RU' })).toBe('1234,5');
  });

  it('falls back to UTC for an unknown time zone instead of failing', () => {
    expect(valueText(new Date(Date.UTC(2025, 2, 14)), { timeZone: 'Mars/Olympus' })).toBe('14.03.2025');
  });

  it('reads numbers as a sheet shows them', () => {
    expect(valueText(0.1 + 0.2, MOSCOW)).toBe('0.3');
    expect(valueText(79161234567, MOSCOW)).toBe('79161234567');
    expect(valueText(-0, MOSCOW)).toBe('0');
    expect(valueText(1500, MOSCOW)).toBe('1500');
    expect(valueText(Number.NaN, MOSCOW)).toBe('');
    expect(valueText(Number.POSITIVE_INFINITY, MOSCOW)).toBe('');
  });

  it('keeps text exactly, formulas and markup included', () => {
    for (const text of ['=HYPERLINK("http://evil","x")', '+1', '-1', '@x', '<img src=x onerror=alert(1)>', 'Ёлка 🎄 Tree', '  padded  ']) {
      expect(valueText(text, MOSCOW)).toBe(text);
    }
  });

  it('reads checkboxes as the sheet does and unsupported values as empty', () => {
    expect(valueText(true, MOSCOW)).toBe('TRUE');
    expect(valueText(false, MOSCOW)).toBe('FALSE');
    expect(valueText(null, MOSCOW)).toBe('');
    expect(valueText(undefined, MOSCOW)).toBe('');
    expect(valueText({ a: 1 }, MOSCOW)).toBe('');
    expect(valueText(() => 1, MOSCOW)).toBe('');
    expect(valueText(new Date('garbage'), MOSCOW)).toBe('');
    expect(valueText(['a', 2, ''], MOSCOW)).toBe('a, 2');
  });
});
