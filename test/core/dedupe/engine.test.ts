import { describe, expect, it } from 'vitest';
import { buildMatchIndex, explainPair, findDuplicates, findMatches, DEFAULT_POSSIBLE_THRESHOLD } from '../../../src/core/dedupe/engine';
import type { PersonRecord } from '../../../src/core/dedupe/record';

const CLIENTS: PersonRecord[] = [
  { id: 'c1', firstName: 'Alexander', lastName: 'Petrov', phones: ['+7 916 123-45-67'], emails: ['a.petrov@example.com'], city: 'Moscow' },
  { id: 'c2', fullName: 'Саша Петров', phones: ['8(916)1234567'], city: 'Москва' },
  { id: 'c3', firstName: 'Robert', lastName: 'Whitfield', birthDate: '1971-06-24', emails: ['rob.whitfield@gmail.com'] },
  { id: 'c4', firstName: 'Bob', lastName: 'Whitfield', birthDate: '24.06.1971', emails: ['robwhitfield@gmail.com'] },
  { id: 'c5', firstName: 'Екатерина', lastName: 'Смирнова', birthDate: '1985-03-02', phones: ['+7 903 555-11-22'] },
  { id: 'c6', firstName: 'Ирина', lastName: 'Козлова', birthDate: '1990-11-30', phones: ['+7 905 777-00-11'] },
  { id: 'c7', firstName: 'Ștefan', lastName: 'Popescu', company: 'SC Alfa Beta SRL', phones: ['0721 234 567'] },
  { id: 'c8', firstName: 'Stefan', lastName: 'Popescu', company: 'Alfa Beta S.R.L.', phones: ['+40 721 234 567'] },
];

const pairKey = (a: string, b: string) => [a, b].sort().join('+');

describe('findDuplicates', () => {
  it('finds the duplicates across alphabets, nicknames, diacritics and phone formats, and nothing else', () => {
    const { pairs, groups } = findDuplicates(CLIENTS, { defaultCountry: 'RU' });
    expect(new Set(pairs.map((p) => pairKey(p.a, p.b)))).toEqual(new Set(['c1+c2', 'c3+c4', 'c7+c8']));
    expect(groups.map((g) => g.members.slice().sort())).toEqual(expect.arrayContaining([['c1', 'c2'], ['c3', 'c4'], ['c7', 'c8']]));
    for (const p of pairs) {
      expect(p.score).toBeGreaterThanOrEqual(DEFAULT_POSSIBLE_THRESHOLD);
      expect(p.score).toBeLessThanOrEqual(1);
      expect(p.reasons.length).toBeGreaterThan(0);
    }
  });

  it('never proposes a pair marked "not duplicates" and keeps them out of one group', () => {
    const { pairs, groups } = findDuplicates(CLIENTS, { defaultCountry: 'RU', notDuplicates: [['c4', 'c3']] });
    expect(pairs.some((p) => pairKey(p.a, p.b) === 'c3+c4')).toBe(false);
    expect(groups.some((g) => g.members.includes('c3') && g.members.includes('c4'))).toBe(false);
  });

  it('labels pairs sure or possible by the thresholds', () => {
    const strict = findDuplicates(CLIENTS, { defaultCountry: 'RU', sureThreshold: 1 });
    expect(strict.pairs.every((p) => p.level === 'possible')).toBe(true);
    const lax = findDuplicates(CLIENTS, { defaultCountry: 'RU', sureThreshold: 0.5 });
    expect(lax.pairs.every((p) => p.level === 'sure')).toBe(true);
  });

  it('does not chain namesakes through a shared office phone', () => {
    const office = '+7 495 100-20-30';
    const records: PersonRecord[] = [
      { id: 'a1', firstName: 'Иван', lastName: 'Орлов', birthDate: '1970-01-05', phones: [office, '+7 916 000-00-01'] },
      { id: 'a2', firstName: 'Ivan', lastName: 'Orlov', birthDate: '05.01.1970', phones: ['+7 916 000-00-01'] },
      { id: 'b1', firstName: 'Мария', lastName: 'Лебедева', birthDate: '1988-07-19', phones: [office, '+7 926 000-00-02'] },
      { id: 'b2', firstName: 'Maria', lastName: 'Lebedeva', birthDate: '1988-07-19', phones: ['+7 926 000-00-02'] },
    ];
    const { groups } = findDuplicates(records, { defaultCountry: 'RU' });
    const sets = groups.map((g) => g.members.slice().sort().join(','));
    expect(sets).toEqual(expect.arrayContaining(['a1,a2', 'b1,b2']));
    expect(groups.every((g) => g.members.length === 2)).toBe(true);
  });

  it('handles hostile and empty records without throwing', () => {
    const hostile: PersonRecord[] = [
      { id: '' },
      { id: 'x1', firstName: 'x'.repeat(50_001), lastName: '=HYPERLINK("http://evil","x")', emails: ['@x', '<img src=x onerror=alert(1)>'], phones: ['+1', '-1'] },
      { id: 'x2', firstName: '👩‍💻', lastName: 'Ivanов', birthDate: 'not a date', postcode: '🎉', nationalId: '' },
      { id: 'x3', fullName: '   ', extra: { note: '' } },
      { id: 'x4', emails: 'not-a-list' as unknown as string[], phones: [42 as unknown as string] },
      { id: 'x5', firstName: 'x'.repeat(50_001), lastName: '=HYPERLINK("http://evil","x")' },
    ];
    const result = findDuplicates(hostile);
    for (const p of result.pairs) expect(typeof explainPair(p)).toBe('string');
    expect(findDuplicates([]).pairs).toEqual([]);
  });
});

describe('findMatches', () => {
  const index = buildMatchIndex(CLIENTS, { defaultCountry: 'RU' });

  it('warns about an existing client while a new one is typed', () => {
    const matches = findMatches(index, { id: '', firstName: 'Саша', lastName: 'Петров', phones: ['8 916 123 45 67'] });
    expect(matches.map((m) => m.b).sort()).toEqual(['c1', 'c2']);
    expect(matches.every((m) => m.a === '')).toBe(true);
    expect(matches[0].score).toBeGreaterThanOrEqual(matches[1].score);
  });

  it('does not report the client being edited as its own duplicate, and respects the limit', () => {
    const matches = findMatches(index, CLIENTS[2], 5);
    expect(matches.map((m) => m.b)).toEqual(['c4']);
    expect(findMatches(index, { id: '', firstName: 'Саша', lastName: 'Петров', phones: ['8 916 123 45 67'] }, 1)).toHaveLength(1);
  });

  it('finds nothing for an unrelated or empty candidate', () => {
    expect(findMatches(index, { id: '', firstName: 'Zoe', lastName: 'Quill', phones: ['+44 7700 900123'] })).toEqual([]);
    expect(findMatches(index, { id: '' })).toEqual([]);
  });
});

describe('explainPair', () => {
  it('says in one sentence what agrees and what does not', () => {
    const text = explainPair({ a: 'x', b: 'y', score: 0.73, level: 'possible', reasons: ['same phone', 'nickname match on first name (Rob = Robert)', 'different email'] });
    expect(text).toBe('Possible duplicate (score 0.73): same phone; nickname match on first name (Rob = Robert), but different email.');
    expect(explainPair({ a: 'x', b: 'y', score: 0.95, level: 'sure', reasons: [] })).toBe('Sure duplicate (score 0.95).');
  });
});
