/**
 * Search by nickname and diminutive (issue 15): "Саша" finds the Александрs and
 * Alexandras, "Bob" finds Robert, across alphabets, in the browser (with the
 * table the client index carries) and on the server alike.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import { familiesOfSkeleton, nicknameTable } from '../../../src/core/normalize/nicknames';
import { clientSearch } from '../../../src/core/search/client-rows';
import { familiesFromTable } from '../../../src/core/search/find';

const header = ['ID', 'First name', 'Last name', 'Company', 'Email', 'Phone'];
const rows = [
  ['C1', 'Александр', 'Петров', '', '', ''],
  ['C2', 'Aleksandr', 'Ivanov', '', '', ''],
  ['C3', 'Robert', 'Smith', '', '', ''],
  ['C4', 'Саша', 'Белова', '', '', ''],
  ['C5', 'Сашков', 'Николай', '', '', ''],
  ['C6', 'Boris', 'Sashin', 'Sasha Trade', '', ''],
  ['C7', '<img src=x onerror=alert(1)>', '=1+1', '', '', ''],
];

const ids = (hits: { id: string }[]) => hits.map((h) => h.id).sort();

describe.each([
  ['in the browser, with the table the index carries', () => familiesFromTable(nicknameTable())],
  ['on the server', () => familiesOfSkeleton],
])('search by nickname %s', (_, families) => {
  const search = clientSearch(DEFAULT_FIELDS, header, rows, families());

  it('finds the Александрs from "Саша" and "Sasha", whatever alphabet they are written in', () => {
    for (const query of ['Саша', 'sasha', 'Шура']) {
      const found = ids(search.search(query));
      expect(found, query).toEqual(expect.arrayContaining(['C1', 'C2', 'C4']));
      // Only given names count: a surname or company holding the nickname is found only as text.
      expect(found, query).not.toContain('C5');
    }
  });

  it('finds Robert from "Bob", and a nickname with a surname narrows it', () => {
    expect(ids(search.search('Bob'))).toEqual(['C3']);
    expect(ids(search.search('Bob Smith'))).toEqual(['C3']);
    expect(ids(search.search('Саша Петров'))).toEqual(['C1']);
  });

  it('puts an exact name above a nickname match', () => {
    expect(search.search('Саша')[0].id).toBe('C4');
  });

  it('answers hostile and odd queries with nothing thrown', () => {
    for (const query of ['', ' ', '=1+1', '<img src=x onerror=alert(1)>', '😀', 'а'.repeat(10_000)]) expect(() => search.search(query)).not.toThrow();
  });
});

describe('the nickname table sent with the client index', () => {
  it('is compact text: one family a line, skeletons only', () => {
    const table = nicknameTable();
    expect(table.length).toBeLessThan(20_000);
    expect(table).not.toMatch(/[А-я]/);
    expect(table.split('\n').length).toBeGreaterThan(50);
  });
});
