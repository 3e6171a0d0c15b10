import { describe, expect, it } from 'vitest';
import { evaluateFormula } from '../../../emulator/formula/evaluate';
import { compileRule } from '../../../src/core/rules/evaluate';
import { parseRule } from '../../../src/core/rules/parser';
import { ruleToFormula } from '../../../src/core/rules/to-formula';
import { samePlace } from '../../../src/core/normalize/places';
import { arrayContext, columnLetter } from '../../emulator/formula/array-context';

const HEADER = ['ID', 'City', 'Company', 'Country'];
const ROWS: unknown[][] = [
  ['c1', 'Санкт-Петербург', 'Moscow Trade', 'Россия'],
  ['c2', 'г. Санкт-Петербург', '', 'РФ'],
  ['c3', 'СПб', '', 'Russia'],
  ['c4', ' st.  petersburg ', '', ''],
  ['c5', 'Петербургская обл.', '', ''],
  ['c6', 'Москва', '', 'Украина'],
  ['c7', 'Moscow', '', 'Ucraina'],
  ['c8', 'Chişinău', '', 'Moldova'],
  ['c9', 'mun. Chișinău', '', 'Republica Moldova'],
  ['c10', 'Кишинёв', '', 'Молдавия'],
  ['c11', '', '', ''],
  ['c12', '=HYPERLINK("x")', '', ''],
  ['c13', 'Тверь', '', ''],
];

/** The IDs both back ends select; the test fails if they disagree. */
function select(rule: string): string[] {
  const parsed = parseRule(rule, HEADER);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const today = new Date(Date.UTC(2025, 5, 15));
  const predicate = compileRule(parsed.rule, HEADER, { today, timeZone: 'Europe/Moscow' });
  const fromCore = ROWS.filter((r) => predicate(r)).map((r) => String(r[0]));
  const layout = { sheet: 'Clients', columns: Object.fromEntries(HEADER.map((h, i) => [h, columnLetter(i)])), firstDataRow: 2 };
  const result = evaluateFormula(ruleToFormula(parsed.rule, layout), arrayContext({ Clients: [HEADER, ...ROWS] }, today, 'Europe/Moscow'));
  const fromFormula = result.length === 1 && result[0][0] === '' ? [] : result.map((r) => String(r[0]));
  expect(fromFormula).toEqual(fromCore);
  return fromCore;
}

describe('place names in rules match every spelling, in the add-on and in the live tab alike', () => {
  it('City = "St. Petersburg" finds Санкт-Петербург, г. Санкт-Петербург and СПб, not the oblast', () => {
    expect(select('City = "St. Petersburg"')).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(select('Город = "Питер"')).toEqual(['c1', 'c2', 'c3', 'c4']);
  });
  it('Chișinău with comma-below or cedilla letters, Кишинёв, and the mun. prefix are one city', () => {
    expect(select('City = "Кишинев"')).toEqual(['c8', 'c9', 'c10']);
  });
  it('in (…) mixes known places and other values; != keeps blanks', () => {
    expect(select('City in ("Moscow", "Тверь")')).toEqual(['c6', 'c7', 'c13']);
    expect(select('City != "Москва"')).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13']);
  });
  it('countries by any name', () => {
    expect(select('Country = "Russia"')).toEqual(['c1', 'c2', 'c3']);
    expect(select('Country in ("Ukraine", "Moldova")')).toEqual(['c6', 'c7', 'c8', 'c9', 'c10']);
  });
  it('a place name in a column that is not a place is plain text', () => {
    expect(select('Company = "Moscow"')).toEqual([]);
    expect(select('Company contains "moscow"')).toEqual(['c1']);
  });
  it('unknown and hostile values stay literal', () => {
    expect(select('City = "=HYPERLINK(""x"")"')).toEqual(['c12']);
    expect(select('City = "Тверь"')).toEqual(['c13']);
  });
  it('samePlace compares cells by place', () => {
    expect(samePlace('г. Москва', 'Moscow')).toBe(true);
    expect(samePlace('Київ', 'Kiev')).toBe(true);
    expect(samePlace('Київ', 'Москва')).toBe(false);
    expect(samePlace('Тверь', ' тверь')).toBe(true);
  });
});
