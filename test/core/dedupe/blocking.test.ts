import { describe, expect, it } from 'vitest';
import { blockingKeys, buildBlocks, forEachCandidatePair, NEIGHBOUR_WINDOW } from '../../../src/core/dedupe/blocking';
import { prepareRecord } from '../../../src/core/dedupe/features';
import type { PersonRecord } from '../../../src/core/dedupe/record';

function countPairs(records: PersonRecord[]): number {
  const prepared = records.map((r) => prepareRecord(r, 'RU'));
  let pairs = 0;
  forEachCandidatePair(buildBlocks(prepared), prepared.length, (i, j) => {
    expect(i).toBeLessThan(j);
    pairs++;
  });
  return pairs;
}

/** Seeded surnames that differ from each other (no shared blocks by surname). */
function surname(i: number): string {
  const syllables = ['ba', 'ke', 'ti', 'mo', 'ru', 'sa', 'le', 'ni', 'po', 'du', 'fa', 'ge', 'vi', 'zo', 'lu', 'ra'];
  let n = i * 7919 + 13;
  let out = '';
  for (let k = 0; k < 4; k++) {
    out += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  }
  return out[0].toUpperCase() + out.slice(1);
}

describe('blocking', () => {
  it('gives a record several keys: phone, email, name, birth date', () => {
    const keys = blockingKeys(
      prepareRecord({
        id: 'a',
        firstName: 'Rob',
        lastName: 'Smith',
        phones: ['+44 7700 900123'],
        emails: ['rob@x.com'],
        birthDate: '1971-06-24',
        postcode: 'SW1A 1AA',
      }),
    );
    expect(keys).toEqual(expect.arrayContaining(['p:+447700900123', 'e:rob@x.com', 'd:19710624']));
    expect(keys).toContain('n:smit|ro');
    expect(keys.length).toBeGreaterThan(6);
  });

  it('puts records with the same phone in different formats in one block', () => {
    expect(
      countPairs([
        { id: 'a', phones: ['8(916)1234567'] },
        { id: 'b', phones: ['+7 916 123-45-67'] },
      ]),
    ).toBe(1);
  });

  it('never compares all pairs of a huge block of one common value', () => {
    const n = 3000;
    const records: PersonRecord[] = Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      firstName: 'John',
      lastName: surname(i),
      city: 'London',
      birthDate: '1980-01-01',
    }));
    const pairs = countPairs(records);
    // All pairs would be 4.5 million; neighbourhoods keep it linear in n.
    expect(pairs).toBeLessThan(n * 2 * NEIGHBOUR_WINDOW * 2);
  });

  it('compares nothing for records without any usable value', () => {
    expect(countPairs([{ id: 'a' }, { id: 'b' }, { id: 'c', firstName: '🎉' }])).toBe(0);
  });
});

describe('blocking that survives missing and mistyped fields (issue #14)', () => {
  const meet = (a: PersonRecord, b: PersonRecord) => {
    const ka = new Set(blockingKeys(prepareRecord(a)));
    return blockingKeys(prepareRecord(b)).some((k) => ka.has(k));
  };

  it('meets one phone written nationally and internationally with no default country, and nothing else shared', () => {
    expect(meet({ id: 'a', firstName: 'X', phones: ['+7 916 123-45-67'] }, { id: 'b', lastName: 'Y', phones: ['8 (916) 123-45-67'] })).toBe(true);
    expect(meet({ id: 'a', phones: ['+373 69 123 456'] }, { id: 'b', phones: ['069 123 456'] })).toBe(true);
  });

  it('meets mailboxes whose digits were mistyped', () => {
    expect(meet({ id: 'a', emails: ['kovalenko.ira77@ukr.net'] }, { id: 'b', emails: ['kovalenko.ira7@gmail.com'] })).toBe(true);
  });

  it('meets initials with the full name, and a surname with its Romanian spelling in Cyrillic', () => {
    expect(meet({ id: 'a', fullName: 'Петров А. В.' }, { id: 'b', firstName: 'Алексей', lastName: 'Петров' })).toBe(true);
    expect(meet({ id: 'a', firstName: 'Vasile', lastName: 'Ciobanu' }, { id: 'b', firstName: 'Василе', lastName: 'Чобану' })).toBe(true);
  });

  it('meets on birth year and city when the names are typed too differently', () => {
    expect(
      meet(
        { id: 'a', firstName: 'Kseniya', lastName: 'Qwerty', birthDate: '1984', city: 'Тверь' },
        { id: 'b', firstName: 'Oxana', lastName: 'Zxcv', birthDate: '03.04.1984', city: 'Tver' },
      ),
    ).toBe(true);
  });

  it('does not make a block of every info@ mailbox', () => {
    expect(meet({ id: 'a', emails: ['info@alfa.ru'] }, { id: 'b', emails: ['info@beta.ru'] })).toBe(false);
  });

  it('brings a record that kept only a mistyped surname to the other record at its house', () => {
    const records: PersonRecord[] = [
      { id: 'a', lastName: 'Rysn', street: '26 Lance Hill Avenue', postcode: '3020', birthDate: '1972-06-15' },
      { id: 'b', firstName: 'Joel', lastName: 'Ryamn', street: '26 lance hill avenue', postcode: '3070', birthDate: '1932-02-39' },
    ];
    expect(countPairs(records)).toBe(1);
  });

  it('gives a lone name the keys of both fields: "Hampden" alone meets "R. Hampton" at one postcode', () => {
    const records: PersonRecord[] = [
      { id: 'a', firstName: 'R.', lastName: 'Hampton', postcode: 'CH7 6PY', birthDate: '1780' },
      { id: 'b', firstName: 'Hampden', postcode: 'CH7 6PY', birthDate: '1781' },
    ];
    expect(countPairs(records)).toBe(1);
  });
});
