/**
 * Dates as people type them in spreadsheets: ISO (2024-12-31), European
 * day-first (31.12.2024, 31/12/24, 31-12-2024), US month-first only when it
 * cannot be day-first (12/31/2024) or when the default country writes dates
 * month-first, and month names in English, Russian, Ukrainian and Romanian
 * ("31 декабря 2024 г.", "31 грудня 2024", "31 decembrie 2024", "Dec 31, 2024").
 *
 * Calendar dates become local midnight (`new Date(y, m, d)`): that is what a
 * date cell holds once written by the script in the spreadsheet's time zone.
 */
export type DateParse = { ok: true; date: Date } | { ok: false; reason: 'not_a_date' | 'impossible' | 'out_of_range'; detail?: string };

export interface DateParseOptions {
  /** Read 03/04/2024 as March 4 (US habit). Day-first otherwise. */
  monthFirst?: boolean;
  /** Decides the century of two-digit years. */
  today?: Date;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const MONTH_WORDS: Record<string, number> = {};
const MONTHS: string[][] = [
  ['january', 'jan', 'январь', 'января', 'янв', 'січень', 'січня', 'січ', 'ianuarie', 'ian'],
  ['february', 'feb', 'февраль', 'февраля', 'фев', 'февр', 'лютий', 'лютого', 'лют', 'februarie'],
  ['march', 'mar', 'март', 'марта', 'мар', 'березень', 'березня', 'бер', 'martie'],
  ['april', 'apr', 'апрель', 'апреля', 'апр', 'квітень', 'квітня', 'квіт', 'aprilie'],
  ['may', 'май', 'мая', 'травень', 'травня', 'трав', 'mai'],
  ['june', 'jun', 'июнь', 'июня', 'июн', 'червень', 'червня', 'черв', 'iunie', 'iun'],
  ['july', 'jul', 'июль', 'июля', 'июл', 'липень', 'липня', 'лип', 'iulie', 'iul'],
  ['august', 'aug', 'август', 'августа', 'авг', 'серпень', 'серпня', 'серп'],
  ['september', 'sep', 'sept', 'сентябрь', 'сентября', 'сен', 'сент', 'вересень', 'вересня', 'вер', 'septembrie'],
  ['october', 'oct', 'октябрь', 'октября', 'окт', 'жовтень', 'жовтня', 'жовт', 'octombrie'],
  ['november', 'nov', 'ноябрь', 'ноября', 'ноя', 'нояб', 'листопад', 'листопада', 'лист', 'noiembrie', 'noi'],
  ['december', 'dec', 'декабрь', 'декабря', 'дек', 'грудень', 'грудня', 'груд', 'decembrie'],
];
MONTHS.forEach((words, i) => words.forEach((w) => (MONTH_WORDS[w] = i + 1)));

const TIME = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const YMD = new RegExp(String.raw`^(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})${TIME}$`);
const DMY = new RegExp(String.raw`^(\d{1,2})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?:\s*(?:г|р)\.?)?${TIME}$`);
const D_MONTH_Y = /^(\d{1,2})(?:-?(?:е|го|st|nd|rd|th))?[\s.\-/]+([^\d\s.,\-/]+)\.?,?[\s.\-/]+(\d{4})(?:\s*(?:г|р|года|року)\.?)?$/iu;
const MONTH_D_Y = /^([^\d\s.,\-/]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/iu;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function expandYear(twoDigits: number, today: Date): number {
  // Within ten years ahead counts as this century (birthdays of '85 stay in the 1900s).
  const pivot = (today.getFullYear() % 100) + 10;
  const century = Math.floor(today.getFullYear() / 100) * 100;
  return twoDigits <= pivot ? century + twoDigits : century - 100 + twoDigits;
}

function calendarDate(year: number, month: number, day: number): DateParse {
  if (month < 1 || month > 12) return { ok: false, reason: 'impossible', detail: `there is no month ${month}` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return {
      ok: false,
      reason: 'impossible',
      detail: `${MONTHS[month - 1][0].replace(/^./, (c) => c.toUpperCase())} ${year} has ${daysInMonth(year, month)} days`,
    };
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, reason: 'out_of_range', detail: `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}` };
  return { ok: true, date: new Date(year, month - 1, day) };
}

export function parseDateText(raw: string, options: DateParseOptions = {}): DateParse {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '' || text.length > 64) return { ok: false, reason: 'not_a_date' };
  const today = options.today ?? new Date();

  if (ISO_INSTANT.test(text)) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) return { ok: false, reason: 'impossible' };
    const [y, m, d] = text.slice(0, 10).split('-').map(Number);
    const checked = calendarDate(y, m, d);
    return checked.ok ? { ok: true, date: new Date(ms) } : checked;
  }

  let match = YMD.exec(text);
  if (match) return calendarDate(Number(match[1]), Number(match[3]), Number(match[4]));

  match = DMY.exec(text);
  if (match) {
    const a = Number(match[1]);
    const b = Number(match[3]);
    const year = match[4].length === 2 ? expandYear(Number(match[4]), today) : Number(match[4]);
    // Dotted dates are day-first everywhere; slashes follow the country unless only one reading exists.
    const monthFirst = b > 12 && a <= 12 ? true : a > 12 ? false : match[2] !== '.' && options.monthFirst === true;
    return monthFirst ? calendarDate(year, a, b) : calendarDate(year, b, a);
  }

  match = D_MONTH_Y.exec(text);
  if (match) {
    const month = MONTH_WORDS[match[2].toLowerCase()];
    if (month) return calendarDate(Number(match[3]), month, Number(match[1]));
    return { ok: false, reason: 'not_a_date' };
  }

  match = MONTH_D_Y.exec(text);
  if (match) {
    const month = MONTH_WORDS[match[1].toLowerCase()];
    if (month) return calendarDate(Number(match[3]), month, Number(match[2]));
  }
  return { ok: false, reason: 'not_a_date' };
}

/** A date as the report shows it: yyyy-mm-dd in local time (what the cell shows with the date format). */
export function formatDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Days from `from` to `to`, counted on the local calendar (DST-safe). */
export function daysBetween(from: Date, to: Date): number {
  const a = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const b = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((b - a) / 86_400_000);
}
