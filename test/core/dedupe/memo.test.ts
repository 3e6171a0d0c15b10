import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { remembered, withoutMemory } from '../../../src/core/dedupe/memo';
import { prepareRecord } from '../../../src/core/dedupe/features';
import { findDuplicates } from '../../../src/core/dedupe/engine';
import type { PersonRecord } from '../../../src/core/dedupe/record';
import { foldToLatin } from '../../../src/core/normalize/translit';

const HOSTILE = ['', ' ', '=HYPERLINK("http://x","y")', '+1', '<img src=x onerror=alert(1)>', 'Ivanов', '👩‍💻🎉', '\u0000\uffff', '\ud800', 'x'.repeat(400)];

/** Small pools, so that values repeat across records as they do in a real base (the memories are hit), plus hostile text. */
const value = (pool: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
const FIRST = ['Александр', 'Саша', 'Aleksandr', 'Ion', 'Ioana', 'Оксана', 'Ксана', 'sir', 'Mr John', 'Петров А. В.', 'Rob', 'Robert', 'Михайло'];
const LAST = ['Петров', 'Петрова', 'Petrov', 'Ciobanu', 'Чобану', 'Hughes', 'Хьюз', '1st bt.', 'Smith', 'Ковальська', ''];
const PHONES = ['+7 916 123-45-67', '8 (916) 123-45-67', '89161234567', '0721 234 567', '+40 721 234 567', '(415) 555-0100', '123', '8 800 ext 5'];
const EMAILS = ['info@romashka.ru', 'i.petrov@gmail.com', 'ipetrov@gmail.com', 'I.Petrov+crm@GMAIL.com', 'sales.msk@firm.ru', 'not an email'];
const CITIES = ['Москва', 'Moscow', 'г. Москва', 'Kyiv', 'Київ', 'Chișinău', 'London', ''];
const DATES = ['1971-06-24', '24.06.1971', '31.04.1976', '1976', '06/24/1971', '19710624', 'c. 1788', 'soon'];

const record = fc.record(
  {
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    firstName: value(FIRST),
    lastName: value(LAST),
    middleName: value(['Сергеевич', 'Сергеевна', 'Ivanovich', 'A.', '']),
    fullName: value(['Петров Иван Сергеевич', 'Sir John Starkey, 1st Baronet', 'Ivan Petrov', '']),
    company: value(['ООО «Ромашка»', 'Romashka LLC', 'SRL Alfa', '']),
    emails: fc.array(value(EMAILS), { maxLength: 3 }),
    phones: fc.array(value(PHONES), { maxLength: 3 }),
    street: value(['ул. Ленина, 5', 'Lenina St., 5', '23 Woollum St', '']),
    city: value(CITIES),
    postcode: value(['2600', 'SW1A 1AA', '']),
    region: value(['Московская обл.', 'NSW', '']),
    country: value(['Россия', 'Russia', 'Moldova', '']),
    birthDate: value(DATES),
    nationalId: value(['1234567', '1234568', '']),
    extra: fc.dictionary(fc.constantFrom('gender', 'occupation'), value(['male', 'female', 'writer', 'Писатель'])),
  },
  { requiredKeys: ['id'] },
);

describe('remembering what a value means changes no result', () => {
  it('prepareRecord gives the same features with and without its memories, on repeated and hostile values', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 12 }), fc.constantFrom(undefined, 'RU', 'RO', 'GB'), (records, country) => {
        for (const r of records) {
          const remembering = prepareRecord(r as PersonRecord, country as 'RU' | undefined);
          const fresh = withoutMemory(() => prepareRecord(r as PersonRecord, country as 'RU' | undefined));
          expect(remembering).toEqual(fresh);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('findDuplicates proposes the same pairs, scores, reasons and groups with and without the memories', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 2, maxLength: 16 }), (records) => {
        const withIds = records.map((r, i) => ({ ...r, id: `r${i}` }) as PersonRecord);
        expect(findDuplicates(withIds, { defaultCountry: 'RU' })).toEqual(withoutMemory(() => findDuplicates(withIds, { defaultCountry: 'RU' })));
      }),
      { numRuns: 25 },
    );
  });

  it('works a distinct value out once, remembers undefined answers too, and stays right once it is full', () => {
    const calls: string[] = [];
    const length = remembered((s: string) => {
      calls.push(s);
      return s === '' ? undefined : s.length;
    }, 3);
    expect([length('ab'), length('ab'), length(''), length('')]).toEqual([2, 2, undefined, undefined]);
    expect(calls).toEqual(['ab', '']);
    for (const s of ['abc', 'abcd', 'abcde', 'ab']) length(s);
    expect(length('abcde')).toBe(5);
    expect(length('ab')).toBe(2);
    expect(withoutMemory(() => length('ab'))).toBe(2);
    // Past its bound it starts again rather than growing: 'ab' was worked out again after the clear.
    expect(calls.filter((s) => s === 'ab').length).toBeGreaterThan(1);
  });
});

describe('foldToLatin: plain ASCII takes a shortcut that must agree with the full fold', () => {
  it('folds ASCII text exactly as when the text also holds a letter to fold', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }), (s) => {
        // "É" sends the whole text through the full fold (romanise, NFD, strip marks); it folds to "e".
        expect('e' + foldToLatin(s)).toBe(foldToLatin('É' + s));
      }),
      { numRuns: 300 },
    );
  });
});
