/**
 * A date-time as the spreadsheet shows one: the day in its locale's order
 * (12/5/2026 in en_US, 05.12.2026 in ru_RU) and the time on its own clock,
 * whatever the machine's zone and language.
 */
import { formatDisplay } from '../emulator/spreadsheet/format.ts';

const DAY_FORMATS = new Map<string, Intl.DateTimeFormat | null>();

function dayFormat(locale: string, timeZone: string): Intl.DateTimeFormat | null {
  const key = `${locale}|${timeZone}`;
  if (!DAY_FORMATS.has(key)) {
    let format: Intl.DateTimeFormat | null = null;
    try {
      format = new Intl.DateTimeFormat(locale.replace(/_/g, '-'), { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    } catch {
      format = null; // an unknown locale or zone: the en_US form below
    }
    DAY_FORMATS.set(key, format);
  }
  return DAY_FORMATS.get(key) ?? null;
}

export function localDateTime(date: Date, timeZone: string, locale: string): string {
  const day = dayFormat(locale, timeZone);
  const time = formatDisplay(date, 'H:mm:ss', timeZone);
  return day ? `${day.format(date)} ${time}` : formatDisplay(date, 'M/d/yyyy H:mm:ss', timeZone);
}
