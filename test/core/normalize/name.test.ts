import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPatronymic, nameKey, nameWords, splitFullName, stripTitles } from '../../../src/core/normalize/name';

const HOSTILE = ['', '   ', 'x'.repeat(50_001), '=HYPERLINK("http://x","y")', '+1', '-1', '@x', '<img src=x onerror=alert(1)>', 'Ivanов', '👩‍💻', '\ud800'];

describe('nameKey', () => {
  it.each([
    ['Mary-Ann', 'mary ann'],
    ['  JOHN ', 'john'],
    ['Ștefan', 'stefan'],
    ["O'Brien", 'OBrien'],
    ['Александр', 'ALEKSANDR'],
  ])('%j and %j compare equal', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it('is idempotent, case and spacing invariant, never throws, and bounded', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...HOSTILE)), (s) => {
        const key = nameKey(s);
        expect(nameKey(key)).toBe(key);
        expect(nameKey(s.toUpperCase())).toBe(nameKey(s.toLowerCase()));
        expect(nameKey(` ${s}\t`)).toBe(key);
        expect(key).toMatch(/^[a-z]*$/);
        expect(key.length).toBeLessThanOrEqual(1000);
      }),
    );
  });

  it('accepts non-string input without throwing', () => {
    expect(nameKey(undefined)).toBe('');
    expect(nameKey(null)).toBe('');
    expect(nameKey(42)).toBe('');
    expect(nameWords({} as unknown)).toEqual(['object', 'object']);
  });
});

describe('splitFullName', () => {
  it.each([
    ['Петров Александр Сергеевич', { lastName: 'Петров', firstName: 'Александр', middleName: 'Сергеевич' }],
    ['Александр Сергеевич Петров', { firstName: 'Александр', middleName: 'Сергеевич', lastName: 'Петров' }],
    ['Іваненко Олена Миколаївна', { lastName: 'Іваненко', firstName: 'Олена', middleName: 'Миколаївна' }],
    ['Alexander Petrov', { firstName: 'Alexander', lastName: 'Petrov' }],
    ['Petrov Alexander', { lastName: 'Petrov', firstName: 'Alexander' }],
    ['Smith, John Paul', { lastName: 'Smith', firstName: 'John', middleName: 'Paul' }],
    ['Mr John Smith', { firstName: 'John', lastName: 'Smith' }],
    ['Madonna', { firstName: 'Madonna' }],
  ])('%s', (full, parts) => {
    expect(splitFullName(full)).toEqual(parts);
  });

  it('never throws and returns only non-empty parts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...HOSTILE)), (s) => {
        const parts = splitFullName(s);
        for (const value of Object.values(parts)) expect(value).not.toBe('');
      }),
    );
  });

  it('tells patronymics from surnames that look like them', () => {
    expect(isPatronymic('Сергеевич')).toBe(true);
    expect(isPatronymic('Ivanovna')).toBe(true);
    expect(isPatronymic('Миколаївна')).toBe(true);
    expect(isPatronymic('Aldrich')).toBe(false);
    expect(isPatronymic('Ivanov')).toBe(false);
  });
});

describe('titles, initials and one-field names (issue #14)', () => {
  it.each([
    ['Петров А. В.', { lastName: 'Петров', firstName: 'А.', middleName: 'В.' }],
    ['А.В. Петров', { lastName: 'Петров', firstName: 'А.', middleName: 'В.' }],
    ['Sir John Smith, 1st Baronet', { firstName: 'John', lastName: 'Smith' }],
    ['г-н Иванов Иван', { lastName: 'Иванов', firstName: 'Иван' }],
    ['John Smith III', { firstName: 'John', lastName: 'Smith' }],
  ])('splits %j', (text, parts) => {
    expect(splitFullName(text)).toEqual(parts);
  });

  it.each([
    ['Sir John', 'John'],
    ['Smith 1st Bt.', 'Smith'],
    ['д-р Петров', 'Петров'],
    ['Sir', 'Sir'],
    ['=HYPERLINK("x")', '=HYPERLINK("x")'],
  ])('strips titles from %j', (text, out) => {
    expect(stripTitles(text)).toBe(out);
  });
});

describe('stripTitles on anything', () => {
  it('never throws and never turns a non-empty name into nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const out = stripTitles(s);
        return typeof out === 'string' && (s.trim() === '' || out.length > 0);
      }),
    );
  });
});
