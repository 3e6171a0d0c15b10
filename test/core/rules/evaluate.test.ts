import { describe, expect, it } from 'vitest';
import { compileRule, type RuleContext } from '../../../src/core/rules/evaluate';
import { parseRule } from '../../../src/core/rules/parser';
import { indexPurchases } from '../../../src/core/segments/measures';

const HEADER = ['ID', 'Name', 'Amount', 'Date', 'Flag'];
const utc = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));
const TODAY = utc(2025, 6, 15, 10);

/** IDs of the rows a rule selects; each row is [ID, value] with the value in the column `column`. */
function select(rule: string, rows: unknown[][], ctx: Partial<RuleContext> = {}): string[] {
  const parsed = parseRule(rule, HEADER);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const p = compileRule(parsed.rule, HEADER, { today: TODAY, ...ctx });
  return rows.filter((r) => p(r)).map((r) => String(r[0]));
}
const column = (name: string, values: unknown[]): unknown[][] =>
  values.map((v, i) => {
    const row: unknown[] = [`r${i}`, '', '', '', ''];
    row[HEADER.indexOf(name)] = v;
    return row;
  });

describe('compileRule: text', () => {
  const names = column('Name', ['Hot', ' hot ', 'HOT', 'Hotter', '', 'Горячий', 'горячий', 'St.  Petersburg', 5, true, utc(2025, 1, 1)]);
  it('= ignores case, outer spaces and repeated inner spaces, in any script', () => {
    expect(select('Name = "hot"', names)).toEqual(['r0', 'r1', 'r2']);
    expect(select('Name = "ГОРЯЧИЙ"', names)).toEqual(['r5', 'r6']);
    expect(select('Name = "st. petersburg "', names)).toEqual(['r7']);
  });
  it('numbers, booleans and dates compare as the text Sheets gives them', () => {
    expect(select('Name = "5"', names)).toEqual(['r8']);
    expect(select('Name = "TRUE"', names)).toEqual(['r9']);
    expect(select('Name = true', names)).toEqual(['r9']);
    expect(select('Name = "45658"', names)).toEqual(['r10']);
  });
  it('!= is exactly not =, so blanks are included', () => {
    expect(select('Name != "hot"', names)).toEqual(['r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10']);
  });
  it('contains and starts with ignore case; an empty needle matches everything', () => {
    expect(select('Name contains "OT"', names)).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(select('Name starts with "hot"', names)).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(select('Name starts with "ор"', names)).toEqual([]);
    expect(select('Name contains "ор"', names)).toEqual(['r5', 'r6']);
    expect(select('Name contains ""', names)).toHaveLength(names.length);
    expect(select('Name contains ".*"', column('Name', ['abc', 'a.*b']))).toEqual(['r1']);
  });
  it('in is any of its values', () => {
    expect(select('Name in ("hotter", 5, "горячий")', names)).toEqual(['r3', 'r5', 'r6', 'r8']);
  });
  it('is empty: blank, spaces only, missing cells', () => {
    expect(select('Name is empty', column('Name', ['', '   ', null, undefined, '0', 0, false]))).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(select('Name is empty', [['r0']])).toEqual(['r0']);
  });
});

describe('compileRule: numbers', () => {
  const amounts = column('Amount', [500, '500', ' 12,5 ', '12.50', '-3', '1 000', '1e3', '$5', '', true, 'abc', utc(1900, 1, 1), '007']);
  it('numbers stored as plain digit text (comma or point decimals) count as numbers', () => {
    expect(select('Amount = 500', amounts)).toEqual(['r0', 'r1']);
    expect(select('Amount = 12.5', amounts)).toEqual(['r2', 'r3']);
    expect(select('Amount > 0', amounts)).toEqual(['r0', 'r1', 'r2', 'r3', 'r5', 'r7', 'r11', 'r12']);
    expect(select('Amount < 0', amounts)).toEqual(['r4']);
    expect(select('Amount = 7', amounts)).toEqual(['r12']);
  });
  it('blanks, words, exponent text and booleans never match a number', () => {
    expect(select('Amount <= 1000000 or Amount > 1000000', amounts)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r7', 'r11', 'r12']);
    expect(select('Amount != 500', amounts)).toContain('r8');
  });
  it('dates are their serial numbers', () => {
    expect(select('Amount = 2', amounts)).toEqual(['r11']);
  });
  it('local amounts count: group spaces (plain and no-break), a decimal comma, a currency sign or word at either end', () => {
    const local = column('Amount', [
      '12 000',
      '2 300',
      '1 500,50',
      '12\u00a0000 ₽',
      '1\u202f500 грн.',
      '250 lei',
      'RUB 700',
      '300',
      'около 500',
      '5 eur 5',
      '=500',
      '<b>900</b>',
    ]);
    expect(select('Amount > 500', local)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r6']);
    expect(select('Amount = 1500.5', local)).toEqual(['r2']);
    expect(select('Amount = 12000', local)).toEqual(['r0', 'r3']);
  });
});

describe('compileRule: dates', () => {
  const dates = column('Date', [
    utc(2025, 6, 15),
    utc(2025, 6, 15, 23),
    '2025-05-16',
    '16.05.2025',
    '2025-05-15',
    utc(2025, 6, 16),
    '',
    'soon',
    45823,
    '2025-02-30',
    ' 2025-06-01 ',
  ]);
  it('date literals compare by day; text dates may be ISO or DD.MM.YYYY; numbers are serials', () => {
    expect(select('Date = 2025-06-15', dates)).toEqual(['r0', 'r1', 'r8']);
    expect(select('Date before 2025-05-17', dates)).toEqual(['r2', 'r3', 'r4', 'r9']);
    expect(select('Date after 2025-06-15', dates)).toEqual(['r5']);
    expect(select('Date = 2025-03-02', dates)).toEqual(['r9']); // Feb 30 rolls over like DATE()
  });
  it('within last 30 days includes today and today − 30, not tomorrow', () => {
    expect(select('Date within last 30 days', dates)).toEqual(['r0', 'r1', 'r2', 'r3', 'r8', 'r10']);
    expect(select('Date within next 1 day', dates)).toEqual(['r0', 'r1', 'r5', 'r8']);
    expect(select('Date more than 30 days ago', dates)).toEqual(['r4', 'r9']);
  });
  it('months and years go by the calendar, clamped to the month end', () => {
    const ctx = { today: utc(2024, 2, 29) };
    expect(select('Date more than 1 year ago', column('Date', ['2023-02-27', '2023-02-28', '2023-03-01']), ctx)).toEqual(['r0']);
    const august = { today: utc(2025, 8, 31) };
    expect(select('Date within last 6 months', column('Date', ['2025-02-27', '2025-02-28', '2025-09-01']), august)).toEqual(['r1']);
    expect(select('Date within last 2 weeks', column('Date', ['2025-08-17', '2025-08-16']), august)).toEqual(['r0']);
  });
  it('reads Date cells and today on the wall clock of the spreadsheet time zone', () => {
    const lateEvening = column('Date', [new Date('2025-06-14T22:30:00Z')]);
    expect(select('Date = 2025-06-14', lateEvening)).toEqual(['r0']);
    expect(select('Date = 2025-06-15', lateEvening, { timeZone: 'Europe/Moscow' })).toEqual(['r0']);
    expect(select('Date within last 0 days', lateEvening, { today: new Date('2025-06-14T21:30:00Z'), timeZone: 'Europe/Moscow' })).toEqual(['r0']);
  });
});

describe('compileRule: structure and rows', () => {
  const rows = [
    ['a', 'x', 1],
    ['b', 'y', 2],
    ['', 'x', 1],
    ['  ', 'x', 1],
    ['c', 'x', 3],
  ];
  it('and, or, not, parentheses', () => {
    expect(select('Name = "x" and Amount > 1', rows)).toEqual(['c']);
    expect(select('Name = "y" or Amount = 3', rows)).toEqual(['b', 'c']);
    expect(select('not (Name = "y" or Amount = 3)', rows)).toEqual(['a']);
  });
  it('a row with a blank ID is not a client, whatever the rule', () => {
    expect(select('Name is not empty', rows)).toEqual(['a', 'b', 'c']);
  });
  it('ignores rows that are not arrays, and throws on a field missing from the header', () => {
    const parsed = parseRule('Name = "x"', HEADER);
    if (!parsed.ok) throw new Error();
    const p = compileRule(parsed.rule, HEADER, { today: TODAY });
    expect(p(null as unknown as unknown[])).toBe(false);
    expect(() => compileRule(parsed.rule, ['ID', 'Other'], { today: TODAY })).toThrow(/"Name"/);
  });
});

describe('compileRule: measures', () => {
  const purchases = indexPurchases([
    ['a', '2025-06-01', '100'],
    ['A', utc(2025, 5, 16), 250.5],
    ['a', '2024-01-01', '1000'],
    ['b', 'soon', '70'],
    ['c', '2025-06-20', '5'],
    ['', '2025-06-01', '999'],
  ]);
  const clients = [['a'], ['b'], ['c'], ['d']];
  const ctx = { measures: purchases };
  it('Spent Nd sums purchases from today − N to today; Spent sums all; IDs match ignoring case', () => {
    expect(select('"Spent 30d" = 350.5', clients, ctx)).toEqual(['a']);
    expect(select('"Spent 29d" = 100', clients, ctx)).toEqual(['a']);
    expect(select('Spent = 1350.5', clients, ctx)).toEqual(['a']);
    expect(select('Spent = 70', clients, ctx)).toEqual(['b']);
    expect(select('"Spent 30d" = 0', clients, ctx)).toEqual(['b', 'c', 'd']);
  });
  it('Purchases counts rows, Last purchase is the latest readable date (future ones too)', () => {
    expect(select('Purchases = 3', clients, ctx)).toEqual(['a']);
    expect(select('Purchases = 0', clients, ctx)).toEqual(['d']);
    expect(select('"Last purchase" = 2025-06-01', clients, ctx)).toEqual(['a']);
    expect(select('"Last purchase" within last 30 days', clients, ctx)).toEqual(['a']);
    expect(select('"Last purchase" is empty', clients, ctx)).toEqual(['b', 'd']);
    expect(select('"Last purchase" after 2025-06-15', clients, ctx)).toEqual(['c']);
  });
  it('a missing last purchase matches no comparison, and its negation matches', () => {
    expect(select('"Last purchase" = ""', clients, ctx)).toEqual([]);
    expect(select('"Last purchase" != 2025-06-01', clients, ctx)).toEqual(['b', 'c', 'd']);
  });
  it('without purchases every client has none', () => {
    expect(select('Purchases = 0 and Spent = 0 and "Last purchase" is empty', clients)).toEqual(['a', 'b', 'c', 'd']);
  });
});
