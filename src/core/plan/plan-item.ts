/**
 * One dated thing the team plans to do: a next step with a client, a
 * scheduled mailing, a yearly campaign, a client's birthday greeting. The
 * sidebar lists them; the calendar dialog lays them out by month and week.
 */
export type PlanKind = 'step' | 'mailing' | 'occasion' | 'greeting';

export interface PlanItem {
  /** yyyy-MM-dd in the spreadsheet's zone. */
  date: string;
  /** HH:mm when the item has a time (a scheduled mailing). */
  time: string;
  kind: PlanKind;
  title: string;
  manager: string;
  clientId: string;
  client: string;
  vip: boolean;
  /** A next step whose date has passed and is not done. */
  overdue: boolean;
}

export interface PlanFilter {
  vipOnly?: boolean;
  /** A manager's email or name ('' = everyone). */
  manager?: string;
}

export function filterPlan(items: readonly PlanItem[], filter: PlanFilter): PlanItem[] {
  const manager = (filter.manager ?? '').trim().toLowerCase();
  return items.filter((i) => (!filter.vipOnly || i.vip) && (!manager || i.manager.toLowerCase() === manager));
}

export function sortPlan(items: PlanItem[]): PlanItem[] {
  return items.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.time !== b.time ? (a.time < b.time ? -1 : 1) : a.title.localeCompare(b.title),
  );
}

/** yyyy-MM-dd plus n days (calendar arithmetic in UTC, so no zone or DST can shift the day). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}
