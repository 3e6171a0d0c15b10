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
  const firsts = ['Anna', 'Ben', 'Carl', 'Dora', 'Emil', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jan', 'Kim', 'Lev', 'Mia', 'Ned', 'Ola', 'Pia', 'Rex', 'Sue', 'Tom', 'Uma'];
  for (let i = 0; i < 60; i++) records.push({ id: `s${i}`, firstName: firsts[i % firsts.length] + i, lastName: 'Smith' });
  for (let i = 0; i < 60; i++) records.push({ id: `o${i}`, firstName: `Other${i}`, lastName: `Surname${i}x` });
  records.push({ id: 'w1', firstName: 'Pat', lastName: 'Wojciechowski' }, { id: 'w2', firstName: 'Pat', lastName: 'Wojciechowski' });
  records.push({ id: 'm1', firstName: 'Pat', lastName: 'Smith' }, { id: 'm2', firstName: 'Pat', lastName: 'Smith' });
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
    expect(reasons).toEqual(expect.arrayContaining(['first and last name swapped', 'nickname match on first name (Robert = Bob)', 'date of birth one digit apart', 'same email']));
  });

  it('counts disagreement against and missing values as nothing', () => {
    const weigh = base([
      { id: 'a', firstName: 'Ivan', lastName: 'Orlov', birthDate: '1980-01-01' },
      { id: 'b', firstName: 'Ivan', lastName: 'Orlov', birthDate: '1955-09-17' },
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
