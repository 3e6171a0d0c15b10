import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateValue, type ValueCheck } from '../../../src/core/validate/value';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import type { FieldDef, FieldType } from '../../../src/core/schema/field';
import { FIELD_TYPES } from '../../../src/core/schema/field';
import { isDate } from '../../../src/core/values';

const byName = (name: string): FieldDef => {
  const field = DEFAULT_FIELDS.find((f) => f.name === name);
  if (!field) throw new Error(name);
  return field;
};
const custom = (type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({
  name: 'X',
  type,
  required: false,
  options: [],
  unique: false,
  help: '',
  ...extra,
});
const today = new Date(2025, 5, 15);
const ctx = { defaultCountry: 'RU' as const, today };
const check = (field: FieldDef, value: unknown) => validateValue(field, value, ctx);
const okValue = (c: ValueCheck) => (c.ok ? c.value : undefined);
const message = (c: ValueCheck) => (c.ok ? '' : c.message);

const HOSTILE: unknown[] = [
  '',
  '   ',
  'x'.repeat(50_001),
  '=HYPERLINK("http://evil","click")',
  '+1',
  '-1',
  '@x',
  '<img src=x onerror=alert(1)>',
  'Иван Ivanov',
  '😀👍🏽',
  'a\u0000b',
  new Date(2024, 0, 1),
  new Date(NaN),
  42,
  -3.5,
  NaN,
  Infinity,
  true,
  false,
  null,
  undefined,
  {},
  [],
  ['a'],
];

describe('validateValue: every type against hostile values', () => {
  it.each(FIELD_TYPES)('%s never throws and every failure names the field', (type) => {
    const field = custom(type, { name: 'Поле', options: type === 'choice' || type === 'tags' ? ['A', 'B'] : [] });
    for (const value of HOSTILE) {
      const result = validateValue(field, value, ctx);
      if (!result.ok) {
        expect(result.message.startsWith('Поле')).toBe(true);
        expect(result.message.length).toBeLessThan(400);
      }
    }
  });

  it('rejects text longer than a cell holds, in every type, and says so', () => {
    for (const type of FIELD_TYPES) {
      const result = check(custom(type), 'y'.repeat(50_001));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.kind).toBe('too_long');
    }
    expect(check(custom('text'), 'y'.repeat(50_000)).ok).toBe(true);
  });

  it('keeps formula-looking and HTML text as text', () => {
    for (const text of ['=HYPERLINK("x")', '+1', '-1', '@x', '<img src=x onerror=alert(1)>']) {
      expect(okValue(check(custom('text'), text))).toBe(text);
    }
  });

  it('flags control characters and suggests the text without them', () => {
    const result = check(custom('text'), 'Ivan\u0007 Petrov\u001b[31m');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.suggestion).toBe('Ivan Petrov[31m');
    expect(okValue(check(custom('text'), 'line one\nline two\tend'))).toBe('line one\nline two\tend');
  });

  it('says a required value is missing', () => {
    const result = check(custom('email', { name: 'Email', required: true }), '  ');
    expect(message(result)).toBe('Email is required');
    expect(check(custom('email'), '').ok).toBe(true);
  });
});

describe('email', () => {
  const email = byName('Email');
  it('lower-cases and trims', () => {
    expect(okValue(check(email, '  Anna.Petrova@Mail.RU '))).toBe('anna.petrova@mail.ru');
  });
  it('suggests the intended domain', () => {
    const result = check(email, 'x@gmial.com');
    expect(message(result)).toBe('Email: "x@gmial.com" is not a valid address — did you mean x@gmail.com?');
    expect(!result.ok && result.suggestion).toBe('x@gmail.com');
  });
  it.each([['anna@'], ['anna mail.ru'], ['<script>@x.com'], ['a@b.c'], ['анна@почта']])('rejects %s', (v) => {
    expect(check(email, v).ok).toBe(false);
  });
  it('rejects two addresses in one cell instead of keeping one', () => {
    expect(message(check(email, 'a@x.com, b@y.com'))).toContain('more than one address');
  });
  it('rejects a date or a number in an email column', () => {
    expect(message(check(email, new Date(2024, 0, 1)))).toContain('a date');
    expect(message(check(email, 42))).toContain('a number');
  });
});

describe('phone', () => {
  const phone = byName('Phone');
  it.each([
    ['8 (916) 123-45-67', '+79161234567'],
    ['+40 721 234 567', '+40721234567'],
    [79161234567, '+79161234567'],
  ])('reads %s as %s', (raw, e164) => {
    expect(okValue(check(phone, raw))).toBe(e164);
  });
  it('reads a number cell that lost its "+" without a default country', () => {
    expect(okValue(validateValue(phone, 40721234567, {}))).toBe('+40721234567');
  });
  it('asks for a country code when none is known', () => {
    expect(message(validateValue(phone, '0721 234 567', {}))).toContain('country code');
  });
  it.each([['call me'], ['123'], ['+7 916 123-45-67, +7 495 123-45-67'], ['=1+1'], [new Date()], [1.5], [true]])('rejects %s', (v) => {
    expect(check(phone, v).ok).toBe(false);
  });
});

describe('date', () => {
  const birthday = byName('Birthday');
  const next = byName('Next action date');
  it('accepts Date cells and local text formats', () => {
    const cell = new Date(1985, 2, 14);
    expect(okValue(check(birthday, cell))).toBe(cell);
    const parsed = okValue(check(birthday, '14.03.1985'));
    expect(isDate(parsed) && parsed.getDate()).toBe(14);
  });
  it('rejects an impossible date with the reason', () => {
    expect(message(check(next, '31.02.2024'))).toBe('Next action date: "31.02.2024" is not a real date — February 2024 has 29 days');
  });
  it('rejects a birthday in the future but not a next action date', () => {
    expect(check(birthday, '01.01.2030').ok).toBe(false);
    expect(check(next, '01.01.2030').ok).toBe(true);
  });
  it('suggests the date a spreadsheet serial number stands for', () => {
    const result = check(next, 45292);
    expect(result.ok).toBe(false);
    const suggestion = !result.ok ? result.suggestion : undefined;
    expect(isDate(suggestion) && [suggestion.getFullYear(), suggestion.getMonth(), suggestion.getDate()]).toEqual([2024, 0, 1]);
  });
  it('rejects a zero-day Date cell (1899-12-30)', () => {
    expect(check(next, new Date(1899, 11, 30)).ok).toBe(false);
  });
});

describe('number and money', () => {
  it('parses local amounts', () => {
    expect(okValue(check(custom('money'), '1 234,50 ₽'))).toBe(1234.5);
    expect(okValue(check(custom('money'), '$1,200'))).toBe(1200);
    expect(okValue(check(custom('number'), -7))).toBe(-7);
  });
  it('rejects what is not a number', () => {
    expect(message(check(custom('money', { name: 'Spent' }), 'a lot'))).toBe('Spent: "a lot" is not an amount');
    expect(check(custom('number'), true).ok).toBe(false);
    expect(check(custom('number'), new Date()).ok).toBe(false);
    expect(check(custom('number'), Infinity).ok).toBe(false);
    expect(check(custom('number'), 1e16).ok).toBe(false);
  });
});

describe('choice and tags', () => {
  const stage = byName('Stage');
  it('accepts options in any case and returns the spelling from Fields', () => {
    expect(okValue(check(stage, ' hot '))).toBe('Hot');
    expect(okValue(check(stage, 'vip'))).toBe('VIP');
  });
  it('suggests the closest option', () => {
    const result = check(stage, 'Hto');
    expect(message(result)).toBe('Stage: "Hto" is not one of Cold, Warm, Hot, VIP, Lost — did you mean Hot?');
    expect(!result.ok && result.suggestion).toBe('Hot');
  });
  it('does not invent a suggestion for something unrelated', () => {
    const result = check(stage, 'Платиновый');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.suggestion).toBeUndefined();
  });
  it('checks a number or a date in a choice column as the text it shows', () => {
    const sizes = custom('choice', { name: 'Size', options: ['10', '20'] });
    expect(okValue(check(sizes, 10))).toBe('10');
    expect(check(sizes, 30).ok).toBe(false);
    expect(check(sizes, new Date()).ok).toBe(false);
  });
  it('splits tags and checks each against the options', () => {
    const tags = custom('tags', { name: 'Tags', options: ['VIP', 'Wholesale', 'Retail'] });
    expect(okValue(check(tags, 'vip; retail, VIP'))).toBe('VIP, Retail');
    const result = check(tags, 'VIP, Retial');
    expect(message(result)).toContain('"Retial"');
    expect(!result.ok && result.suggestion).toBe('VIP, Retail');
    expect(okValue(check(byName('Tags'), ' a ,b,,a '))).toBe('a, b');
  });
});

describe('checkbox, url, person', () => {
  it('reads yes/no in four languages', () => {
    const optOut = byName('Opt-out');
    expect(okValue(check(optOut, 'да'))).toBe(true);
    expect(okValue(check(optOut, 'FALSE'))).toBe(false);
    expect(message(check(optOut, 'maybe'))).toContain('not a yes/no value');
  });
  it('allows only http(s) links', () => {
    const site = custom('url', { name: 'Site' });
    expect(okValue(check(site, ' https://example.com/a?b=1 '))).toBe('https://example.com/a?b=1');
    expect(check(site, 'https://пример.рф').ok).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'ftp://x.com', 'http://', 'https://exa mple.com', 'http://x']) {
      expect(check(site, bad).ok).toBe(false);
    }
    const bare = check(site, 'www.example.com');
    expect(!bare.ok && bare.suggestion).toBe('https://www.example.com');
  });
  it('takes a person as a name or an email', () => {
    const manager = byName('Manager');
    expect(okValue(check(manager, '  Anna  Petrova '))).toBe('Anna Petrova');
    expect(okValue(check(manager, 'Anna@Firm.com'))).toBe('anna@firm.com');
    expect(check(manager, 'anna@firm').ok).toBe(false);
    expect(check(manager, '12345').ok).toBe(false);
    expect(check(manager, 12345).ok).toBe(false);
  });
});

describe('properties', () => {
  it('never throws on any value for any type, and a valid normalised value validates to itself', () => {
    const anyValue = fc.oneof(fc.string({ maxLength: 40 }), fc.double(), fc.integer(), fc.boolean(), fc.date({ noInvalidDate: false }), fc.constant(null));
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_TYPES), anyValue, (type, value) => {
        const field = custom(type, { options: type === 'choice' || type === 'tags' ? ['A', 'Bb', 'Ccc'] : [] });
        const first = validateValue(field, value, ctx);
        if (first.ok && first.value !== '') {
          const again = validateValue(field, first.value, ctx);
          expect(again.ok).toBe(true);
          const a = again.ok ? again.value : undefined;
          if (isDate(a) && isDate(first.value)) expect(a.getTime()).toBe(first.value.getTime());
          else expect(a).toEqual(first.value);
        }
      }),
    );
  });
});
