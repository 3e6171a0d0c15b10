/**
 * Dates across the boundaries: cells hold Date objects, the sidebar gets ISO
 * strings (a Date in a google.script.run result makes the call fail), and a
 * calendar day means midnight in the spreadsheet's time zone.
 */
import { isDate } from '../core/values';

export function formatDay(date: Date, timeZone: string): string {
  return Utilities.formatDate(date, timeZone, 'yyyy-MM-dd');
}

/** Midnight of a calendar day in the spreadsheet's zone. */
export function sheetDay(year: number, month: number, day: number, timeZone: string): Date {
  const ymd = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return Utilities.parseDate(ymd, timeZone, 'yyyy-MM-dd');
}

/** A Date built from local y/m/d (as src/core parsers make them) moved to midnight in the spreadsheet's zone. */
export function toSheetDay(date: Date, timeZone: string): Date {
  return sheetDay(date.getFullYear(), date.getMonth() + 1, date.getDate(), timeZone);
}

export function isoStamp(value: unknown): string {
  return isDate(value) ? value.toISOString() : value === '' || value == null ? '' : String(value);
}
