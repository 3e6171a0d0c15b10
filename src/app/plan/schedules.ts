/**
 * Scheduled mailings: set one to start at a wall-clock time in the
 * spreadsheet's zone, list them with what keeps any from starting, cancel,
 * take one over when its sender left, and start the due ones from the hourly
 * trigger with the same pre-flight and ledger as a mailing started by hand.
 */
import { mailLangOf, type MailLang } from '../../core/mail/mail-lang';
import { auditRows } from '../../core/audit/entry';
import {
  dueSchedules,
  MAX_DAYS_AHEAD,
  MAX_SCHEDULED_IDS,
  parseWallTime,
  scheduleProblem,
  type ScheduledMailing,
  type ScheduleProblem,
  type ScheduleRecipients,
  type ScheduleState,
} from '../../core/plan/schedule';
import { AppFailure } from '../../core/result';
import { hasRole, roleOf } from '../../core/settings/roles';
import { TAB } from '../../core/schema/tabs';
import { withDocumentLock } from '../../gas/lock';
import { appendRows } from '../../gas/sheets';
import { now } from '../../gas/session';
import { wallInstant } from '../../gas/wall-clock';
import { loadBase, requireRole, setUpBy, type Base } from '../base';
import { knownCampaignName, readCampaigns } from '../mail/campaigns';
import { preflightMailing, startMailing, TICK_HANDLER } from '../mail/mailing';
import { checkedName, sameName } from '../mail/names';
import type { RecipientsInput } from '../mail/recipients';
import { newPlanId, readPlan, saveSchedule, type PlanRecords } from './store';
import { ensureSchedulerTrigger } from './trigger-guard';

export interface ScheduleInput {
  campaign: string;
  template: string;
  recipients: RecipientsInput;
  /** yyyy-MM-dd and HH:mm in the spreadsheet's time zone. */
  day: string;
  time: string;
  lang?: MailLang;
  sendAgain?: boolean;
  /** The Mail view's "one recipient per company": kept with the schedule, so the run at start time picks one person per company too. */
  onePerCompany?: boolean;
}

export interface ScheduleDto {
  id: string;
  campaign: string;
  template: string;
  /** "segment VIP" or "12 clients". */
  recipients: { kind: 'segment' | 'ids'; segment: string; count: number };
  at: string;
  localDay: string;
  localTime: string;
  timeZone: string;
  by: string;
  state: ScheduleState;
  note: string;
  problem: ScheduleProblem | null;
  onePerCompany: boolean;
}

export interface ScheduleOutcome {
  schedule: ScheduleDto;
  /** The pre-flight as of now: the run repeats it at start time. */
  sendable: number;
  warnings: string[];
}

function dtoOf(s: ScheduledMailing, base: Base, at: Date): ScheduleDto {
  const senderIsManager = hasRole(roleOf(s.by, base.settings, setUpBy(base.settings)), 'manager');
  return {
    id: s.id,
    campaign: s.campaign,
    template: s.template,
    recipients:
      s.recipients.kind === 'segment'
        ? { kind: 'segment', segment: s.recipients.name, count: 0 }
        : { kind: 'ids', segment: '', count: s.recipients.ids.length },
    at: s.at,
    localDay: s.localDay,
    localTime: s.localTime,
    timeZone: s.timeZone,
    by: s.by,
    state: s.state,
    note: s.note,
    problem: scheduleProblem(s, at, senderIsManager),
    onePerCompany: s.onePerCompany === true,
  };
}

function audit(base: Base, action: string, campaign: string, value: string): void {
  appendRows(TAB.audit, auditRows([{ time: now(), user: base.user, action, clientId: '', field: campaign, oldValue: '', newValue: value, source: 'sidebar' }]));
}

export function scheduleMailing(input: ScheduleInput): ScheduleOutcome {
  const campaignRaw = checkedName(input?.campaign, 'campaign');
  const template = checkedName(input?.template, 'template');
  const base = loadBase();
  requireRole(base, 'manager', 'schedule mailings');
  const wall = parseWallTime(input?.day, input?.time);
  if (!wall) throw new AppFailure('validation', 'Choose a date and a time (hh:mm) for the mailing to start.', { day: 'Not a date and time' });
  const at = wallInstant(base.timeZone, wall.year, wall.month, wall.day, wall.hour, wall.minute);
  const current = now();
  if (at.getTime() <= current.getTime())
    throw new AppFailure('validation', 'That time has already passed: choose a later one, or send now.', { day: 'In the past' });
  if (at.getTime() - current.getTime() > MAX_DAYS_AHEAD * 86_400_000) {
    throw new AppFailure('validation', `A mailing can be scheduled at most ${MAX_DAYS_AHEAD} days ahead.`, { day: 'Too far ahead' });
  }
  const campaigns = readCampaigns();
  const campaign = knownCampaignName(campaigns, campaignRaw) ?? campaignRaw;
  const known = campaigns[campaign];
  if (known && !sameName(known.template, template)) {
    throw new AppFailure('conflict', `A mailing named "${campaign}" already sends the template "${known.template}". Choose another name for this one.`);
  }
  const lang = mailLangOf(input?.lang);
  const sendAgain = input?.sendAgain === true;
  const onePerCompany = input?.onePerCompany === true;
  // The same pre-flight as a send: its blocking problems (an unknown placeholder…) stop the schedule now, not at 9:00 tomorrow.
  const preflight = preflightMailing({ campaign, template, recipients: input.recipients, sendAgain, lang, onePerCompany });
  if (preflight.blocking.length > 0) throw new AppFailure('validation', `Not scheduled. ${preflight.blocking.join(' ')}`);
  const recipients: ScheduleRecipients =
    input.recipients?.kind === 'segment'
      ? { kind: 'segment', name: String(input.recipients.name) }
      : { kind: 'ids', ids: preflight.recipients.map((r) => r.id) };
  if (recipients.kind === 'ids' && recipients.ids.length > MAX_SCHEDULED_IDS) {
    throw new AppFailure(
      'validation',
      `A scheduled mailing to chosen rows takes at most ${MAX_SCHEDULED_IDS} clients: make a segment of them and schedule the segment.`,
    );
  }
  if (recipients.kind === 'ids' && recipients.ids.length === 0) throw new AppFailure('validation', 'Nobody to send to: choose recipients first.');
  ensureSchedulerTrigger();
  const schedule = withDocumentLock(() => {
    const plan = readPlan();
    const clash = plan.schedules.find((s) => (s.state === 'scheduled' || s.state === 'starting') && sameName(s.campaign, campaign));
    if (clash) throw new AppFailure('conflict', `"${clash.campaign}" is already scheduled for ${clash.localDay} ${clash.localTime}: cancel that one first.`);
    const stamp = current.toISOString();
    const s: ScheduledMailing = {
      id: newPlanId('S', new Set(plan.schedules.map((x) => x.id)), `${campaign}|${stamp}`),
      campaign,
      template: preflight.template,
      recipients,
      at: at.toISOString(),
      localDay: `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`,
      localTime: `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`,
      timeZone: base.timeZone,
      by: base.user,
      lang,
      sendAgain,
      ...(onePerCompany ? { onePerCompany } : {}),
      created: stamp,
      state: 'scheduled',
      note: '',
      changed: stamp,
    };
    saveSchedule(s);
    audit(base, 'mailing scheduled', campaign, `${s.template} at ${s.localDay} ${s.localTime} (${s.timeZone})`);
    return s;
  });
  return { schedule: dtoOf(schedule, base, current), sendable: preflight.sendable, warnings: [] };
}

/** Every schedule of the last 60 days and all to come, soonest first. */
export function listSchedules(): ScheduleDto[] {
  const base = loadBase();
  const at = now();
  const horizon = at.getTime() - 60 * 86_400_000;
  return readPlan()
    .schedules.filter((s) => Date.parse(s.at) >= horizon || s.state === 'scheduled' || s.state === 'starting')
    .map((s) => dtoOf(s, base, at));
}

function changeSchedule(id: unknown, action: string, change: (s: ScheduledMailing, base: Base) => ScheduledMailing): ScheduleDto {
  const base = loadBase();
  requireRole(base, 'manager', 'change scheduled mailings');
  return withDocumentLock(() => {
    const s = readPlan().schedules.find((x) => x.id === String(id ?? ''));
    if (!s) throw new AppFailure('not_found', 'That scheduled mailing no longer exists.');
    if (s.state !== 'scheduled' && s.state !== 'starting')
      throw new AppFailure('conflict', `"${s.campaign}" has already ${s.state === 'cancelled' ? 'been cancelled' : 'started'}.`);
    const next = { ...change(s, base), changed: now().toISOString() };
    saveSchedule(next);
    audit(base, action, s.campaign, `${s.localDay} ${s.localTime} by ${next.by}`);
    return dtoOf(next, base, now());
  });
}

export function cancelSchedule(id: unknown): ScheduleDto {
  return changeSchedule(id, 'mailing schedule cancelled', (s, base) => ({ ...s, state: 'cancelled', note: `cancelled by ${base.user}` }));
}

/** The schedule sends from my account from now on (its sender left, or is away). */
export function takeOverSchedule(id: unknown): ScheduleDto {
  ensureSchedulerTrigger();
  return changeSchedule(id, 'mailing schedule taken over', (s, base) => ({ ...s, by: base.user, note: `taken over from ${s.by}` }));
}

export interface StartedSchedule {
  id: string;
  campaign: string;
  state: ScheduleState;
  note: string;
}

/**
 * The hourly run: starts this account's due schedules. Each is marked
 * "starting" before the mailing starts, so a run killed in between starts it
 * again next hour, and starting a mailing twice queues nobody twice (the
 * mailing's rows and the ledger decide).
 */
export function startDueSchedules(plan: PlanRecords, base: Base): StartedSchedule[] {
  // A sender no longer a manager starts nothing: the schedule waits, reported, for someone to take it over.
  if (!hasRole(base.role, 'manager')) return [];
  const due = dueSchedules(plan.schedules, now(), base.user);
  const done: StartedSchedule[] = [];
  for (const s of due) {
    saveSchedule({ ...s, state: 'starting', changed: now().toISOString() });
    let next: ScheduledMailing;
    try {
      const outcome = startMailing({
        campaign: s.campaign,
        template: s.template,
        recipients: s.recipients,
        lang: s.lang,
        sendAgain: s.sendAgain,
        onePerCompany: s.onePerCompany === true,
      });
      next = {
        ...s,
        state: 'started',
        note: `${outcome.queued} queued, ${outcome.skipped} skipped; ${outcome.chunk.sent} sent at once`,
        changed: now().toISOString(),
      };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // Someone else held the lock: next hour tries again ("starting" is started again).
      if (err instanceof AppFailure && err.code === 'busy') continue;
      next = { ...s, state: 'failed', note: message.slice(0, 500), changed: now().toISOString() };
    }
    saveSchedule(next);
    done.push({ id: next.id, campaign: next.campaign, state: next.state, note: next.note });
  }
  return done;
}
