import { describe, expect, it } from 'vitest';
import { langOfLocale } from '../../../src/core/i18n/lang';
import { countOf, romanian, slavic } from '../../../src/core/i18n/plural';

describe('the language of a locale tag', () => {
  it.each([
    ['uk', 'uk'],
    ['uk_UA', 'uk'],
    ['uk-UA', 'uk'],
    ['ro', 'ro'],
    ['ro_MD', 'ro'],
    ['mo', 'ro'],
    ['ru_RU', 'ru'],
    ['be-BY', 'ru'],
    ['RU', 'ru'],
    ['en_GB', 'en'],
    ['de_DE', 'en'],
    ['', 'en'],
    ['=cmd|', 'en'],
  ])('%s → %s', (tag, lang) => {
    expect(langOfLocale(tag)).toBe(lang);
  });

  it('reads nothing odd into non-strings', () => {
    expect(langOfLocale(undefined)).toBe('en');
    expect(langOfLocale(42)).toBe('en');
  });
});

describe('plural forms by Intl.PluralRules', () => {
  it('Russian and Ukrainian: one, few, many; fractions take few', () => {
    expect([1, 3, 5, 11, 21, 1.5].map((n) => slavic('ru', n, 'клиент', 'клиента', 'клиентов'))).toEqual([
      '1 клиент',
      '3 клиента',
      '5 клиентов',
      '11 клиентов',
      '21 клиент',
      '1.5 клиента',
    ]);
    expect([1, 4, 12, 101].map((n) => slavic('uk', n, 'рядок', 'рядки', 'рядків'))).toEqual(['1 рядок', '4 рядки', '12 рядків', '101 рядок']);
  });

  it('Romanian: one, few (0–19 and 101–119), other (20+) with "de"', () => {
    expect([0, 1, 2, 19, 20, 100, 101, 120].map((n) => romanian(n, 'zi', 'zile', 'de zile'))).toEqual([
      '0 zile',
      '1 zi',
      '2 zile',
      '19 zile',
      '20 de zile',
      '100 de zile',
      '101 zile',
      '120 de zile',
    ]);
  });

  it('English falls back to other for any category it lacks', () => {
    expect([0, 1, 2].map((n) => countOf('en', n, { one: 'day', other: 'days' }))).toEqual(['0 days', '1 day', '2 days']);
  });
});
