/**
 * The stale-records view: clients nobody has updated, or nobody has been in
 * touch with, for longer than the team's period, grouped by responsible
 * manager so each manager sees their own list. A client never contacted
 * counts as not contacted; a client with no Updated stamp as not updated.
 */
import { isBlank, isDate } from '../values';
import { daysBetween, parseDateText } from './parse-date';

export interface StaleClientInput {
  id: string;
  manager?: unknown;
  /** The `Updated` system column. */
  updated?: unknown;
  /** The field with key lastContact (or the latest interaction date). */
  lastContact?: unknown;
  /** The `Created` system column: a client never contacted is measured from when it was added, so a new one is not stale at once. */
  created?: unknown;
}

export interface StaleCriteria {
  /** Stale when updated before this moment (or never). */
  updatedBefore?: Date;
  /** Stale when last contacted before this moment (or never). */
  contactedBefore?: Date;
}

export type StaleReason = 'not_updated' | 'not_contacted';

export interface StaleClient {
  id: string;
  manager: string;
  reasons: StaleReason[];
  /** Whole days since the last update / contact; undefined when there was none. */
  daysSinceUpdate?: number;
  daysSinceContact?: number;
}

export interface StaleGroup {
  /** The manager as written in the sheet ('' when nobody is responsible). */
  manager: string;
  count: number;
  notUpdated: number;
  notContacted: number;
  ids: string[];
}

export interface StaleReport {
  total: number;
  groups: StaleGroup[];
  clients: StaleClient[];
}

function asDate(value: unknown): Date | undefined {
  if (isDate(value)) return value;
  if (typeof value === 'string' && !isBlank(value)) {
    const parsed = parseDateText(value);
    return parsed.ok ? parsed.date : undefined;
  }
  return undefined;
}

/** Managers are grouped ignoring case and spacing: "anna@x.com" and " Anna@X.com" are one person. */
function managerKey(manager: string): string {
  return manager.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The cut-off `days` days before `today`, for building StaleCriteria from a settings period. */
export function daysBefore(today: Date, days: number): Date {
  return new Date(today.getFullYear(), today.getMonth(), today.getDate() - Math.max(0, Math.floor(days)));
}

export function findStale(clients: readonly StaleClientInput[], criteria: StaleCriteria, today: Date): StaleReport {
  const stale: StaleClient[] = [];
  const groups = new Map<string, StaleGroup>();
  for (const client of clients) {
    if (!client.id) continue;
    const updated = asDate(client.updated);
    const contacted = asDate(client.lastContact);
    const reasons: StaleReason[] = [];
    if (criteria.updatedBefore && (!updated || updated.getTime() < criteria.updatedBefore.getTime())) reasons.push('not_updated');
    const since = contacted ?? asDate(client.created);
    if (criteria.contactedBefore && (!since || since.getTime() < criteria.contactedBefore.getTime())) reasons.push('not_contacted');
    if (reasons.length === 0) continue;
    const manager = isBlank(client.manager) ? '' : String(client.manager).replace(/\s+/g, ' ').trim();
    const entry: StaleClient = { id: client.id, manager, reasons };
    if (updated) entry.daysSinceUpdate = daysBetween(updated, today);
    if (contacted) entry.daysSinceContact = daysBetween(contacted, today);
    stale.push(entry);
    const key = managerKey(manager);
    let group = groups.get(key);
    if (!group) {
      group = { manager, count: 0, notUpdated: 0, notContacted: 0, ids: [] };
      groups.set(key, group);
    }
    group.count++;
    if (reasons.includes('not_updated')) group.notUpdated++;
    if (reasons.includes('not_contacted')) group.notContacted++;
    group.ids.push(client.id);
  }
  const sorted = Array.from(groups.values()).sort((a, b) => b.count - a.count || a.manager.localeCompare(b.manager));
  return { total: stale.length, groups: sorted, clients: stale };
}
