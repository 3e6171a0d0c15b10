import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countryCode } from '../../../src/core/normalize/country';
import { parsePhone } from '../../../src/core/normalize/phone';

describe('countryCode', () => {
  it.each([
    ['Россия', 'RU'],
    ['Україна', 'UA'],
    ['Украина', 'UA'],
    ['România', 'RO'],
    ['Republica Moldova', 'MD'],
    ['Молдова', 'MD'],
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['gb', 'GB'],
    ['Великобритания', 'GB'],
    ['  Deutschland ', 'DE'],
  ])('reads %j as %s', (text, code) => expect(countryCode(text)).toBe(code));

  it('leaves cities, empty and hostile text to the default', () => {
    for (const text of ['Chișinău', '', '=HYPERLINK("x")', '<b>RU</b>', 'x'.repeat(100), 42]) expect(countryCode(text)).toBeUndefined();
  });

  it('never throws, and an unknown two-letter code does not break phone parsing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => countryCode(s) === undefined || /^[A-Z]{2}$/.test(countryCode(s)!)));
    expect(parsePhone('+40 721 234 567', countryCode('XX')).ok).toBe(true);
    expect(parsePhone('07480 932306', countryCode('United Kingdom'))).toMatchObject({ ok: true, e164: '+447480932306' });
  });
});
