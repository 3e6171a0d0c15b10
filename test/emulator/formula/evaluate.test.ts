import { describe, expect, it } from 'vitest';
import { evaluateFormula } from '../../../emulator/formula/evaluate';
import { arrayContext } from './array-context';

const TODAY = new Date('2025-06-15T09:00:00Z');
const SHEET = [
  ['ID', 'Name', 'Amount', 'Date'],
  ['c1', 'Ann', 500, new Date('2025-01-01T00:00:00Z')],
  ['c2', 'bob', '12', ''],
  ['c3', '', '', new Date('2025-06-15T12:00:00Z')],
];
const ctx = (sheets: Record<string, unknown[][]> = { S: SHEET }, timeZone = 'UTC') => arrayContext(sheets, TODAY, timeZone);
const one = (formula: string, c = ctx()) => evaluateFormula(formula, c)[0][0];

describe('evaluateFormula: operators with Sheets semantics', () => {
  it('precedence: unary minus before ^, ^ before * before + before & before comparison', () => {
    expect(one('=-2^2')).toBe(4);
    expect(one('=2+3*4')).toBe(14);
    expect(one('=2^3^2')).toBe(64);
    expect(one('=1+1&"x"')).toBe('2x');
    expect(one('=1+1=2')).toBe(true);
    expect(one('=50%')).toBe(0.5);
  });
  it('arithmetic coerces numeric text, blanks and booleans; other text is #VALUE!', () => {
    expect(one('="5"+1')).toBe(6);
    expect(one('=S!B4+1')).toBe(1);
    expect(one('=TRUE+1')).toBe(2);
    expect(one('="abc"+1')).toBe('#VALUE!');
    expect(one('=1/0')).toBe('#DIV/0!');
  });
  it('& prints numbers with 15 significant digits and booleans in capitals', () => {
    expect(one('=0.1+0.2&""')).toBe('0.3');
    expect(one('=1/3&""')).toBe('0.333333333333333');
    expect(one('=1.5&"|"&TRUE')).toBe('1.5|TRUE');
    expect(one('=S!D2&""')).toBe('45658');
  });
  it('comparison: text ignores case, blank equals 0 and "", numbers < text < booleans', () => {
    expect(one('="abc"="ABC"')).toBe(true);
    expect(one('="Ёж"="ёж"')).toBe(true);
    expect(one('=S!B4=0')).toBe(true);
    expect(one('=S!B4=""')).toBe(true);
    expect(one('=S!B4=FALSE')).toBe(true);
    expect(one('=1<"a"')).toBe(true);
    expect(one('="z"<TRUE')).toBe(true);
    expect(one('="12"=12')).toBe(false);
    expect(one('="b">"A"')).toBe(true);
  });
});

describe('evaluateFormula: ranges and arrays', () => {
  it("open ranges reach the sheet's last row; array arithmetic broadcasts", () => {
    expect(evaluateFormula('=S!A2:A', ctx())).toEqual([['c1'], ['c2'], ['c3']]);
    expect(evaluateFormula('=LEN(S!B2:B)*10', ctx())).toEqual([[30], [30], [0]]);
    expect(evaluateFormula('={1,2;3,4}+{10;20}', ctx())).toEqual([
      [11, 12],
      [23, 24],
    ]);
    expect(evaluateFormula('={1;2;3}+{1;2}', ctx())).toEqual([[2], [4], ['#N/A']]);
  });
  it('date cells are serial numbers in the spreadsheet time zone, and come back as Dates when passed through', () => {
    expect(one('=S!D2+0')).toBe(45658);
    expect(one('=INT(S!D4)')).toBe(45823);
    expect(one('=INT(S!D4)', ctx({ S: SHEET }, 'Pacific/Kiritimati'))).toBe(45824);
    const passed = evaluateFormula('=FILTER(S!D2:D, S!A2:A="c1")', ctx())[0][0];
    expect(Object.prototype.toString.call(passed)).toBe('[object Date]');
    expect((passed as Date).toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
  it('reads a sheet name in quotes', () => {
    expect(one("='My ''base'''!A1", ctx({ "My 'base'": [['hi']] }))).toBe('hi');
  });
});

describe('evaluateFormula: functions', () => {
  it('FILTER keeps matching rows, #N/A when none (IFERROR catches), #VALUE! on mismatched sizes', () => {
    expect(evaluateFormula('=FILTER(S!A2:B, S!C2:C=500)', ctx())).toEqual([['c1', 'Ann']]);
    // Text "12" is greater than every number in a Sheets comparison: why the add-on's formulas coerce first.
    expect(evaluateFormula('=FILTER(S!A2:B, S!C2:C>100)', ctx())).toEqual([
      ['c1', 'Ann'],
      ['c2', 'bob'],
    ]);
    expect(evaluateFormula('=FILTER(S!A2:B, S!C2:C>100, S!A2:A="x")', ctx())).toEqual([['#N/A']]);
    expect(evaluateFormula('=IFERROR(FILTER(S!A2:B, S!A2:A="x"),"none")', ctx())).toEqual([['none']]);
    expect(evaluateFormula('=FILTER(S!A2:A, S!A2:A3="c1")', ctx())).toEqual([['#VALUE!']]);
    expect(evaluateFormula('=FILTER(S!A2:A, (S!A2:A<>"c2")*1)', ctx())).toEqual([['c1'], ['c3']]);
  });
  it('IF, IFERROR, ISNUMBER, ISBLANK, NOT, AND/OR aggregate', () => {
    expect(evaluateFormula('=IF(ISNUMBER(S!C2:C), "n", "t")', ctx())).toEqual([['n'], ['t'], ['t']]);
    expect(evaluateFormula('=ISBLANK(S!B2:B)', ctx())).toEqual([[false], [false], [true]]);
    expect(one('=IFERROR(NA(), 7)')).toBe(7);
    expect(one('=NOT(0)')).toBe(true);
    expect(one('=AND(TRUE, 1, S!B4)')).toBe(true);
    expect(one('=OR(FALSE, 0)')).toBe(false);
  });
  it('text: LOWER, TRIM (spaces only), LEN, LEFT, MID, RIGHT, FIND (case-sensitive), SEARCH, SUBSTITUTE, CHAR', () => {
    expect(one('=LOWER("ПрИвЕт ABC")')).toBe('привет abc');
    expect(one('=TRIM("  a   b  ")')).toBe('a b');
    expect(one('=LEN(TRIM("\ta "))')).toBe(2);
    expect(one('=LEFT("2025-06-01",4)&MID("2025-06-01",6,2)&RIGHT("2025-06-01",2)')).toBe('20250601');
    expect(one('=FIND("b","abcb")')).toBe(2);
    expect(one('=FIND("B","abc")')).toBe('#VALUE!');
    expect(one('=SEARCH("B","abc")')).toBe(2);
    expect(one('=SUBSTITUTE("1,5",",",".")')).toBe('1.5');
    expect(one('="a"&CHAR(10)&"b"')).toBe('a\nb');
  });
  it('numbers and dates: VALUE, N, INT, ABS, DATE (1900 rule, rollover), EDATE (month end), TODAY in the time zone', () => {
    expect(one('=VALUE(" 12.5 ")')).toBe(12.5);
    expect(one('=VALUE("x")')).toBe('#VALUE!');
    expect(one('=N("5")+N(TRUE)')).toBe(1);
    expect(one('=INT(-1.5)')).toBe(-2);
    expect(one('=DATE(2025,1,1)')).toBe(45658);
    expect(one('=DATE(25,1,1)')).toBe(one('=DATE(1925,1,1)'));
    expect(one('=DATE(2025,2,30)')).toBe(one('=DATE(2025,3,2)'));
    expect(one('=EDATE(DATE(2024,1,31),1)')).toBe(one('=DATE(2024,2,29)'));
    expect(one('=EDATE(DATE(2024,2,29),-12)')).toBe(one('=DATE(2023,2,28)'));
    expect(one('=TODAY()')).toBe(45823);
    expect(one('=TODAY()', arrayContext({}, new Date('2025-06-14T22:00:00Z'), 'Europe/Moscow'))).toBe(45823);
    expect(one('=DATEVALUE("2025-01-01")')).toBe(45658);
  });
  it('REGEXMATCH wants text and a valid pattern', () => {
    expect(one('=REGEXMATCH("2025-01-01","^[0-9]{4}-")')).toBe(true);
    expect(one('=REGEXMATCH(5,"5")')).toBe('#VALUE!');
    expect(one('=REGEXMATCH("a","(")')).toBe('#REF!');
  });
  it('SORT: ascending/descending, blanks last, stable', () => {
    expect(evaluateFormula('=SORT({3,"a";1,"b";"",""; 2,"c"},1,FALSE)', ctx())).toEqual([
      [3, 'a'],
      [2, 'c'],
      [1, 'b'],
      ['', ''],
    ]);
    expect(evaluateFormula('=SORT({"b";"A";"a"})', ctx())).toEqual([['A'], ['a'], ['b']]);
  });
  it('VLOOKUP exact ignores case and is type-strict; #N/A when missing', () => {
    expect(evaluateFormula('=VLOOKUP({"C2";"zz";12}, S!A2:C, 3, FALSE)', ctx())).toEqual([['12'], ['#N/A'], ['#N/A']]);
    expect(one('=VLOOKUP(2.5, {1,"a";2,"b";3,"c"}, 2)')).toBe('b');
    expect(one('=VLOOKUP(1, {1,"a"}, 3, FALSE)')).toBe('#REF!');
  });
  it('SUMIF and COUNTIF: text ignoring case, wildcards, operators, numbers; array criteria', () => {
    const p = {
      P: [
        ['c1', 10],
        ['C1', 5],
        ['c2', '7'],
        ['c10', 1],
        ['', 2],
      ],
    };
    expect(evaluateFormula('=SUMIF(P!A1:A, {"c1";"c2";"c*";"<>c1"}, P!B1:B)', ctx(p))).toEqual([[15], [0], [16], [3]]);
    expect(evaluateFormula('=COUNTIF(P!A1:A&"|", {"c1|";"x|"})', ctx(p))).toEqual([[2], [0]]);
    expect(one('=COUNTIF(P!B1:B, ">=5")', ctx(p))).toBe(2);
    expect(one('=COUNTIF(P!A1:A, "")', ctx(p))).toBe(1);
    expect(one('=COUNTIF(P!A1:A, "c?")', ctx(p))).toBe(3);
    expect(one('=COUNTIF({"a*b";"axb"}, "a~*b")', ctx(p))).toBe(1);
  });
  it('ROWS, SUM, MAX, COUNTA, ARRAYFORMULA', () => {
    expect(one('=ROWS(S!A2:A)')).toBe(3);
    expect(one('=SUM(S!C2:C)')).toBe(500);
    expect(one('=MAX(S!D2:D)')).toBeCloseTo(45823.5);
    expect(one('=COUNTA(S!B2:B)')).toBe(2);
    expect(evaluateFormula('=ARRAYFORMULA(S!C2:C&"")', ctx())).toEqual([['500'], ['12'], ['']]);
  });
});

describe('evaluateFormula: bad formulas give error values, never a crash', () => {
  it.each([
    ['=IMPORTXML("http://x","//a")', '#NAME?'],
    ['=NOSUCH(1)', '#NAME?'],
    ['=foo', '#NAME?'],
    ['=1+', '#ERROR!'],
    ['=(1', '#ERROR!'],
    ['="abc', '#ERROR!'],
    ['=1 2', '#ERROR!'],
    ['=' + '('.repeat(10_000) + '1' + ')'.repeat(10_000), '#ERROR!'],
    ['=' + '-'.repeat(10_000) + '1', '#ERROR!'],
    ['=Nope!A1', '#REF!'],
    ['=LEN()', '#N/A'],
    ['=😀', '#ERROR!'],
  ])('%s → %s', (formula, expected) => {
    expect(one(formula)).toBe(expected);
  });

  it('accepts a formula without its leading =, and long text', () => {
    expect(one('1+1')).toBe(2);
    expect(one(`=LEN("${'x'.repeat(50_001)}")`)).toBe(50_001);
  });
});
