/**
 * What the plan reads from the sheet: Interactions (next steps, last
 * contacts) and Clients (names, stage, manager, dates, language), one
 * getValues each, whatever the number of rows.
 */
import { Columns } from '../../core/clients/columns';
import { summaryLabel, summaryReader } from '../../core/clients/summary';
import { languageCode, type Lang } from '../../core/plan/occasion';
import { TAB } from '../../core/schema/tabs';
import { cellText, isDate } from '../../core/values';
import { formatDay } from '../../gas/dates';
import { readTable } from '../../gas/sheets';
import type { Base } from '../base';

export interface StepRow {
  id: string;
  clientId: string;
  date: string;
  type: string;
  manager: string;
  step: string;
  nextDate: string;
  done: boolean;
}

export interface ClientInfo {
  id: string;
  label: string;
  vip: boolean;
  manager: string;
  lang: Lang | null;
  row: readonly unknown[];
}

export interface PlanData {
  steps: StepRow[];
  clients: Map<string, ClientInfo>;
  clientHeader: string[];
}

const LANGUAGE_HEADERS = /^(language|lang|язык|мова|limba|limbă)$/i;

export function dayText(value: unknown, timeZone: string): string {
  return isDate(value) ? formatDay(value, timeZone) : cellText(value).trim();
}

export function readSteps(base: Base): StepRow[] {
  const table = readTable(TAB.interactions);
  if (!table) return [];
  const cols = new Columns(table.header);
  return table.rows.map((r) => ({
    id: cellText(cols.get(r, 'ID')),
    clientId: cellText(cols.get(r, 'Client ID')),
    date: dayText(cols.get(r, 'Date'), base.timeZone),
    type: cellText(cols.get(r, 'Type')),
    manager: cellText(cols.get(r, 'Manager')).trim(),
    step: cellText(cols.get(r, 'Next step')),
    nextDate: dayText(cols.get(r, 'Next date'), base.timeZone),
    done: cols.get(r, 'Done') === true || /^(true|yes|да)$/i.test(cellText(cols.get(r, 'Done'))),
  }));
}

export function readClientInfo(base: Base): { clients: Map<string, ClientInfo>; header: string[] } {
  const table = readTable(TAB.clients);
  const header = (table?.header ?? []).map(String);
  const cols = new Columns(header);
  const summary = summaryReader(base.fields, header);
  const stageField = base.fields.find((f) => f.key === 'stage')?.name ?? 'Stage';
  const tagsField = base.fields.find((f) => f.key === 'tags')?.name ?? 'Tags';
  const managerField = base.fields.find((f) => f.key === 'manager')?.name ?? 'Manager';
  const langIndex = header.findIndex((h) => LANGUAGE_HEADERS.test(h.trim()));
  const clients = new Map<string, ClientInfo>();
  for (const r of table?.rows ?? []) {
    const id = cellText(cols.get(r, 'ID'));
    if (!id) continue;
    const tags = cellText(cols.get(r, tagsField));
    clients.set(id, {
      id,
      label: summaryLabel(summary(r), id),
      vip: /^vip$/i.test(cellText(cols.get(r, stageField)).trim()) || /(^|[,;]\s*)vip\s*($|[,;])/i.test(tags),
      manager: cellText(cols.get(r, managerField)).trim(),
      lang: langIndex >= 0 ? languageCode(cellText(r[langIndex])) : null,
      row: r,
    });
  }
  return { clients, header };
}

export function readPlanData(base: Base): PlanData {
  const { clients, header } = readClientInfo(base);
  return { steps: readSteps(base), clients, clientHeader: header };
}

/** The latest contact per client (any logged interaction, a mailing's e-mail included). */
export function lastContacts(steps: readonly StepRow[]): Map<string, { date: string; manager: string; type: string }> {
  const last = new Map<string, { date: string; manager: string; type: string }>();
  for (const s of steps) {
    if (!s.clientId || !/^\d{4}-\d{2}-\d{2}$/.test(s.date)) continue;
    const seen = last.get(s.clientId);
    if (!seen || s.date >= seen.date) last.set(s.clientId, { date: s.date, manager: s.manager, type: s.type });
  }
  return last;
}
