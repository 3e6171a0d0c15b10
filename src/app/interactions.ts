/**
 * A client's history: interactions logged by managers (with next steps and
 * their dates) and every change the add-on recorded in Audit.
 */
import { auditRows } from '../core/audit/entry';
import { Columns, findRowIndexById } from '../core/clients/columns';
import { newId } from '../core/clients/id';
import { summaryReader } from '../core/clients/summary';
import { AppFailure } from '../core/result';
import { INTERACTION_TYPES } from '../core/schema/field';
import { TAB, TAB_HEADERS } from '../core/schema/tabs';
import { parseDateText } from '../core/validate/parse-date';
import { cellText, isDate, type CellValue } from '../core/values';
import { formatDay, isoStamp, toSheetDay } from '../gas/dates';
import { withDocumentLock } from '../gas/lock';
import { findRowsByKey, openKeyed, readRows, readTail, type KeyedSheet } from '../gas/keyed-rows';
import { appendRows, readEditableTable } from '../gas/sheets';
import { writeLinkedChanges } from '../gas/rows-by-id';
import { now } from '../gas/session';
import { loadBase, requireRole, type Base } from './base';
import { saveClient } from './clients';

export interface InteractionInput {
  clientId: string;
  /** yyyy-mm-dd; today when empty. */
  date?: string;
  type: string;
  manager?: string;
  result?: string;
  nextStep?: string;
  nextDate?: string;
}

export interface InteractionDto {
  id: string;
  clientId: string;
  date: string;
  type: string;
  manager: string;
  result: string;
  nextStep: string;
  nextDate: string;
  done: boolean;
  source: string;
}

export interface ChangeDto {
  time: string;
  user: string;
  action: string;
  field: string;
  oldValue: string;
  newValue: string;
  source: string;
}

export interface HistoryDto {
  interactions: InteractionDto[];
  changes: ChangeDto[];
  /** More than HISTORY_LIMIT of a kind exist; the card shows the newest. */
  truncated?: boolean;
}

export interface DueItemDto extends InteractionDto {
  clientName: string;
  /** Days past the next date: 0 today, negative for a step still ahead. */
  overdueDays: number;
  when: 'overdue' | 'today' | 'later';
}

/** How far ahead the Due list looks: the coming two weeks follow today's steps. */
export const DUE_AHEAD_DAYS = 14;

const MAX_NOTE = 5_000;
const H = TAB_HEADERS.Interactions;

export function interactionDto(cols: Columns, row: readonly unknown[], timeZone: string): InteractionDto {
  const day = (name: string) => {
    const v = cols.get(row, name);
    return isDate(v) ? formatDay(v, timeZone) : cellText(v);
  };
  return {
    id: cellText(cols.get(row, 'ID')),
    clientId: cellText(cols.get(row, 'Client ID')),
    date: day('Date'),
    type: cellText(cols.get(row, 'Type')),
    manager: cellText(cols.get(row, 'Manager')),
    result: cellText(cols.get(row, 'Result')),
    nextStep: cellText(cols.get(row, 'Next step')),
    nextDate: day('Next date'),
    done: cols.get(row, 'Done') === true || /^(true|yes|да)$/i.test(cellText(cols.get(row, 'Done'))),
    source: cellText(cols.get(row, 'Source')),
  };
}

function parseDay(text: string | undefined, label: string, base: Base): Date | '' {
  if (!text || !text.trim()) return '';
  const parsed = parseDateText(text.trim(), { today: now() });
  if (!parsed.ok) throw new AppFailure('validation', `${label}: "${text.slice(0, 40)}" is not a date`, { [label]: 'Not a date' });
  return toSheetDay(parsed.date, base.timeZone);
}

function limited(text: string | undefined, label: string): string {
  const value = (text ?? '').trim();
  if (value.length > MAX_NOTE) throw new AppFailure('validation', `${label} is too long (at most ${MAX_NOTE} characters)`, { [label]: 'Too long' });
  return value;
}

export function logInteraction(input: InteractionInput, source = 'sidebar'): InteractionDto {
  if (!input || typeof input.clientId !== 'string') throw new AppFailure('bad_input', 'No client chosen for this interaction.');
  const base = loadBase();
  requireRole(base, 'manager', 'log interactions');
  const type = INTERACTION_TYPES.find(
    (t) =>
      t.toLowerCase() ===
      String(input.type ?? '')
        .trim()
        .toLowerCase(),
  );
  if (!type) throw new AppFailure('validation', `Type must be one of ${INTERACTION_TYPES.join(', ')}`, { type: 'Choose a type' });
  const date = parseDay(input.date, 'date', base) || toSheetDay(now(), base.timeZone);
  const nextDate = parseDay(input.nextDate, 'nextDate', base);
  const result = limited(input.result, 'result');
  const nextStep = limited(input.nextStep, 'nextStep');
  const manager = limited(input.manager, 'manager') || base.user;
  const clientValues: Record<string, string> = {};
  const lastContact = base.fields.find((f) => f.key === 'lastContact');
  const nextAction = base.fields.find((f) => f.key === 'nextActionDate');
  if (lastContact) clientValues[lastContact.name] = formatDay(date, base.timeZone);
  if (nextAction && nextDate) clientValues[nextAction.name] = formatDay(nextDate, base.timeZone);

  return withDocumentLock(() => {
    // The client is found by TextFinder on the ID column, and the new row's ID is checked against the ID
    // column of Interactions: no whole-tab read of either (50,000 clients, 100,000 interactions).
    const clients = openKeyed(TAB.clients);
    const clientId = clients ? new Columns(clients.header).indexOf('ID') + 1 : 0;
    if (!clients || !input.clientId || findRowsByKey(clients, clientId, input.clientId).length === 0) {
      throw new AppFailure('not_found', `No client with ID ${input.clientId}.`);
    }
    const existing = openKeyed(TAB.interactions);
    const idColumn = existing ? Math.max(new Columns(existing.header).indexOf('ID'), 0) + 1 : 0;
    const id = freshInteractionId(existing, idColumn);
    const row = [id, input.clientId, date, type, manager, result, nextStep, nextDate, false, source];
    appendRows(TAB.interactions, [row]);
    if (Object.keys(clientValues).length) saveClient({ id: input.clientId, values: clientValues }, 'interaction', true);
    return interactionDto(new Columns(H as unknown as string[]), row, base.timeZone);
  });
}

/**
 * A random ID (32^8 of them) that no row of Interactions holds, checked by TextFinder on the ID
 * column instead of reading it (100,000 cells at 100,000 interactions). A clash is a one in
 * ten million event at that size; the few tries are there so that one cannot slip through.
 */
function freshInteractionId(existing: KeyedSheet | null, idColumn: number): string {
  const tried = new Set<string>();
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newId('I', tried);
    if (!existing || findRowsByKey(existing, idColumn, id).length === 0) return id;
    tried.add(id);
  }
  throw new AppFailure('busy', 'Could not find a free interaction ID; try again.');
}

/** Newest entries of each kind the card gets; the rest stay in the tabs (a card is not an archive). */
export const HISTORY_LIMIT = 50;

/**
 * The rows of a log tab that belong to one client, newest (lowest on the sheet) last:
 * TextFinder on its Client ID column, then only those rows are read.
 */
function clientRows(tab: string, clientId: string): { cols: Columns; rows: CellValue[][]; truncated: boolean } {
  const keyed = openKeyed(tab);
  const cols = new Columns(keyed?.header ?? []);
  const column = cols.indexOf('Client ID');
  if (!keyed || column < 0 || !clientId) return { cols, rows: [], truncated: false };
  const found = findRowsByKey(keyed, column + 1, clientId);
  const wanted = found.slice(-HISTORY_LIMIT);
  const read = readRows(keyed, wanted);
  const rows = wanted.map((n) => read.get(n)).filter((r): r is CellValue[] => !!r && cellText(r[column]) === clientId);
  return { cols, rows, truncated: found.length > wanted.length };
}

export function clientHistory(clientId: string): HistoryDto {
  const base = loadBase();
  const interactions = clientRows(TAB.interactions, clientId);
  const list = interactions.rows
    .map((r) => interactionDto(interactions.cols, r, base.timeZone))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const audit = clientRows(TAB.audit, clientId);
  const acols = audit.cols;
  const changes = audit.rows
    .map((r) => ({
      time: isoStamp(acols.get(r, 'Time')),
      user: cellText(acols.get(r, 'User')),
      action: cellText(acols.get(r, 'Action')),
      field: cellText(acols.get(r, 'Field')),
      oldValue: cellText(acols.get(r, 'Old value')),
      newValue: cellText(acols.get(r, 'New value')),
      source: cellText(acols.get(r, 'Source')),
    }))
    .reverse();
  return { interactions: list, changes, truncated: interactions.truncated || audit.truncated };
}

/**
 * How far back the Due list looks in Interactions: its newest rows, so that it reads at most
 * DUE_SCAN_CELLS cells whatever the size of the tab (10 columns: the newest 800 interactions).
 * An open step logged before them is not listed (README, Limits); the client card still shows it.
 */
export const DUE_SCAN_CELLS = 8_000;
/** Clients whose names the Due list looks up (one TextFinder and one row each); the others show their ID. */
export const DUE_NAMED_CLIENTS = 20;

/** Open next steps of the current user: overdue (oldest first), then today's, then the next DUE_AHEAD_DAYS days'. */
export function dueList(): DueItemDto[] {
  const base = loadBase();
  const interactions = openKeyed(TAB.interactions);
  if (!interactions || interactions.width === 0) return [];
  const cols = new Columns(interactions.header);
  const today = formatDay(now(), base.timeZone);
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + DUE_AHEAD_DAYS * 86_400_000).toISOString().slice(0, 10);
  const me = base.user.toLowerCase();
  const rows = readTail(interactions, Math.max(1, Math.floor(DUE_SCAN_CELLS / interactions.width)));
  const due = rows
    .map((r) => interactionDto(cols, r, base.timeZone))
    .filter((i) => !i.done && /^\d{4}-\d{2}-\d{2}$/.test(i.nextDate) && i.nextDate <= horizon && i.manager.toLowerCase() === me)
    .sort((a, b) => (a.nextDate < b.nextDate ? -1 : a.nextDate > b.nextDate ? 1 : 0));
  const names = clientNames(base, [...new Set(due.map((i) => i.clientId))].slice(0, DUE_NAMED_CLIENTS));
  return due.map((i): DueItemDto => {
    const overdueDays = Math.round((Date.parse(today) - Date.parse(i.nextDate)) / 86_400_000);
    return { ...i, clientName: names.get(i.clientId) || i.clientId, overdueDays, when: overdueDays > 0 ? 'overdue' : overdueDays === 0 ? 'today' : 'later' };
  });
}

/** Person or company name of each client, found by TextFinder on the Clients ID column: a row read per client, no column read. */
function clientNames(base: Base, ids: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const clients = openKeyed(TAB.clients);
  if (!clients) return names;
  const idColumn = new Columns(clients.header).indexOf('ID');
  if (idColumn < 0) return names;
  const summary = summaryReader(base.fields, clients.header);
  const rowOf = new Map<number, string>();
  for (const id of ids) {
    const found = findRowsByKey(clients, idColumn + 1, id);
    if (found.length) rowOf.set(found[0], id);
  }
  const read = readRows(clients, [...rowOf.keys()]);
  for (const [row, id] of rowOf) {
    const values = read.get(row);
    if (!values || cellText(values[idColumn]) !== id) continue;
    const s = summary(values);
    names.set(id, s.person || s.company);
  }
  return names;
}

export function markDone(interactionId: string): void {
  const base = loadBase();
  requireRole(base, 'manager', 'update interactions');
  withDocumentLock(() => {
    const table = readEditableTable(TAB.interactions);
    const cols = new Columns(table?.header ?? []);
    const index = table ? findRowIndexById(table.rows, cols.indexOf('ID'), interactionId) : -1;
    if (!table || index < 0 || !cols.has('Done')) throw new AppFailure('not_found', `No interaction ${interactionId}.`);
    const row = table.rows[index];
    // Found again by ID just before the write and checked after: a sort of Interactions meanwhile changes nothing.
    writeLinkedChanges(TAB.interactions, table, [{ row: index, column: cols.indexOf('Done'), value: true }]);
    appendRows(
      TAB.audit,
      auditRows([
        {
          time: now(),
          user: base.user,
          action: 'done',
          clientId: cellText(cols.get(row, 'Client ID')),
          field: 'Next step',
          oldValue: cellText(cols.get(row, 'Next step')),
          newValue: 'done',
          source: 'sidebar',
        },
      ]),
    );
  });
}
