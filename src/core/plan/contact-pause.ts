/**
 * Contact pressure: a client called or mailed a day ago should not get a
 * mailing today. Recipients whose latest contact is within the pause are
 * taken out of a mailing (or only reported, if the team prefers), with when
 * and by whom, so the person deciding sees why.
 */
import type { Finding, PreflightReport } from '../mail/preflight';

export interface LastContact {
  /** yyyy-MM-dd */
  date: string;
  by: string;
  type: string;
}

export interface ContactPause {
  days: number;
  mode: 'skip' | 'warn';
}

export type RecentFinding = Finding<{ id: string; on: string; by: string }>;

/** Whole days from `date` to `today` (both yyyy-MM-dd). */
export function daysBetween(date: string, today: string): number {
  return Math.round((Date.parse(today) - Date.parse(date)) / 86_400_000);
}

/** Contacted within the pause: 0 days ago (today) up to days-1 ago with days = 3 means today, yesterday and the day before. */
export function isRecent(contact: LastContact | undefined, today: string, days: number): boolean {
  if (!contact || days <= 0) return false;
  const ago = daysBetween(contact.date, today);
  return ago >= 0 && ago < days;
}

/**
 * Moves recently contacted recipients out of `sendable` (mode skip) and
 * lists them either way; returns what the pre-flight shows. Mutates the report.
 */
export function applyContactPause(
  report: PreflightReport,
  last: ReadonlyMap<string, LastContact>,
  today: string,
  pause: ContactPause,
  maxExamples = 5,
): RecentFinding {
  const found: RecentFinding = { count: 0, examples: [] };
  if (pause.days <= 0) return found;
  const keep: string[] = [];
  for (const id of report.sendable) {
    const contact = last.get(id);
    if (!isRecent(contact, today, pause.days)) {
      keep.push(id);
      continue;
    }
    found.count++;
    if (found.examples.length < maxExamples) found.examples.push({ id, on: contact!.date, by: contact!.by });
    if (pause.mode === 'skip') report.skipped.push({ id, reason: 'recently_contacted', email: report.emails[id] });
    else keep.push(id);
  }
  report.sendable = keep;
  return found;
}
