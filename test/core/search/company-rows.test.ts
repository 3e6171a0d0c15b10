import { describe, expect, it } from 'vitest';
import { companySearch } from '../../../src/core/search/company-rows';

const ROWS = [
  ['CO-1', 'ООО «Ромашка»', '7707083893'],
  ['CO-2', 'Vasilek S.R.L.', 'RO 1234567'],
  ['CO-3', '<script>alert(1)</script> 😀', ''],
  ['', 'no id', '1'],
];

describe('companies in the type-ahead', () => {
  const search = companySearch(ROWS);
  const ids = (q: string) => search.search(q).map((h) => h.id);

  it('finds a company by any form of its name and by its tax ID digits', () => {
    expect(ids('Romashka')).toEqual(['CO-1']);
    expect(ids('ромаш')).toEqual(['CO-1']);
    expect(ids('ООО Ромашка')).toEqual(['CO-1']);
    expect(ids('Romashka LLC')).toEqual(['CO-1']);
    expect(ids('Василек')).toEqual(['CO-2']);
    expect(ids('7707 083')).toEqual(['CO-1']);
    expect(ids('1234567')).toEqual(['CO-2']);
  });

  it('keeps hostile names as text and finds nothing for nothing', () => {
    expect(search.search('script')[0]).toEqual({ id: 'CO-3', name: '<script>alert(1)</script> 😀', taxId: '' });
    expect(ids('')).toEqual([]);
    expect(ids('=SUM(1)')).toEqual([]);
    expect(ids('x'.repeat(5000))).toEqual([]);
    expect(search.size).toBe(3);
  });
});
