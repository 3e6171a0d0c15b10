/**
 * How a rule reads one cell. Each reader here is the src/core twin of one
 * formula fragment that to-formula.ts emits (named in brackets), so a segment
 * counted in src/core and the live segment tab in Sheets select the same rows.
 * README.md in this folder states the contract in words.
 */
import { isDate } from '../values';

const DAY_MS = 86_400_000;
/** Day 0 of Sheets' serial dates. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Marks a derived measure with no value (a client without dated purchases has no last purchase). */
export const MISSING: unique symbol = Symbol('missing measure');
export type Missing = typeof MISSING;

/** [TRIM] Sheets' TRIM: drops leading/trailing spaces and squeezes runs of spaces; other whitespace stays. */
export function trimSpaces(text: string): string {
  return text.replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

/** [x&""] A number as Sheets turns it into text: at most 15 significant digits, "1E+21" style exponents. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (n === 0) return '0';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)))
    .replace('e+', 'E+')
    .replace('e-', 'E-');
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Intl is slow and a client base repeats the same few thousand dates: remember each instant's wall clock. */
const wallClocks = new Map<string, Map<number, WallClock>>();
interface WallClock {
  y: number;
  m: number;
  d: number;
  msOfDay: number;
}

function wallClock(date: Date, timeZone: string | undefined): WallClock {
  const ms = date.getTime();
  const msInSecond = ((ms % 1000) + 1000) % 1000;
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    const dayStart = Math.floor(ms / DAY_MS) * DAY_MS;
    const day = new Date(dayStart);
    return { y: day.getUTCFullYear(), m: day.getUTCMonth() + 1, d: day.getUTCDate(), msOfDay: ms - dayStart };
  }
  let cache = wallClocks.get(timeZone);
  if (!cache) wallClocks.set(timeZone, (cache = new Map()));
  const known = cache.get(ms);
  if (known) return known;
  if (cache.size > 20_000) cache.clear();
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(date)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const clock = {
    y: parts.year,
    m: parts.month,
    d: parts.day,
    msOfDay: ((parts.hour % 24) * 3600 + parts.minute * 60 + parts.second) * 1000 + msInSecond,
  };
  cache.set(ms, clock);
  return clock;
}

/** A Date cell as Sheets' serial number: days since 1899-12-30 on the wall clock of `timeZone` (UTC if none). */
export function dateSerial(date: Date, timeZone?: string): number {
  const { y, m, d, msOfDay } = wallClock(date, timeZone);
  return (Date.UTC(y, m - 1, d) - SERIAL_EPOCH_MS) / DAY_MS + msOfDay / DAY_MS;
}

/** [DATE(y,m,d)] Sheets' DATE: years 0–1899 mean 1900–3799, months and days overflow into the next ones. */
export function serialOfDate(year: number, month: number, day: number): number | null {
  let y = Math.trunc(year);
  if (y < 0 || y >= 10000) return null;
  if (y < 1900) y += 1900;
  const utc = new Date(0);
  utc.setUTCFullYear(y, Math.trunc(month) - 1, Math.trunc(day));
  return Math.round((utc.getTime() - SERIAL_EPOCH_MS) / DAY_MS);
}

/** [EDATE(serial, months)] The same day `months` later, clamped to the month's last day. */
export function addMonths(serial: number, months: number): number {
  const start = new Date(SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  const target = start.getUTCMonth() + months;
  const year = start.getUTCFullYear() + Math.floor(target / 12);
  const month = ((target % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const at = new Date(0);
  at.setUTCFullYear(year, month, Math.min(start.getUTCDate(), lastDay));
  return Math.round((at.getTime() - SERIAL_EPOCH_MS) / DAY_MS);
}

/** [x&""] A cell as Sheets concatenates it: dates and numbers as their number text, booleans as TRUE/FALSE. */
export function cellAsText(value: unknown, timeZone?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return numberText(dateSerial(value, timeZone));
  return String(value);
}

/** [LOWER(TRIM(x&""))] The text every text operator compares; null for a missing measure. */
export function comparableText(value: unknown, timeZone?: string): string | null {
  if (value === MISSING) return null;
  return trimSpaces(cellAsText(value, timeZone)).toLowerCase();
}

/** Text that counts as a number once spaces and currency are gone: digits, an optional minus, an optional `.` or `,` decimal part. */
const NUMBER_TEXT = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * What a local amount carries besides its digits: group spaces (plain, no-break,
 * narrow no-break, thin: "12 000", "1 500,50") and a currency sign or word at
 * either end ("₽", "1 500 грн.", "250 lei", "$5"). Written once, in the syntax
 * both RE2 (Sheets' REGEXREPLACE) and JavaScript read the same way; to-formula.ts
 * sends the same pattern to the sheet.
 */
const CURRENCY = '(?:₽|₴|€|\\$|£|руб\\.?|р\\.|грн\\.?|lei|лей|ron|mdl|uah|rub|eur|usd)';
export const AMOUNT_NOISE_PATTERN = `(?i)^${CURRENCY}|${CURRENCY}$|[ \u00a0\u202f\u2009]`;
const AMOUNT_NOISE = new RegExp(AMOUNT_NOISE_PATTERN.slice(4), 'giu');

/**
 * [NUMV] A cell as a number, or null when it is not one: numbers and dates
 * (as serials) are; text is when, trimmed and stripped of group spaces and a
 * currency (AMOUNT_NOISE_PATTERN), it is NUMBER_TEXT with a comma read as the
 * decimal point. The value is computed as digits / 10^decimals, the same
 * arithmetic as the formula, so both sides get the same double.
 */
export function cellAsNumber(value: unknown, timeZone?: string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (isDate(value)) return dateSerial(value, timeZone);
  if (typeof value !== 'string') return null;
  const text = trimSpaces(value).replace(AMOUNT_NOISE, '').replace(/,/g, '.');
  if (!NUMBER_TEXT.test(text)) return null;
  const point = text.indexOf('.');
  const decimals = point < 0 ? 0 : text.length - point - 1;
  return Number(text.replace('.', '')) / 10 ** decimals;
}

const ISO_DATE_TEXT = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const DOTTED_DATE_TEXT = /^([0-9]{2})\.([0-9]{2})\.([0-9]{4})$/;

/**
 * [DV] A cell as a whole day serial, or null: numbers and dates are cut to
 * their day (INT), text is a day when it reads YYYY-MM-DD or DD.MM.YYYY
 * (trimmed), built with DATE(), so "2025-02-30" is 2 March like in Sheets.
 */
export function cellAsDay(value: unknown, timeZone?: string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.floor(value) : null;
  if (isDate(value)) return Math.floor(dateSerial(value, timeZone));
  if (typeof value !== 'string') return null;
  const text = trimSpaces(value);
  const iso = ISO_DATE_TEXT.exec(text);
  if (iso) return serialOfDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = DOTTED_DATE_TEXT.exec(text);
  if (dotted) return serialOfDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  return null;
}

/** [LEN(TRIM(x&""))=0] Blank: nothing but spaces. A missing measure is blank too. */
export function cellIsEmpty(value: unknown, timeZone?: string): boolean {
  return value === MISSING || trimSpaces(cellAsText(value, timeZone)) === '';
}

/** Today's serial day in the spreadsheet time zone. */
export function todaySerial(today: Date, timeZone?: string): number {
  return Math.floor(dateSerial(today, timeZone));
}
