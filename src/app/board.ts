/**
 * The pipeline board: a column per Stage option with its count and money,
 * a card per client, filtered by manager or segment, with today's (and
 * overdue) next steps flagged. One read each of Clients, Interactions and
 * Purchases (and the segment's own reads when filtered by one), whatever
 * the number of clients. A move is the existing one-client set-stage use
 * case (apiSetStage: checked against the card's Updated stamp, audited).
 */
import type { FieldDef } from '../core/schema/field';
import { Columns } from '../core/clients/columns';
import { summaryReader } from '../core/clients/summary';
import { AppFailure } from '../core/result';
import { TAB } from '../core/schema/tabs';
import { parseNumberText } from '../core/validate/parse-number';
import { cellText, isDate } from '../core/values';
import { formatDay, isoStamp } from '../gas/dates';
import { now } from '../gas/session';
import { readTable } from '../gas/sheets';
import { loadBase } from './base';
import { readSegmentsTab } from './segments/definitions';
import { segmentClientIds } from './segments/members';
import { stageField } from './segments/stage';

export interface BoardFilter {
  manager?: string;
  segment?: string;
}

export interface BoardCardDto {
  id: string;
  name: string;
  company: string;
  manager: string;
  money: number;
  /** The Updated stamp the move sends back (a client changed meanwhile is not moved over). */
  updated: string;
  /** The earliest open next step due today or before. */
  nextStep: string;
  due: 'today' | 'overdue' | '';
}

export interface BoardColumnDto {
  stage: string;
  count: number;
  money: number;
  cards: BoardCardDto[];
}

export interface BoardDto {
  columns: BoardColumnDto[];
  /** What the money is: a money field of Clients, else '' for the sum of Purchases (the sidebar names it in its language). */
  moneyLabel: string;
  /** The stage field, so the board names its columns in the team's words for the user's language (field-words.ts). */
  stageField?: FieldDef;
  people: string[];
  segments: string[];
  today: string;
  /** Cards left out of a column beyond MAX_CARDS (the count and money still include them). */
  capped: boolean;
  role: string;
}

export const MAX_CARDS = 200;
const NO_STAGE = '';

function amount(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const parsed = parseNumberText(cellText(value));
  return parsed.ok ? parsed.value : 0;
}

export function pipelineBoard(filter: BoardFilter = {}): BoardDto {
  const base = loadBase();
  const stage = stageField(base);
  const clients = readTable(TAB.clients);
  if (!clients) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
  const cols = new Columns(clients.header);
  const moneyField = base.fields.find((f) => f.type === 'money' && cols.has(f.name));
  const managerName = base.fields.find((f) => f.key === 'manager')?.name;
  const companyName = base.fields.find((f) => f.key === 'company')?.name;
  const summary = summaryReader(base.fields, clients.header);
  const today = formatDay(now(), base.timeZone);

  const spent = new Map<string, number>();
  if (!moneyField) {
    const purchases = readTable(TAB.purchases);
    const pcols = new Columns(purchases?.header ?? []);
    for (const r of purchases?.rows ?? []) {
      const id = cellText(pcols.get(r, 'Client ID')).trim();
      if (id) spent.set(id, (spent.get(id) ?? 0) + amount(pcols.get(r, 'Amount')));
    }
  }
  const steps = new Map<string, { step: string; date: string }>();
  const interactions = readTable(TAB.interactions);
  const icols = new Columns(interactions?.header ?? []);
  for (const r of interactions?.rows ?? []) {
    const done = icols.get(r, 'Done');
    if (done === true || /^(true|yes|да)$/i.test(cellText(done))) continue;
    const next = icols.get(r, 'Next date');
    const date = isDate(next) ? formatDay(next, base.timeZone) : cellText(next).trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today) continue;
    const id = cellText(icols.get(r, 'Client ID')).trim();
    const known = steps.get(id);
    if (!known || date < known.date) steps.set(id, { step: cellText(icols.get(r, 'Next step')), date });
  }

  const wantManager = cellText(filter?.manager).trim().toLowerCase();
  const wantSegment = cellText(filter?.segment).trim();
  const inSegment = wantSegment ? new Set(segmentClientIds(wantSegment)) : null;
  const columns = new Map<string, BoardColumnDto>(stage.options.map((s) => [s.toLowerCase(), { stage: s, count: 0, money: 0, cards: [] }]));
  const other: BoardColumnDto = { stage: NO_STAGE, count: 0, money: 0, cards: [] };
  const people = new Map<string, string>();
  let capped = false;
  for (const row of clients.rows) {
    const id = cellText(cols.get(row, 'ID')).trim();
    if (!id) continue;
    const manager = managerName ? cellText(cols.get(row, managerName)).trim() : '';
    if (manager) people.set(manager.toLowerCase(), manager);
    if (wantManager && manager.toLowerCase() !== wantManager) continue;
    if (inSegment && !inSegment.has(id)) continue;
    const column = columns.get(cellText(cols.get(row, stage.name)).trim().toLowerCase()) ?? other;
    const s = summary(row);
    const money = moneyField ? amount(cols.get(row, moneyField.name)) : (spent.get(id) ?? 0);
    const step = steps.get(id);
    column.count++;
    column.money += money;
    if (column.cards.length >= MAX_CARDS) {
      capped = true;
      continue;
    }
    column.cards.push({
      id,
      name: s.person || s.company || s.email || id,
      company: companyName && s.person ? cellText(cols.get(row, companyName)) : '',
      manager,
      money,
      updated: isoStamp(cols.get(row, 'Updated')),
      nextStep: step?.step ?? '',
      due: step ? (step.date === today ? 'today' : 'overdue') : '',
    });
  }
  const out = [...columns.values()];
  if (other.count) out.unshift(other);
  for (const c of out) c.cards.sort((a, b) => (a.due === b.due ? 0 : a.due === 'overdue' ? -1 : b.due === 'overdue' ? 1 : a.due === 'today' ? -1 : 1));
  return {
    columns: out,
    moneyLabel: moneyField?.name ?? '',
    stageField: stage,
    people: [...people.values()].sort((a, b) => a.localeCompare(b)),
    segments: readSegmentsTab()
      .rows.map((r) => r.name)
      .filter(Boolean),
    today,
    capped,
    role: base.role,
  };
}
