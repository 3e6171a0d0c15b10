import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumberText, usesDecimalComma } from '../../../src/core/validate/parse-number';

const money = (text: string, country?: string) => {
  const parsed = parseNumberText(text, { money: true, decimalComma: usesDecimalComma(country) });
  return parsed.ok ? parsed.value : parsed.reason;
};
const number = (text: string, country?: string) => {
  const parsed = parseNumberText(text, { decimalComma: usesDecimalComma(country) });
  return parsed.ok ? parsed.value : parsed.reason;
};

describe('parseNumberText', () => {
  it.each([
    ['1 234,50', 1234.5],
    ['1\u00a0234,50', 1234.5],
    ['1,234.50', 1234.5],
    ['1.234,50', 1234.5],
    ['1234.5 ₽', 1234.5],
    ['1234,5 руб.', 1234.5],
    ['$1,200', 1200],
    ['€ 99,90', 99.9],
    ['1 200 грн', 1200],
    ['1,234', 1234],
    ['1.234 ₽', 1234],
    ['(300)', -300],
    ['−5', -5],
    ['-1 000 000', -1_000_000],
    ['0', 0],
    ['-0', 0],
    ["1'234.5", 1234.5],
    ['15%', 0.15],
    ['USD 10', 10],
    ['10 lei', 10],
  ])('reads money %s as %s', (text, expected) => {
    expect(money(text)).toBe(expected);
  });

  it('reads a lone comma with three decimals as a decimal comma for plain numbers, as grouping where dots are decimals', () => {
    expect(number('1,234')).toBe(1.234);
    expect(number('1,234', 'RU')).toBe(1.234);
    expect(number('1,234', 'US')).toBe(1234);
    expect(number('1.5')).toBe(1.5);
    expect(number('2,5')).toBe(2.5);
  });

  it.each(['abc', '1.2.3,4,5', '12abc', '1,2,3', '--5', '1e', ',', '', '=1+1', '+', '<b>1</b>', '1 2 3 4 x', '5 🍎', '1,23,4'])('rejects %s', (text) => {
    expect(typeof money(text)).toBe('string');
  });

  it('refuses amounts Sheets would round', () => {
    expect(money('10000000000000000')).toBe('too_large');
    expect(money('1e400')).toBe('too_large');
  });

  it('reads every formatted amount back to the amount, in both locales', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = whole + (whole < 0 ? -cents : cents) / 100;
        const abs = Math.abs(value);
        const [int, frac] = abs.toFixed(2).split('.');
        const sign = value < 0 ? '-' : '';
        const en = `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
        const ru = `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac}`;
        expect(money(en)).toBeCloseTo(value, 2);
        expect(money(ru)).toBeCloseTo(value, 2);
      }),
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const parsed = parseNumberText(text, { money: true });
        if (parsed.ok) expect(Number.isFinite(parsed.value)).toBe(true);
      }),
    );
  });
});
