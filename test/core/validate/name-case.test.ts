import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capitaliseName } from '../../../src/core/validate/name-case';

describe('capitaliseName', () => {
  it.each([
    ['ИВАН', 'Иван'],
    ['иван петров', 'Иван Петров'],
    ['  мария   ', 'Мария'],
    ['anna-maria popescu', 'Anna-Maria Popescu'],
    ['РИМСКИЙ-КОРСАКОВ', 'Римский-Корсаков'],
    ['mcdonald', 'McDonald'],
    ["o'brien", "O'Brien"],
    ['ludwig van beethoven', 'Ludwig van Beethoven'],
    ['ștefan cel mare', 'Ștefan Cel Mare'],
    ['ОЛЬГА ІВАНІВНА', 'Ольга Іванівна'],
  ])('%s → %s', (raw, expected) => {
    expect(capitaliseName(raw)).toBe(expected);
  });

  it.each([['DiCaprio'], ['McDonald'], ['van der Berg'], ['Иван'], ['李小龙'], ['=HYPERLINK("x")'], ['😀']])(
    'leaves a deliberate spelling %s alone',
    (name) => {
      expect(capitaliseName(name)).toBe(name);
    },
  );

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const once = capitaliseName(text);
        expect(capitaliseName(once)).toBe(once);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zа-яё' -]{0,30}$/), (text) => {
        const once = capitaliseName(text);
        expect(capitaliseName(once)).toBe(once);
        expect(once.toLowerCase()).toBe(text.replace(/\s+/g, ' ').trim().toLowerCase());
      }),
    );
  });
});
