import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import { candidateIndex, MAX_CANDIDATES } from '../../../src/core/search/duplicate-candidates';

const HEADER = ['ID', 'First name', 'Last name', 'Email', 'Phone', 'Birthday', 'Tax ID'];
const ROWS = [
  ['C1', 'Александр', 'Петров', 'a.petrov@example.com', '+7 (916) 123-45-67', '', ''],
  ['C2', 'Maria', 'Ionescu', 'Maria.Ionescu+news@Gmail.com', '', '1985-03-14', ''],
  ['C3', 'Ion', 'Popescu', 'ion@example.ro', '+40 721 000 111', '', 'RO123456'],
  ['C4', 'John', 'Smith', 'john@example.com', '', '', ''],
];
const ids = (rows: string[][]) => rows.map((r) => r[0]);
const index = () => candidateIndex(DEFAULT_FIELDS, HEADER, ROWS);

describe('duplicate candidates from the sidebar index', () => {
  it('finds a client by phone written another way, mailbox with dots and capitals, birthday and tax ID', () => {
    expect(ids(index().candidates({ Phone: '8 916 1234567' }))).toEqual(['C1']);
    expect(ids(index().candidates({ Email: 'mariaionescu@gmail.com' }))).toEqual(['C2']);
    expect(ids(index().candidates({ Birthday: '1985-03-14' }))).toEqual(['C2']);
    expect(ids(index().candidates({ 'Tax ID': 'ro 123456' }))).toEqual(['C3']);
  });

  it('finds a surname in the other alphabet and names typed in swapped fields, and a nickname through the surname', () => {
    expect(ids(index().candidates({ 'First name': 'Aleksandr', 'Last name': 'Petrov' }))).toEqual(['C1']);
    expect(ids(index().candidates({ 'First name': 'Popescu', 'Last name': 'Ion' }))).toEqual(['C3']);
    expect(ids(index().candidates({ 'First name': 'Саша', 'Last name': 'Петров' }))).toEqual(['C1']);
  });

  it('ranks a shared contact above a shared surname, leaves out the client being edited, and stops at the limit', () => {
    const many = [...ROWS, ...Array.from({ length: 600 }, (_, i) => [`N${i}`, 'Иван', 'Петров', '', '', '', ''])];
    const big = candidateIndex(DEFAULT_FIELDS, HEADER, many);
    const found = big.candidates({ 'First name': 'Sasha', 'Last name': 'Petrov', Phone: '+79161234567' });
    expect(found).toHaveLength(MAX_CANDIDATES);
    expect(found[0][0]).toBe('C1');
    expect(ids(big.candidates({ Phone: '+79161234567' }, 'C1'))).toEqual([]);
  });

  it('sees a row patched in after a save, under its new values only', () => {
    const idx = index();
    idx.upsert(['C4', 'John', 'Smith', 'john@example.com', '+44 20 7946 0018', '', '']);
    expect(ids(idx.candidates({ Phone: '020 7946 0018' }))).toEqual(['C4']);
    idx.upsert(['C4', 'John', 'Smith', 'john@example.com', '', '', '']);
    expect(ids(idx.candidates({ Phone: '020 7946 0018' }))).toEqual([]);
  });

  it('takes hostile and empty drafts without throwing or matching everyone', () => {
    for (const draft of [
      {},
      { 'First name': '' },
      { 'First name': '=HYPERLINK("x")', 'Last name': '<img src=x onerror=alert(1)>' },
      { 'Last name': '😀🎉', Email: '@', Phone: '+' },
      { 'First name': 'x'.repeat(100_000) },
    ]) {
      expect(index().candidates(draft as Record<string, string>).length).toBeLessThanOrEqual(1);
    }
  });
});
