import { describe, expect, it } from 'vitest';
import { proposeCompanies, type PersonRow } from '../../../src/core/companies/propose';

const p = (id: string, company: string, taxId = '', companyId = ''): PersonRow => ({ id, company, taxId, companyId });

describe('proposeCompanies', () => {
  it('groups people by tax ID first, then by normalised name', () => {
    const out = proposeCompanies([
      p('c1', 'ООО «Ромашка»', '7707083893'),
      p('c2', 'Romashka LLC'),
      p('c3', 'ТОВ "Ромашка"', '77 07 083893'),
      p('c4', 'Vasilek SRL'),
      p('c5', 'ООО Василек'),
      p('c6', ''),
    ]);
    expect(out.map((g) => g.personIds.sort())).toEqual([
      ['c1', 'c2', 'c3'],
      ['c4', 'c5'],
    ]);
    expect(out[0]).toMatchObject({ by: 'tax id', taxId: '7707083893' });
    expect(out[0].spellings).toEqual(['ООО «Ромашка»', 'ТОВ "Ромашка"', 'Romashka LLC']);
    expect(out[1].by).toBe('name');
  });

  it('keeps two companies of one name apart when their tax IDs differ, and does not guess for a name-only person', () => {
    const out = proposeCompanies([p('a', 'Alfa LLC', '1111111'), p('b', 'ООО Альфа', '2222222'), p('c', 'Alfa')]);
    expect(out.map((g) => g.personIds)).toEqual([['a'], ['b'], ['c']]);
  });

  it('leaves private clients out, even with a personal tax number', () => {
    expect(proposeCompanies([p('a', '', '123456789012'), p('b', '  ')])).toEqual([]);
  });

  it('matches existing companies first, so a second run creates nothing new', () => {
    const out = proposeCompanies(
      [p('a', 'Romashka', ''), p('b', 'x', '', 'CO-1'), p('c', 'Beta', '555555')],
      [{ id: 'CO-1', name: 'ООО «Ромашка»', taxId: '' }],
    );
    expect(out).toEqual([
      { companyId: 'CO-1', name: 'ООО «Ромашка»', taxId: '', spellings: ['ООО «Ромашка»', 'Romashka'], personIds: ['b', 'a'], by: 'existing' },
      { companyId: undefined, name: 'Beta', taxId: '555555', spellings: ['Beta'], personIds: ['c'], by: 'tax id' },
    ]);
  });
});
