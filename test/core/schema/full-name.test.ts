import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitFullName } from '../../../src/core/schema/header-map';

describe('splitFullName', () => {
  it.each([
    ['Петров Александр Иванович', { firstName: 'Александр', lastName: 'Петров', middleName: 'Иванович' }],
    ['Александр Иванович Петров', { firstName: 'Александр', lastName: 'Петров', middleName: 'Иванович' }],
    ['Шевченко Тарас Григорович', { firstName: 'Тарас', lastName: 'Шевченко', middleName: 'Григорович' }],
    ['Иванова Мария Петровна', { firstName: 'Мария', lastName: 'Иванова', middleName: 'Петровна' }],
    ['Коваленко Олена Іванівна', { firstName: 'Олена', lastName: 'Коваленко', middleName: 'Іванівна' }],
    ['Дмитрий Дмитриевич Шостакович', { firstName: 'Дмитрий', lastName: 'Шостакович', middleName: 'Дмитриевич' }],
    ['Alexander Petrov', { firstName: 'Alexander', lastName: 'Petrov' }],
    ['Popescu Ion', { firstName: 'Ion', lastName: 'Popescu' }],
    ['Ion Popescu', { firstName: 'Ion', lastName: 'Popescu' }],
    ['Петров Александр', { firstName: 'Александр', lastName: 'Петров' }],
    ['Мария Сидорова', { firstName: 'Мария', lastName: 'Сидорова' }],
    ['Ionescu Zamfira', { firstName: 'Zamfira', lastName: 'Ionescu' }],
    ['Kowalczyk Wojtek', { firstName: 'Kowalczyk', lastName: 'Wojtek' }],
    ['Petrov, Alexander', { firstName: 'Alexander', lastName: 'Petrov' }],
    ['Mary Ann Smith', { firstName: 'Mary Ann', lastName: 'Smith' }],
    ['Ludwig van Beethoven', { firstName: 'Ludwig', lastName: 'van Beethoven' }],
    ['Popescu Ion Mihai', { firstName: 'Ion Mihai', lastName: 'Popescu' }],
    ['Cher', { firstName: 'Cher', lastName: '' }],
    ['  ', { firstName: '', lastName: '' }],
  ])('%s', (full, expected) => {
    expect(splitFullName(full)).toEqual(expected);
  });

  it('loses no word and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const parts = splitFullName(text);
        const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);
        const out = [...words(parts.firstName), ...words(parts.middleName ?? ''), ...words(parts.lastName)].sort();
        expect(out).toEqual(words(text.replace(/\u00a0/g, ' ')).sort());
      }),
    );
  });
});
