import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { companyKey } from '../../../src/core/normalize/company';

describe('companyKey', () => {
  it.each([
    ['ООО «Ромашка»', 'Romashka LLC'],
    ['ООО "Ромашка"', 'ромашка'],
    ['Общество с ограниченной ответственностью «Ромашка»', 'ROMASHKA Ltd.'],
    ['"Alfa Beta", S.R.L.', 'SC Alfa Beta SRL'],
    ['Acme, Inc.', 'ACME Incorporated'],
    ['Siemens AG', 'Siemens'],
    ['ТОВ «Світанок»', 'Svitanok'],
    ['ФОП Іваненко', 'Ivanenko'],
    ['Banca S.A.', 'banca sa'],
    ['ПАО Сбербанк', 'АО Сбербанк'],
    ['ЗАО Вектор', 'ОАО «Вектор»'],
    ['ИП Петров', 'Petrov'],
    ['ПП Калина', 'Kalina'],
    ['Müller GmbH', 'muller'],
  ])('%s = %s', (a, b) => {
    expect(companyKey(a)).toBe(companyKey(b));
  });

  it('keeps different companies apart and keeps a name made only of legal words', () => {
    expect(companyKey('Ромашка')).not.toBe(companyKey('Василёк'));
    expect(companyKey('Company Ltd')).toBe('company ltd');
    expect(companyKey('')).toBeUndefined();
    expect(companyKey('  «»  ')).toBeUndefined();
    // fast-check seed -749897932: 'ẚ' upper-cases to 'Aʾ'; compatibility forms fold first.
    expect(companyKey('ẚ')).toBe(companyKey('ẚ'.toUpperCase()));
  });

  it('is idempotent, case-insensitive and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('x'.repeat(50_001), '=HYPERLINK("a")', '<img src=x onerror=alert(1)>', '🏢 Ltd')),
        (s) => {
          const key = companyKey(s);
          if (key !== undefined) expect(companyKey(key)).toBe(key);
          expect(companyKey(s.toUpperCase())).toBe(companyKey(s.toLowerCase()));
        },
      ),
    );
  });
});
