/**
 * Link people to companies, for a base that has a flat list (adopted, or kept
 * before Companies existed): the companies its Company and Tax ID cells name
 * are proposed for confirmation, then made as rows of Companies and each
 * person's Company ID is set. Nothing else of a person changes: every
 * original cell, the Company spelling included, stays as it was. Kill-safe
 * (writeGuarded: Clients, Companies and Fields snapshotted; the tab it makes
 * is removed on roll-back) and audited.
 */
import { auditRows, type AuditEntry } from '../../core/audit/entry';
import { Columns } from '../../core/clients/columns';
import { newId } from '../../core/clients/id';
import { type CarriedValues, carrySources, carryValues } from '../../core/companies/carry-fields';
import { DEFAULT_COMPANY_FIELDS } from '../../core/companies/company-fields';
import { type CompanyProposal, proposeCompanies } from '../../core/companies/propose';
import { AppFailure } from '../../core/result';
import { defaultField } from '../../core/schema/defaults';
import type { FieldDef } from '../../core/schema/field';
import { fieldsToRows } from '../../core/schema/fields-tab';
import { TAB, TAB_HEADERS } from '../../core/schema/tabs';
import { localHeaders } from '../../core/i18n/sheet-words';
import { sheetLanguage } from '../../gas/tab-keys';
import { stampedChange, type CellChange } from '../../core/sheet/write-plan';
import { cellText } from '../../core/values';
import { withDocumentLock } from '../../gas/lock';
import { writeChangesById } from '../../gas/rows-by-id';
import { now } from '../../gas/session';
import { appendRows, type EditableTable, readEditableTable, requireSheet, writeRange } from '../../gas/sheets';
import { type Base, loadBase, requireRole } from '../base';
import { readImages, writeGuarded } from '../snapshots';
import { companyFieldsFromRows, ensureCompaniesTab, readCompanies, readFieldsRows } from './companies-tab';

export interface ProposalDto {
  /** Names the group when the person confirming leaves some out. */
  key: string;
  companyId: string | null;
  name: string;
  taxId: string;
  spellings: string[];
  people: { id: string; name: string }[];
  by: CompanyProposal['by'];
  /** Company fields a new company takes from its people's rows (Address, City, Stage…). */
  carried: string[];
  /** Those its people disagree on: every value, the one the company gets first. */
  conflicts: CarriedValues['conflicts'];
}

export interface LinkReport {
  companiesCreated: number;
  peopleLinked: number;
  snapshotId: string | null;
}

const MAX_SHOWN_PEOPLE = 20;

function companyIdField(base: Base): FieldDef {
  return base.fields.find((f) => f.key === 'companyId') ?? defaultField('companyId')!;
}

function field(base: Base, key: FieldDef['key'], fallback: string): string {
  return base.fields.find((f) => f.key === key)?.name ?? fallback;
}

interface Read {
  clients: EditableTable;
  cols: Columns;
  proposals: CompanyProposal[];
  names: Map<string, string>;
  /** Each person's Company ID as read. */
  linked: Map<string, string>;
  /** What each new company takes from its people's rows. */
  carry: (p: CompanyProposal) => CarriedValues;
}

function readAndPropose(base: Base, companyFields: readonly FieldDef[]): Read {
  const clients = readEditableTable(TAB.clients);
  if (!clients) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
  const cols = new Columns(clients.header);
  const text = (row: readonly unknown[], name: string) => cellText(cols.get(row, name)).trim();
  const companyName = field(base, 'company', 'Company');
  const taxName = field(base, 'taxId', 'Tax ID');
  const idName = companyIdField(base).name;
  const first = field(base, 'firstName', 'First name');
  const last = field(base, 'lastName', 'Last name');
  const names = new Map<string, string>();
  const people = clients.rows
    .map((row) => {
      const id = text(row, 'ID');
      names.set(id, `${text(row, first)} ${text(row, last)}`.trim() || text(row, companyName));
      return { id, company: text(row, companyName), taxId: text(row, taxName), companyId: text(row, idName) };
    })
    .filter((p) => p.id);
  const companies = readCompanies();
  const existing = companies
    ? companies.table.rows
        .map((row) => ({
          id: cellText(companies.cols.get(row, 'ID')).trim(),
          name: cellText(companies.cols.get(row, 'Name')),
          taxId: cellText(companies.cols.get(row, 'Tax ID')),
        }))
        .filter((c) => c.id)
    : [];
  return {
    clients,
    cols,
    proposals: proposeCompanies(people, existing),
    names,
    linked: linkedOf(clients, cols, idName),
    carry: carrierOf(clients, base.fields, companyFields),
  };
}

/** A company's values from its people's rows of Clients; a formula's result stays in its own row. */
function carrierOf(clients: EditableTable, clientFields: readonly FieldDef[], companyFields: readonly FieldDef[]): Read['carry'] {
  const sources = carrySources(companyFields, clientFields, clients.header);
  const idColumn = new Columns(clients.header).indexOf('ID');
  const rowOf = new Map(clients.rows.map((r, i) => [cellText(r[idColumn]).trim(), i]));
  return (p) => {
    const at = p.personIds.map((id) => rowOf.get(id)).filter((i): i is number => i !== undefined);
    return carryValues(
      sources,
      at.map((i) => clients.rows[i]),
      (r, c) => !!clients.formulas[at[r]]?.[c],
    );
  };
}

const keyOf = (p: CompanyProposal): string => p.companyId ?? `new:${p.personIds[0]}`;

/** What Link people to companies would do, for confirmation: new companies first, then people joining existing ones. */
export function proposeCompanyLinks(): ProposalDto[] {
  const base = loadBase();
  const read = readAndPropose(base, companyFieldsFromRows(readFieldsRows()).fields);
  const { proposals, names } = read;
  return proposals
    .map((p) => ({ p, waiting: p.companyId ? p.personIds.filter((id) => needsLink(read, id, p.companyId!)) : p.personIds }))
    .filter(({ waiting }) => waiting.length > 0)
    .map(({ p, waiting }) => ({ p, waiting, carried: p.companyId ? { values: {}, conflicts: [] } : read.carry(p) }))
    .map(({ p, waiting, carried }) => ({
      key: keyOf(p),
      companyId: p.companyId ?? null,
      name: p.name,
      taxId: p.taxId,
      spellings: p.spellings.slice(0, 10),
      people: waiting.slice(0, MAX_SHOWN_PEOPLE).map((id) => ({ id, name: names.get(id) ?? id })),
      by: p.by,
      carried: Object.keys(carried.values),
      conflicts: carried.conflicts,
    }))
    .sort((a, b) => Number(!!a.companyId) - Number(!!b.companyId));
}

/**
 * Makes the proposed companies (all of them, or all but the keys in `skip`)
 * and sets the Company ID of their people. Admins only: it adds a tab and a
 * column, as Set up does.
 */
export function linkPeopleToCompanies(skip: readonly string[] = [], source = 'sidebar'): LinkReport {
  const base = loadBase();
  requireRole(base, 'admin', 'link people to companies');
  const skipped = new Set((Array.isArray(skip) ? skip : []).map((s) => cellText(s)));
  return withDocumentLock(() => {
    const fieldsRows = readFieldsRows();
    const { fields: companyFields, fromDefaults } = companyFieldsFromRows(fieldsRows);
    const first = readAndPropose(base, companyFields);
    const chosen = first.proposals.filter((p) => !skipped.has(keyOf(p)));
    const idField = companyIdField(base);
    const hasColumn = first.cols.has(idField.name);
    const waiting = chosen.some((p) => !p.companyId || p.personIds.some((id) => needsLink(first, id, p.companyId!)));
    if (!waiting) return { companiesCreated: 0, peopleLinked: 0, snapshotId: null };
    const images = readImages([TAB.clients, TAB.companies, TAB.fields]);
    return writeGuarded(base, 'link companies', images, `before linking people to ${chosen.length} companies`, (snapshotId) => {
      const stamp = now();
      // Fields gains what a base made before Companies lacks: the Company ID field and the company fields.
      const newFieldRows = [
        ...(base.fields.some((f) => f.key === 'companyId') ? [] : fieldsToRows([idField]).slice(1)),
        ...(fromDefaults ? fieldsToRows(DEFAULT_COMPANY_FIELDS, TAB.companies).slice(1) : []),
      ];
      if (newFieldRows.length) appendFieldRows(fieldsRows[0] ?? [], newFieldRows);
      let read = first;
      if (!hasColumn) {
        const sheet = requireSheet(TAB.clients);
        const width = sheet.getLastColumn();
        if (sheet.getMaxColumns() < width + 1) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
        writeRange(sheet.getRange(1, width + 1, 1, 1), [[idField.name]]);
        // Read again: the new column is part of every row written below.
        read = { ...first, ...reread(idField.name) };
      }
      const taken = new Set<string>(chosen.map((p) => p.companyId ?? ''));
      const idOf = new Map<CompanyProposal, string>();
      const made: NewCompany[] = [];
      for (const p of chosen) {
        const id = p.companyId ?? newCompanyId(p.personIds[0], taken);
        idOf.set(p, id);
        if (!p.companyId) made.push({ id, name: p.name, taxId: p.taxId, people: p.personIds.length, values: first.carry(p).values });
      }
      const audit = addCompanies(made, companyFields, stamp, base.user, source);
      const idColumn = read.cols.indexOf('ID');
      const column = read.cols.indexOf(idField.name);
      const stamps = [read.cols.indexOf('Updated'), read.cols.indexOf('Updated by')];
      const rowOf = new Map(read.clients.rows.map((r, i) => [cellText(r[idColumn]).trim(), i]));
      const changes: CellChange[] = [];
      let linked = 0;
      for (const p of chosen) {
        const companyId = idOf.get(p)!;
        for (const personId of p.personIds) {
          const i = rowOf.get(personId);
          if (i === undefined || !needsLink(read, personId, companyId)) continue;
          const old = read.clients.rows[i][column];
          changes.push(...stampedChange(i, column, companyId, stamps, stamp, base.user));
          audit.push({
            time: stamp,
            user: base.user,
            action: 'link company',
            clientId: personId,
            field: idField.name,
            oldValue: old ?? '',
            newValue: companyId,
            source,
          });
          linked++;
        }
      }
      writeChangesById(TAB.clients, read.clients, idColumn, changes);
      appendRows(TAB.audit, auditRows(audit, base.timeZone));
      return { companiesCreated: made.length, peopleLinked: linked, snapshotId };
    });
  });
}

export interface NewCompany {
  id: string;
  name: string;
  taxId: string;
  people: number;
  /** Other company fields taken from its people's rows, by company field name. */
  values?: Record<string, unknown>;
}

/** A new company's ID, derived from its first person: a run again after a roll-back gives the company the same ID. */
export function newCompanyId(firstPersonId: string, taken: Set<string>): string {
  const id = newId('CO', taken, seededRandom(firstPersonId));
  taken.add(id);
  return id;
}

/**
 * Appends the companies as rows of Companies (made when missing), placed by
 * the tab's own header, in one write; returns their Audit entries. Shared by
 * Link people to companies and adoption, which must make the same rows.
 */
export function addCompanies(made: readonly NewCompany[], companyFields: readonly FieldDef[], stamp: Date, user: string, source: string): AuditEntry[] {
  if (made.length === 0) return [];
  const sheet = ensureCompaniesTab(companyFields);
  const companyCols = new Columns(
    sheet
      .getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1))
      .getValues()[0]
      .map((h) => cellText(h).trim()),
  );
  const nameField = companyFields.find((f) => f.key === 'company')?.name ?? 'Name';
  const taxField = companyFields.find((f) => f.key === 'taxId')?.name ?? 'Tax ID';
  const rows = made.map((c) => {
    const row = companyCols.header.map(() => '' as unknown);
    const put = (name: string, value: unknown) => {
      const i = companyCols.indexOf(name);
      if (i >= 0) row[i] = value;
    };
    put('ID', c.id);
    put('Created', stamp);
    put('Updated', stamp);
    put('Updated by', user);
    for (const [name, value] of Object.entries(c.values ?? {})) put(name, value);
    put(nameField, c.name);
    put(taxField, c.taxId);
    return row;
  });
  appendRows(TAB.companies, rows);
  return made.flatMap((c) => [
    { time: stamp, user, action: 'add company', clientId: c.id, field: 'Name', oldValue: '', newValue: c.name, source },
    ...Object.entries(c.values ?? {})
      .filter(([name]) => companyCols.has(name))
      .map(([field, value]) => ({ time: stamp, user, action: 'add company', clientId: c.id, field, oldValue: '', newValue: value, source })),
  ]);
}

function needsLink(read: Pick<Read, 'linked'>, personId: string, companyId: string): boolean {
  const now = read.linked.get(personId);
  return now !== undefined && now !== companyId;
}

function reread(idName: string): Pick<Read, 'clients' | 'cols' | 'linked'> {
  const clients = readEditableTable(TAB.clients)!;
  const cols = new Columns(clients.header);
  return { clients, cols, linked: linkedOf(clients, cols, idName) };
}

function linkedOf(clients: EditableTable, cols: Columns, idName: string): Map<string, string> {
  return new Map(clients.rows.map((r) => [cellText(cols.get(r, 'ID')).trim(), cellText(cols.get(r, idName)).trim()]));
}

/**
 * Appends rows given in the standard Fields order under the tab's own header,
 * which the team may have reordered; a tab made before the Table column gets
 * that header first, so company rows are not read as client fields.
 */
function appendFieldRows(header: readonly unknown[], rows: unknown[][]): void {
  const own = header.map((h) => cellText(h).trim());
  const cols = new Columns(own);
  if (!cols.has('Table')) {
    const sheet = requireSheet(TAB.fields);
    const width = Math.max(sheet.getLastColumn(), own.length);
    if (sheet.getMaxColumns() < width + 1) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    const name = localHeaders(['Table'], sheetLanguage())[0];
    writeRange(sheet.getRange(1, width + 1, 1, 1), [[name]]);
    while (own.length < width) own.push('');
    own.push('Table');
  }
  const at = new Columns(own);
  const standard = TAB_HEADERS.Fields;
  appendRows(
    TAB.fields,
    rows.map((r) =>
      own.map((_, c) => {
        const i = standard.findIndex((h) => at.indexOf(h) === c);
        return i >= 0 ? r[i] : '';
      }),
    ),
  );
}

function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return () => {
    h = (h + 0x6d2b79f5) >>> 0;
    let t = h;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
