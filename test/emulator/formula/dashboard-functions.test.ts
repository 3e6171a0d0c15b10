/**
 * The functions the dashboard's formulas use, each against the semantics
 * Google documents (COUNTIFS 3256550, SUMIFS 3238496, EOMONTH 3093044,
 * SEQUENCE 9368244, UNIQUE 10522653 on support.google.com/docs/answer/…).
 */
import { describe, expect, it } from 'vitest';
import { evaluateFormula } from '../../../emulator/formula/evaluate';
import { arrayContext } from './array-context';

const TODAY = new Date('2025-06-15T09:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const P = [
  ['Client ID', 'Date', 'Amount', 'Status'],
  ['c1', day('2025-01-10'), 100, 'sent'],
  ['C1', day('2025-02-03'), 50, 'skipped: opted_out'],
  ['c2', day('2025-02-28'), '70', 'skipped: invalid_email'],
  ['c3', '', 30, 'sent'],
  ['c2', day('2025-03-01'), 20, 'failed: x'],
];
const ctx = () => arrayContext({ P }, TODAY, 'UTC');
const run = (formula: string) => evaluateFormula(formula, ctx());
const one = (formula: string) => run(formula)[0][0];

describe('COUNTIFS', () => {
  it('counts rows where every criterion holds; text ignores case; wildcards and operators like COUNTIF', () => {
    expect(one('=COUNTIFS(P!A2:A,"c1")')).toBe(2);
    expect(one('=COUNTIFS(P!A2:A,"c2",P!C2:C,">30")')).toBe(0); // "70" is text: > compares numbers only
    expect(one('=COUNTIFS(P!A2:A,"c2",P!C2:C,">10")')).toBe(1);
    expect(one('=COUNTIFS(P!D2:D,"skipped*")')).toBe(2);
    expect(one('=COUNTIFS(P!D2:D,"<>sent")')).toBe(3);
    expect(one('=COUNTIFS(P!B2:B,">="&DATE(2025,2,1),P!B2:B,"<"&DATE(2025,3,1))')).toBe(2);
  });
  it('an array of criteria in ARRAYFORMULA gives one count each', () => {
    expect(run('=ARRAYFORMULA(COUNTIFS(P!A2:A,{"c1";"c2";"zz"}))')).toEqual([[2], [2], [0]]);
  });
  it('blank criterion "" matches empty cells; ranges of different sizes are #VALUE!; odd arguments #N/A', () => {
    expect(one('=COUNTIFS(P!B2:B,"")')).toBe(1);
    expect(one('=COUNTIFS(P!A2:A6,"c1",P!C2:C5,">0")')).toBe('#VALUE!');
    expect(one('=COUNTIFS(P!A2:A6)')).toBe('#N/A');
  });
  it('accepts computed arrays as criteria ranges, as Sheets does inside ARRAYFORMULA', () => {
    expect(one('=ARRAYFORMULA(COUNTIFS(LOWER(P!A2:A6),"c1",ISNUMBER(P!B2:B6),TRUE))')).toBe(2);
  });
});

describe('SUMIFS', () => {
  it('sums the numbers of the sum range where every criterion holds; text amounts count nothing', () => {
    expect(one('=SUMIFS(P!C2:C,P!A2:A,"c1")')).toBe(150);
    expect(one('=SUMIFS(P!C2:C,P!A2:A,"c2")')).toBe(20);
    expect(one('=SUMIFS(P!C2:C,P!A2:A,"c1",P!B2:B,"<"&DATE(2025,2,1))')).toBe(100);
    expect(run('=ARRAYFORMULA(SUMIFS(P!C2:C,P!A2:A,{"c1","c3"}))')).toEqual([[150, 30]]);
    expect(one('=SUMIFS(P!C2:C6,P!A2:A5,"c1")')).toBe('#VALUE!');
  });
});

describe('EOMONTH', () => {
  it('is the last day of the month, months later or earlier, across years and leap years', () => {
    const serial = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
    expect(one('=EOMONTH(DATE(2024,1,31),1)')).toBe(serial('2024-02-29'));
    expect(one('=EOMONTH(DATE(2025,1,15),0)')).toBe(serial('2025-01-31'));
    expect(one('=EOMONTH(DATE(2025,1,15),-1)')).toBe(serial('2024-12-31'));
    expect(one('=EOMONTH(DATE(2025,11,5),2)')).toBe(serial('2026-01-31'));
    expect(one('=EOMONTH(P!B2,0)')).toBe(serial('2025-01-31'));
    expect(one('=EOMONTH("x",0)')).toBe('#VALUE!');
  });
});

describe('SEQUENCE', () => {
  it('fills rows first with start and step; defaults 1', () => {
    expect(run('=SEQUENCE(3)')).toEqual([[1], [2], [3]]);
    expect(run('=SEQUENCE(2,3)')).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(run('=SEQUENCE(3,1,-2,1)')).toEqual([[-2], [-1], [0]]);
    expect(one('=SEQUENCE(0)')).toBe('#VALUE!');
  });
});

describe('UNIQUE', () => {
  it('keeps the first of each row in order; text is case-sensitive', () => {
    expect(run('=UNIQUE(P!A2:A6)')).toEqual([['c1'], ['C1'], ['c2'], ['c3']]);
    expect(run('=ARRAYFORMULA(UNIQUE(LOWER(P!A2:A6)))')).toEqual([['c1'], ['c2'], ['c3']]);
  });
});
