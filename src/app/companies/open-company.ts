/**
 * The company card: the company's row, its people and their whole history,
 * in one round trip. Nothing reads a whole tab: the company is found by
 * TextFinder on Companies' ID column; its people by one read of Clients'
 * Company ID column and their rows; the interactions by one read of
 * Interactions' Client ID column and the newest matching rows. The rows read
 * are capped (MAX_PEOPLE, HISTORY_LIMIT), so the calls are bounded whatever
 * the size of the base.
 */
import { auditRows, type AuditEntry } from '../../core/audit/entry';
import { Columns } from '../../core/clients/columns';
import { sameVersion, stampAfter } from '../../core/clients/stamp';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import { planWrites, stampedChange } from '../../core/sheet/write-plan';
import { cellText, isDate } from '../../core/values';
import { isoStamp } from '../../gas/dates';
import { findRowsByKey, type KeyedSheet, openKeyed, readColumn, readRows } from '../../gas/keyed-rows';
import { withDocumentLock } from '../../gas/lock';
import { now } from '../../gas/session';
import { appendRows, FIRST_DATA_ROW, readEditableTable, requireSheet, writeBlocks } from '../../gas/sheets';
import { writeChangesById } from '../../gas/rows-by-id';
import type { CellChange } from '../../core/sheet/write-plan';
import { type Base, loadBase, requireRole } from '../base';
import { fieldValidator, formText } from '../clients';
import type { FieldDef } from '../../core/schema/field';
import { HISTORY_LIMIT, type InteractionDto, interactionDto } from '../interactions';
import { readImages, writeGuarded } from '../snapshots';
import { companyFieldsFromRows, readFieldsRows } from './companies-tab';

export interface CompanyDto {
  id: string;
  values: Record<string, string>;
  updated: string;
  updatedBy: string;
}

export interface CompanyPersonDto {
  id: string;
  name: string;
  role: string;
  phone: string;
  email: string;
}

export interface OpenCompanyDto {
  company: CompanyDto;
  /** The company fields in their order, whole, so the card's form is the client card's: dropdowns, checks, help. */
  fields: FieldDef[];
  people: CompanyPersonDto[];
  /** Every person's interactions, newest first; `clientName` says whose. */
  interactions: (InteractionDto & { clientName: string })[];
  /** Open next steps among them, soonest first. */
  nextSteps: (InteractionDto & { clientName: string })[];
  morePeople: boolean;
}

export interface SaveCompanyInput {
  id: string;
  values: Record<string, string>;
  expectedUpdated: string;
}

const MAX_PEOPLE = 50;
const MAX_VALUE = 50_000;

function requireKeyed(tab: string): KeyedSheet {
  const keyed = openKeyed(tab);
  if (!keyed) throw new AppFailure('not_found', `The ${tab} tab is missing. Run ClientBase ▸ Link people to companies.`);
  return keyed;
}

function locate(keyed: KeyedSheet, cols: Columns, id: string): { rowNumber: number; row: unknown[] } | null {
  const idColumn = cols.indexOf('ID');
  if (idColumn < 0 || !id) return null;
  for (const [rowNumber, row] of readRows(keyed, findRowsByKey(keyed, idColumn + 1, id).slice(0, 3)))
    if (cellText(row[idColumn]) === id) return { rowNumber, row };
  return null;
}

function fieldName(base: Base, key: string, fallback: string): string {
  return base.fields.find((f) => f.key === key)?.name ?? fallback;
}

/** Rows of `tab` whose `column` holds one of `keys`, the last `limit` of them, by one read of that column. */
function rowsWhere(keyed: KeyedSheet, column: number, keys: ReadonlySet<string>, limit: number): { rows: unknown[][]; more: boolean } {
  if (column < 0 || keys.size === 0) return { rows: [], more: false };
  const hits: number[] = [];
  readColumn(keyed, column + 1).forEach((v, i) => {
    if (keys.has(cellText(v).trim())) hits.push(i + FIRST_DATA_ROW);
  });
  const wanted = hits.slice(-limit);
  const read = readRows(keyed, wanted);
  return { rows: wanted.map((n) => read.get(n)!).filter((r) => r && keys.has(cellText(r[column]).trim())), more: hits.length > wanted.length };
}

export function openCompany(rawId: string): OpenCompanyDto {
  const id = cellText(rawId).trim();
  const base = loadBase();
  const fields = companyFieldsFromRows(readFieldsRows()).fields;
  const companies = requireKeyed(TAB.companies);
  const ccols = new Columns(companies.header);
  const found = locate(companies, ccols, id);
  if (!found) throw new AppFailure('not_found', `No company with ID ${id}. It may have been deleted.`);
  const values: Record<string, string> = {};
  for (const f of fields) if (ccols.has(f.name)) values[f.name] = formText(f, ccols.get(found.row, f.name), base.timeZone);

  const clients = requireKeyed(TAB.clients);
  const cols = new Columns(clients.header);
  const linkColumn = cols.indexOf(fieldName(base, 'companyId', 'Company ID'));
  const peopleRows = rowsWhere(clients, linkColumn, new Set([id]), MAX_PEOPLE);
  const text = (row: readonly unknown[], key: string, fallback: string) => cellText(cols.get(row, fieldName(base, key, fallback))).trim();
  const people = peopleRows.rows.map((row) => ({
    id: cellText(cols.get(row, 'ID')).trim(),
    name:
      `${text(row, 'firstName', 'First name')} ${text(row, 'lastName', 'Last name')}`.trim() || text(row, 'email', 'Email') || cellText(cols.get(row, 'ID')),
    role: text(row, 'contactRole', 'Contact role'),
    phone: text(row, 'phone', 'Phone'),
    email: text(row, 'email', 'Email'),
  }));
  const nameOf = new Map(people.map((p) => [p.id, p.name]));

  const log = openKeyed(TAB.interactions);
  const lcols = new Columns(log?.header ?? []);
  const history = log ? rowsWhere(log, lcols.indexOf('Client ID'), new Set(nameOf.keys()), HISTORY_LIMIT) : { rows: [], more: false };
  const interactions = history.rows
    .map((r) => ({ ...interactionDto(lcols, r, base.timeZone), clientName: '' }))
    .map((i) => ({ ...i, clientName: nameOf.get(i.clientId) ?? i.clientId }))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const nextSteps = interactions.filter((i) => !i.done && (i.nextStep || i.nextDate)).sort((a, b) => (a.nextDate || '9').localeCompare(b.nextDate || '9'));
  return {
    company: { id, values, updated: isoStamp(ccols.get(found.row, 'Updated')), updatedBy: cellText(ccols.get(found.row, 'Updated by')) },
    fields: fields.map((f) => ({ ...f, options: [...f.options] })),
    people,
    interactions,
    nextSteps,
    morePeople: peopleRows.more,
  };
}

/**
 * Saves the company's edited fields: refused when someone changed it since
 * the card loaded (its Updated stamp), written as one row block with the
 * stamps, one Audit row per changed field, and all or nothing (writeGuarded
 * over Companies, a small tab).
 */
export function saveCompany(input: SaveCompanyInput): CompanyDto {
  const base = loadBase();
  requireRole(base, 'manager', 'edit companies');
  const id = cellText(input?.id).trim();
  const edited = input?.values && typeof input.values === 'object' ? input.values : {};
  const fields = companyFieldsFromRows(readFieldsRows()).fields;
  return withDocumentLock(() => {
    const keyed = requireKeyed(TAB.companies);
    const cols = new Columns(keyed.header);
    const found = locate(keyed, cols, id);
    if (!found) throw new AppFailure('not_found', `No company with ID ${id}. It may have been deleted.`);
    const updated = isoStamp(cols.get(found.row, 'Updated'));
    if (!sameVersion(updated, cellText(input.expectedUpdated))) {
      throw new AppFailure(
        'conflict',
        `${cellText(cols.get(found.row, 'Updated by')) || 'Someone'} changed this company since you opened it. Reload it; your edits were not saved.`,
      );
    }
    const row = [...found.row];
    const stamp = stampAfter(cols.get(found.row, 'Updated'), now());
    const audit: AuditEntry[] = [];
    // The client card's checks, field by field (a choice must be one of its options, a number a number, a date a day…).
    const validate = fieldValidator(base);
    const problems: Record<string, string> = {};
    for (const f of fields) {
      const c = cols.indexOf(f.name);
      if (c < 0 || edited[f.name] === undefined) continue;
      const typed = String(edited[f.name]).replace(/\r\n?/g, '\n');
      if (typed.length > MAX_VALUE) {
        problems[f.name] = `${f.name} is longer than ${MAX_VALUE} characters.`;
        continue;
      }
      const checked = validate(f, typed);
      if (!checked.ok) {
        problems[f.name] = checked.message;
        continue;
      }
      const old = formText(f, row[c], base.timeZone);
      const next = formText(f, checked.value, base.timeZone);
      if (old === next) continue;
      row[c] = checked.value;
      audit.push({ time: stamp, user: base.user, action: 'save company', clientId: id, field: f.name, oldValue: old, newValue: next, source: 'sidebar' });
    }
    if (Object.keys(problems).length) throw new AppFailure('validation', `Check ${Object.keys(problems).join(', ')}: nothing was saved.`, problems);
    if (audit.length === 0) return { id, values: {}, updated, updatedBy: cellText(cols.get(found.row, 'Updated by')) };
    if (cols.has('Updated')) row[cols.indexOf('Updated')] = stamp;
    if (cols.has('Updated by')) row[cols.indexOf('Updated by')] = base.user;
    const nameField = fields.find((f) => f.key === 'company')?.name;
    const renamed = audit.find((a) => a.field === nameField);
    // A rename rewrites the people's Company text too, so Clients is in the snapshot as well.
    const tabs = renamed ? [TAB.companies, TAB.clients] : [TAB.companies];
    return writeGuarded(base, 'save company', readImages(tabs), `before saving company ${id}`, () => {
      const sheet = requireSheet(TAB.companies);
      // Found again by ID right before the write: a sort since the read moves the row, not the company.
      const again = locate(requireKeyed(TAB.companies), cols, id);
      if (!again) throw new AppFailure('conflict', 'The company moved or went while saving; nothing was saved. Run it again.');
      // Changed cells only: the ID cell is never rewritten, so the check after the write can tell whose row it hit.
      const changes = row.flatMap((value, column) => (cellText(again.row[column]) === cellText(value) && !isDate(value) ? [] : [{ row: 0, column, value }]));
      writeBlocks(TAB.companies, planWrites(changes, { values: [again.row], formulas: [again.row.map(() => '')], firstRow: again.rowNumber }));
      // A sort or an inserted row between that look and the write sends the row onto another company: checked after,
      // and then the whole save is taken back from the snapshot (writeGuarded), that company included.
      if (cellText(sheet.getRange(again.rowNumber, cols.indexOf('ID') + 1).getValue()).trim() !== id)
        throw new AppFailure('conflict', 'The Companies tab was sorted while saving; nothing was saved. Save again.');
      if (renamed) audit.push(...renamePeople(base, id, String(renamed.newValue), stamp));
      appendRows(TAB.audit, auditRows(audit, base.timeZone));
      const values: Record<string, string> = {};
      for (const f of fields) if (cols.has(f.name)) values[f.name] = formText(f, row[cols.indexOf(f.name)], base.timeZone);
      return { id, values, updated: stamp.toISOString(), updatedBy: base.user };
    });
  });
}

/**
 * A renamed company's people get the new name as their Company text (the
 * text is what people, rules, mailings and the duplicate finder read, so it
 * follows the company rather than being derived at read time). Found by
 * Company ID in one read of Clients, written where they are now (found by ID
 * at write time) in one block per column, each change audited with the old
 * spelling, so nothing typed is lost.
 */
function renamePeople(base: Base, companyId: string, name: string, stamp: Date): AuditEntry[] {
  const table = readEditableTable(TAB.clients);
  if (!table) return [];
  const cols = new Columns(table.header);
  const link = cols.indexOf(fieldName(base, 'companyId', 'Company ID'));
  const companyName = fieldName(base, 'company', 'Company');
  const text = cols.indexOf(companyName);
  const idColumn = cols.indexOf('ID');
  if (link < 0 || text < 0 || idColumn < 0) return [];
  const stamps = [cols.indexOf('Updated'), cols.indexOf('Updated by')];
  const changes: CellChange[] = [];
  const audit: AuditEntry[] = [];
  table.rows.forEach((r, i) => {
    if (cellText(r[link]).trim() !== companyId || cellText(r[text]) === name) return;
    changes.push(...stampedChange(i, text, name, stamps, stamp, base.user));
    audit.push({
      time: stamp,
      user: base.user,
      action: 'rename company',
      clientId: cellText(r[idColumn]).trim(),
      field: companyName,
      oldValue: cellText(r[text]),
      newValue: name,
      source: 'sidebar',
    });
  });
  writeChangesById(TAB.clients, table, idColumn, changes);
  return audit;
}
