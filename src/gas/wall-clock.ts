/**
 * Wall-clock time in the spreadsheet's zone: "9:00 tomorrow" means 9:00 where
 * the spreadsheet says it is, not where the script or the server runs.
 */
import { formatDay, sheetDay } from './dates';

/** The instant the zone's clock shows day/hour:minute (on a DST change day the hour is taken from midnight's offset). */
export function wallInstant(timeZone: string, year: number, month: number, day: number, hour: number, minute: number): Date {
  return new Date(sheetDay(year, month, day, timeZone).getTime() + (hour * 60 + minute) * 60_000);
}

/** Today's yyyy-MM-dd and the hour (0-23) in the zone. */
export function wallClock(now: Date, timeZone: string): { day: string; hour: number; year: number; month: number; dayOfMonth: number } {
  const day = formatDay(now, timeZone);
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  const hour = Math.floor((now.getTime() - sheetDay(year, month, dayOfMonth, timeZone).getTime()) / 3_600_000);
  return { day, hour: Math.max(0, Math.min(23, hour)), year, month, dayOfMonth };
}
