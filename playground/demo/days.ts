/**
 * Whole days on the spreadsheet's wall clock. A date typed into Sheets is
 * midnight in the spreadsheet's time zone, so the demo base builds its dates
 * the same way: "12.03.1985" must not display as 11.03.1985 21:00 elsewhere.
 */
export interface Calendar {
  /** Midnight `offset` days after today (negative: before). */
  day(offset: number): Date;
  /** Midnight of a wall date; month is 1-based. */
  date(year: number, month: number, day: number): Date;
  /** Today's wall date. */
  today: { year: number; month: number; day: number };
}

export function calendarFor(timeZone: string, now: Date): Calendar {
  const today = wallDate(now, timeZone);
  const date = (year: number, month: number, day: number): Date => midnightIn(timeZone, year, month, day);
  return {
    today,
    date,
    day: (offset) => date(today.year, today.month, today.day + offset),
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(time: number, timeZone: string): Record<string, number> {
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
  const parts = format.formatToParts(new Date(time));
  const out: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

function wallDate(now: Date, timeZone: string): { year: number; month: number; day: number } {
  const p = wallParts(now.getTime(), timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

function offsetMs(time: number, timeZone: string): number {
  const p = wallParts(time, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(time / 1000) * 1000;
}

/** Month and day may overflow (day 0, day 40): Date.UTC normalises them first. */
export function midnightIn(timeZone: string, year: number, month: number, day: number): Date {
  const wall = Date.UTC(year, month - 1, day);
  let time = wall - offsetMs(wall, timeZone);
  const corrected = wall - offsetMs(time, timeZone);
  if (corrected !== time) time = corrected;
  return new Date(time);
}
