/**
 * Occasions: yearly campaigns (every year on a date, to a segment) and
 * personal greetings (a birthday or another date field). Each year of an
 * occasion is its own mailing ("Birthday 2026"), started on the day from the
 * hourly trigger, so the mailing's rows and ledger make "never twice a year"
 * hold even when the trigger runs several times that day. A client's
 * Language column picks "Birthday (ru)" when that template exists.
 */
import { auditRows } from '../../core/audit/entry';
import { monthDay, nextOccurrence, occasionCampaign, occursOn, templateForLanguage, type Occasion, type OccasionKind } from '../../core/plan/occasion';
import { AppFailure } from '../../core/result';
import { hasRole } from '../../core/settings/roles';
import { TAB } from '../../core/schema/tabs';
import { withDocumentLock } from '../../gas/lock';
import { appendRows, readTable } from '../../gas/sheets';
import { now } from '../../gas/session';
import { wallClock } from '../../gas/wall-clock';
import { loadBase, requireRole, type Base } from '../base';
import { startMailing } from '../mail/mailing';
import { checkedName } from '../mail/names';
import { findTemplate, templatesFrom } from '../mail/templates';
import { segmentClientIds } from '../segments/members';
import { Columns } from '../../core/clients/columns';
import { dayText, type PlanData } from './plan-data';
import { startRunner } from './runner';
import { deleteOccasion, newPlanId, readPlan, saveOccasion, type PlanRecords } from './store';

export interface OccasionInput {
  kind: OccasionKind;
  name: string;
  template: string;
  segment?: string;
  /** Yearly: "12-31" (month-day). */
  date?: string;
  /** Personal: the date column (Birthday…). */
  field?: string;
  hour?: number;
}

export interface OccasionDto extends Occasion {
  /** yyyy-MM-dd of the next yearly date ('' for personal ones). */
  next: string;
}

export interface OccasionRun {
  occasion: string;
  campaign: string;
  queued: number;
  skipped: number;
  error?: string;
}

const MAX_OCCASIONS = 50;

function dto(o: Occasion, base: Base): OccasionDto {
  const c = wallClock(now(), base.timeZone);
  return { ...o, next: o.kind === 'yearly' ? nextOccurrence(o.month, o.day, c) : '' };
}

export function listOccasions(): OccasionDto[] {
  const base = loadBase();
  return readPlan().occasions.map((o) => dto(o, base));
}

export function saveOccasionInput(input: OccasionInput): OccasionDto {
  const base = loadBase();
  requireRole(base, 'manager', 'plan occasions');
  const kind: OccasionKind = input?.kind === 'personal' ? 'personal' : 'yearly';
  const name = checkedName(input?.name, 'campaign');
  const template = findTemplate(templatesFrom(readTable(TAB.templates)), checkedName(input?.template, 'template')).name;
  const hour = Number.isInteger(input?.hour) && Number(input.hour) >= 0 && Number(input.hour) <= 23 ? Number(input.hour) : 9;
  const segment = typeof input?.segment === 'string' ? input.segment.trim().slice(0, 200) : '';
  let month = 0;
  let day = 0;
  let field = '';
  if (kind === 'yearly') {
    const md = /^(\d{1,2})-(\d{1,2})$/.exec(String(input?.date ?? '').trim());
    month = md ? Number(md[1]) : 0;
    day = md ? Number(md[2]) : 0;
    const max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
    if (!md || day < 1 || day > max) throw new AppFailure('validation', 'Choose the day of the year as month-day, e.g. 12-31.', { date: 'Not a date' });
    if (!segment) throw new AppFailure('validation', 'Choose the segment a yearly campaign goes to.', { segment: 'Required' });
  } else {
    field = String(input?.field ?? '').trim();
    const header = (readTable(TAB.clients)?.header ?? []).map(String);
    if (!new Columns(header).has(field)) throw new AppFailure('validation', `Clients has no column "${field.slice(0, 60)}".`, { field: 'No such column' });
  }
  const saved = withDocumentLock(() => {
    const plan = readPlan();
    if (plan.occasions.length >= MAX_OCCASIONS) throw new AppFailure('conflict', `At most ${MAX_OCCASIONS} occasions: delete one first.`);
    const same = plan.occasions.find((o) => o.name.toLowerCase() === name.toLowerCase());
    const o: Occasion = {
      id: same?.id ?? newPlanId('O', new Set(plan.occasions.map((x) => x.id)), `${name}|${now().toISOString()}`),
      kind,
      name,
      template,
      segment,
      month,
      day,
      field,
      hour,
      by: base.user,
      created: same?.created ?? now().toISOString(),
    };
    saveOccasion(o);
    appendRows(
      TAB.audit,
      auditRows([
        { time: now(), user: base.user, action: 'occasion saved', clientId: '', field: name, oldValue: '', newValue: `${kind} ${template}`, source: 'sidebar' },
      ]),
    );
    return o;
  });
  // Occasions come round every year: some account's hourly trigger has to be there on the day.
  if (!plan().runner) startRunner();
  return dto(saved, base);
}

function plan(): PlanRecords {
  return readPlan();
}

export function removeOccasion(id: unknown): void {
  const base = loadBase();
  requireRole(base, 'manager', 'plan occasions');
  withDocumentLock(() => {
    const o = readPlan().occasions.find((x) => x.id === String(id ?? ''));
    if (!o) throw new AppFailure('not_found', 'That occasion no longer exists.');
    deleteOccasion(o.id);
    appendRows(
      TAB.audit,
      auditRows([
        { time: now(), user: base.user, action: 'occasion deleted', clientId: '', field: o.name, oldValue: o.template, newValue: '', source: 'sidebar' },
      ]),
    );
  });
}

/** Clients whose date in `field` falls today (29 February on the 28th in other years). */
export function personalToday(o: Occasion, data: PlanData, base: Base): string[] {
  const cols = new Columns(data.clientHeader);
  const c = wallClock(now(), base.timeZone);
  const ids: string[] = [];
  for (const client of data.clients.values()) {
    const md = monthDay(dayText(cols.get(client.row, o.field), base.timeZone));
    if (md && occursOn(md.month, md.day, c)) ids.push(client.id);
  }
  return ids;
}

/**
 * The runner's hourly pass: each occasion due today (from its hour on) starts
 * this year's mailing per language template. Starting it again later the same
 * day queues nobody twice.
 */
export function runOccasions(base: Base, records: PlanRecords, data: PlanData): OccasionRun[] {
  if (!hasRole(base.role, 'manager') || records.occasions.length === 0) return [];
  const c = wallClock(now(), base.timeZone);
  const templates = templatesFrom(readTable(TAB.templates));
  const names = templates.map((t) => t.name);
  const runs: OccasionRun[] = [];
  for (const o of records.occasions) {
    if (c.hour < o.hour || o.doneDay === c.day) continue;
    if (o.kind === 'yearly' && !occursOn(o.month, o.day, c)) continue;
    let ids: string[];
    try {
      ids = o.kind === 'yearly' ? segmentClientIds(o.segment) : personalToday(o, data, base);
      if (o.kind === 'personal' && o.segment) {
        const inSegment = new Set(segmentClientIds(o.segment));
        ids = ids.filter((id) => inSegment.has(id));
      }
    } catch (err) {
      runs.push({ occasion: o.name, campaign: '', queued: 0, skipped: 0, error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    let failed = false;
    const byTemplate = new Map<string, string[]>();
    for (const id of ids) {
      const t = templateForLanguage(o.template, data.clients.get(id)?.lang ?? null, names);
      byTemplate.set(t, [...(byTemplate.get(t) ?? []), id]);
    }
    for (const [template, list] of byTemplate) {
      const campaign = occasionCampaign(o.name, c.year, template, o.template);
      try {
        const started = startMailing({ campaign, template, recipients: { kind: 'ids', ids: list }, sendAgain: true, ignoreContactPause: true });
        runs.push({ occasion: o.name, campaign, queued: started.queued, skipped: started.skipped });
      } catch (err) {
        failed = true;
        runs.push({ occasion: o.name, campaign, queued: 0, skipped: 0, error: err instanceof Error ? err.message : String(err) });
      }
    }
    // Done for today: later runs skip it (re-running would only append "already sent" rows).
    if (!failed) saveOccasion({ ...o, doneDay: c.day });
  }
  return runs;
}
