/** A snapshot's ISO time as the user reads dates, in the spreadsheet's time zone. */
import type { SnapshotInfo } from '../../../src/server';

/** The browser's own conventions when they are of the UI language (en-US vs en-GB), else the UI language's. */
function localeTag(uiLocale: string): string {
  const browser = typeof navigator === 'undefined' ? '' : navigator.language || '';
  return browser.toLowerCase().startsWith(uiLocale) ? browser : uiLocale;
}

export function snapshotTime(iso: string, uiLocale: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (!iso || Number.isNaN(ms)) return iso;
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(localeTag(uiLocale), { ...options, timeZone }).format(new Date(ms));
  } catch {
    // An unknown time zone name: the browser's own zone is better than nothing.
    return new Intl.DateTimeFormat(localeTag(uiLocale), options).format(new Date(ms));
  }
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
