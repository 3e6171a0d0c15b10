/**
 * What Sheets stores when a script writes a value into a cell that is not
 * formatted as plain text: strings are parsed like typed input in the
 * spreadsheet's locale (emulator/spreadsheet/locale.ts).
 */
import { isDateValue, zonedDate } from '../time';
import { englishMonth, type LocaleRules, localeRules } from './locale';

export interface ParsedInput {
  /** The stored value ('' for empty); absent when the input is a formula. */
  value: unknown;
  formula?: string;
  /** A number format Sheets picks for the parsed input (dates, percents), if any. */
  format?: string;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))%$/;
const CURRENCY = /^([+-]?)\$((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DOT_DATE = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DAY_MONTH_NAME = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4})$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;
const COMMA_NUMBER = /^[+-]?(?:\d+(?:,\d*)?|,\d+)$/;
const COMMA_PERCENT = /^([+-]?(?:\d+(?:,\d*)?|,\d+))%$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateFrom(timeZone: string, y: number, mo: number, d: number, h?: string, mi?: string, s?: string): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const hour = h ? Number(h) : 0;
  const minute = mi ? Number(mi) : 0;
  const second = s ? Number(s) : 0;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return zonedDate(timeZone, y, mo, d, hour, minute, second);
}

/** English month names parse as dates in every locale ('3 Dec 2024', 'December 3, 2024'). */
function monthNameDate(t: string, timeZone: string): ParsedInput | null {
  const dm = DAY_MONTH_NAME.exec(t);
  const md = dm ? null : MONTH_NAME_DAY.exec(t);
  const [day, month, year] = dm ? [dm[1], englishMonth(dm[2]), dm[3]] : md ? [md[2], englishMonth(md[1]), md[3]] : ['', 0, ''];
  if (!month) return null;
  const d = dateFrom(timeZone, Number(year), month, Number(day));
  return d ? { value: d, format: 'd mmm yyyy' } : null;
}

function booleanWord(t: string, rules: LocaleRules): boolean | undefined {
  const upper = t.toUpperCase();
  if (rules.trueWords.includes(upper)) return true;
  if (rules.falseWords.includes(upper)) return false;
  return undefined;
}

/** Numbers with a decimal comma: '1,5', '-0,25', '1 234,5' (ru), '1.234,5' (ro). */
function commaNumber(t: string, rules: LocaleRules): number | undefined {
  if (COMMA_NUMBER.test(t)) return Number(t.replace(',', '.'));
  const seps = rules.groupSeparators.replace(/[.\\\]^-]/g, '\\$&');
  const grouped = new RegExp(`^([+-]?)(\\d{1,3}(?:[${seps}]\\d{3})+)(?:,(\\d*))?$`).exec(t);
  if (grouped) return Number(`${grouped[1]}${grouped[2].replace(/\D/g, '')}.${grouped[3] || '0'}`);
  return undefined;
}

/** Parses one string the way Sheets parses user input in a locale ('en' by default). */
export function parseInput(text: string, timeZone: string, locale = 'en'): ParsedInput {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  const rules = localeRules(locale);
  const t = text.trim();
  if (t === '') return { value: text === '' ? '' : text };
  // Text starting with a letter can only be a boolean word or an English month-name date.
  const first = t.charCodeAt(0);
  if (first > 64) {
    if (t.length > 20) return { value: text };
    const bool = booleanWord(t, rules);
    if (bool !== undefined) return { value: bool };
    return monthNameDate(t, timeZone) ?? { value: text };
  }
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const d = dateFrom(timeZone, Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4], iso[5], iso[6]);
    if (d) return { value: d, format: iso[4] ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd' };
  }
  const named = monthNameDate(t, timeZone);
  if (named) return named;
  if (rules.decimalComma) {
    if (rules.dotDates) {
      const dot = DOT_DATE.exec(t);
      if (dot) {
        const year = dot[3] ? Number(dot[3]) : new Date().getFullYear();
        const d = dateFrom(timeZone, year, Number(dot[2]), Number(dot[1]), dot[4], dot[5], dot[6]);
        if (d) return { value: d, format: dot[4] ? 'dd.mm.yyyy h:mm:ss' : 'dd.mm.yyyy' };
      }
    }
    // Integers and exponents read the same; '3.14' is not a number here.
    if (/^[+-]?\d+(?:[eE][+-]?\d+)?$/.test(t) && Number.isFinite(Number(t))) return { value: Number(t) };
    const n = commaNumber(t, rules);
    if (n !== undefined && Number.isFinite(n)) return { value: n };
    const pct = COMMA_PERCENT.exec(t);
    if (pct) return { value: Number(pct[1].replace(',', '.')) / 100, format: '0%' };
    return { value: text };
  }
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  // A number beyond double range stays text, as Sheets shows "1e309" rather than an error.
  if (PLAIN_NUMBER.test(t) && Number.isFinite(Number(t))) return { value: Number(t) };
  if (GROUPED_NUMBER.test(t)) return { value: Number(t.replace(/,/g, '')), format: t.includes('.') ? '#,##0.00' : '#,##0' };
  const pct = PERCENT.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, format: '0%' };
  const cur = CURRENCY.exec(t);
  if (cur) return { value: Number(cur[1] + cur[2].replace(/,/g, '')), format: '"$"#,##0.00' };
  if (rules.usDates) {
    const us = US_DATE.exec(t);
    if (us) {
      const d = dateFrom(timeZone, Number(us[3]), Number(us[1]), Number(us[2]), us[4], us[5], us[6]);
      if (d) return { value: d, format: us[4] ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy' };
    }
  }
  return { value: text };
}

/**
 * Normalises any JS value a script writes: strings are parsed unless the cell
 * is plain text ('@'); numbers, booleans and Dates are kept (Dates copied).
 */
export function inputToCell(input: unknown, timeZone: string, plainText: boolean, locale = 'en'): ParsedInput {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number') return { value: Number.isFinite(input) ? input : '#NUM!' };
  if (typeof input === 'boolean') return { value: input };
  if (isDateValue(input)) return { value: new Date(input.getTime()) };
  if (Object.prototype.toString.call(input) === '[object Date]') return { value: '' }; // Invalid Date
  const text = typeof input === 'string' ? input : String(input);
  return plainText ? { value: text } : parseInput(text, timeZone, locale);
}
