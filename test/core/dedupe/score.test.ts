import { describe, expect, it } from 'vitest';
import { prepareRecord, type PreparedRecord } from '../../../src/core/dedupe/features';
import { countFrequencies } from '../../../src/core/dedupe/frequency';
import { bitsToScore, scoreMidpoint, scoreToBits, weighPair } from '../../../src/core/dedupe/score';
import type { PersonRecord } from '../../../src/core/dedupe/record';

function base(records: PersonRecord[]) {
  const prepared = records.map((r) => prepareRecord(r, 'RU'));
  const freq = countFrequencies(prepared);
  const byId = new Map(prepared.map((p) => [p.id, p] as [string, PreparedRecord]));
  return (a: string, b: string) => weighPair(byId.get(a)!, byId.get(b)!, freq, true);
}

/** A base where "Smith" is common and "Wojciechowski" appears twice. */
function baseWithCommonSmith(): PersonRecord[] {
  const records: PersonRecord[] = [];
  const firsts = [
    'Anna',
    'Ben',
    'Carl',
    'Dora',
    'Emil',
    'Fay',
    'Gus',
    'Hana',
    'Ivo',
    'Jan',
    'Kim',
    'Lev',
    'Mia',
    'Ned',
    'Ola',
    'Pia',
    'Rex',
    'Sue',
    'Tom',
    'Uma',
  ];
  for (let i = 0; i < 60; i++) records.push({ id: `s${i}`, firstName: firsts[i % firsts.length] + i, lastName: 'Smith' });
  for (let i = 0; i < 60; i++) records.push({ id: `o${i}`, firstName: `Other${i}`, lastName: `Surname${i}x` });
  // Surnames only: a full name is capped (namesakes), so the surname's own weight shows on its own.
  records.push({ id: 'w1', lastName: 'Wojciechowski' }, { id: 'w2', lastName: 'Wojciechowski' });
  records.push({ id: 'm1', lastName: 'Smith' }, { id: 'm2', lastName: 'Smith' });
  return records;
}

describe('weighPair', () => {
  it('a shared rare surname says more than a shared common one', () => {
    const weigh = base(baseWithCommonSmith());
    const rare = weigh('w1', 'w2');
    const common = weigh('m1', 'm2');
    expect(rare.bits).toBeGreaterThan(common.bits + 1);
    expect(common.reasons).toContain('same last name (a common one)');
    expect(rare.reasons).toContain('same last name');
  });

  it('explains Саша Петров, 8(916)1234567 ~ Alexander Petrov, +7 916 123-45-67', () => {
    const weigh = base([
      { id: 'a', fullName: 'Саша Петров', phones: ['8(916)1234567'] },
      { id: 'b', firstName: 'Alexander', lastName: 'Petrov', phones: ['+7 916 123-45-67'] },
    ]);
    const { reasons } = weigh('a', 'b');
    expect(reasons).toContain('same phone');
    expect(reasons).toContain('Cyrillic/Latin spelling of last name');
    expect(reasons).toContain('nickname match on first name (Саша = Alexander)');
  });

  it('recognises swapped names, nicknames, one-digit birth dates and Gmail dots', () => {
    const weigh = base([
      { id: 'a', firstName: 'Robert', lastName: 'Whitfield', birthDate: '1971-06-24', emails: ['rob.whitfield@gmail.com'] },
      { id: 'b', firstName: 'Whitfield', lastName: 'Bob', birthDate: '24.06.1981', emails: ['RobWhitfield+crm@gmail.com'] },
    ]);
    const { reasons } = weigh('a', 'b');
    expect(reasons).toEqual(
      expect.arrayContaining(['first and last name swapped', 'nickname match on first name (Robert = Bob)', 'date of birth one digit apart', 'same email']),
    );
  });

  it('counts disagreement against and missing values as nothing', () => {
    const weigh = base([
      { id: 'a', firstName: 'Ivan', lastName: 'Orlov', birthDate: '1980-01-01' },
      { id: 'b', firstName: 'Ivan', lastName: 'Orlov', birthDate: '1983-09-17' },
      { id: 'c', firstName: 'Ivan', lastName: 'Orlov' },
    ]);
    const different = weigh('a', 'b');
    const missing = weigh('a', 'c');
    expect(different.reasons).toContain('different date of birth');
    expect(missing.bits).toBeGreaterThan(different.bits);
    expect(missing.reasons.some((r) => r.includes('birth'))).toBe(false);
  });

  it('scores two empty records as no evidence', () => {
    const weigh = base([{ id: 'a' }, { id: 'b' }]);
    expect(weigh('a', 'b')).toEqual({ bits: 0, reasons: [] });
  });
});

describe('score scale', () => {
  it('needs more evidence for the same score in a bigger base', () => {
    expect(scoreMidpoint(100)).toBeLessThan(scoreMidpoint(100_000));
    expect(bitsToScore(scoreMidpoint(5000), scoreMidpoint(5000))).toBeCloseTo(0.5, 10);
  });

  it('scoreToBits inverts bitsToScore', () => {
    for (const s of [0.01, 0.5, 0.9, 0.999]) expect(bitsToScore(scoreToBits(s, 12), 12)).toBeCloseTo(s, 9);
  });
});

describe('weighPair: phones and emails', () => {
  const ivan = { firstName: 'Ivan', lastName: 'Orlov', city: 'Tver' };
  const weigh = base([
    { id: 'p', ...ivan, phones: ['+7 916 000-00-01'], emails: ['ivan.orlov@mail.ru'] },
    { id: 'both', ...ivan, phones: ['+7 926 555-44-33'], emails: ['orlov.i@yandex.ru'] },
    { id: 'phone', ...ivan, phones: ['+7 926 555-44-33'] },
    { id: 'email', ...ivan, emails: ['orlov.i@yandex.ru'] },
    { id: 'none', ...ivan },
    { id: 'none2', ...ivan },
    { id: 'samePhone', ...ivan, phones: ['8 (916) 000 00 01'], emails: ['orlov.i@yandex.ru'] },
  ]);

  it('a different phone and a different email weigh against more together than each alone', () => {
    const neutral = weigh('p', 'none').bits;
    const phoneOnly = weigh('p', 'phone').bits - neutral;
    const emailOnly = weigh('p', 'email').bits - neutral;
    const both = weigh('p', 'both');
    expect(phoneOnly).toBeLessThan(0);
    expect(emailOnly).toBeLessThan(0);
    expect(both.bits - neutral).toBeLessThan(phoneOnly + emailOnly);
    expect(both.reasons).toEqual(expect.arrayContaining(['different phone', 'different email', 'different contacts: no phone or email in common']));
  });

  it('a missing phone or email is neutral, and one matching contact lifts the penalty for the other', () => {
    expect(weigh('p', 'none').bits).toBe(weigh('none', 'none2').bits);
    const samePhone = weigh('p', 'samePhone');
    expect(samePhone.reasons).toContain('same phone');
    expect(samePhone.reasons).toContain('different email');
    expect(samePhone.reasons).not.toContain('different contacts: no phone or email in common');
    expect(samePhone.bits).toBeGreaterThan(weigh('p', 'none').bits);
  });

  it("the same mailbox name at another domain counts only when it is more than the person's name", () => {
    const w = base([
      { id: 'n1', firstName: 'Николай', lastName: 'Тихонов', emails: ['nikolay.tikhonov@inbox.ru'] },
      { id: 'n2', firstName: 'Николай', lastName: 'Тихонов', emails: ['nikolay_tikhonov@ya.ru'] },
      { id: 'n3', firstName: 'Николай', lastName: 'Тихонов', emails: ['tigerlily72@inbox.ru'] },
      { id: 'n4', firstName: 'Николай', lastName: 'Тихонов', emails: ['tigerlily72@ya.ru'] },
      { id: 'n5', firstName: 'Николай', lastName: 'Тихонов' },
    ]);
    const nameOnly = w('n1', 'n2');
    expect(nameOnly.reasons).toContain('different email (the same name at another domain)');
    expect(nameOnly.bits).toBeLessThan(w('n1', 'n5').bits);
    const distinctive = w('n3', 'n4');
    expect(distinctive.reasons).toContain('same email name at another domain');
    expect(distinctive.bits).toBeGreaterThan(w('n3', 'n5').bits);
  });

  it("two addresses made of two people's own names are not a typo of one; a mistyped domain is", () => {
    const w = base([
      { id: 'andrei', firstName: 'Andrei', lastName: 'Gheorghiu', emails: ['andrei.gheorghiu@yahoo.com'] },
      { id: 'andreea', firstName: 'Andreea', lastName: 'Gheorghiu', emails: ['andreea.gheorghiu@yahoo.com'] },
      { id: 'z1', firstName: 'Zamfira', lastName: 'Ungureanu', emails: ['zamfira.ungureanu@gmail.com'] },
      { id: 'z2', firstName: 'Zamfira', lastName: 'Ungureanu', emails: ['zamfira.ungureanu@gmial.com'] },
    ]);
    const siblings = w('andrei', 'andreea');
    expect(siblings.reasons).toContain('different email');
    expect(siblings.reasons.some((r) => r.startsWith('email nearly the same'))).toBe(false);
    expect(w('z1', 'z2').reasons.some((r) => r.startsWith('email nearly the same'))).toBe(true);
  });

  it('an address mistyped in three places is similar, not different; other digits make another mailbox', () => {
    const w = base([
      { id: 'a', firstName: 'Olga', lastName: 'Ross', emails: ['kitchenpro.orders@mail.ru'] },
      { id: 'b', firstName: 'Olga', lastName: 'Ross', emails: ['kitchenpro.ordrs@mial.rru'] },
      { id: 'c', firstName: 'Olga', lastName: 'Ross', emails: ['kitchenpro.orders7@mail.ru'] },
      { id: 'd', firstName: 'Olga', lastName: 'Ross' },
    ]);
    const typo = w('a', 'b');
    expect(typo.reasons).toContain('email similar (kitchenpro.orders@mail.ru / kitchenpro.ordrs@mial.rru)');
    expect(typo.bits).toBeGreaterThan(w('a', 'd').bits);
    expect(w('a', 'c').reasons).toContain('different email');
  });
});

describe('weighPair: places', () => {
  it('the same region or country adds nothing once the city agrees; a different one still counts', () => {
    // (One year of birth in common, so that names and a town are not all the two share.)
    const place = { city: 'Chișinău', region: 'Chișinău', country: 'Moldova', birthDate: '1980' };
    const w = base([
      { id: 'a', firstName: 'Ion', lastName: 'Rusu', ...place },
      { id: 'b', firstName: 'Ion', lastName: 'Rusu', ...place },
      { id: 'c', firstName: 'Ion', lastName: 'Rusu', city: 'Chișinău', birthDate: '1980' },
      { id: 'd', firstName: 'Ion', lastName: 'Rusu', city: 'Chișinău', region: 'Gagauzia', country: 'Moldova', birthDate: '1980' },
      { id: 'e', firstName: 'Ion', lastName: 'Rusu', region: 'Chișinău', country: 'Moldova', birthDate: '1980' },
      { id: 'f', firstName: 'Ion', lastName: 'Rusu', birthDate: '1980' },
    ]);
    expect(w('a', 'b').bits).toBeCloseTo(w('a', 'c').bits, 9);
    expect(w('a', 'b').reasons).not.toContain('same region');
    expect(w('a', 'd').bits).toBeLessThan(w('a', 'c').bits);
    expect(w('a', 'd').reasons).toContain('different region');
    // Without a city, the region is what says where the two live.
    expect(w('e', 'a').bits).toBeGreaterThan(w('e', 'f').bits);
  });

  it('a shared city says less for two people with the same name than for two with different names', () => {
    const w = base([
      { id: 'ivan1', firstName: 'Ivan', lastName: 'Orlov', city: 'Tver', birthDate: '1980' },
      { id: 'ivan2', firstName: 'Ivan', lastName: 'Orlov', city: 'Tver', birthDate: '1980' },
      { id: 'ivan3', firstName: 'Ivan', lastName: 'Orlov', birthDate: '1980' },
      { id: 'petr1', firstName: 'Ivan', lastName: 'Orlovsky', city: 'Tver', birthDate: '1980' },
      { id: 'petr2', firstName: 'Ivan', lastName: 'Orlovsky', birthDate: '1980' },
    ]);
    const forNamesakes = w('ivan1', 'ivan2').bits - w('ivan1', 'ivan3').bits;
    const forOthers = w('petr1', 'ivan1').bits - w('petr2', 'ivan1').bits;
    expect(forNamesakes).toBeGreaterThan(0);
    expect(forNamesakes).toBeLessThan(forOthers);
    expect(w('ivan1', 'ivan2').reasons).toContain('same city');
  });
});
