/**
 * Clients as the sidebar sees them: read, search, add and edit. Every write
 * takes the document lock, finds the row by ID at that moment, refuses a
 * stale edit, writes only the cells that changed and appends to Audit.
 */
import { auditRows, type AuditEntry } from '../core/audit/entry';
import { Columns } from '../core/clients/columns';
import { checkForm, type FieldValidator } from '../core/clients/form';
import { newId } from '../core/clients/id';
import { sameVersion, stampAfter } from '../core/clients/stamp';
import { personFromRow, personMapping } from '../core/clients/person';
import { buildMatchIndex, findMatches } from '../core/dedupe/engine';
import type { PersonRecord } from '../core/dedupe/record';
import { emailKey } from '../core/normalize/email';
import { familiesOfSkeleton } from '../core/normalize/nicknames';
import { countryCode } from '../core/normalize/country';
import { phoneKey, type CountryCode } from '../core/normalize/phone';
import { AppFailure } from '../core/result';
import type { FieldDef } from '../core/schema/field';
import { TAB } from '../core/schema/tabs';
import { summaryReader } from '../core/clients/summary';
import { type ClientHit, clientSearch } from '../core/search/client-rows';
import { MAX_CANDIDATES, type CandidateRows } from '../core/search/duplicate-candidates';
import type { CellChange } from '../core/sheet/write-plan';
import { uniqueValueKey } from '../core/validate/unique-key';
import { validateValue } from '../core/validate/value';
import { cellText, isBlank, isDate, type CellValue } from '../core/values';
import { formatDay, isoStamp, toSheetDay } from '../gas/dates';
import { withDocumentLock } from '../gas/lock';
import { findRowsByKey, openKeyed, readColumn, readRows, type KeyedSheet } from '../gas/keyed-rows';
import { appendRows, readTable, type Table } from '../gas/sheets';
import { now } from '../gas/session';
import { loadBase, requireRole, type Base } from './base';
import { refuseWhileUnfinished } from './intents';
import { rowIntent, writeRowGuarded, type RowChange } from './save-intent';
import { writeClientRow } from './save-row';
import { SheetMovedError } from '../gas/rows-by-id';
import { readImages, writeGuarded } from './snapshots';

export interface ClientDto {
  id: string;
  values: Record<string, string>;
  created: string;
  updated: string;
  updatedBy: string;
}

export interface SaveClientInput {
  /** Absent for a new client. */
  id?: string;
  values: Record<string, string>;
  /** The Updated stamp the sidebar loaded: required for an edit, which is refused when the sheet's differs. */
  expectedUpdated?: string;
  /** The user saw the duplicate warning and saves anyway. */
  acknowledgeDuplicates?: boolean;
  /** A new client's duplicate check over these rows from the sidebar's index instead of a read of Clients. */
  candidates?: CandidateRows;
}

export interface DuplicateMatchDto {
  id: string;
  name: string;
  company: string;
  email: string;
  phone: string;
  score: number;
  reasons: string[];
}

export type SaveClientOutcome =
  | {
      status: 'saved';
      created: boolean;
      client: ClientDto;
      changedFields: string[];
      /** The clients version after this save (the sidebar patches its index instead of reloading it). */
      clientsVersion?: string;
    }
  | { status: 'possible_duplicates'; matches: DuplicateMatchDto[] };

/** One search result, as the server and the sidebar's own index both give it. */
export type SearchHitDto = ClientHit;

export function formText(field: FieldDef | undefined, value: unknown, timeZone: string): string {
  if (isDate(value)) return field && field.type !== 'date' ? value.toISOString() : formatDay(value, timeZone);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return cellText(value);
}

function requireClientsTable(): Table {
  const table = readTable(TAB.clients);
  if (!table) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
  return table;
}

export function clientDto(base: Base, cols: Columns, row: readonly unknown[]): ClientDto {
  const values: Record<string, string> = {};
  for (const f of base.fields) if (cols.has(f.name)) values[f.name] = formText(f, cols.get(row, f.name), base.timeZone);
  return {
    id: cellText(cols.get(row, 'ID')),
    values,
    created: isoStamp(cols.get(row, 'Created')),
    updated: isoStamp(cols.get(row, 'Updated')),
    updatedBy: cellText(cols.get(row, 'Updated by')),
  };
}

/** `country`: the client's own (from its Country field), for phones written without +country. */
export function fieldValidator(base: Base, country?: CountryCode): FieldValidator {
  const today = now();
  return (field, raw) => {
    const checked = validateValue(field, raw, { defaultCountry: country ?? base.settings.defaultCountry, today });
    if (!checked.ok) return checked;
    return { ok: true, value: isDate(checked.value) ? toSheetDay(checked.value, base.timeZone) : checked.value };
  };
}

function requireClientsSheet(): KeyedSheet {
  const keyed = openKeyed(TAB.clients);
  if (!keyed) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
  return keyed;
}

/**
 * The client's row, found by ID now (TextFinder on the ID column: no read of
 * the table). IDs are unique; a hand-made copy of a row is ignored after the first.
 */
export function locateClient(keyed: KeyedSheet, cols: Columns, id: string): { rowNumber: number; row: CellValue[] } | null {
  const idColumn = cols.indexOf('ID');
  if (idColumn < 0 || !id) return null;
  const rows = readRows(keyed, findRowsByKey(keyed, idColumn + 1, id).slice(0, 3));
  for (const [rowNumber, row] of rows) if (cellText(row[idColumn]) === id) return { rowNumber, row };
  return null;
}

export function getClient(id: string): ClientDto {
  const base = loadBase();
  const keyed = requireClientsSheet();
  const cols = new Columns(keyed.header);
  const found = locateClient(keyed, cols, id);
  if (!found) throw new AppFailure('not_found', `No client with ID ${id}. It may have been merged or deleted.`);
  return clientDto(base, cols, found.row);
}

export function searchClients(query: string): SearchHitDto[] {
  const base = loadBase();
  const table = requireClientsTable();
  return clientSearch(base.fields, table.header, table.rows, familiesOfSkeleton).search(query, 20);
}

/** Existing clients that look like the one being typed, strongest first. */
export function matchDuplicates(base: Base, table: Table, values: Record<string, string>, exceptId?: string, baseSize?: number): DuplicateMatchDto[] {
  const cols = new Columns(table.header);
  const mapping = personMapping(base.fields, cols);
  const draftRow: string[] = table.header.map(() => '');
  for (const f of base.fields) {
    const i = cols.indexOf(f.name);
    if (i >= 0 && values[f.name] !== undefined) draftRow[i] = values[f.name];
  }
  const candidate = personFromRow(draftRow, mapping, '');
  const existing = table.rows.filter((r) => cellText(r[mapping.id]) !== exceptId).map((r) => personFromRow(r, mapping));
  const index = buildMatchIndex(existing, { defaultCountry: base.settings.defaultCountry, baseSize });
  const rowById = new Map(table.rows.map((r) => [cellText(r[mapping.id]), r]));
  const pairs = findMatches(index, candidate, 5).map((p) => ({ id: p.b, score: p.score, reasons: p.reasons }));
  // The engine weighs a shared phone against different names; typing a number someone already has still deserves a word.
  for (const hit of sameContact(candidate, existing, base.settings.defaultCountry)) {
    if (!pairs.some((p) => p.id === hit.id) && pairs.length < 5) pairs.push(hit);
  }
  const summary = summaryReader(base.fields, table.header);
  return pairs.map((pair) => {
    const s = summary(rowById.get(pair.id) ?? []);
    return { id: pair.id, name: s.person, company: s.company, email: s.email, phone: s.phone, score: pair.score, reasons: pair.reasons };
  });
}

/** Existing clients sharing an exact phone (as E.164) or mailbox with the draft. */
function sameContact(draft: PersonRecord, existing: readonly PersonRecord[], country: CountryCode): { id: string; score: number; reasons: string[] }[] {
  const phones = new Set((draft.phones ?? []).map((p) => phoneKey(p, country)).filter(Boolean));
  const emails = new Set((draft.emails ?? []).map(emailKey).filter(Boolean));
  if (!phones.size && !emails.size) return [];
  const hits: { id: string; score: number; reasons: string[] }[] = [];
  for (const person of existing) {
    const reasons: string[] = [];
    if ((person.emails ?? []).some((e) => emails.has(emailKey(e)))) reasons.push('same email');
    if ((person.phones ?? []).some((p) => phones.has(phoneKey(p, country)))) reasons.push('same phone');
    if (reasons.length) hits.push({ id: person.id, score: 0.5, reasons });
  }
  return hits;
}

/**
 * The rows a sidebar sent as a table (they come from the browser: bounded, text only), or null when
 * it sent none: then Clients is read whole, as a caller without an index needs.
 */
function candidateTable(candidates: unknown): { table: Table; total: number } | null {
  if (!candidates || typeof candidates !== 'object') return null;
  const { fields, rows, total } = candidates as Partial<CandidateRows>;
  if (!Array.isArray(fields) || !Array.isArray(rows) || fields.length > 200) return null;
  const header = ['ID', ...fields.map((f) => String(f ?? '').slice(0, 200))];
  const table: Table = {
    tab: TAB.clients,
    header,
    rows: (rows as unknown[])
      .slice(0, MAX_CANDIDATES)
      .filter((r): r is unknown[] => Array.isArray(r))
      .map((r) => header.map((_, i) => (r[i] === undefined || r[i] === null ? '' : String(r[i]).slice(0, 2000)))),
  };
  return { table, total: typeof total === 'number' && Number.isFinite(total) ? total : table.rows.length };
}

/** With `candidates` (the sidebar's pick from its index) no cell of Clients is read. */
export function checkDuplicates(values: Record<string, string>, exceptId?: string, candidates?: CandidateRows): DuplicateMatchDto[] {
  const base = loadBase();
  const sent = candidateTable(candidates);
  if (sent) return matchDuplicates(base, sent.table, values, exceptId, sent.total);
  return matchDuplicates(base, requireClientsTable(), values, exceptId);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  if (isBlank(a) && isBlank(b)) return true;
  return cellText(a) === cellText(b);
}

/** To the second, for stamps recorded elsewhere (a merge's time); a client's version is compared exactly (sameVersion). */
export function sameStamp(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a === b;
  return Math.floor(ta / 1000) === Math.floor(tb / 1000);
}

/** Unique fields being set, checked against their column only (one read per such field). */
function uniqueViolations(base: Base, keyed: KeyedSheet, cols: Columns, values: Map<string, CellValue>, selfRow: number): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of base.fields) {
    if (!f.unique || !values.has(f.name)) continue;
    const v = values.get(f.name);
    if (isBlank(v)) continue;
    const i = cols.indexOf(f.name);
    const key = uniqueValueKey(f, v);
    const column = readColumn(keyed, i + 1);
    const clash = column.findIndex((cell, ri) => ri + 2 !== selfRow && !isBlank(cell) && uniqueValueKey(f, cell) === key);
    if (clash < 0) continue;
    const clashId = cellText(readRows(keyed, [clash + 2]).get(clash + 2)?.[cols.indexOf('ID')]);
    errors[f.name] = `${f.name} must be unique; client ${clashId} already has "${cellText(v).slice(0, 80)}"`;
  }
  return errors;
}

/**
 * `followUp`: the add-on's own update of a client after another action (an
 * interaction moves Last contact), made under the same lock, with no copy
 * loaded by a person and so no version to check.
 */
export function saveClient(input: SaveClientInput, source = 'sidebar', followUp = false): SaveClientOutcome {
  try {
    return saveClientOnce(input, source, followUp);
  } catch (err) {
    // Rows or columns moved under the save (a sort, a column inserted, a header renamed) and it wrote nothing, or
    // was rolled back: once more from a fresh read, which sees the tab as it is now.
    if (!(err instanceof SheetMovedError)) throw err;
    return saveClientOnce(input, source, followUp);
  }
}

function saveClientOnce(input: SaveClientInput, source: string, followUp: boolean): SaveClientOutcome {
  if (!input || typeof input !== 'object' || !input.values || typeof input.values !== 'object') {
    throw new AppFailure('bad_input', 'Nothing to save: the form sent no values.');
  }
  if (input.id !== undefined && (typeof input.id !== 'string' || input.id.trim() === '')) {
    throw new AppFailure('bad_input', 'The client to edit has no ID; open it again from the list.');
  }
  if (input.id !== undefined && !followUp && typeof input.expectedUpdated !== 'string') {
    throw new AppFailure('bad_input', 'This edit does not say which version of the client it was made on; reload the client and save again.');
  }
  const base = loadBase();
  requireRole(base, 'manager', 'add or edit clients');
  return withDocumentLock(() => {
    // A save must not write over (or its intent replace) an operation a killed execution left half done.
    refuseWhileUnfinished();
    // Read shape at any size: the header, the client's row found by ID (or the ID column for a new ID), unique columns being set.
    const keyed = requireClientsSheet();
    const cols = new Columns(keyed.header);
    const isNew = !input.id;
    const found = isNew ? null : locateClient(keyed, cols, input.id!);
    if (!isNew && !found) throw new AppFailure('not_found', `No client with ID ${input.id}. It may have been merged or deleted.`);
    const current: readonly CellValue[] = found?.row ?? [];
    if (found && !followUp) {
      const version = isoStamp(cols.get(current, 'Updated'));
      if (!sameVersion(version, input.expectedUpdated ?? '')) {
        const who = cellText(cols.get(current, 'Updated by')) || 'someone';
        throw new AppFailure('conflict', `${who} changed this client at ${version} after you opened it. Reload to see their change, then edit again.`);
      }
    }
    const missing = base.fields.filter((f) => !cols.has(f.name) && input.values[f.name] !== undefined);
    // A column inserted between reading the width and the header cuts the header short: read again (saveClient retries).
    if (missing.length && keyed.sheet.getLastColumn() !== keyed.width) throw new SheetMovedError(TAB.clients);
    if (missing.length)
      throw new AppFailure('bad_input', `The Clients tab has no column for ${missing.map((f) => f.name).join(', ')}. Run ClientBase ▸ Apply fields.`);
    const countryField = base.fields.find((f) => f.key === 'country');
    const country = countryField ? countryCode(input.values[countryField.name] ?? (isNew ? '' : cellText(cols.get(current, countryField.name)))) : undefined;
    // A new client starts with the defaults Fields gives (Stage: Cold) wherever nothing was typed.
    const typed = isNew ? withDefaults(base.fields, cols, input.values) : input.values;
    const defaulted = new Set(Object.keys(typed).filter((name) => isBlank(input.values[name])));
    const checked = checkForm(base.fields, typed, fieldValidator(base, country), isNew);
    if (!checked.ok) throw new AppFailure('validation', 'Some fields need attention; nothing was saved.', checked.errors, checked.kinds);
    // Every client has someone who answers for it: by default whoever adds it.
    const manager = base.fields.find((f) => f.key === 'manager');
    if (isNew && manager && cols.has(manager.name) && isBlank(checked.values.get(manager.name))) checked.values.set(manager.name, base.user);
    if (manager) refuseForeignManager(base, manager.name, checked.values, isNew ? undefined : cols.get(current, manager.name));
    const unique = uniqueViolations(base, keyed, cols, checked.values, found?.rowNumber ?? -1);
    if (Object.keys(unique).length) {
      throw new AppFailure(
        'validation',
        'A unique field is already used; nothing was saved.',
        unique,
        Object.fromEntries(Object.keys(unique).map((name) => [name, 'duplicate'])),
      );
    }
    // The one path that may read the whole table: a caller that sends no candidate rows (the sidebar sends its index's).
    if (isNew && !input.acknowledgeDuplicates) {
      const sent = candidateTable(input.candidates);
      const matches = sent
        ? matchDuplicates(base, sent.table, input.values, undefined, sent.total)
        : matchDuplicates(base, requireClientsTable(), input.values);
      if (matches.length) return { status: 'possible_duplicates', matches };
    }
    const stamp = stampAfter(isNew ? undefined : cols.get(current, 'Updated'), now());
    const audit: AuditEntry[] = [];
    const changedFields: string[] = [];
    if (isNew) {
      // 32^8 IDs make a clash unlikely; TextFinder proves there is none without reading the ID column.
      const idColumn = cols.indexOf('ID') + 1;
      let id = newId('C', new Set());
      while (findRowsByKey(keyed, idColumn, id).length) id = newId('C', new Set([id]));
      const row: unknown[] = keyed.header.map(() => '');
      const put = (name: string, value: unknown) => {
        const i = cols.indexOf(name);
        if (i >= 0) row[i] = value;
      };
      put('ID', id);
      put('Created', stamp);
      put('Updated', stamp);
      put('Updated by', base.user);
      for (const [name, value] of checked.values) {
        put(name, value);
        if (isBlank(value)) continue;
        changedFields.push(name);
        // A value Fields' default filled in is no one's change: it shows in the row, and the add's rows say who added it.
        if (!defaulted.has(name)) audit.push({ time: stamp, user: base.user, action: 'add', clientId: id, field: name, oldValue: '', newValue: value, source });
      }
      return guardedSave(base, id, true, [], () => {
        appendRows(TAB.clients, [row]);
        appendRows(
          TAB.audit,
          auditRows(
            audit.length ? audit : [{ time: stamp, user: base.user, action: 'add', clientId: id, field: '', oldValue: '', newValue: '', source }],
            base.timeZone,
          ),
        );
        return { status: 'saved', created: true, client: clientDto(base, cols, row), changedFields };
      });
    }
    const row = current;
    const rowNumber = found!.rowNumber;
    const id = cellText(cols.get(row, 'ID'));
    const changes: CellChange[] = [];
    const updated = [...row];
    for (const [name, value] of checked.values) {
      const i = cols.indexOf(name);
      if (sameValue(row[i], value)) continue;
      changes.push({ row: 0, column: i, value });
      updated[i] = value;
      changedFields.push(name);
      audit.push({ time: stamp, user: base.user, action: 'edit', clientId: id, field: name, oldValue: row[i], newValue: value, source });
    }
    if (changes.length === 0) return { status: 'saved', created: false, client: clientDto(base, cols, row), changedFields };
    for (const [name, value] of [
      ['Updated', stamp],
      ['Updated by', base.user],
    ] as const) {
      const i = cols.indexOf(name);
      if (i >= 0) {
        changes.push({ row: 0, column: i, value });
        updated[i] = value;
      }
    }
    const cells: RowChange[] = changes.map((c) => ({ column: keyed.header[c.column], before: row[c.column], after: c.value }));
    return guardedSave(base, id, false, cells, () => {
      // Re-located by ID in a last look, verified after, and put right if a sort slipped in between (save-row.ts).
      // What this save has read so far (header, row, unique columns checked) leaves the rest of the budget to the last look.
      const uniqueRead = base.fields.filter((f) => f.unique && cols.has(f.name) && !isBlank(checked.values.get(f.name))).length;
      const cellsRead = keyed.width * 2 + uniqueRead * Math.max(keyed.lastRow - 1, 0);
      writeClientRow({ base, keyed, cols, id, rowNumber, row, changes, stamp, fields: changedFields, cellsRead });
      appendRows(TAB.audit, auditRows(audit, base.timeZone));
      return { status: 'saved', created: false, client: clientDto(base, cols, updated), changedFields };
    });
  });
}

/**
 * The row write and its Audit rows as one step a kill cannot split: a small
 * intent with the changed cells (save-intent.ts), or, for cells too long for
 * one document property, a snapshot of Clients as the bulk operations take.
 */
function guardedSave<T>(base: Base, id: string, created: boolean, cells: readonly RowChange[], write: () => T): T {
  const intent = rowIntent(base.user, id, created, cells);
  if (intent) return writeRowGuarded(intent, write);
  return writeGuarded(base, created ? 'add client' : 'save client', readImages([TAB.clients]), `before saving client ${id}`, () => write());
}

function withDefaults(fields: readonly FieldDef[], cols: Columns, values: Record<string, string>): Record<string, string> {
  const out = { ...values };
  for (const f of fields) if (f.default && cols.has(f.name) && isBlank(out[f.name])) out[f.name] = f.default;
  return out;
}

function sameManager(a: unknown, b: string): boolean {
  return cellText(a).trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Who answers for a client is the admins' call: a manager may put only
 * themselves in Manager (on a new client, or on one nobody manages yet);
 * handing a client to someone else, or taking over another's, needs an admin
 * (or ClientBase ▸ Reassign clients).
 */
function refuseForeignManager(base: Base, name: string, values: Map<string, CellValue>, current: unknown): void {
  if (base.role === 'admin' || !values.has(name)) return;
  const wanted = values.get(name);
  if (current !== undefined && sameValue(current, wanted)) return;
  const toSelf = sameManager(wanted, base.user);
  const free = current === undefined || isBlank(current) || sameManager(current, base.user);
  if (toSelf && free) return;
  const message = free
    ? `Only an admin may make someone else responsible for a client; leave ${name} empty or put yourself (${base.user}).`
    : `This client is managed by ${cellText(current).slice(0, 80)}; only an admin may change its ${name}.`;
  throw new AppFailure('forbidden', 'Some fields need attention; nothing was saved.', { [name]: message });
}
