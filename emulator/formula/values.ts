/**
 * Values inside the formula evaluator, with Sheets' coercions: blank is 0, ""
 * or FALSE depending on who asks, text compares ignoring case, numbers sort
 * before text before booleans, dates are serial numbers.
 */

export class FormulaError {
  constructor(
    readonly code: '#N/A' | '#VALUE!' | '#NAME?' | '#REF!' | '#DIV/0!' | '#NUM!' | '#ERROR!',
    readonly detail = '',
  ) {}
}

/** A date read from a cell: a number for every computation, the original Date when passed through (FILTER, SORT). */
export class CellDate {
  constructor(
    readonly serial: number,
    readonly original: Date,
  ) {}
}

export const BLANK = null;
export type Scalar = number | string | boolean | null | FormulaError | CellDate;
/** Every value is a grid (rows of columns); a scalar is 1×1. */
export type Grid = Scalar[][];

export const err = (code: FormulaError['code'], detail?: string): FormulaError => new FormulaError(code, detail);
export const isError = (v: Scalar): v is FormulaError => v instanceof FormulaError;
export const scalar = (v: Scalar): Grid => [[v]];

export function isNumeric(v: Scalar): v is number | CellDate {
  return typeof v === 'number' || v instanceof CellDate;
}

export function numberOf(v: number | CellDate): number {
  return typeof v === 'number' ? v : v.serial;
}

/** Numbers as Sheets prints them in text: 15 significant digits, E notation for the extremes. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (n === 0) return '0';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return n.toString();
  return String(parseFloat(n.toPrecision(15))).replace(/e([+-])/, 'E$1');
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Arithmetic and VALUE: numbers, numeric text (en locale), ISO date text; otherwise #VALUE!. */
export function toNumber(v: Scalar): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (v instanceof CellDate) return v.serial;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof FormulaError) return v;
  const text = v.trim();
  if (text === '') return 0;
  if (NUMERIC_TEXT.test(text)) return Number(text);
  if (/^[+-]?\d+(\.\d+)?%$/.test(text)) return Number(text.slice(0, -1)) / 100;
  const iso = ISO_TEXT.exec(text);
  if (iso) {
    const serial = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (typeof serial === 'number') return serial;
  }
  return err('#VALUE!', `"${text.slice(0, 40)}" is text and cannot be read as a number`);
}

export function toText(v: Scalar): string | FormulaError {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (v instanceof CellDate) return formatNumber(v.serial);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

export function toBoolean(v: Scalar): boolean | FormulaError {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof CellDate) return v.serial !== 0;
  if (v instanceof FormulaError) return v;
  const upper = v.trim().toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  return err('#VALUE!', `"${v.slice(0, 40)}" is text, not TRUE or FALSE`);
}

const TYPE_RANK = { number: 0, string: 1, boolean: 2 } as const;

/**
 * Sheets' comparison: −1, 0 or 1. A blank takes the type of the other side
 * (0, "" or FALSE); text is compared ignoring case; across types
 * numbers < text < booleans.
 */
export function compareValues(a: Scalar, b: Scalar): number | FormulaError {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  const x = a instanceof CellDate ? a.serial : a;
  const y = b instanceof CellDate ? b.serial : b;
  if (x === null && y === null) return 0;
  const left = x === null ? blankLike(y as number | string | boolean) : x;
  const right = y === null ? blankLike(x as number | string | boolean) : y;
  const lt = typeof left as 'number' | 'string' | 'boolean';
  const rt = typeof right as 'number' | 'string' | 'boolean';
  if (lt !== rt) return TYPE_RANK[lt] < TYPE_RANK[rt] ? -1 : 1;
  if (lt === 'string') {
    const l = (left as string).toLowerCase();
    const r = (right as string).toLowerCase();
    return l < r ? -1 : l > r ? 1 : 0;
  }
  const l = Number(left);
  const r = Number(right);
  return l < r ? -1 : l > r ? 1 : 0;
}

function blankLike(other: number | string | boolean): number | string | boolean {
  return typeof other === 'number' ? 0 : typeof other === 'string' ? '' : false;
}

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** DATE(y, m, d): years below 1900 get 1900 added; months and days roll over. */
export function dateSerial(year: number, month: number, day: number): number | FormulaError {
  let y = Math.trunc(year);
  if (y < 0 || y > 9999) return err('#NUM!', 'DATE year out of range');
  if (y < 1900) y += 1900;
  const d = new Date(0);
  d.setUTCFullYear(y, Math.trunc(month) - 1, Math.trunc(day));
  return Math.round((d.getTime() - EPOCH) / MS_PER_DAY);
}

/** Year, month (1–12) and day of a serial. */
export function serialParts(serial: number): { year: number; month: number; day: number } {
  const d = new Date(EPOCH + Math.floor(serial) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
