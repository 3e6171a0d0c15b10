/**
 * Check data offers only fixes that are right (issue 15): a phone read in its
 * row's own country or not fixed at all, no fix that changes nothing or makes
 * the text worse, internationalised emails accepted, stage synonyms offered.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import { checkData } from '../../../src/core/validate/check-data';
import { validateValue } from '../../../src/core/validate/value';

const ctx = { defaultCountry: 'RU' as const, today: new Date(2026, 11, 3) };
const header = ['ID', 'First name', 'Last name', 'Email', 'Phone', 'Country', 'Birthday', 'Stage'];

function fixesOf(rows: unknown[][]) {
  const report = checkData(DEFAULT_FIELDS, header, rows, ctx);
  return {
    fix: (id: string) => report.problems.find((p) => p.id === id && p.fix !== undefined)?.fix,
    problems: (id: string) => report.problems.filter((p) => p.id === id),
  };
}

describe('fixes that are right', () => {
  it("reads a national phone in the row's own Country, and offers no country code it would have to guess", () => {
    const { fix } = fixesOf([
      ['us', 'John', 'Smith', '', '(415) 555-0100', 'USA', '', ''],
      ['none', 'Mary', 'Jones', '', '(415) 555-0100', '', '', ''],
      ['odd', 'Jane', 'Roe', '', '(415) 555-0100', 'Narnia', '', ''],
      ['ru', 'Иван', 'Петров', '', '8 916 123-45-67', '', '', ''],
      ['ro', 'Ion', 'Popa', '', '0721 234 567', 'România', '', ''],
    ]);
    expect(fix('us|Phone')).toBe('+1 415 555 0100');
    // No Country: the base's default (Russia) is not forced onto a number not written the Russian way.
    expect(fix('none|Phone')).toBeUndefined();
    expect(fix('odd|Phone')).toBeUndefined();
    // Written the Russian way (trunk 8): the default country is what was meant.
    expect(fix('ru|Phone')).toBe('+7 916 123 45 67');
    expect(fix('ro|Phone')).toBe('+40 721 234 567');
  });

  it('offers no fix that would read as no change (1988-07-15 → 1988-07-15) or make a name worse (С.С. → С.с.)', () => {
    const { fix, problems } = fixesOf([
      ['a', 'С.С.', 'ИВАНОВ', '', '', '', '1988-07-15', ''],
      ['b', 'a.b.', 'smith', '', '', '', '15.07.1988', ''],
    ]);
    expect(problems('a|Birthday')).toEqual([]);
    expect(problems('a|First name')).toEqual([]);
    expect(fix('a|Last name')).toBe('Иванов');
    expect(fix('b|First name')).toBe('A.B.');
    // A local date format is a real change: offered.
    expect(fix('b|Birthday')).toBeInstanceOf(Date);
  });

  it('accepts internationalised email addresses (alena@ёлка.рф) and their punycode', () => {
    const email = DEFAULT_FIELDS.find((f) => f.name === 'Email')!;
    for (const address of ['alena@ёлка.рф', 'Alena@ЁЛКА.РФ', 'alena@xn--80apn2a.xn--p1ai', 'jürgen@müller.de']) {
      expect(validateValue(email, address, ctx).ok, address).toBe(true);
    }
    for (const address of ['alena@ёлка', 'alena@@ёлка.рф', '<script>@x.рф']) expect(validateValue(email, address, ctx).ok, address).toBe(false);
    expect(fixesOf([['i', 'Алёна', '', 'alena@ёлка.рф', '', '', '', '']]).problems('i|Email')).toEqual([]);
  });

  it('offers the option a synonym or a qualified option names: Горячий → Hot, hot lead → Hot, тёплый клиент → Warm', () => {
    const { fix } = fixesOf([
      ['a', 'A', '', '', '', '', '', 'Горячий'],
      ['b', 'B', '', '', '', '', '', 'hot lead'],
      ['c', 'C', '', '', '', '', '', 'тёплый клиент'],
      ['d', 'D', '', '', '', '', '', 'pierdut'],
      ['e', 'E', '', '', '', '', '', 'Hotel'],
    ]);
    expect([fix('a|Stage'), fix('b|Stage'), fix('c|Stage'), fix('d|Stage')]).toEqual(['Hot', 'Hot', 'Warm', 'Lost']);
    expect(fix('e|Stage')).not.toBe('Hot');
  });
});
