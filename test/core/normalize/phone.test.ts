import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePhone, phoneKey } from '../../../src/core/normalize/phone';

describe('parsePhone', () => {
  it.each([
    ['8(916)1234567', 'RU', '+79161234567'],
    ['+7 916 123-45-67', 'RU', '+79161234567'],
    ['+40 721 234 567', 'RU', '+40721234567'],
    ['0721 234 567', 'RO', '+40721234567'],
    ['067 123 4567', 'UA', '+380671234567'],
    ['0044 20 7946 0958', 'RU', '+442079460958'],
  ] as const)('reads %s (default %s) as %s', (raw, country, e164) => {
    const parsed = parsePhone(raw, country);
    expect(parsed.ok && parsed.e164).toBe(e164);
  });

  it.each([
    ['', 'empty'],
    ['call me', 'not_a_number'],
    ['=HYPERLINK("x")', 'not_a_number'],
    ['12', 'too_short'],
    ['1'.repeat(50_001), 'too_long'],
    ['+7 916 123-45-67 📞', 'not_a_number'],
  ])('rejects %j as %s', (raw, reason) => {
    const parsed = parsePhone(raw, 'RU');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toBe(reason);
  });

  it('gives the same key to every formatting of one number', () => {
    fc.assert(
      fc.property(fc.constantFrom(' ', '-', '.', ''), fc.boolean(), (sep, parens) => {
        const area = parens ? '(916)' : '916';
        const written = ['8', area, '123', '45', '67'].join(sep);
        return phoneKey(written, 'RU') === '+79161234567';
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => typeof parsePhone(s, 'RU').ok === 'boolean'));
  });
});

describe('phoneKey reads a phone exactly as parsePhone does, without formatting it', () => {
  it('is the E.164 number parsePhone gives, else the last 9 digits, on phone-like and hostile text', () => {
    const phoneLike = fc.oneof(
      fc.stringMatching(/^(\+|00|8|0)?[ (]?\d{2,4}[) -]?\d{2,4}[ -]?\d{2,4}$/),
      fc.constantFrom('', '=HYPERLINK("tel:1")', '<img src=x>', '8 800 ext 5', '+7 (0) 916', '👩‍💻 123', '12345678901234567890'),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(phoneLike, fc.constantFrom(undefined, 'RU', 'UA', 'RO', 'GB', 'XX'), (raw, country) => {
        const parsed = parsePhone(raw, country as 'RU' | undefined);
        const digits = raw.replace(/\D/g, '');
        expect(phoneKey(raw, country as 'RU' | undefined)).toBe(parsed.ok ? parsed.e164 : digits.length >= 7 ? digits.slice(-9) : undefined);
      }),
      { numRuns: 300 },
    );
  });
});
