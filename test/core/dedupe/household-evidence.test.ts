/**
 * Issue #14: what a household or an office shares (one phone, one mailbox, one
 * address, one company) is one fact, not five; and a generation between two
 * dates of birth, or two names of no common family, say two people.
 */
import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../src/core/dedupe/engine';
import { prepareRecord } from '../../../src/core/dedupe/features';
import { countFrequencies } from '../../../src/core/dedupe/frequency';
import type { PersonRecord } from '../../../src/core/dedupe/record';
import { weighPair } from '../../../src/core/dedupe/score';

/** The pair a+b as findDuplicates reports it (undefined: not proposed), and the reasons a user would read for it. */
function verdict(records: PersonRecord[]) {
  const { pairs } = findDuplicates(records);
  const pair = pairs.find((p) => [p.a, p.b].sort().join('+') === 'a+b');
  const prepared = records.map((r) => prepareRecord(r));
  const freq = countFrequencies(prepared);
  const a = prepared.find((r) => r.id === 'a')!;
  const b = prepared.find((r) => r.id === 'b')!;
  return { pair, reasons: weighPair(a, b, freq, true).reasons };
}

describe('one household or office, counted once', () => {
  it('does not propose brothers with one patronymic, one home phone and one address', () => {
    const { pair, reasons } = verdict([
      { id: 'a', lastName: 'Кравченко', firstName: 'Василь', middleName: 'Петрович', phones: ['+380 50 353 78 36'], street: 'вул. Шевченка, 49', city: 'Київ' },
      { id: 'b', lastName: 'Кравченко', firstName: 'Микола', middleName: 'Петрович', phones: ['050 353 78 36'], street: 'вул. Шевченка, 49', city: 'Київ' },
    ]);
    expect(pair).toBeUndefined();
    expect(reasons).toContain('different first name under the same last name: relatives, not one person');
    expect(reasons).toContain('the shared phone, email and address count once: one household or office, and the names say two people');
  });

  it('does not propose father and son sharing phone and flat even when a date looks one digit apart', () => {
    const { pair, reasons } = verdict([
      {
        id: 'a',
        lastName: 'Виноградов',
        firstName: 'Иван',
        middleName: 'Павлович',
        phones: ['+7 926 868 5612'],
        birthDate: '05/01/1941',
        street: 'ул. Ленина, 15, кв. 127',
      },
      {
        id: 'b',
        lastName: 'Виноградов',
        firstName: 'Иван',
        middleName: 'Иванович',
        phones: ['+7 926 868 5612'],
        birthDate: '05/01/1961',
        street: 'ул. Ленина, 15, кв. 127',
      },
    ]);
    expect(pair).toBeUndefined();
    expect(reasons).toContain('different middle name (Павлович / Иванович): father and son or brothers, not one person');
  });

  it('does not propose colleagues whose names share nothing, at one office phone, address and company', () => {
    const { pair, reasons } = verdict([
      { id: 'a', lastName: 'Гусева', firstName: 'Анастасия', phones: ['+7 926 049 2670'], company: 'Прогресс', street: 'ул. Гагарина, 104' },
      { id: 'b', lastName: 'Whitfield', firstName: 'Elizabeth', phones: ['8 926 049-26-70'], company: 'Прогресс', street: 'ул. Гагарина, 104' },
    ]);
    expect(pair).toBeUndefined();
    expect(reasons).toContain('different first and last name: two people');
  });

  it('still finds one person at the office: same names, office line, company mailbox', () => {
    const { pair } = verdict([
      { id: 'a', lastName: 'Гусева', firstName: 'Анастасия', phones: ['+7 926 049 2670'], emails: ['info@progress.ru'], company: 'Прогресс' },
      { id: 'b', lastName: 'Гусева', firstName: 'Настя', phones: ['8 926 049-26-70'], emails: ['info@progress.ru'], company: 'Прогресс' },
    ]);
    expect(pair).toBeDefined();
  });
});

describe('namesakes', () => {
  it('does not propose two records that share only the names and the town, and says why', () => {
    const { pair, reasons } = verdict([
      { id: 'a', lastName: 'Фролова', firstName: 'Анастасия', emails: ['anastasiiafrolova32@mail.ru'], city: 'Москва' },
      { id: 'b', lastName: 'Фролова', firstName: 'Анастасия', phones: ['+7(903)9370660'], city: 'Москва' },
    ]);
    expect(pair).toBeUndefined();
    expect(reasons).toContain('only the names and the town agree: namesakes as often as one person');
  });

  it('proposes them once a year of birth agrees as well (the day missing in one)', () => {
    const { pair } = verdict([
      { id: 'a', lastName: 'Фролова', firstName: 'Анастасия', emails: ['anastasiiafrolova32@mail.ru'], city: 'Москва', birthDate: '12.04.1981' },
      { id: 'b', lastName: 'Фролова', firstName: 'Анастасия', phones: ['+7(903)9370660'], city: 'Москва', birthDate: '31.04.1981' },
    ]);
    expect(pair).toBeDefined();
  });
});

describe('a single name typed in the other field', () => {
  it("matches a lone surname with the other record's first name, and says so", () => {
    const { pair, reasons } = verdict([
      { id: 'a', lastName: 'Bradley', emails: ['fb@nelson.com'], birthDate: '2019-05-23' },
      { id: 'b', firstName: 'Bradley', lastName: 'Freddie', emails: ['fb@nelson.com'], birthDate: '2019-05-23' },
    ]);
    expect(pair).toBeDefined();
    expect(reasons).toContain('a name typed in the other field (Bradley / Bradley)');
  });

  it('does not take a mailbox for a shared one when the "other first name" is this person\'s surname', () => {
    const { reasons } = verdict([
      { id: 'a', firstName: 'Bradley', lastName: 'Freddie', emails: ['fb@nelson.com'] },
      { id: 'b', firstName: 'Freddie', emails: ['fb@nelson.com'], city: 'Liverpool' },
      { id: 'c', firstName: 'Freddie', lastName: 'Bradley', emails: ['fb@nelson.com'], city: 'Liverpool' },
    ]);
    expect(reasons).toContain('same email');
  });
});

describe('mailboxes made of an initial and a surname', () => {
  it('reads spopescu@ and dpopescu@ as two people, not a typo', () => {
    const { reasons } = verdict([
      { id: 'a', lastName: 'Popescu', firstName: 'Ștefan', emails: ['spopescu@mail.md'] },
      { id: 'b', lastName: 'Popescu', firstName: 'Ștefan', emails: ['dpopescu@mail.md'], phones: ['0 69 445 308'] },
    ]);
    expect(reasons).toContain('different email');
    expect(reasons.some((r) => r.startsWith('email nearly the same'))).toBe(false);
  });
});

describe('a client who changed phone', () => {
  it('is still proposed when the full name and the year of birth agree', () => {
    const { pair, reasons } = verdict([
      { id: 'a', lastName: 'Ботнарь', firstName: 'Николета', middleName: 'Ивановна', phones: ['+373 799 237 94'], birthDate: '1983-09-23', city: 'Orhei' },
      { id: 'b', lastName: 'Ботнарь', firstName: 'Николета', middleName: 'Ивановна', phones: ['0040755656324'], birthDate: '1983', city: 'Orhei' },
    ]);
    expect(pair).toBeDefined();
    expect(reasons).toContain('different phone');
  });
});

describe('strong negatives', () => {
  it('reads dates a generation apart as parent and child (or a wrong date), and says so', () => {
    const { pair, reasons } = verdict([
      { id: 'a', lastName: 'Сергеев', firstName: 'Юрий', birthDate: '1950', city: 'Тула' },
      { id: 'b', lastName: 'Сергеев', firstName: 'Юрий', birthDate: '12.03.1978', city: 'Тула' },
    ]);
    expect(pair).toBeUndefined();
    expect(reasons).toContain('born 28 years apart: parent and child, or a wrong date');
  });

  it('lets the same date of birth override a replaced first name, but not a different patronymic', () => {
    const twinsOrTypo = verdict([
      { id: 'a', lastName: 'Ryan', firstName: 'Harry', birthDate: '1922-05-03', street: '5 Kellway Street', city: 'Toowong' },
      { id: 'b', lastName: 'Ryan', firstName: 'Alana', birthDate: '1922-05-03', street: '5 Kellway Street', city: 'Toowong' },
    ]);
    expect(twinsOrTypo.pair).toBeDefined();
    const fatherAndSon = verdict([
      { id: 'a', lastName: 'Сидоров', firstName: 'Иван', middleName: 'Петрович', birthDate: '1960-05-03', street: 'ул. Ленина, 5' },
      { id: 'b', lastName: 'Сидоров', firstName: 'Иван', middleName: 'Иванович', birthDate: '1960-05-03', street: 'ул. Ленина, 5' },
    ]);
    expect(fatherAndSon.pair?.level).not.toBe('sure');
  });

  it('does not let a date one digit apart override another first name: siblings born days apart stay two', () => {
    const { pair } = verdict([
      { id: 'a', lastName: 'Бондаренко', firstName: 'Юрій', middleName: 'Петрович', birthDate: '13/04/1979', street: 'вул. Шевченка, 115, кв. 55' },
      { id: 'b', lastName: 'Бондаренко', firstName: 'Олександр', phones: ['+380 506 260 345'], birthDate: '18.04.1979', street: 'вул. Шевченка, 115, кв. 55' },
    ]);
    expect(pair).toBeUndefined();
  });

  it('lets the same ID number override what the names say', () => {
    const { pair } = verdict([
      { id: 'a', lastName: 'Кравченко', firstName: 'Василь', nationalId: '3012345678', phones: ['+380 50 353 78 36'] },
      { id: 'b', lastName: 'Кравченко', firstName: 'Микола', nationalId: '3012345678', phones: ['+380 50 353 78 36'] },
    ]);
    expect(pair).toBeDefined();
  });

  it('does not read two known names of no common family as one name mistyped: Оксана / Олександра', () => {
    const { pair, reasons } = verdict([
      { id: 'a', lastName: 'Лисенко', firstName: 'Оксана', phones: ['+380 97 254 8035'], emails: ['oksana.lysenko@ukr.net'] },
      { id: 'b', lastName: 'Лисенко', firstName: 'Олександра', phones: ['(097) 2548035'], emails: ['oksana.lysenko@ukr.net'] },
    ]);
    expect(pair).toBeUndefined();
    expect(reasons).toContain('different first name (Оксана / Олександра)');
  });

  it('keeps a typo in a known name one name: Олександра / Олексанра', () => {
    const { pair } = verdict([
      { id: 'a', lastName: 'Лисенко', firstName: 'Олександра', phones: ['+380 97 254 8035'] },
      { id: 'b', lastName: 'Лисенко', firstName: 'Олексанра', phones: ['(097) 2548035'] },
    ]);
    expect(pair).toBeDefined();
  });

  it("proposes a man's and a woman's first name born the same day at one address (a replaced first name), never as sure", () => {
    const replaced = verdict([
      {
        id: 'a',
        lastName: 'Gabbeft',
        firstName: 'Michael',
        birthDate: '1980-07-05',
        street: '42 Jandamarra Street',
        postcode: '4113',
        city: 'Rochedale South',
      },
      {
        id: 'b',
        lastName: 'Gabbert',
        firstName: 'Michaela',
        birthDate: '1980-07-05',
        street: '580 Jandamarra Street',
        postcode: '4113',
        city: 'Rochedale South',
      },
    ]);
    expect(replaced.pair).toBeDefined();
    expect(replaced.pair!.level).toBe('possible');
    expect(replaced.pair!.reasons.join('; ')).toContain('or twins');
    // A household: the same two names at that address, born on different days, stay two people.
    const household = verdict([
      {
        id: 'a',
        lastName: 'Gabbert',
        firstName: 'Michael',
        birthDate: '1980-07-05',
        street: '42 Jandamarra Street',
        postcode: '4113',
        city: 'Rochedale South',
      },
      {
        id: 'b',
        lastName: 'Gabbert',
        firstName: 'Michaela',
        birthDate: '1983-02-11',
        street: '42 Jandamarra Street',
        postcode: '4113',
        city: 'Rochedale South',
      },
    ]);
    expect(household.pair).toBeUndefined();
    // Александр / Александра born the same day but at different addresses: no override.
    const apart = verdict([
      { id: 'a', lastName: 'Петров', firstName: 'Александр', birthDate: '1980-07-05', street: 'ул. Ленина, 5', postcode: '101000' },
      { id: 'b', lastName: 'Петров', firstName: 'Александра', birthDate: '1980-07-05', street: 'ул. Гагарина, 17', postcode: '620000' },
    ]);
    expect(apart.pair).toBeUndefined();
  });

  it('reads an address whose two lines were typed in the other order as one address', () => {
    const { pair, reasons } = verdict([
      { id: 'a', lastName: 'Weller', firstName: 'Ebony', birthDate: '1970-01-06', street: '23 Allunga Woollum Street', postcode: '2870' },
      { id: 'b', lastName: 'Weller', firstName: 'Ebony', birthDate: '1970-01-06', street: '23 Woollum Street Allu nga', postcode: '2870' },
    ]);
    expect(reasons).toContain('street address with its lines in another order');
    expect(pair).toBeDefined();
  });
});
