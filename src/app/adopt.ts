/**
 * Adoption of an existing client list: propose a header mapping, let the
 * user confirm or edit it in the sidebar, then restructure the sheet in one
 * write after a snapshot. No value is dropped or converted: Check data
 * reports what does not fit.
 */
import { auditRows } from '../core/audit/entry';
import { newId } from '../core/clients/id';
import { AppFailure } from '../core/result';
import { adoptRow, planAdoption } from '../core/schema/adoption-plan';
import { DEFAULT_FIELDS } from '../core/schema/defaults';
import { proposeSheetMapping, type MappedColumn } from '../core/schema/header-map';
import { nameKey } from '../core/schema/name-key';
import { SYSTEM_FORMATS } from '../core/schema/tab-layouts';
import { TAB } from '../core/schema/tabs';
import { SheetFormula } from '../core/sheet/literal';
import type { AdoptionLayout } from '../core/schema/adoption-plan';
import type { SheetRule } from '../core/schema/sheet-rules';
import { cellText, isBlank } from '../core/values';
import { applyRules } from '../gas/field-rules';
import { withDocumentLock } from '../gas/lock';
import { appendRows, findSheet, writeRange } from '../gas/sheets';
import { currentUserEmail, now, spreadsheetLocale, spreadsheetTimeZone } from '../gas/session';
import { applyColumnFormats } from '../gas/tabs';
import { createSupportTabs, existingListSheet, isSetUp, localRules, protectClients, requireAdminOnceSetUp } from './setup';
import { writeGuarded } from './snapshots';
import { keepValidations, readTabImage } from '../gas/snapshot-store';
import type { TabImage } from '../core/snapshot/encode';
import { DEFAULT_SETTINGS } from '../core/settings/settings';
import { langOfLocale, type Lang } from '../core/i18n/lang';
import { localTabName } from '../core/i18n/sheet-words';
import { localFormat } from '../core/i18n/date-formats';
import { detectPurchaseHistory, importedProductLabel, importedPurchase, type PurchaseHistoryColumns } from '../core/schema/purchase-history';
import { sheetDay } from '../gas/dates';
import { rememberTabs, setSheetLanguage, sheetLanguage } from '../gas/tab-keys';
import { carrySources, carryValues } from '../core/companies/carry-fields';
import { DEFAULT_COMPANY_FIELDS } from '../core/companies/company-fields';
import { groupListPeople, listCompanies, listCompanyKey, type ListCompanies, type ListPerson } from '../core/companies/list-companies';
import { type FieldDef, SYSTEM_COLUMNS } from '../core/schema/field';
import { addCompanies, newCompanyId, type NewCompany } from './companies/link-people';

export interface AdoptionProposal {
  sheet: string;
  /** 0-based row of the header within the sheet. */
  headerRow: number;
  rowCount: number;
  columns: MappedColumn[];
  /** Up to five data rows as text, for the preview. */
  sample: string[][];
  /** Names of the fields a column can be mapped to. */
  fieldNames: string[];
  /** The header as it was proposed; adoption refuses if the sheet changed meanwhile. */
  fingerprint: string;
  /**
   * Purchase-history columns found in the list (last purchase date, total, count), offered as
   * one imported Purchases row per client so the Active/Passive measures see them; null when none.
   */
  purchaseHistory?: { headers: string[]; clients: number } | null;
  /** The user's answer to that offer (the sidebar sends it; absent means no). */
  importPurchases?: boolean;
  /**
   * The companies the list's Company (and Tax ID) column names, grouped as Link people to
   * companies groups them; null when no column is mapped to Company or no row names one.
   */
  companies?: ListCompanies | null;
  /** The user's answer: make these companies and link their people (absent means no). */
  linkCompanies?: boolean;
  /** Keys of the proposed companies the user unticked. */
  skipCompanies?: string[];
}

export interface AdoptionReport {
  clients: number;
  mapped: number;
  extra: string[];
  added: string[];
  snapshotId: string;
  /** Summary rows written to Purchases from the list's purchase-history columns. */
  purchasesImported?: number;
  /** Companies made in Companies, and the people given their Company ID. */
  companiesCreated?: number;
  peopleLinked?: number;
}

const SAMPLE_ROWS = 5;

class KeptFormula {
  constructor(readonly formula: string) {}
}

function fingerprint(header: readonly unknown[]): string {
  return header.map((h) => nameKey(h)).join('|');
}

function readList(name: string): { values: unknown[][]; formulas: string[][] } {
  const sheet = findSheet(name);
  if (!sheet) throw new AppFailure('not_found', `The tab "${name}" no longer exists.`);
  const range = sheet.getDataRange();
  return { values: range.getValues(), formulas: range.getFormulas() };
}

function refuseWhenSetUp(): void {
  if (isSetUp())
    throw new AppFailure(
      'conflict',
      'This spreadsheet is already a client base. To start over, restore the snapshot taken before adoption (ClientBase ▸ Snapshots).',
    );
}

export function proposeAdoption(): AdoptionProposal {
  refuseWhenSetUp();
  requireAdminOnceSetUp('adopt a list into this base');
  const sheet = existingListSheet();
  if (!sheet) throw new AppFailure('not_found', 'There is no list to adopt: this spreadsheet is blank. Run Set up to start a new base.');
  const { values, formulas } = readList(sheet.getName());
  const mapping = proposeSheetMapping(values, DEFAULT_FIELDS);
  const header = values[mapping.headerRow] ?? [];
  const data = values.slice(mapping.headerRow + 1).filter((r) => !r.every(isBlank));
  const history = detectPurchaseHistory(header);
  return {
    sheet: sheet.getName(),
    headerRow: mapping.headerRow,
    rowCount: data.length,
    columns: mapping.columns,
    sample: data.slice(0, SAMPLE_ROWS).map((r) => r.map((v) => cellText(v).slice(0, 200))),
    fieldNames: DEFAULT_FIELDS.map((f) => f.name),
    fingerprint: fingerprint(header),
    purchaseHistory: history ? offerOf(history, header, data) : null,
    companies: companiesOffer(mapping.columns, typedRows(values, formulas, mapping.headerRow)),
  };
}

const COMPANY_FIELD = DEFAULT_FIELDS.find((f) => f.key === 'company')!.name;
const TAX_FIELD = DEFAULT_FIELDS.find((f) => f.key === 'taxId')!.name;
const COMPANY_ID_FIELD = DEFAULT_FIELDS.find((f) => f.key === 'companyId')!.name;

/**
 * The list's rows as people of companies, named by `idOf`; null without a Company column.
 * A row whose own Company ID cell holds something keeps it and stays out; so does a formula.
 */
function listPeople(
  columns: readonly MappedColumn[],
  rows: readonly (readonly unknown[])[],
  idOf: (k: number) => string,
  isFormula = (_k: number, _c: number) => false,
): ListPerson[] | null {
  const at = (name: string) => columns.find((c) => c.field === name && !c.splitFullName)?.index ?? -1;
  const company = at(COMPANY_FIELD);
  if (company < 0) return null;
  const tax = at(TAX_FIELD);
  const ownId = at(COMPANY_ID_FIELD);
  const text = (row: readonly unknown[], k: number, c: number) => (c < 0 || isFormula(k, c) ? '' : cellText(row[c]).trim());
  return rows.flatMap((row, k) => (ownId >= 0 && !isBlank(row[ownId]) ? [] : [{ id: idOf(k), company: text(row, k, company), taxId: text(row, k, tax) }]));
}

function companiesOffer(columns: readonly MappedColumn[], data: readonly unknown[][]): ListCompanies | null {
  const people = listPeople(columns, data, (k) => `r${k}`);
  const offer = people && listCompanies(people, carrierOfList(columns, data));
  return offer && offer.total > 0 ? offer : null;
}

/** What each proposed company would take from its people's rows of the list (Address, City, Stage…), for the confirmation. */
function carrierOfList(columns: readonly MappedColumn[], data: readonly unknown[][]) {
  const header: string[] = [];
  const fields: FieldDef[] = [];
  for (const c of columns) {
    if (c.splitFullName) continue;
    header[c.index] = c.header;
    const def = c.field ? DEFAULT_FIELDS.find((f) => f.name === c.field) : undefined;
    fields.push(def ? { ...def, name: c.header } : { name: c.header, type: 'text', required: false, options: [], unique: false, help: '' });
  }
  const sources = carrySources(DEFAULT_COMPANY_FIELDS, fields, header);
  return (personIds: readonly string[]) =>
    carryValues(
      sources,
      personIds.map((id) => data[Number(id.slice(1))] ?? []),
    );
}

/** The companies again, for a mapping the user changed in the sidebar (another column as Company or Tax ID). */
export function proposeAdoptionCompanies(proposal: AdoptionProposal): ListCompanies | null {
  checkProposal(proposal);
  const { values, formulas } = readList(proposal.sheet);
  const header = values[proposal.headerRow] ?? [];
  if (fingerprint(header) !== proposal.fingerprint) {
    throw new AppFailure('conflict', 'The header row changed since the mapping was proposed. Review the mapping again.');
  }
  return companiesOffer(proposal.columns, typedRows(values, formulas, proposal.headerRow));
}

/**
 * The list's data rows with formula cells blank: adoption neither groups by nor copies a
 * formula's result into a company, so the offer the user confirms does not either.
 */
function typedRows(values: readonly unknown[][], formulas: readonly string[][], headerRow: number): unknown[][] {
  return values
    .map((row, r) => row.map((v, c) => (formulas[r]?.[c] ? '' : v)))
    .slice(headerRow + 1)
    .filter((_, k) => !values[headerRow + 1 + k].every(isBlank));
}

function offerOf(history: PurchaseHistoryColumns, header: readonly unknown[], data: readonly unknown[][]): { headers: string[]; clients: number } {
  const used = [history.lastDate, history.total, history.count].filter((i): i is number => i !== undefined);
  return { headers: used.map((i) => cellText(header[i])), clients: data.filter((r) => importedPurchase(history, r)).length };
}

/** The language the base's tabs are written in: the one chosen before, else the spreadsheet's (File ▸ Settings ▸ Locale). */
function baseLanguage(): Lang {
  return findSheet(TAB.fields) ? sheetLanguage() : langOfLocale(spreadsheetLocale());
}

function checkProposal(proposal: AdoptionProposal): void {
  if (!proposal || typeof proposal.sheet !== 'string' || !Array.isArray(proposal.columns)) {
    throw new AppFailure('bad_input', 'The mapping sent is incomplete; propose it again.');
  }
  const names = new Set(DEFAULT_FIELDS.map((f) => f.name));
  const seen = new Set<string>();
  for (const c of proposal.columns) {
    if (c.field === undefined || c.field === '') continue;
    if (!names.has(c.field)) throw new AppFailure('bad_input', `"${String(c.field).slice(0, 60)}" is not a field.`);
    if (seen.has(c.field)) throw new AppFailure('validation', `Two columns are mapped to ${c.field}; map each field at most once.`);
    seen.add(c.field);
  }
}

export function adopt(proposal: AdoptionProposal): AdoptionReport {
  checkProposal(proposal);
  requireAdminOnceSetUp('adopt a list into this base');
  const user = currentUserEmail();
  return withDocumentLock(() => {
    refuseWhenSetUp();
    const image = readTabImage(proposal.sheet);
    if (!image) throw new AppFailure('not_found', `The tab "${proposal.sheet}" no longer exists.`);
    const header = image.cells[proposal.headerRow] ?? [];
    if (fingerprint(header) !== proposal.fingerprint) {
      throw new AppFailure('conflict', 'The header row changed since the mapping was proposed. Review the mapping again.');
    }
    const lang = baseLanguage();
    if (proposal.sheet !== TAB.clients && !findSheet(TAB.clients)) image.renamedTo = localTabName(TAB.clients, lang);
    image.restructured = true;
    // The team's dropdowns go into the snapshot too: a roll-back of a failed adoption gives them back.
    keepValidations(image, findSheet(proposal.sheet)!);
    const companies = proposal.linkCompanies === true ? chosenCompanies(proposal, image) : [];
    // Undo must remove the companies adoption makes: the snapshot holds Companies as it was, or as a bare header.
    const images = companies.length ? [image, readTabImage(TAB.companies) ?? bareCompaniesImage()] : [image];
    // On failure the list is put back as it was (and its name), so adoption can simply be run again.
    return writeGuarded({ user, settings: DEFAULT_SETTINGS }, 'adopt', images, 'before adopting the existing list', (snapshotId) =>
      restructure(proposal, image, user, snapshotId, lang, companies),
    );
  });
}

/** The proposed companies the user kept, recomputed from the list as it is now (the sidebar only says which to leave out). */
function chosenCompanies(proposal: AdoptionProposal, image: TabImage): CompanyOfList[] {
  const formulaAt = new Set(image.formulaCells.map(([r, c]) => `${r}:${c}`));
  const first = proposal.headerRow + 1;
  const rows = image.cells.slice(first);
  const people = listPeople(
    proposal.columns.map((c) => ({ ...c, field: c.field || undefined })),
    rows,
    (k) => String(first + k),
    (k, c) => formulaAt.has(`${first + k}:${c}`),
  );
  if (!people) return [];
  const skip = new Set((Array.isArray(proposal.skipCompanies) ? proposal.skipCompanies : []).map((k) => cellText(k)));
  return groupListPeople(people)
    .filter((g) => !skip.has(listCompanyKey(g)))
    .map((g) => ({ name: g.name, taxId: g.taxId, rows: g.personIds.map(Number) }));
}

/** A company to make during adoption: its people as rows of the list (0-based, as in the image). */
interface CompanyOfList {
  name: string;
  taxId: string;
  rows: number[];
}

function bareCompaniesImage(): TabImage {
  return { tab: TAB.companies, cells: [[...SYSTEM_COLUMNS, ...DEFAULT_COMPANY_FIELDS.map((f) => f.name)]], formulaCells: [], columnFormats: [] };
}

function restructure(
  proposal: AdoptionProposal,
  image: TabImage,
  user: string,
  snapshotId: string,
  lang: Lang,
  companies: readonly CompanyOfList[],
): AdoptionReport {
  const sheet = findSheet(proposal.sheet)!;
  const formulaAt = new Set(image.formulaCells.map(([r, c]) => `${r}:${c}`));
  const columns = proposal.columns.map((c) => ({ ...c, field: c.field || undefined }));
  const layout = planAdoption(columns, DEFAULT_FIELDS);
  const stamp = now();
  const ids = new Set<string>();
  const rows: unknown[][] = [];
  /** The original row each adopted row came from, so colours and dropdowns follow their values. */
  const sourceRows: number[] = [];
  // Recomputed from the sheet, not taken from the proposal: the sidebar only says yes or no.
  const history = proposal.importPurchases === true ? detectPurchaseHistory(image.cells[proposal.headerRow] ?? []) : null;
  const timeZone = history ? spreadsheetTimeZone() : '';
  const purchases: unknown[][] = [];
  const purchaseIds = new Set<string>();
  const preamble = image.cells.slice(0, proposal.headerRow).filter((r) => !r.every(isBlank));
  for (let r = proposal.headerRow + 1; r < image.cells.length; r++) {
    // A formula travels as a marker so that text which merely looks like one stays text.
    const original = image.cells[r].map((v, c) => (formulaAt.has(`${r}:${c}`) ? new KeptFormula(String(v)) : v));
    if (original.every((v) => !(v instanceof KeptFormula) && isBlank(v))) continue;
    const id = newId('C', ids);
    ids.add(id);
    rows.push(adoptRow(layout, original, { ID: id, Created: stamp, Updated: stamp, 'Updated by': user }));
    sourceRows.push(r);
    const bought = history && importedPurchase(history, image.cells[r]);
    if (bought) {
      const day = 'date' in bought.day ? bought.day.date : sheetDay(bought.day.year, bought.day.month, bought.day.day, timeZone);
      const purchaseId = newId('P', purchaseIds);
      purchaseIds.add(purchaseId);
      purchases.push([purchaseId, id, day, bought.amount ?? '', importedProductLabel(lang, bought.count)]);
    }
  }

  const linking = linkRows(companies, layout, rows, sourceRows);

  const looks = readLooks(sheet, image.cells.length, Math.max(1, ...image.cells.map((r) => r.length)));
  sheet.clear();
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearDataValidations();
  if (sheet.getMaxColumns() < layout.header.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), layout.header.length - sheet.getMaxColumns());
  if (sheet.getMaxRows() < rows.length + 1) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  // Written under automatic formats, with text kept literal, so formulas stay formulas;
  // the field formats are applied afterwards and leave the values as they are.
  const cells = [layout.header, ...rows.map((row) => row.map((v) => (v instanceof KeptFormula ? new SheetFormula(v.formula) : v)))];
  writeRange(sheet.getRange(1, 1, cells.length, layout.header.length), cells);
  sheet.getRange(1, 1, 1, layout.header.length).setFontWeight('bold');
  sheet.setFrozenRows(1);
  if (preamble.length)
    sheet
      .getRange(1, 1)
      .setNote(`Rows above the header when ClientBase adopted this list:\n${preamble.map((r) => r.map(cellText).filter(Boolean).join(' | ')).join('\n')}`);
  // Tabs and headers in the spreadsheet's language, as Set up names them; found by key afterwards.
  setSheetLanguage(lang);
  if (sheet.getName() !== TAB.clients && !findSheet(TAB.clients)) sheet.setName(localTabName(TAB.clients, lang));
  rememberTabs({ [TAB.clients]: sheet });

  createSupportTabs(user, layout.fields);
  if (purchases.length) appendRows(TAB.purchases, purchases);
  // The same company fields createSupportTabs has just written to Fields.
  const companyAudit = addCompanies(linking.made, DEFAULT_COMPANY_FIELDS, stamp, user, 'sidebar');
  applyColumnFormats(
    sheet,
    layout.header.slice(0, 4).map((h) => localFormat(SYSTEM_FORMATS[h], lang)),
  );
  const rules = localRules(layout.fields, lang);
  applyRules(sheet, 5, rules);
  putLooksBack(sheet, looks, layout, [proposal.headerRow, ...sourceRows], rules);
  protectClients(sheet);
  const mapped = columns.filter((c) => c.field).length;
  const mappedIndexes = new Set(columns.filter((c) => c.field && !c.splitFullName).map((c) => c.index));
  const extra = layout.fields
    .filter((_, i) => {
      const s = layout.sources[i + 4];
      return s.kind === 'original' && !mappedIndexes.has(s.index);
    })
    .map((f) => f.name);
  const added = layout.fields.filter((_, i) => layout.sources[i + 4].kind !== 'original').map((f) => f.name);
  appendRows(
    TAB.audit,
    auditRows([
      {
        time: stamp,
        user,
        action: 'adopt',
        clientId: '',
        field: proposal.sheet,
        oldValue: snapshotId,
        newValue: `${rows.length} clients, ${mapped} mapped columns`,
        source: 'sidebar',
      },
      ...companyAudit,
    ]),
  );
  return {
    clients: rows.length,
    mapped,
    extra,
    added,
    snapshotId,
    ...(history ? { purchasesImported: purchases.length } : {}),
    ...(companies.length ? { companiesCreated: linking.made.length, peopleLinked: linking.linked } : {}),
  };
}

/**
 * Gives each chosen company an ID (from its first person's, as Link people to companies does)
 * and writes it into its people's Company ID cells of the rows about to be written, so linking
 * costs no write of Clients of its own; the Company text stays as the list had it.
 */
function linkRows(
  companies: readonly CompanyOfList[],
  layout: AdoptionLayout,
  rows: unknown[][],
  sourceRows: readonly number[],
): { made: NewCompany[]; linked: number } {
  const field = layout.fields.findIndex((f) => f.key === 'companyId');
  const column = field < 0 ? -1 : field + SYSTEM_COLUMNS.length;
  if (!companies.length || column < 0) return { made: [], linked: 0 };
  const rowOf = new Map(sourceRows.map((r, k) => [r, k]));
  // Address, City, Stage… of its people go to the company too (the people keep theirs).
  const sources = carrySources(DEFAULT_COMPANY_FIELDS, layout.fields, layout.header);
  const taken = new Set<string>();
  const made: NewCompany[] = [];
  let linked = 0;
  for (const c of companies) {
    const people = c.rows.map((r) => rowOf.get(r)).filter((k): k is number => k !== undefined);
    if (!people.length) continue;
    const id = newCompanyId(String(rows[people[0]][0]), taken);
    for (const k of people) rows[k][column] = id;
    linked += people.length;
    const own = people.map((k) => rows[k]);
    const { values } = carryValues(sources, own, (r, col) => own[r][col] instanceof KeptFormula);
    made.push({ id, name: c.name, taxId: c.taxId, people: people.length, values });
  }
  return { made, linked };
}

interface ListLooks {
  backgrounds: string[][];
  validations: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][];
}

/** The team's colours and dropdowns on the list, in two reads, before the sheet is cleared. */
function readLooks(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): ListLooks {
  const range = sheet.getRange(1, 1, Math.max(rows, 1), columns);
  return { backgrounds: range.getBackgrounds(), validations: range.getDataValidations() };
}

const PLAIN_BACKGROUND = '#ffffff';

/**
 * Colours and the team's own dropdowns follow their cells to the new layout:
 * `from[k]` is the original row of output row k (the header first). A field
 * with a rule of its own (a choice, a date…) keeps that rule; elsewhere the
 * team's dropdown comes back. One write of colours, one of dropdowns per
 * column that had any: calls depend on columns, never on rows.
 */
function putLooksBack(sheet: GoogleAppsScript.Spreadsheet.Sheet, looks: ListLooks, layout: AdoptionLayout, from: number[], rules: readonly SheetRule[]): void {
  const originalColumn = layout.sources.map((s) => (s.kind === 'original' ? s.index : -1));
  const backgrounds = from.map((r) => originalColumn.map((c) => (c >= 0 ? (looks.backgrounds[r]?.[c] ?? PLAIN_BACKGROUND) : PLAIN_BACKGROUND)));
  if (backgrounds.some((row) => row.some((b) => b && b.toLowerCase() !== PLAIN_BACKGROUND))) {
    sheet.getRange(1, 1, backgrounds.length, layout.header.length).setBackgrounds(backgrounds);
  }
  const data = from.slice(1);
  if (data.length === 0) return;
  originalColumn.forEach((c, j) => {
    if (c < 0 || j < 4 || rules[j - 4]?.validation) return;
    const column = data.map((r) => [looks.validations[r]?.[c] ?? null]);
    if (column.some(([v]) => v !== null)) sheet.getRange(2, j + 1, column.length, 1).setDataValidations(column);
  });
}
