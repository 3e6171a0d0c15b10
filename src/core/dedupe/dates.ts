/**
 * Dates of birth as people type them, and how close two of them are in the
 * ways typing goes wrong: one digit, day and month swapped, a few days off.
 */

export interface BirthDate {
  year: number;
  /** 0 when unknown. */
  month: number;
  /** 0 when unknown. */
  day: number;
  /**
   * How much of the date is known: a partial ("1971", "06.1971") or impossible
   * ("31.02.1980") date keeps its year, and its month where it can.
   */
  precision: 'day' | 'month' | 'year';
  /** YYYYMMDD, the comparable form (YYYYMM or YYYY when less is known). */
  key: string;
  /** Day number, for distances in days. */
  days: number;
}

const MAX_DATE_INPUT = 40;

/**
 * Reads ISO (1971-06-24), compact (19710624), day-first (24.06.1971,
 * 24/06/1971, 24-06-71) and, when the first number cannot be a day-of-month
 * reading (06/24/1971), month-first dates. Undefined when it is not a real date.
 */
export function parseBirthDate(raw: unknown): BirthDate | undefined {
  const text = raw == null ? '' : String(raw).trim().slice(0, MAX_DATE_INPUT);
  if (text === '') return undefined;
  let m = /^(\d{4})[-./ ](\d{1,2})[-./ ](\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return make(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return make(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{2}|\d{4})$/.exec(text);
  if (m) {
    const year = expandYear(m[3]);
    const first = +m[1];
    const second = +m[2];
    return first > 12 || second <= 12 ? make(year, second, first) : make(year, first, second);
  }
  m = /^(\d{1,2})[-./ ](\d{4})$/.exec(text) ?? /^(\d{4})[-./ ](\d{1,2})$/.exec(text);
  if (m) {
    const [year, month] = m[1].length === 4 ? [+m[1], +m[2]] : [+m[2], +m[1]];
    return make(year, month, 0);
  }
  // Anything else with one plausible year in it ("1971", "c. 1788", "born 1850?") keeps the year.
  const years = text.match(/(?<!\d)(1[0-9]\d\d|20\d\d)(?!\d)/g);
  if (years && years.length === 1) return make(+years[0], 0, 0);
  return undefined;
}

function expandYear(text: string): number {
  if (text.length === 4) return +text;
  const yy = +text;
  // Two-digit years of birth: 00–30 are this century, the rest the last one.
  return yy <= 30 ? 2000 + yy : 1900 + yy;
}

/** Years of birth this far back are real (genealogies, historical registers); earlier ones are typing. */
const MIN_YEAR = 1000;

function make(year: number, month: number, day: number): BirthDate | undefined {
  if (year < MIN_YEAR || year > 2200) return undefined;
  if (month < 1 || month > 12) return { year, month: 0, day: 0, precision: 'year', key: String(year), days: dayNumber(year, 7, 1) };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { year, month, day: 0, precision: 'month', key: `${year}${pad(month)}`, days: dayNumber(year, month, 15) };
  }
  return { year, month, day, precision: 'day', key: `${year}${pad(month)}${pad(day)}`, days: dayNumber(year, month, day) };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1 Jan of year 0 in the proleptic Gregorian calendar (only differences matter). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

export type DateAgreement = 'exact' | 'swapped' | 'one-digit' | 'close' | 'similar' | 'same-month' | 'same-year' | 'different';

/**
 * How two birth dates relate, from the strongest agreement down:
 * exact; day and month swapped; one digit mistyped (or two adjacent digits
 * swapped); within 45 days of each other; the year one digit (or one year)
 * off while day-of-year stays within 45 days; different.
 */
export function compareBirthDates(a: BirthDate, b: BirthDate): DateAgreement {
  if (a.precision !== 'day' || b.precision !== 'day') {
    // Only as much as both say: the year, and the month when both know it.
    if (a.year !== b.year) return yearsOneDigitApart(a.year, b.year) ? 'similar' : 'different';
    if (a.month && b.month) {
      if (a.month === b.month) return 'same-month';
      // 31.02 read as month 2 may be 02.31 read wrongly: a day/month swap keeps the pair plausible.
      return a.month === b.day || b.month === a.day ? 'same-year' : 'different';
    }
    return 'same-year';
  }
  if (a.key === b.key) return 'exact';
  if (a.year === b.year && a.month === b.day && a.day === b.month) return 'swapped';
  if (digitsApart(a.key, b.key) <= 1) return 'one-digit';
  if (Math.abs(a.days - b.days) <= 45) return 'close';
  const yearSlip = a.year === b.year || yearsOneDigitApart(a.year, b.year) || Math.abs(a.year - b.year) <= 1;
  if (yearSlip && circularDayGap(a, b) <= 45) return 'similar';
  return 'different';
}

/**
 * `digitsApart(String(x), String(y)) <= 1` for two different years without making strings (this runs for most
 * candidate pairs): one digit differs, or two adjacent digits are swapped (1971 / 1917).
 */
function yearsOneDigitApart(x: number, y: number): boolean {
  if (x < 1000 || y < 1000 || x > 9999 || y > 9999) return digitsApart(String(x), String(y)) <= 1;
  const dx = [Math.floor(x / 1000), Math.floor(x / 100) % 10, Math.floor(x / 10) % 10, x % 10];
  const dy = [Math.floor(y / 1000), Math.floor(y / 100) % 10, Math.floor(y / 10) % 10, y % 10];
  let first = -1;
  let count = 0;
  for (let i = 0; i < 4; i++) {
    if (dx[i] === dy[i]) continue;
    if (count === 0) first = i;
    count++;
  }
  if (count <= 1) return true;
  return count === 2 && first < 3 && dx[first] === dy[first + 1] && dx[first + 1] === dy[first];
}

/** Number of differing digits, counting one adjacent swap ("1971" ~ "1917") as a single digit. */
function digitsApart(a: string, b: string): number {
  if (a.length !== b.length) return 99;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i]) {
      diff++;
      i++;
      continue;
    }
    diff++;
  }
  return diff;
}

/** Days between the two dates' positions in the year, wrapping around New Year (Dec 30 ~ Jan 2). */
function circularDayGap(a: BirthDate, b: BirthDate): number {
  const da = dayNumber(2001, a.month, Math.min(a.day, 28 + (a.month === 2 ? 0 : 3)));
  const db = dayNumber(2001, b.month, Math.min(b.day, 28 + (b.month === 2 ? 0 : 3)));
  const gap = Math.abs(da - db);
  return Math.min(gap, 365 - gap);
}
