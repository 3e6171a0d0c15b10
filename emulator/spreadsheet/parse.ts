/**
 * What Sheets stores when a script writes a value into a cell that is not
 * formatted as plain text: strings are parsed like typed input (en locale).
 */
import { isDateValue, zonedDate } from '../time';

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

/** Parses one string the way Sheets parses user input. */
export function parseInput(text: string, timeZone: string): ParsedInput {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  // Most text starts with a letter: only TRUE/FALSE can then be anything but text.
  const first = text.charCodeAt(0);
  if (first > 64 && text.length !== 4 && text.length !== 5) return { value: text };
  const t = text.trim();
  if (t === '') return { value: text === '' ? '' : text };
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  // A number beyond double range stays text, as Sheets shows "1e309" rather than an error.
  if (PLAIN_NUMBER.test(t) && Number.isFinite(Number(t))) return { value: Number(t) };
  if (GROUPED_NUMBER.test(t)) return { value: Number(t.replace(/,/g, '')), format: t.includes('.') ? '#,##0.00' : '#,##0' };
  const pct = PERCENT.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, format: '0%' };
  const cur = CURRENCY.exec(t);
  if (cur) return { value: Number(cur[1] + cur[2].replace(/,/g, '')), format: '"$"#,##0.00' };
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const d = dateFrom(timeZone, Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4], iso[5], iso[6]);
    if (d) return { value: d, format: iso[4] ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd' };
  }
  const us = US_DATE.exec(t);
  if (us) {
    const d = dateFrom(timeZone, Number(us[3]), Number(us[1]), Number(us[2]), us[4], us[5], us[6]);
    if (d) return { value: d, format: us[4] ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy' };
  }
  return { value: text };
}

/**
 * Normalises any JS value a script writes: strings are parsed unless the cell
 * is plain text ('@'); numbers, booleans and Dates are kept (Dates copied).
 */
export function inputToCell(input: unknown, timeZone: string, plainText: boolean): ParsedInput {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number') return { value: Number.isFinite(input) ? input : '#NUM!' };
  if (typeof input === 'boolean') return { value: input };
  if (isDateValue(input)) return { value: new Date(input.getTime()) };
  if (Object.prototype.toString.call(input) === '[object Date]') return { value: '' }; // Invalid Date
  const text = typeof input === 'string' ? input : String(input);
  return plainText ? { value: text } : parseInput(text, timeZone);
}
