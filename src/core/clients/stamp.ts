/**
 * The Updated stamp is a client's version: a save is refused unless the stamp
 * it loaded is still there. Stamps are whole seconds (what survives a cell
 * whether or not Sheets keeps milliseconds) and each is later than the one it
 * replaces, so two writes within one second still differ.
 */
import { isDate } from '../values';

export function stampAfter(previous: unknown, now: Date): Date {
  const whole = Math.floor(now.getTime() / 1000) * 1000;
  const before = isDate(previous) ? previous.getTime() : Number.NaN;
  if (Number.isFinite(before) && before >= whole) return new Date(Math.floor(before / 1000) * 1000 + 1000);
  return new Date(whole);
}

/** Exact comparison of two ISO stamps; text that is not a time compares as text. */
export function sameVersion(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a === b;
  return ta === tb;
}
