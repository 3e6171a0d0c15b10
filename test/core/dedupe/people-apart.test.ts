/**
 * Issue #14: look-alikes that are two people (households, colleagues, father
 * and son, spouses) are not proposed, and the forms that are one person
 * (initials, a full name in one field, Romanian and English names in Cyrillic,
 * diminutives that keep the end of the name) are.
 */
import { describe, expect, it } from 'vitest';
import { explainPair, findDuplicates } from '../../../src/core/dedupe/engine';
import type { PersonRecord } from '../../../src/core/dedupe/record';

const pairOf = (records: PersonRecord[]) => {
  const { pairs } = findDuplicates(records);
  return pairs.find((p) => [p.a, p.b].sort().join('+') === 'a+b');
};

describe('two people who look alike', () => {
  it('does not propose spouses sharing a phone: Александр Петров / Александра Петрова', () => {
    const pair = pairOf([
      { id: 'a', firstName: 'Александр', lastName: 'Петров', phones: ['+7 916 123-45-67'], city: 'Москва' },
      { id: 'b', firstName: 'Александра', lastName: 'Петрова', phones: ['8 (916) 123-45-67'], city: 'Москва' },
    ]);
    expect(pair).toBeUndefined();
  });

  it('does not propose Ion and Ioana at one address and one email', () => {
    const pair = pairOf([
      { id: 'a', firstName: 'Ion', lastName: 'Ciobanu', emails: ['familia.ciobanu@mail.md'], street: 'str. Ismail 5' },
      { id: 'b', firstName: 'Ioana', lastName: 'Ciobanu', emails: ['familia.ciobanu@mail.md'], street: 'str. Ismail 5' },
    ]);
    expect(pair).toBeUndefined();
  });

  it('does not propose father and son with one name and different patronymics, even sharing a phone', () => {
    const pair = pairOf([
      { id: 'a', firstName: 'Иван', middleName: 'Петрович', lastName: 'Сидоров', phones: ['+7 903 555 11 22'], city: 'Тверь' },
      { id: 'b', firstName: 'Иван', middleName: 'Иванович', lastName: 'Сидоров', phones: ['+7 903 555 11 22'], city: 'Тверь' },
    ]);
    expect(pair).toBeUndefined();
  });

  it('explains why, when a shared contact still brings relatives close', () => {
    const { pairs } = findDuplicates(
      [
        {
          id: 'a',
          firstName: 'Иван',
          middleName: 'Петрович',
          lastName: 'Сидоров',
          phones: ['+7 903 555 11 22'],
          emails: ['sidorov@mail.ru'],
          birthDate: '1960',
        },
        {
          id: 'b',
          firstName: 'Иван',
          middleName: 'Иванович',
          lastName: 'Сидоров',
          phones: ['+7 903 555 11 22'],
          emails: ['sidorov@mail.ru'],
          birthDate: '1960',
        },
      ],
      { possibleThreshold: 0 },
    );
    const why = explainPair(pairs[0]);
    expect(why).toContain('father and son');
    expect(pairs[0].level).toBe('possible');
  });

  it('does not propose a household: different first names, one surname, one mailbox', () => {
    const pair = pairOf([
      { id: 'a', firstName: 'Мария', lastName: 'Козлова', emails: ['kozlovy@yandex.ru'] },
      { id: 'b', firstName: 'Ольга', lastName: 'Козлова', emails: ['kozlovy@yandex.ru'] },
    ]);
    expect(pair).toBeUndefined();
  });

  it('does not propose colleagues sharing the office phone and info@', () => {
    const pair = pairOf([
      { id: 'a', firstName: 'Сергей', lastName: 'Орлов', company: 'Вектор', phones: ['+7 495 123 45 67'], emails: ['info@vector.ru'] },
      { id: 'b', firstName: 'Игорь', lastName: 'Белов', company: 'Вектор', phones: ['+7 495 123 45 67'], emails: ['info@vector.ru'] },
    ]);
    expect(pair).toBeUndefined();
  });

  it('weighs a phone the base shows on different first names as a shared line for everyone', () => {
    const records: PersonRecord[] = [
      { id: 'a', firstName: 'Anna', lastName: 'Moore', phones: ['+44 20 7946 0018'] },
      { id: 'b', firstName: 'Anna', lastName: 'Moor', phones: ['+44 20 7946 0018'] },
      { id: 'c', firstName: 'George', lastName: 'Price', phones: ['+44 20 7946 0018'] },
    ];
    const reasons = findDuplicates(records, { possibleThreshold: 0 }).pairs.find((p) => [p.a, p.b].sort().join() === 'a,b')!.reasons;
    expect(reasons.some((r) => r.includes('shared in this base'))).toBe(true);
  });
});

describe('one person typed two ways', () => {
  it('matches initials to names: Петров А. В. in ФИО', () => {
    const pair = pairOf([
      { id: 'a', firstName: 'Алексей', middleName: 'Викторович', lastName: 'Петров', phones: ['+7 916 000 11 22'] },
      { id: 'b', fullName: 'Петров А. В.', phones: ['89160001122'] },
    ]);
    expect(pair?.reasons).toEqual(expect.arrayContaining(['first name initial matches']));
  });

  it('matches a Cyrillic initial that romanises to two letters: Бойко Я. Н. / Ярослав Бойко', () => {
    const pair = pairOf([
      { id: 'a', firstName: 'Ярослав', lastName: 'Бойко', phones: ['+380 93 897 9131'], emails: ['ibojko@i.ua'] },
      { id: 'b', fullName: 'Бойко Я. Н.', phones: ['+380 93 897 9131'], emails: ['ibojko@i.ua'] },
    ]);
    expect(pair?.level).toBe('sure');
    expect(pair?.reasons).toContain('first name initial matches');
  });

  it('splits a full name typed into the first-name field', () => {
    const pair = pairOf([
      { id: 'a', firstName: 'Ольга', lastName: 'Смирнова', emails: ['olga.s@mail.ru'] },
      { id: 'b', firstName: 'Смирнова Ольга', emails: ['olga.s@mail.ru'] },
    ]);
    expect(pair?.level).toBe('sure');
  });

  it('strips titles and ordinals: Sir John Smith, 1st Baronet', () => {
    const pair = pairOf([
      { id: 'a', fullName: 'Sir John Smith, 1st Baronet', birthDate: '1750' },
      { id: 'b', firstName: 'John', lastName: 'Smith Bt.', birthDate: '12.05.1750' },
    ]);
    expect(pair?.reasons).toEqual(expect.arrayContaining(['same first name', 'same last name']));
  });

  it.each([
    ['Чобану', 'Ciobanu'],
    ['Мунтяну', 'Munteanu'],
    ['Цуркану', 'Țurcanu'],
  ])('reads a Moldovan surname in both alphabets: %s / %s', (cyr, lat) => {
    const pair = pairOf([
      { id: 'a', firstName: 'Vasile', lastName: lat, phones: ['+373 69 123 456'] },
      { id: 'b', firstName: 'Василе', lastName: cyr, phones: ['069123456'] },
    ]);
    expect(pair?.reasons.join()).toMatch(/Cyrillic\/Latin spelling of last name/);
  });

  it.each([
    ['Оксана', 'Ксана'],
    ['Vasile', 'Sile'],
    ['Ioana', 'Oana'],
    ['Octavian', 'Tavi'],
  ])('knows the diminutive %s / %s', (full, short) => {
    const pair = pairOf([
      { id: 'a', firstName: full, lastName: 'Rotaru', emails: ['rotaru.home@gmail.com'] },
      { id: 'b', firstName: short, lastName: 'Rotaru', emails: ['rotaru.home@gmail.com'] },
    ]);
    expect(pair).toBeDefined();
    expect(pair!.reasons.join()).not.toMatch(/different first name/);
  });

  it('hears Hughes in Хьюз', () => {
    const pair = pairOf([
      { id: 'a', firstName: 'Robert', lastName: 'Hughes', phones: ['+44 7911 123456'] },
      { id: 'b', firstName: 'Роберт', lastName: 'Хьюз', phones: ['07911 123456'] },
    ]);
    expect(pair?.reasons.join()).toMatch(/sounds the same in the other alphabet/);
  });

  it('finds one phone in local and international form without a default country', () => {
    const pair = pairOf([
      { id: 'a', firstName: 'Тарас', lastName: 'Гнатюк', phones: ['+380 67 123 4567'] },
      { id: 'b', firstName: 'Тарас', lastName: 'Гнатюк', phones: ['067 123 45 67'] },
    ]);
    expect(pair?.level).toBe('sure');
  });

  it('keeps names alone (namesakes) below sure', () => {
    const pair = pairOf([
      { id: 'a', firstName: 'Wojciech', lastName: 'Wojciechowski', city: 'London' },
      { id: 'b', firstName: 'Wojciech', lastName: 'Wojciechowski', city: 'London' },
    ]);
    expect(pair?.level ?? 'none').not.toBe('sure');
  });
});

describe('groups', () => {
  it('calls a group sure only when every pair in it is', () => {
    const { groups } = findDuplicates([
      { id: 'a', firstName: 'Thomas', lastName: 'Wilson', emails: ['thomas.wilson@gmail.com'], postcode: 'E0 8QR', street: 'Church Lane 9' },
      { id: 'b', firstName: 'Thomas', lastName: 'Wilson', emails: ['thomaswilson@gmail.com'], postcode: 'E0 8QR', street: 'Church Lane 9' },
      { id: 'c', firstName: 'Thomas', lastName: 'Wilson', phones: ['+447712547838'], street: 'Church Lane 9' },
    ]);
    for (const g of groups) {
      const allSure = g.pairs.every((p) => p.level === 'sure');
      expect(g.level).toBe(allSure ? 'sure' : 'possible');
      if (!allSure) expect(g.score).toBeLessThan(0.9);
    }
  });

  it("never chains a father into his son's group", () => {
    const { groups } = findDuplicates([
      { id: 'son1', firstName: 'Иван', middleName: 'Иванович', lastName: 'Сидоров', phones: ['+7 903 555 11 22'], birthDate: '1990-01-02' },
      { id: 'son2', firstName: 'Ваня', lastName: 'Сидоров', phones: ['+7 903 555 11 22'], birthDate: '02.01.1990' },
      { id: 'dad', firstName: 'Иван', middleName: 'Петрович', lastName: 'Сидоров', phones: ['+7 903 555 11 22'] },
    ]);
    expect(groups.some((g) => g.members.includes('son1') && g.members.includes('dad'))).toBe(false);
  });
});
