/**
 * The plan's records in document properties: one property per scheduled
 * mailing and per occasion, plus the runner (whose trigger sends digests and
 * occasions) and the day ledgers. Everything is read with one getProperties.
 */
import { isScheduled, type ScheduledMailing } from '../../core/plan/schedule';
import { isOccasion, type Occasion } from '../../core/plan/occasion';
import { shortKey } from '../../core/mail/short-key';
import { deletePlanProperty, PLAN_PREFIX, readPlanProperties, writePlanProperty } from '../../gas/plan-store';

const SCHEDULE = `${PLAN_PREFIX}schedule.`;
const OCCASION = `${PLAN_PREFIX}occasion.`;
const RUNNER_KEY = `${PLAN_PREFIX}runner`;
const DIGEST = `${PLAN_PREFIX}digest.`;

export interface Runner {
  /** The account whose hourly trigger sends digests and occasion greetings. */
  email: string;
  since: string;
  /** ISO time its trigger last ran (a stale time means it stopped). */
  lastRun: string;
}

export interface PlanRecords {
  schedules: ScheduledMailing[];
  occasions: Occasion[];
  runner: Runner | null;
  /** Day (yyyy-MM-dd) → managers whose digest went out that day. */
  digests: Record<string, string[]>;
  raw: Record<string, string>;
}

function parsed<T>(text: string, ok: (v: unknown) => v is T): T | null {
  try {
    const value = JSON.parse(text) as unknown;
    return ok(value) ? value : null;
  } catch {
    return null; // a value edited by hand is skipped, never fatal
  }
}

const isRunner = (v: unknown): v is Runner => !!v && typeof (v as Runner).email === 'string' && typeof (v as Runner).lastRun === 'string';
const isList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function readPlan(): PlanRecords {
  const raw = readPlanProperties();
  const records: PlanRecords = { schedules: [], occasions: [], runner: null, digests: {}, raw };
  for (const key of Object.keys(raw)) {
    if (key.startsWith(SCHEDULE)) {
      const s = parsed(raw[key], isScheduled);
      if (s) records.schedules.push(s);
    } else if (key.startsWith(OCCASION)) {
      const o = parsed(raw[key], isOccasion);
      if (o) records.occasions.push(o);
    } else if (key === RUNNER_KEY) records.runner = parsed(raw[key], isRunner);
    else if (key.startsWith(DIGEST)) {
      const list = parsed(raw[key], isList);
      if (list) records.digests[key.slice(DIGEST.length)] = list;
    }
  }
  records.schedules.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return records;
}

export function saveSchedule(s: ScheduledMailing): void {
  writePlanProperty(`${SCHEDULE}${s.id}`, JSON.stringify(s));
}

export function deleteSchedule(id: string): void {
  deletePlanProperty(`${SCHEDULE}${id}`);
}

export function saveOccasion(o: Occasion): void {
  writePlanProperty(`${OCCASION}${o.id}`, JSON.stringify(o));
}

export function deleteOccasion(id: string): void {
  deletePlanProperty(`${OCCASION}${id}`);
}

export function saveRunner(runner: Runner): void {
  writePlanProperty(RUNNER_KEY, JSON.stringify(runner));
}

/** The managers whose digest went out on `day`: written before each send, so a second run that day mails nobody again. */
export function saveDigestDay(day: string, managers: string[]): void {
  writePlanProperty(`${DIGEST}${day}`, JSON.stringify(managers));
}

export function dropDigestDay(day: string): void {
  deletePlanProperty(`${DIGEST}${day}`);
}

/** A short ID no other record of the kind has. */
export function newPlanId(prefix: string, taken: ReadonlySet<string>, seed: string): string {
  let id = `${prefix}${shortKey(seed)}`;
  for (let i = 2; taken.has(id); i++) id = `${prefix}${shortKey(`${seed}#${i}`)}`;
  return id;
}
