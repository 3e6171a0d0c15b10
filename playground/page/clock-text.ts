/**
 * The top bar's clock on the spreadsheet's own clock, as everything the add-on
 * shows is (a Moscow base at 21:30 UTC reads "2026-12-04 00:30", not the day
 * before); the zone is named so nobody mistakes it for the browser's.
 */
import { wallClock } from '../../src/core/time/zoned-text.ts';

export function clockText(iso: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const wall = timeZone ? wallClock(date, timeZone) : null;
  if (!wall) return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  return `${wall.day} ${wall.minute} ${timeZone}`;
}
