/** Issue 17: a new company takes its people's company-level cells (Address, City, Stage…), the most common value, with the disagreements listed. */
import { describe, expect, it } from 'vitest';
import { carrySources, carryValues } from '../../../src/core/companies/carry-fields';
import { DEFAULT_COMPANY_FIELDS } from '../../../src/core/companies/company-fields';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import type { FieldDef } from '../../../src/core/schema/field';

const renamed = (key: string, name: string): FieldDef => ({ ...DEFAULT_FIELDS.find((f) => f.key === key)!, name });

describe('carrying company fields from people', () => {
  // A list whose headers are its own words: Город is City by its key, "Sector" an extra column matched by name.
  const header = ['ID', 'Компания', 'Город', 'Address', 'Stage', 'Rating', 'Rating comment', 'Sector', 'Менеджер'];
  const fields = [
    renamed('company', 'Компания'),
    renamed('city', 'Город'),
    renamed('address', 'Address'),
    renamed('stage', 'Stage'),
    renamed('rating', 'Rating'),
    renamed('ratingComment', 'Rating comment'),
    renamed('manager', 'Менеджер'),
  ];
  const sources = carrySources(DEFAULT_COMPANY_FIELDS, fields, header);

  it('finds each company field by its key, else by its name; never Name, Tax ID or the people’s own ratings', () => {
    expect(sources.map((s) => [s.companyField, header[s.column]])).toEqual([
      ['Address', 'Address'],
      ['City', 'Город'],
      ['Sector', 'Sector'],
      ['Stage', 'Stage'],
      ['Manager', 'Менеджер'],
    ]);
  });

  it('gives the company the value most of its people have, lists every value where they differ, and skips blanks and formulas', () => {
    const rows = [
      ['C1', 'ООО «Ромашка»', 'Санкт-Петербург', 'Невский 1', 'VIP', 5, 'top', '=HYPERLINK("x")', 'max@example.com'],
      ['C2', 'Romashka LLC', 'St. Petersburg', '', 'VIP', 2, '', 'Retail', ''],
      ['C3', 'ТОВ "Ромашка"', 'St.  Petersburg ', '', 'Hot', '', '', '<img src=x onerror=alert(1)>', 'max@example.com'],
    ];
    const carried = carryValues(sources, rows, (r, c) => r === 0 && c === 7);
    expect(carried.values).toEqual({
      Address: 'Невский 1',
      City: 'St. Petersburg',
      Sector: 'Retail',
      Stage: 'VIP',
      Manager: 'max@example.com',
    });
    expect(carried.conflicts).toEqual([
      { field: 'City', values: ['St. Petersburg', 'Санкт-Петербург'] },
      { field: 'Sector', values: ['Retail', '<img src=x onerror=alert(1)>'] },
      { field: 'Stage', values: ['VIP', 'Hot'] },
    ]);
  });

  it('on a tie keeps the first person’s value; a date stays a date; nothing to carry gives nothing', () => {
    const day = new Date('2026-03-01T00:00:00Z');
    const dated: FieldDef = { name: 'Since', type: 'date', required: false, options: [], unique: false, help: '' };
    const own = carrySources([...DEFAULT_COMPANY_FIELDS, dated], fields, [...header, 'Since']);
    const carried = carryValues(own, [
      ['C1', 'A', 'Chișinău', '', '', '', '', '', '', day],
      ['C2', 'A', 'Кишинёв', '', '', '', '', '', '', ''],
    ]);
    expect(carried.values).toEqual({ City: 'Chișinău', Since: day });
    expect(carried.conflicts).toEqual([{ field: 'City', values: ['Chișinău', 'Кишинёв'] }]);
    expect(carryValues(own, [['C1', 'A', '', '', '', '', '', '', '', '']])).toEqual({ values: {}, conflicts: [] });
  });
});
