/**
 * Set up and Apply fields: turn a blank spreadsheet into a structured base,
 * and keep the Clients columns in line with the Fields tab afterwards. A
 * spreadsheet that already holds a list goes through adoption instead.
 */
import { auditRows } from '../core/audit/entry';
import { Columns } from '../core/clients/columns';
import { AppFailure } from '../core/result';
import { DEFAULT_FIELDS } from '../core/schema/defaults';
import { SYSTEM_COLUMNS, type FieldDef } from '../core/schema/field';
import { localFormat } from '../core/i18n/date-formats';
import { langOfLocale, type Lang } from '../core/i18n/lang';
import { isManagedTabName, localTabName } from '../core/i18n/sheet-words';
import { fieldsToRows, parseFieldsTab } from '../core/schema/fields-tab';
import { withDefaultWords } from '../core/schema/default-field-words';
import { sheetRuleFor, type SheetRule } from '../core/schema/sheet-rules';
import { SYSTEM_FORMATS, TAB_LAYOUTS } from '../core/schema/tab-layouts';
import { TAB } from '../core/schema/tabs';
import { effectiveAdmins } from '../core/settings/roles';
import { DEFAULT_SETTINGS, settingsToRows } from '../core/settings/settings';
import { applyRules } from '../gas/field-rules';
import { withDocumentLock } from '../gas/lock';
import { bumpBaseVersion } from '../gas/base-cache';
import { setDocumentProperty } from '../gas/properties';
import { protectColumns, protectForAdmins, protectHeaderRow, removeProtections } from '../gas/protection';
import { appendRows, findSheet, readTable, replaceDataRows, spreadsheet, writeBlock, writeRange } from '../gas/sheets';
import { currentUserEmail, now, spreadsheetLocale, spreadsheetTimeZone } from '../gas/session';
import { rememberTabs, setSheetLanguage, sheetLanguage } from '../gas/tab-keys';
import { dressTab, ensureTab } from '../gas/tabs';
import { ensureInteractionIds, ensurePurchaseIds } from './interaction-ids';
import { rebuildSegmentTabs } from './segments/refresh';
import { currentDashboardPlan, writeDashboard } from './dashboard/build';
import { DASHBOARD_TAB } from '../core/dashboard/plan';
import { ensureEditTrigger } from '../gas/triggers';
import { loadBase, loadSettings, requireRole, SET_UP_BY_KEY, setUpBy } from './base';
import { hasSegmentPrefix } from './segments/tab-name';
import { SAMPLE_TEMPLATES } from './setup-samples';
import { installBuiltinSegments } from './segments/builtin-rows';
import { DEFAULT_COMPANY_FIELDS } from '../core/companies/company-fields';
import { companyFieldsFromRows, ensureCompaniesTab, readFieldsRows } from './companies/companies-tab';

export type SetUpOutcome =
  | { kind: 'created'; tabs: string[] }
  | { kind: 'needs_adoption'; sheet: string; rows: number }
  | { kind: 'already_set_up'; report: ApplyFieldsReport };

export interface ApplyFieldsReport {
  fields: number;
  addedColumns: string[];
  /** Columns in Clients that no field describes: kept as they are. */
  extraColumns: string[];
  errors: string[];
}

export const EDIT_TRIGGER_HANDLER = 'onEditInstalled';

/** Tabs only admins may edit by hand; the role lists and the structure live there. */
const ADMIN_ONLY: Record<string, string> = {
  [TAB.settings]: 'ClientBase: only admins change settings and roles',
  [TAB.fields]: 'ClientBase: only admins change fields (then ClientBase ▸ Apply fields)',
};
const PROTECTION_PREFIX = 'ClientBase:';

/**
 * The sheet holding someone's existing list, if any: Clients; else the active
 * tab when it has data; else the first tab with data. Tabs the add-on manages
 * never count (inserting one makes it active, even when the operation then fails).
 */
export function existingListSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
  const clients = findSheet(TAB.clients);
  if (clients && clients.getLastRow() > 0) return clients;
  const ss = spreadsheet();
  const hasList = (sheet: GoogleAppsScript.Spreadsheet.Sheet) =>
    !isManagedTabName(sheet.getName()) && !hasSegmentPrefix(sheet.getName()) && sheet.getLastRow() > 0;
  const active = ss.getActiveSheet();
  if (hasList(active)) return active;
  return ss.getSheets().find(hasList) ?? null;
}

export function isSetUp(): boolean {
  return !!findSheet(TAB.fields) && !!findSheet(TAB.clients);
}

/**
 * A spreadsheet that was set up once (it has Fields) belongs to its admins:
 * setting it up again, or adopting a list into it, is theirs to do even when
 * Clients has gone missing. Returns the team's own fields, if any.
 */
export function requireAdminOnceSetUp(action: string): FieldDef[] | null {
  if (!findSheet(TAB.fields)) return null;
  const base = loadBase({ fresh: true });
  requireRole(base, 'admin', action);
  return base.fields;
}

export function setUp(): SetUpOutcome {
  if (isSetUp()) {
    const report = applyFields();
    // Interactions and Purchases tabs from before rows had IDs get their ID column (applyFields has checked the admin).
    withDocumentLock(() => ensureLinkedIds());
    return { kind: 'already_set_up', report };
  }
  const ownFields = requireAdminOnceSetUp('set the base up again');
  const list = existingListSheet();
  if (list) return { kind: 'needs_adoption', sheet: list.getName(), rows: list.getLastRow() };
  return withDocumentLock(() => {
    const user = currentUserEmail();
    const ss = spreadsheet();
    const active = ss.getActiveSheet();
    // Tabs and headers in the spreadsheet's language (File ▸ Settings ▸ Locale), found by key afterwards.
    const lang = ownFields ? sheetLanguage() : langOfLocale(spreadsheetLocale());
    if (!ownFields) setSheetLanguage(lang);
    const clientsName = localTabName(TAB.clients, lang);
    const clients = findSheet(TAB.clients) ?? (active.getLastRow() === 0 ? active.setName(clientsName) : ss.insertSheet(clientsName));
    rememberTabs({ [TAB.clients]: clients });
    // Clients went missing from a base set up before: rebuild it from the team's Fields, which stay as they are.
    const fields = ownFields?.length ? ownFields : DEFAULT_FIELDS;
    dressClients(clients, fields, lang);
    createSupportTabs(user, fields, { keepFields: !!ownFields?.length });
    ensureCompaniesTab(companyFieldsFromRows(readFieldsRows()).fields);
    clients.activate();
    appendRows(
      TAB.audit,
      auditRows([{ time: now(), user, action: 'set up', clientId: '', field: '', oldValue: '', newValue: `${fields.length} fields`, source: 'menu' }]),
    );
    return { kind: 'created', tabs: [TAB.clients, ...Object.keys(TAB_LAYOUTS), TAB.companies] };
  });
}

/**
 * Every tab but Clients, with its header, formats and protection; Settings
 * names the user as the first admin; `fields` go into Fields before the
 * built-in segments read the Stage field's name.
 */
export function createSupportTabs(user: string, fields: readonly FieldDef[], options: { keepFields?: boolean } = {}): void {
  let segmentsCreated = false;
  for (const [name, layout] of Object.entries(TAB_LAYOUTS)) {
    const { created } = ensureTab(name, {
      header: layout.header,
      formats: layout.formats,
      hidden: layout.hidden,
      protectWholeTab: layout.protect && `${PROTECTION_PREFIX} ${layout.protect}`,
    });
    if (!created) continue;
    if (name === TAB.settings) {
      writeBlock(name, 2, 1, settingsToRows({ ...DEFAULT_SETTINGS, admins: [user.toLowerCase()] }, sheetLanguage()));
      setDocumentProperty(SET_UP_BY_KEY, user.toLowerCase());
    }
    if (name === TAB.settings || name === TAB.fields) protectForAdmins(findSheet(name)!, [user.toLowerCase()], ADMIN_ONLY[name]);
    if (name === TAB.templates) writeBlock(name, 2, 1, SAMPLE_TEMPLATES);
    if (name === TAB.segments) segmentsCreated = true;
  }
  // Client fields, then the Companies tab's own (Table: Companies).
  // Each with its words in every language (Label ru, Help uk…), for the team to edit by hand.
  if (!options.keepFields) {
    replaceDataRows(TAB.fields, [
      ...fieldsToRows(withDefaultWords(fields)).slice(1),
      ...fieldsToRows(withDefaultWords(DEFAULT_COMPANY_FIELDS, 'companies'), TAB.companies).slice(1),
    ]);
  }
  ensureEditTrigger(EDIT_TRIGGER_HANDLER);
  // After the loop: the built-in rules read the Settings window and the stage field's actual name.
  if (segmentsCreated) installBuiltinSegments();
  ensureLinkedIds(fields);
  // Inserting a sheet makes it the active one: without this the team lands on the last segment tab made.
  findSheet(TAB.clients)?.activate();
}

/**
 * ID columns for the linked tabs made before they had one. The segment formulas
 * and the dashboard's name Purchases columns by letter, so when that tab gains its column they are
 * rebuilt for the new layout (Sheets would shift them too; a rebuild does not
 * depend on it), before the header that marks the upgrade done.
 */
function ensureLinkedIds(fields?: readonly FieldDef[]): void {
  ensureInteractionIds();
  ensurePurchaseIds(() => {
    const base = loadBase({ fresh: true });
    if (findSheet(TAB.segments)) rebuildSegmentTabs({ timeZone: spreadsheetTimeZone(), fields: [...(fields ?? base.fields)] });
    // The dashboard's sales and activity formulas read Purchases by letter too.
    if (findSheet(DASHBOARD_TAB)) writeDashboard(currentDashboardPlan(base));
  });
}

/** Header, system columns and one rule per field column on a Clients tab with no data yet. */
function dressClients(sheet: GoogleAppsScript.Spreadsheet.Sheet, fields: readonly FieldDef[], lang: Lang): void {
  const header = [...SYSTEM_COLUMNS, ...fields.map((f) => f.name)];
  dressTab(sheet, { header, formats: SYSTEM_COLUMNS.map((c) => localFormat(SYSTEM_FORMATS[c], lang)) });
  applyRules(sheet, SYSTEM_COLUMNS.length + 1, localRules(fields, lang));
  protectClients(sheet);
}

/** Each field's sheet rule, its date pattern in the base's language. */
export function localRules(fields: readonly FieldDef[], lang: Lang): SheetRule[] {
  return fields.map((f) => {
    const rule = sheetRuleFor(f);
    return { ...rule, numberFormat: localFormat(rule.numberFormat, lang) };
  });
}

/** Field columns grouped into runs of adjacent columns, so extra columns between them are left alone. */
function fieldRuns(fields: readonly FieldDef[], cols: Columns): { column: number; fields: FieldDef[] }[] {
  const placed = fields
    .map((f) => ({ f, i: cols.indexOf(f.name) }))
    .filter((p) => p.i >= 0)
    .sort((a, b) => a.i - b.i);
  const runs: { column: number; fields: FieldDef[] }[] = [];
  for (const { f, i } of placed) {
    const last = runs[runs.length - 1];
    if (last && last.column + last.fields.length === i + 1) last.fields.push(f);
    else runs.push({ column: i + 1, fields: [f] });
  }
  return runs;
}

export function protectClients(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  removeProtections(sheet, PROTECTION_PREFIX);
  protectHeaderRow(sheet, `${PROTECTION_PREFIX} column names are field names; rename them in the Fields tab`);
  protectColumns(sheet, 1, SYSTEM_COLUMNS.length, `${PROTECTION_PREFIX} ID and change stamps are kept by the add-on`);
}

/**
 * Re-applies Fields to Clients: a field without a column gets one at the end;
 * a column without a field is kept untouched; every field column gets its
 * validation, help text and format again.
 */
export function applyFields(): ApplyFieldsReport {
  const base = loadBase({ fresh: true });
  requireRole(base, 'admin', 'change fields');
  // Whatever Fields holds now (a hand edit the trigger missed included) is what every later call reads.
  bumpBaseVersion();
  return withDocumentLock(() => {
    const fieldsTable = readTable(TAB.fields);
    const parsed = parseFieldsTab(fieldsTable ? [fieldsTable.header, ...fieldsTable.rows] : []);
    const sheet = findSheet(TAB.clients);
    if (!sheet) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
    const last = sheet.getLastColumn();
    const header = last > 0 ? sheet.getRange(1, 1, 1, last).getValues()[0].map(String) : [];
    const width = header.length;
    const cols = new Columns(header);
    const added = parsed.fields.filter((f) => !cols.has(f.name)).map((f) => f.name);
    if (added.length) {
      if (sheet.getMaxColumns() < width + added.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), width + added.length - sheet.getMaxColumns());
      // After the last used column: a blank header cell is not free, the column below it may hold data or a name to come.
      writeRange(sheet.getRange(1, width + 1, 1, added.length), [added]);
    }
    const fullHeader = [...header, ...added];
    const finalCols = new Columns(fullHeader);
    const lang = sheetLanguage();
    for (const run of fieldRuns(parsed.fields, finalCols)) applyRules(sheet, run.column, localRules(run.fields, lang));
    protectClients(sheet);
    syncAdminProtections();
    const fieldKeys = new Columns(parsed.fields.map((f) => f.name));
    const extra = fullHeader.filter((h) => h.trim() !== '' && !fieldKeys.has(h) && !(SYSTEM_COLUMNS as readonly string[]).includes(h));
    appendRows(
      TAB.audit,
      auditRows([
        {
          time: now(),
          user: base.user,
          action: 'apply fields',
          clientId: '',
          field: added.join(', '),
          oldValue: '',
          newValue: `${parsed.fields.length} fields`,
          source: 'menu',
        },
      ]),
    );
    return { fields: parsed.fields.length, addedColumns: added, extraColumns: extra, errors: parsed.errors.map((e) => e.message) };
  });
}

/**
 * Brings the editors of Settings and Fields in line with the admins listed
 * now. Run after every change of the admins (the edit trigger sees a hand
 * edit of Settings), on open, at Set up and Apply fields.
 */
export function syncAdminProtections(): void {
  const settings = loadSettings();
  const admins = effectiveAdmins(settings, setUpBy(settings));
  for (const tab of [TAB.settings, TAB.fields]) {
    const sheet = findSheet(tab);
    if (sheet) protectForAdmins(sheet, admins, ADMIN_ONLY[tab]);
  }
}
