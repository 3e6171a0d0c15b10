import { describe, expect, it } from 'vitest';
import { companyNameKey, displayName, taxIdKey } from '../../../src/core/companies/company-name';

describe('companyNameKey', () => {
  it('reads the legal forms and quotes of four languages as one company', () => {
    const forms = [
      'ООО «Ромашка»',
      'Romashka LLC',
      'ТОВ "Ромашка"',
      "ПрАТ 'Ромашка'",
      'Romashka S.R.L.',
      'ROMASHKA, Ltd.',
      'Romashka GmbH',
      'ЗАО Ромашка',
      'ИП Ромашка',
      'Romashka Inc',
      'Romashka SA',
    ];
    expect(new Set(forms.map(companyNameKey))).toEqual(new Set(['romashka']));
  });

  it('keeps different companies apart', () => {
    expect(companyNameKey('ООО «Ромашка»')).not.toBe(companyNameKey('ООО «Василёк»'));
    expect(companyNameKey('Alfa Trade LLC')).toBe('alfa trade');
  });

  it('gives nothing for blank or punctuation-only input, and survives hostile text', () => {
    expect(companyNameKey('')).toBeUndefined();
    expect(companyNameKey('  «» "" ')).toBeUndefined();
    expect(companyNameKey(null)).toBeUndefined();
    // Formula-looking text is only letters to compare (the romanisation skeleton spells y as i).
    expect(companyNameKey('=HYPERLINK("x")')).toBe('hiperlink x');
    expect(companyNameKey('<img src=x onerror=alert(1)>')).toBe('img srk x oneror alert 1');
    expect(companyNameKey('🌼 Ромашка 🌼 ООО')).toBe('romashka');
    expect(companyNameKey('x'.repeat(100_000))?.length).toBeLessThanOrEqual(300);
  });
});

describe('taxIdKey', () => {
  it('ignores spaces and dashes, refuses what holds no number', () => {
    expect(taxIdKey('77 07-083893')).toBe('7707083893');
    expect(taxIdKey('RO 123456')).toBe('RO123456');
    expect(taxIdKey('n/a')).toBeUndefined();
    expect(taxIdKey('')).toBeUndefined();
  });
});

describe('displayName', () => {
  it('takes the spelling most people use', () => {
    expect(displayName(['Romashka LLC', 'ООО «Ромашка»', 'ООО  «Ромашка» '])).toBe('ООО «Ромашка»');
    expect(displayName(['', ' '])).toBe('');
  });
});
