/**
 * Dates and times as people read them in the sidebar: on the spreadsheet's
 * clock (never UTC) and in the sidebar language's habit. English reads
 * "3 Dec 2026" (no 12/3 vs 3/12 guess between US and UK readers), Russian,
 * Ukrainian and Romanian "03.12.2026"; times are 24-hour, "16:44". Built from
 * parts rather than Intl's locale data, so every browser prints the same.
 * Date inputs keep ISO (yyyy-MM-dd), which is what <input type="date"> speaks.
 */
import { wallClock } from '../../src/core/time/zoned-text';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A calendar day "2026-12-03" as "3 Dec 2026" (en) or "03.12.2026"; any other text as it is. */
export function dayText(day: string, locale = 'en'): string {
  const m = DAY.exec(day ?? '');
  if (!m) return day;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return day;
  return locale === 'en' ? `${Number(m[3])} ${EN_MONTHS[month - 1]} ${m[1]}` : `${m[3]}.${m[2]}.${m[1]}`;
}

/** An ISO stamp as "3 Dec 2026, 14:05" / "03.12.2026, 14:05" in the spreadsheet's zone; unreadable text as it is. */
export function shortTime(iso: string, timeZone: string, locale = 'en'): string {
  const ms = Date.parse(iso);
  if (!iso || Number.isNaN(ms)) return iso;
  const wall = wallClock(new Date(ms), timeZone) ?? wallClock(new Date(ms), 'UTC');
  return wall ? `${dayText(wall.day, locale)}, ${wall.minute}` : iso;
}

/**
 * A value shown in history (old → new): an ISO instant (older Audit rows, the
 * RPC) on the zone's clock, the day alone at the zone's midnight; a plain day
 * in the locale's form; anything else untouched.
 */
export function valueDates(text: string, timeZone: string, locale = 'en'): string {
  if (DAY.test(text)) return dayText(text, locale);
  if (!ISO_INSTANT.test(text)) return text;
  const ms = Date.parse(text);
  const wall = Number.isNaN(ms) ? null : wallClock(new Date(ms), timeZone);
  if (!wall) return text;
  return wall.midnight ? dayText(wall.day, locale) : `${dayText(wall.day, locale)}, ${wall.minute}`;
}
