/** A snapshot's ISO time as the user reads dates, in the spreadsheet's time zone. */
import type { SnapshotInfo } from '../../../src/server';
import { shortTime } from '../../format/time';

/**
 * As every date in the sidebar reads (sidebar/format/time.ts): the spreadsheet's
 * clock, "31 May 2024, 14:05" in English and "31.05.2024, 14:05" in ru/uk/ro,
 * 24-hour whatever the browser's own habit; an unknown zone reads as UTC.
 */
export function snapshotTime(iso: string, uiLocale: string, timeZone: string): string {
  return shortTime(iso, timeZone, uiLocale);
}

/** Newest first; a time that does not parse sorts last, in the server's order. */
export function newestFirst(list: readonly SnapshotInfo[]): SnapshotInfo[] {
  const at = (s: SnapshotInfo) => {
    const ms = Date.parse(s.time);
    return Number.isNaN(ms) ? -Infinity : ms;
  };
  return list
    .map((s, i) => ({ s, i }))
    .sort((a, b) => at(b.s) - at(a.s) || a.i - b.i)
    .map(({ s }) => s);
}
