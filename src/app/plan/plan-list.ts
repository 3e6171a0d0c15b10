/**
 * The plan: open next steps, scheduled mailings, yearly campaigns and
 * personal greetings between two days, by date and manager. The sidebar
 * lists it; the calendar dialog shows the month and the week.
 */
import { calendarHtml } from '../../core/plan/calendar-html';
import { LANGS, monthDay, nextOccurrence, type Lang } from '../../core/plan/occasion';
import { addDays, filterPlan, sortPlan, type PlanFilter, type PlanItem } from '../../core/plan/plan-item';
import { Columns } from '../../core/clients/columns';
import { now } from '../../gas/session';
import { showDialog } from '../../gas/plan-dialog';
import { wallClock } from '../../gas/wall-clock';
import { loadBase, type Base } from '../base';
import { dayText, readPlanData, readSteps, type PlanData } from './plan-data';
import { readPlan, type PlanRecords } from './store';

export interface PlanListInput extends PlanFilter {
  /** Days from today to include (1-62). */
  days?: number;
}

export interface PlanDto {
  today: string;
  items: PlanItem[];
  /** Items left out to keep the answer small. */
  more: number;
  managers: string[];
}

const MAX_ITEMS = 300;

function isVipSegment(name: string): boolean {
  return /\bvip\b/i.test(name);
}

export function planItems(base: Base, records: PlanRecords, data: PlanData, today: string, until: string): PlanItem[] {
  const items: PlanItem[] = [];
  for (const s of data.steps) {
    if (s.done || !s.nextDate || s.nextDate > until) continue;
    const client = data.clients.get(s.clientId);
    items.push({
      date: s.nextDate < today ? today : s.nextDate,
      time: '',
      kind: 'step',
      title: s.step || s.type,
      manager: s.manager,
      clientId: s.clientId,
      client: client?.label ?? s.clientId,
      vip: client?.vip ?? false,
      overdue: s.nextDate < today,
    });
  }
  for (const s of records.schedules) {
    if ((s.state !== 'scheduled' && s.state !== 'starting') || s.localDay > until) continue;
    const vip = s.recipients.kind === 'segment' ? isVipSegment(s.recipients.name) : s.recipients.ids.some((id) => data.clients.get(id)?.vip);
    items.push({
      date: s.localDay < today ? today : s.localDay,
      time: s.localTime,
      kind: 'mailing',
      title: `${s.campaign} (${s.template})`,
      manager: s.by,
      clientId: '',
      client: '',
      vip,
      overdue: s.localDay < today,
    });
  }
  const c = wallClock(now(), base.timeZone);
  const cols = new Columns(data.clientHeader);
  for (const o of records.occasions) {
    if (o.kind === 'yearly') {
      const next = nextOccurrence(o.month, o.day, c);
      if (next && next <= until)
        items.push({
          date: next,
          time: `${String(o.hour).padStart(2, '0')}:00`,
          kind: 'occasion',
          title: `${o.name} → ${o.segment}`,
          manager: o.by,
          clientId: '',
          client: '',
          vip: isVipSegment(o.segment),
          overdue: false,
        });
      continue;
    }
    for (const client of data.clients.values()) {
      const md = monthDay(dayText(cols.get(client.row, o.field), base.timeZone));
      if (!md) continue;
      const next = nextOccurrence(md.month, md.day, c);
      if (!next || next > until) continue;
      items.push({
        date: next,
        time: '',
        kind: 'greeting',
        title: o.name,
        manager: client.manager,
        clientId: client.id,
        client: client.label,
        vip: client.vip,
        overdue: false,
      });
    }
  }
  return sortPlan(items);
}

function langOf(base: Base): Lang {
  return (LANGS as readonly string[]).includes(base.settings.language) ? (base.settings.language as Lang) : 'en';
}

export function listPlan(input?: PlanListInput): PlanDto {
  const base = loadBase();
  const today = wallClock(now(), base.timeZone).day;
  const days = Number.isInteger(input?.days) ? Math.min(62, Math.max(1, Number(input?.days))) : 14;
  const all = planItems(base, readPlan(), readPlanData(base), today, addDays(today, days - 1));
  const items = filterPlan(all, { vipOnly: input?.vipOnly === true, manager: typeof input?.manager === 'string' ? input.manager.slice(0, 200) : '' });
  const managers = [...new Set(all.map((i) => i.manager).filter(Boolean))].sort();
  return { today, items: items.slice(0, MAX_ITEMS), more: Math.max(0, items.length - MAX_ITEMS), managers };
}

/** The calendar dialog: this month (and the days it shows of the next), every manager, VIP filter in the page. */
export function showPlanCalendar(lang?: string): void {
  const base = loadBase();
  const today = wallClock(now(), base.timeZone).day;
  const until = addDays(`${today.slice(0, 8)}01`, 42);
  const items = planItems(base, readPlan(), readPlanData(base), today, until);
  const l = (LANGS as readonly string[]).includes(String(lang)) ? (lang as Lang) : langOf(base);
  showDialog(calendarHtml(items.slice(0, 2000), today, l), 'ClientBase plan');
}

/** The number on the Due tab: this user's open next steps due today or overdue. */
export function dueCount(): number {
  const base = loadBase();
  const today = wallClock(now(), base.timeZone).day;
  const me = base.user.toLowerCase();
  return readSteps(base).filter((s) => !s.done && s.nextDate && s.nextDate <= today && s.manager.toLowerCase() === me).length;
}
