/**
 * A mailing set to start later: when (an instant, chosen as a wall-clock date
 * and time in the spreadsheet's zone), what (campaign, template, recipients)
 * and from whose account (MailApp sends as whoever runs the script, so only
 * the scheduler's own trigger may start it).
 */
import type { MailLang } from '../mail/mail-lang';

export type ScheduleState = 'scheduled' | 'starting' | 'started' | 'failed' | 'cancelled';

export type ScheduleRecipients = { kind: 'segment'; name: string } | { kind: 'ids'; ids: string[] };

export interface ScheduledMailing {
  id: string;
  campaign: string;
  template: string;
  recipients: ScheduleRecipients;
  /** ISO instant the mailing may start (the first hourly run at or after it starts it). */
  at: string;
  /** The wall-clock day and time the person typed, in the spreadsheet's zone, for display. */
  localDay: string;
  localTime: string;
  timeZone: string;
  /** Whose account sends it. */
  by: string;
  lang: MailLang;
  sendAgain: boolean;
  /** One recipient per company (the decision maker…), as the Mail view's toggle was when it was scheduled; absent in older records = off. */
  onePerCompany?: boolean;
  created: string;
  state: ScheduleState;
  /** Why it failed, or what starting it did ("12 queued, 3 skipped"). */
  note: string;
  /** ISO time the state last changed. */
  changed: string;
}

/** How far ahead a mailing may be scheduled (peers offer a week; a year covers seasonal plans). */
export const MAX_DAYS_AHEAD = 366;
/** An ID list kept in one document property (about 9 KB) stays well inside it. */
export const MAX_SCHEDULED_IDS = 500;

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number };

/** "2026-12-04" and "09:00" as typed in the sidebar's date and time inputs; null when either is not a real date or time. */
export function parseWallTime(day: unknown, time: unknown): WallTime | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(day ?? '').trim());
  const t = /^(\d{1,2}):(\d{2})$/.exec(String(time ?? '').trim());
  if (!d || !t) return null;
  const [year, month, dayOfMonth, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (dayOfMonth < 1 || dayOfMonth > last) return null;
  return { year, month, day: dayOfMonth, hour, minute };
}

/** Schedules the hourly run should start now, oldest first; a "starting" one was interrupted and is started again (the ledger keeps that safe). */
export function dueSchedules(list: readonly ScheduledMailing[], now: Date, by: string): ScheduledMailing[] {
  const me = by.toLowerCase();
  return list
    .filter((s) => (s.state === 'scheduled' || s.state === 'starting') && s.by.toLowerCase() === me && Date.parse(s.at) <= now.getTime())
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** Hours an hourly trigger may take to come round, plus its scatter: later than this, it did not run. */
export const LATE_AFTER_MS = 2 * 3_600_000;

export type ScheduleProblem = 'owner_not_manager' | 'late';

/**
 * What keeps a waiting schedule from starting: its sender is no longer a
 * manager (their trigger sends nothing), or it is more than two hours past its
 * time (their trigger stopped: an account removed from the spreadsheet loses
 * its triggers' access).
 */
export function scheduleProblem(s: ScheduledMailing, now: Date, senderIsManager: boolean): ScheduleProblem | null {
  if (s.state !== 'scheduled' && s.state !== 'starting') return null;
  if (!senderIsManager) return 'owner_not_manager';
  if (now.getTime() - Date.parse(s.at) > LATE_AFTER_MS) return 'late';
  return null;
}

export function isScheduled(value: unknown): value is ScheduledMailing {
  const v = value as ScheduledMailing;
  return (
    !!v &&
    typeof v.id === 'string' &&
    typeof v.campaign === 'string' &&
    typeof v.template === 'string' &&
    typeof v.at === 'string' &&
    typeof v.by === 'string' &&
    typeof v.state === 'string' &&
    !!v.recipients &&
    (v.recipients.kind === 'segment' || v.recipients.kind === 'ids')
  );
}
