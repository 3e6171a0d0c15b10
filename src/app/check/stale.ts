/**
 * Stale records: clients nobody has updated, or nobody has been in touch
 * with, for longer than `staleDays` (Settings), per responsible manager.
 * "In touch" is the later of the Last contact field and the client's latest
 * logged interaction. Read-only: two table reads whatever the size.
 */
import { Columns } from '../../core/clients/columns';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import { parseDateText } from '../../core/validate/parse-date';
import { shown } from '../../core/validate/problem';
import { daysBefore, findStale, type StaleClientInput, type StaleReason } from '../../core/validate/stale';
import { summaryReader } from '../../core/clients/summary';
import { cellText, isBlank, isDate } from '../../core/values';
import { readTable } from '../../gas/sheets';
import { now } from '../../gas/session';
import { loadBase } from '../base';

/** Clients listed per manager; the count says how many more there are. */
export const STALE_CLIENTS_SHOWN = 100;

export interface StaleClientDto {
  id: string;
  name: string;
  reasons: StaleReason[];
  daysSinceUpdate?: number;
  daysSinceContact?: number;
}

export interface StaleGroupDto {
  /** As written in the sheet; '' when nobody is responsible. */
  manager: string;
  count: number;
  notUpdated: number;
  notContacted: number;
  /** The first STALE_CLIENTS_SHOWN, longest without contact first. */
  clients: StaleClientDto[];
}

export interface StaleDto {
  staleDays: number;
  total: number;
  groups: StaleGroupDto[];
  /** What the period is measured against; empty when the base has no such column. */
  managerField: string;
  lastContactField: string;
}

function asDate(value: unknown): Date | undefined {
  if (isDate(value)) return value;
  if (typeof value === 'string' && !isBlank(value)) {
    const parsed = parseDateText(value.trim());
    return parsed.ok ? parsed.date : undefined;
  }
  return undefined;
}

/** Latest interaction date per client ID. */
function latestInteractions(): Map<string, Date> {
  const table = readTable(TAB.interactions);
  const latest = new Map<string, Date>();
  if (!table) return latest;
  const cols = new Columns(table.header);
  const idCol = cols.indexOf('Client ID');
  const dateCol = cols.indexOf('Date');
  if (idCol < 0 || dateCol < 0) return latest;
  for (const row of table.rows) {
    const id = cellText(row[idCol]).trim();
    const date = asDate(row[dateCol]);
    if (!id || !date) continue;
    const known = latest.get(id);
    if (!known || known.getTime() < date.getTime()) latest.set(id, date);
  }
  return latest;
}

const NEVER = 1e9;
/** Longest without contact first (never contacted before everyone), then longest without an update. */
const byStaleness = (a: StaleClientDto, b: StaleClientDto) =>
  (b.daysSinceContact ?? NEVER) - (a.daysSinceContact ?? NEVER) || (b.daysSinceUpdate ?? NEVER) - (a.daysSinceUpdate ?? NEVER) || a.name.localeCompare(b.name);

export function staleClients(): StaleDto {
  const base = loadBase();
  const clients = readTable(TAB.clients);
  if (!clients) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
  const cols = new Columns(clients.header);
  const fieldName = (key: string) => base.fields.find((f) => f.key === key)?.name ?? '';
  const managerField = fieldName('manager');
  const lastContactField = fieldName('lastContact');
  const summary = summaryReader(base.fields, clients.header);
  const [idCol, updatedCol, createdCol] = [cols.indexOf('ID'), cols.indexOf('Updated'), cols.indexOf('Created')];
  const managerCol = managerField ? cols.indexOf(managerField) : -1;
  const contactCol = lastContactField ? cols.indexOf(lastContactField) : -1;
  const interactions = latestInteractions();

  const names = new Map<string, string>();
  const inputs: StaleClientInput[] = [];
  for (const row of clients.rows) {
    const id = idCol >= 0 ? cellText(row[idCol]).trim() : '';
    if (!id) continue;
    const s = summary(row);
    names.set(id, shown(s.person || s.company || id, 120));
    const field = contactCol >= 0 ? asDate(row[contactCol]) : undefined;
    const logged = interactions.get(id);
    const contact = field && logged ? (field.getTime() >= logged.getTime() ? field : logged) : (field ?? logged);
    inputs.push({
      id,
      manager: managerCol >= 0 ? row[managerCol] : '',
      updated: updatedCol >= 0 ? row[updatedCol] : '',
      lastContact: contact ?? '',
      created: createdCol >= 0 ? row[createdCol] : '',
    });
  }
  const today = now();
  const cutoff = daysBefore(today, base.settings.staleDays);
  const report = findStale(inputs, { updatedBefore: cutoff, contactedBefore: cutoff }, today);
  const byId = new Map(report.clients.map((c) => [c.id, c]));
  return {
    staleDays: base.settings.staleDays,
    total: report.total,
    managerField,
    lastContactField,
    groups: report.groups.map((g) => {
      const list: StaleClientDto[] = g.ids.map((id) => {
        const c = byId.get(id)!;
        const dto: StaleClientDto = { id, name: names.get(id) ?? id, reasons: c.reasons };
        if (c.daysSinceUpdate !== undefined) dto.daysSinceUpdate = c.daysSinceUpdate;
        if (c.daysSinceContact !== undefined) dto.daysSinceContact = c.daysSinceContact;
        return dto;
      });
      list.sort(byStaleness);
      return {
        manager: shown(g.manager, 120),
        count: g.count,
        notUpdated: g.notUpdated,
        notContacted: g.notContacted,
        clients: list.slice(0, STALE_CLIENTS_SHOWN),
      };
    }),
  };
}
