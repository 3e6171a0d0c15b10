/**
 * Wall-clock parts of an instant in a named time zone, and back. Sheets and
 * Utilities.formatDate both read dates in a time zone (the spreadsheet's or the
 * one passed), so every date display and date parse goes through here.
 */

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number; // local = UTC + offset
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const OFFSET_BUCKET_MS = 15 * 60_000;
const offsetCache = new Map<string, number>();

/** Minutes to add to UTC to get wall time in `timeZone` at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  // Zone transitions fall on quarter hours, so one lookup per 15-minute bucket is exact.
  const bucket = Math.floor(ms / OFFSET_BUCKET_MS);
  const key = `${timeZone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const parts: Record<string, string> = {};
    for (const p of formatterFor(timeZone).formatToParts(new Date(bucket * OFFSET_BUCKET_MS))) parts[p.type] = p.value;
    let year = Number(parts.year);
    if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
    const asUtc = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
    const d = new Date(asUtc);
    if (year >= 0 && year < 100) d.setUTCFullYear(year);
    offset = Math.round((d.getTime() - bucket * OFFSET_BUCKET_MS) / 60000);
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const ms = date.getTime();
  const offsetMinutes = offsetAt(ms, timeZone);
  const wall = new Date(ms + offsetMinutes * 60000);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    weekday: wall.getUTCDay(),
    offsetMinutes,
  };
}

/** The instant at which the wall clock in `timeZone` shows the given time. */
export function zonedDate(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Two passes settle DST edges: the offset at the guess, then at the corrected instant.
  let instant = guess - zonedParts(new Date(guess), timeZone).offsetMinutes * 60000;
  instant = guess - zonedParts(new Date(instant), timeZone).offsetMinutes * 60000;
  return new Date(instant);
}

/** Midnight today in `timeZone`. */
export function startOfDay(date: Date, timeZone: string): Date {
  const p = zonedParts(date, timeZone);
  return zonedDate(timeZone, p.year, p.month, p.day);
}

export function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}
