/**
 * Issue #17: companies are found and merged like people. Name forms (legal
 * form, quotes, alphabet) are one name; a tax ID is strong evidence either way.
 */
import { describe, expect, it } from 'vitest';
import { companyNameKey } from '../../../src/core/dedupe/company-key';
import { findCompanyDuplicates, siteDomain, type CompanyRecord } from '../../../src/core/dedupe/company-records';
import { explainPair } from '../../../src/core/dedupe/engine';

const pairIds = (records: CompanyRecord[]) => findCompanyDuplicates(records).pairs.map((p) => [p.a, p.b].sort().join('+'));

describe('companyNameKey', () => {
  it('gives one key to ООО «Ромашка», Romashka LLC, "Ромашка" ООО and ROMASCHKA GmbH', () => {
    const keys = ['ООО «Ромашка»', 'Romashka LLC', '"Ромашка" ООО', 'ROMASCHKA GmbH', 'Romaška, Ltd.'].map(companyNameKey);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe('romashka');
  });

  it('drops SRL, S.R.L., Ltd, ТОВ, ПП in any spelling', () => {
    expect(companyNameKey('Agro Prim S.R.L.')).toBe(companyNameKey('AGRO PRIM SRL'));
    expect(companyNameKey('ТОВ "Світанок"')).toBe(companyNameKey('Svitanok Ltd'));
    expect(companyNameKey('ПП «Берізка»')).toBe(companyNameKey('Берізка'));
  });

  it('keeps numbers, so two branches stay two names, and is idempotent', () => {
    expect(companyNameKey('Filiala 1 SRL')).not.toBe(companyNameKey('Filiala 2 SRL'));
    for (const name of ['ООО «Ромашка»', 'Щит и Меч', 'Țesături Moldova SRL', '🍀 Clover Ltd', '=HYPERLINK("x")']) {
      const key = companyNameKey(name);
      expect(companyNameKey(key)).toBe(key);
    }
  });

  it('is empty for nothing, punctuation or only quotes, and never throws on hostile text', () => {
    expect(companyNameKey('')).toBe('');
    expect(companyNameKey('«»""')).toBe('');
    expect(companyNameKey('<script>alert(1)</script>')).toMatch(/^[a-z0-9 ]+$/);
    expect(companyNameKey('x'.repeat(100_000)).length).toBeLessThanOrEqual(1000);
  });
});

describe('findCompanyDuplicates', () => {
  const base: CompanyRecord[] = [
    { id: 'c1', name: 'ООО «Ромашка»', taxId: '7701234567', city: 'Москва', phones: ['+7 495 111 22 33'], site: 'romashka.ru' },
    { id: 'c2', name: 'Romashka LLC', city: 'Moscow', emails: ['info@romashka.ru'] },
    { id: 'c3', name: 'Ромашка', taxId: '7701234567' },
    { id: 'c4', name: 'ООО «Ромашка»', taxId: '5402000001', city: 'Новосибирск' },
    { id: 'c5', name: 'Vector SRL', taxId: '1003600012345', city: 'Chișinău', phones: ['+373 22 123 456'] },
    { id: 'c6', name: 'S.R.L. "Vector"', city: 'Кишинёв', phones: ['022 123 456'] },
    { id: 'c7', name: 'Agroprim SRL', city: 'Chișinău' },
  ];

  it('finds one company typed in two alphabets and with or without its tax ID, with reasons in words', () => {
    const { pairs, groups } = findCompanyDuplicates(base, { defaultCountry: 'MD' });
    const ids = pairs.map((p) => [p.a, p.b].sort().join('+'));
    expect(ids).toEqual(expect.arrayContaining(['c1+c2', 'c1+c3', 'c5+c6']));
    const c1c3 = pairs.find((p) => [p.a, p.b].sort().join('+') === 'c1+c3')!;
    expect(c1c3.level).toBe('sure');
    expect(explainPair(c1c3)).toContain('same tax ID (7701234567)');
    const c1c2 = pairs.find((p) => [p.a, p.b].sort().join('+') === 'c1+c2')!;
    expect(c1c2.reasons).toEqual(expect.arrayContaining(['same web domain (romashka.ru)']));
    expect(c1c2.reasons.join(' ')).toContain('written another way');
    expect(groups.map((g) => g.members.join('+'))).toEqual(expect.arrayContaining(['c1+c2+c3', 'c5+c6']));
  });

  it('keeps a namesake company with another tax ID apart, and says why', () => {
    const { pairs, groups } = findCompanyDuplicates(base, { possibleThreshold: 0 });
    const c1c4 = pairs.find((p) => [p.a, p.b].sort().join('+') === 'c1+c4');
    if (c1c4) {
      expect(c1c4.score).toBeLessThan(0.5);
      expect(explainPair(c1c4)).toContain('different tax ID');
    }
    for (const g of groups) expect(g.members.includes('c1') && g.members.includes('c4')).toBe(false);
    expect(pairIds(base)).not.toContain('c1+c4');
  });

  it('does not match two different companies in one town', () => {
    expect(pairIds(base)).not.toContain('c5+c7');
  });

  it('takes hostile and empty rows without throwing or matching them to each other', () => {
    const rows: CompanyRecord[] = [
      { id: 'h1', name: '=HYPERLINK("http://evil")' },
      { id: 'h2', name: '<img src=x onerror=alert(1)>' },
      { id: 'h3' },
      { id: 'h4', name: '' },
      { id: 'h5', name: '🍀🍀🍀' },
      { id: 'h6', name: 'ООО', taxId: '' },
    ];
    expect(() => findCompanyDuplicates(rows)).not.toThrow();
    expect(findCompanyDuplicates(rows).pairs).toEqual([]);
    expect(findCompanyDuplicates([]).groups).toEqual([]);
  });
});

describe('siteDomain', () => {
  it('reads a domain from a URL and rejects what is not one', () => {
    expect(siteDomain('https://www.Romashka.ru/about?x=1')).toBe('romashka.ru');
    expect(siteDomain('romashka.ru')).toBe('romashka.ru');
    expect(siteDomain('not a site')).toBe('');
    expect(siteDomain('=1+1')).toBe('');
  });
});
