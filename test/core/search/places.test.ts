import { describe, expect, it } from 'vitest';
import { clientSearch } from '../../../src/core/search/client-rows';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';

const header = ['ID', ...DEFAULT_FIELDS.map((f) => f.name)];
const row = (id: string, first: string, city: string) => header.map((h) => (h === 'ID' ? id : h === 'First name' ? first : h === 'City' ? city : ''));
const search = clientSearch(DEFAULT_FIELDS, header, [
  row('C1', 'Олег', 'Київ'),
  row('C2', 'Анна', 'Санкт-Петербург'),
  row('C3', 'Ion', 'Кишинёв'),
  row('C4', 'Maria', 'г. Москва'),
  row('C5', 'Moskvin', ''),
  row('C6', 'Pavel', '=HYPERLINK("x")'),
]);
const ids = (q: string) => search.search(q).map((h) => h.id);

describe('search by city in any language', () => {
  it('finds a city by its other spellings', () => {
    expect(ids('Kyiv')).toEqual(['C1']);
    expect(ids('Киев')).toEqual(['C1']);
    expect(ids('St. Petersburg')).toEqual(['C2']);
    expect(ids('СПб')).toEqual(['C2']);
    expect(ids('Chișinău')).toEqual(['C3']);
    expect(ids('Moscow')).toEqual(['C4']);
    expect(ids('Москва')).toEqual(['C4']);
  });

  it('combines a city with a name and keeps names as they were', () => {
    expect(ids('Олег Kyiv')).toEqual(['C1']);
    expect(ids('Анна Kyiv')).toEqual([]);
    expect(ids('Moskvin')).toEqual(['C5']);
    expect(ids('hyperlink')).toEqual(['C6']);
  });
});
