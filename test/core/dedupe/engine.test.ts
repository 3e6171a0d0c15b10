import { describe, expect, it } from 'vitest';
import { buildMatchIndex, explainPair, findDuplicates, findMatches, DEFAULT_POSSIBLE_THRESHOLD, DEFAULT_SURE_THRESHOLD } from '../../../src/core/dedupe/engine';
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
    expect(groups.map((g) => g.members.slice().sort())).toEqual(
      expect.arrayContaining([
        ['c1', 'c2'],
        ['c3', 'c4'],
        ['c7', 'c8'],
      ]),
    );
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

  it('does not call two clients with only name and city in common, and a different email, phone and address, a sure duplicate', () => {
    const zamfira = { firstName: 'Zamfira', lastName: 'Ungureanu', city: 'Chișinău' };
    const records: PersonRecord[] = [
      { id: 'z1', ...zamfira, emails: ['z.u@mail.md'], phones: ['+373 69 123 456'], street: 'str. Ismail 5' },
      { id: 'z2', ...zamfira, emails: ['zamfira.ungureanu@gmail.com'], phones: ['+373 79 987 654'], street: 'bd. Dacia 20' },
    ];
    const { pairs, groups } = findDuplicates(records, { defaultCountry: 'MD' });
    expect(pairs.filter((p) => p.level === 'sure')).toEqual([]);
    expect(groups.filter((g) => g.score >= DEFAULT_SURE_THRESHOLD)).toEqual([]);
    // Told apart by their contacts, even in a list of two.
    const index = buildMatchIndex(records.slice(0, 1), { defaultCountry: 'MD' });
    expect(findMatches(index, { ...records[1], id: '' }).filter((m) => m.level === 'sure')).toEqual([]);
  });

  it('does not even propose namesakes with other contacts when the name is a common one in the base', () => {
    const records: PersonRecord[] = [];
    for (let i = 0; i < 6; i++) {
      records.push({
        id: `z${i}`,
        firstName: 'Zamfira',
        lastName: 'Ungureanu',
        city: 'Chișinău',
        emails: [`zamfira${i}${i}@mail.md`],
        phones: [`+373 69 ${i}${i}${i} 12${i}`],
      });
    }
    const others = ['Ana Rusu', 'Ion Ciobanu', 'Maria Lupu', 'Petru Munteanu', 'Elena Cebotari', 'Vasile Rotaru', 'Doina Balan', 'Sergiu Moraru'];
    others.forEach((name, i) => {
      const [firstName, lastName] = name.split(' ');
      records.push({ id: `o${i}`, firstName, lastName, city: 'Chișinău', phones: [`+373 79 ${i}${i}${i} 45${i}`] });
    });
    const { pairs } = findDuplicates(records, { defaultCountry: 'MD' });
    expect(pairs).toEqual([]);
  });

  it("keeps genuine duplicates sure: another phone format with a nickname, a typo'd name with the same email, translit, swapped names", () => {
    const records: PersonRecord[] = [
      // Same phone written another way, a nickname, and a second email: still one person.
      { id: 'n1', firstName: 'Александр', lastName: 'Петров', phones: ['+7 916 123-45-67'], emails: ['a.petrov@example.com'], city: 'Moscow' },
      { id: 'n2', firstName: 'Саша', lastName: 'Петров', phones: ['8(916)1234567'], emails: ['sasha1984@gmail.com'], city: 'Москва' },
      // Same email, the surname mistyped, another phone.
      { id: 't1', firstName: 'Zamfira', lastName: 'Ungureanu', emails: ['zamfira.ungureanu@gmail.com'], phones: ['+373 69 123 456'], city: 'Chișinău' },
      { id: 't2', firstName: 'Zamfira', lastName: 'Ungurenau', emails: ['ZamfiraUngureanu@gmail.com'], phones: ['+373 79 987 654'], city: 'Chisinau' },
      // Cyrillic and Latin spellings of one person, same email.
      { id: 'l1', firstName: 'Оксана', lastName: 'Бондаренко', emails: ['obondarenko@ukr.net'], city: 'Дніпро' },
      { id: 'l2', firstName: 'Oksana', lastName: 'Bondarenko', emails: ['OBondarenko@ukr.net'], city: 'Dnipro' },
      // First and last name swapped, same phone, another email.
      { id: 's1', firstName: 'Mihai', lastName: 'Stan', phones: ['+40 744 381 743'], emails: ['stan61@yahoo.com'], city: 'București' },
      { id: 's2', firstName: 'Stan', lastName: 'Mihai', phones: ['+40744381743'], emails: ['mihai.stan@gmail.com'], city: 'Bucuresti' },
    ];
    const { pairs } = findDuplicates(records, { defaultCountry: 'RU' });
    const level = new Map(pairs.map((p) => [pairKey(p.a, p.b), p.level]));
    for (const key of ['n1+n2', 't1+t2', 'l1+l2', 's1+s2']) expect(level.get(key), key).toBe('sure');
  });

  it('handles hostile and empty records without throwing', () => {
    const hostile: PersonRecord[] = [
      { id: '' },
      {
        id: 'x1',
        firstName: 'x'.repeat(50_001),
        lastName: '=HYPERLINK("http://evil","x")',
        emails: ['@x', '<img src=x onerror=alert(1)>'],
        phones: ['+1', '-1'],
      },
      { id: 'x2', firstName: '👩‍💻', lastName: 'Ivanов', birthDate: 'not a date', postcode: '🎉', nationalId: '' },
      { id: 'x3', fullName: '   ', extra: { note: '' } },
      { id: 'x4', emails: 'not-a-list' as unknown as string[], phones: [42 as unknown as string] },
      { id: 'x5', firstName: 'x'.repeat(50_001), lastName: '=HYPERLINK("http://evil","x")' },
      // Every branch of the contact comparison: name-made, mistyped and formula-looking mailboxes.
      {
        id: 'x6',
        firstName: 'Ivanов',
        lastName: '+1',
        emails: ['ivanov1@x.ru', '=1+1@evil.com', `${'a'.repeat(50_001)}@b.com`],
        phones: ['@x', '+7 916 000-00-01'],
      },
      {
        id: 'x7',
        firstName: 'Ivanов',
        lastName: '+1',
        emails: ['ivanov1@x.ru.', '-1@evil.com', '👩‍💻@🎉.com'],
        phones: ['<img src=x onerror=alert(1)>', '+7 916 000-00-02'],
        city: '=SUM(A1)',
        region: '@x',
        country: '-1',
      },
    ];
    const result = findDuplicates(hostile);
    for (const p of result.pairs) {
      expect(typeof explainPair(p)).toBe('string');
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
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
    const text = explainPair({
      a: 'x',
      b: 'y',
      score: 0.73,
      level: 'possible',
      reasons: ['same phone', 'nickname match on first name (Rob = Robert)', 'different email'],
    });
    expect(text).toBe('Possible duplicate (score 0.73): same phone; nickname match on first name (Rob = Robert), but different email.');
    expect(explainPair({ a: 'x', b: 'y', score: 0.95, level: 'sure', reasons: [] })).toBe('Sure duplicate (score 0.95).');
  });
});
