/**
 * Dates across the boundaries: cells hold Date objects, the sidebar gets ISO
 * strings (a Date in a google.script.run result makes the call fail), and a
 * calendar day means midnight in the spreadsheet's time zone.
 */
import { isDate } from '../core/values';

/** yyyy-MM-dd in the zone; computed with Intl, so formatting a column of dates makes no service call per cell. */
export function formatDay(date: Date, timeZone: string): string {
  if (!intlFormatter(timeZone)) return Utilities.formatDate(date, timeZone, 'yyyy-MM-dd');
  const wall = new Date(date.getTime() + zoneOffset(date.getTime(), timeZone));
  return wall.toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** Intl is part of ECMAScript and present on Apps Script's V8: no service call per date. */
function intlFormatter(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    try {
      formatters.set(
        timeZone,
        new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        }),
      );
    } catch {
      formatters.set(timeZone, null);
    }
  }
  return formatters.get(timeZone)!;
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function zoneOffset(instant: number, timeZone: string): number {
  const intl = intlFormatter(timeZone);
  if (intl) {
    const part = Object.fromEntries(intl.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
    const wall = Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day), Number(part.hour), Number(part.minute), Number(part.second));
    return wall - Math.floor(instant / 1000) * 1000;
  }
  const wall = Utilities.formatDate(new Date(instant), timeZone, "yyyy-MM-dd'T'HH:mm:ss'Z'");
  return Date.parse(wall) - instant;
}

const midnights = new Map<string, number>();

/** Midnight of a calendar day in the spreadsheet's zone (two offset looks settle a DST edge). */
export function sheetDay(year: number, month: number, day: number, timeZone: string): Date {
  const key = `${timeZone}|${year}-${month}-${day}`;
  let instant = midnights.get(key);
  if (instant === undefined) {
    const utcMidnight = Date.UTC(year, month - 1, day);
    instant = utcMidnight - zoneOffset(utcMidnight, timeZone);
    instant = utcMidnight - zoneOffset(instant, timeZone);
    midnights.set(key, instant);
  }
  return new Date(instant);
}

/** A Date built from local y/m/d (as src/core parsers make them) moved to midnight in the spreadsheet's zone. */
export function toSheetDay(date: Date, timeZone: string): Date {
  return sheetDay(date.getFullYear(), date.getMonth() + 1, date.getDate(), timeZone);
}

export function isoStamp(value: unknown): string {
  return isDate(value) ? value.toISOString() : value === '' || value == null ? '' : String(value);
}
