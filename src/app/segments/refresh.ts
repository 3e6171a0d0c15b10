/**
 * Refresh segments: every row of `Segments` gets a tab that Sheets keeps
 * live with a FILTER formula (header = the Clients header, formula in A2) and
 * a live count formula in the Count column. A row whose rule cannot be read
 * gets its error (with a caret under the problem) in a note on its Rule cell;
 * the other segments are refreshed as usual. Tabs of segments that are gone
 * are deleted, but only tabs the add-on made (prefix and marker note).
 *
 * Service calls: a few reads, then a fixed number per segment and per tab of
 * the spreadsheet; never a number that grows with the clients.
 */
import { ruleToCountFormula, ruleToFormula } from '../../core/rules/to-formula';
import { DEFAULT_FIELDS } from '../../core/schema/defaults';
import type { FieldDef } from '../../core/schema/field';
import { DATE_FORMAT, MONEY_FORMAT } from '../../core/schema/sheet-rules';
import { STAMP_FORMAT } from '../../core/schema/tab-layouts';
import { withDocumentLock } from '../../gas/lock';
import { spreadsheet, writeRange } from '../../gas/sheets';
import { looksParsedBySheets, SheetFormula } from '../../core/sheet/literal';
import { Columns } from '../../core/clients/columns';
import { now } from '../../gas/session';
import { loadBase, requireRole, type Base } from '../base';
import { checkSegments, readSegmentsTab, type CheckedSegment, type SegmentsTab } from './definitions';
import { columnLetter, segmentLayout } from './layout';
import { segmentTabColumns } from '../../core/segments/tab-columns';
import { operandsOf } from '../../core/rules/ast';
import { loadSegmentData, matchingRows, usesDeals, usesPurchases, type SegmentData } from './members';
import { companyFormulaLayout, companyRuleOptions, usesCompany } from './company-data';
import { assignTabNames, hasSegmentPrefix, isSegmentTabNote, segmentTabNote } from './tab-name';

export interface SegmentTabReport {
  name: string;
  /** The live tab, or null when the rule has an error and no tab existed. */
  tab: string | null;
  /** Matching clients now (src/core), or null when the rule has an error. */
  count: number | null;
  error: string | null;
}

export interface RefreshReport {
  segments: SegmentTabReport[];
  removedTabs: string[];
}

/** Sheets refuses a formula longer than this. */
export const MAX_FORMULA_LENGTH = 50_000;
/** Spare rows below the matches, so clients added before the next refresh still fit (Sheets also grows a tab by itself). */
export const SPARE_ROWS = 200;
export const COUNT_ERROR = 'Rule error';
/** The grid Sheets gives a new tab (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)). */
const NEW_TAB_ROWS = 1000;
const NEW_TAB_COLUMNS = 26;
export const SEGMENT_PROTECTION = 'ClientBase: Segment tabs are computed; edit the client in Clients or the sidebar';
const ERROR_IN_TAB = "This segment's rule has an error: see the note on its Rule in the Segments tab, fix it, then run ClientBase ▸ Refresh segments.";

export interface RebuildOptions {
  /** The Clients header to build for when the Clients tab has none yet (Set up writes it right after the support tabs). */
  fallbackHeader?: readonly string[];
  fields?: readonly FieldDef[];
  /**
   * Rebuild only this segment's tab (saving one segment): the other tabs' formulas are live and
   * unchanged, so rewriting them only moved millions of cells. Tabs of segments gone are still removed.
   */
  only?: string;
  /** The Segments tab and the segment data the caller already read under the same lock (saving a segment): not read again. */
  tab?: SegmentsTab;
  data?: SegmentData;
  /**
   * With `only`: the saved row's own cells, not yet written. They go into the tab with its Count
   * and Refreshed in one row write, and the other rows are left as they are (their Count formulas
   * are live), instead of a write of the saved row and then one of every row's Count and Refreshed.
   */
  saved?: SavedRow;
}

export interface SavedRow {
  /** 0-based data row (sheet row index + 2); `rowCount` of the tab for a new one. */
  index: number;
  isNew: boolean;
  name: string;
  rule: string;
  description: string;
  /** The Columns cell as it is (kept on an edit). */
  columns: string;
}

/** A segment as the sidebar lists it, from the refresh's own reads (see edit.ts SegmentDto). */
export interface ListedSegment {
  name: string;
  rule: string;
  description: string;
  count: number | null;
  error: string | null;
  refreshed: string;
}

/** ClientBase ▸ Refresh segments, and the sidebar after a segment is saved: a manager's action, under the document lock. */
export function refreshSegments(): RefreshReport {
  const base = loadBase();
  requireRole(base, 'manager', 'refresh segments');
  return withDocumentLock(() => rebuildSegmentTabs(base));
}

/** The work of a refresh, for callers that already hold the document lock (Set up, adoption, saving a segment). */
export function rebuildSegmentTabs(base: Pick<Base, 'timeZone'> & Partial<Pick<Base, 'fields'>>, options: RebuildOptions = {}): RefreshReport {
  return rebuildAndList(base, options).report;
}

/** The refresh, and every segment with its count and stamp as the sidebar lists them (so a save need not read it all again). */
export function rebuildAndList(
  base: Pick<Base, 'timeZone'> & Partial<Pick<Base, 'fields'>>,
  options: RebuildOptions = {},
): { report: RefreshReport; listed: ListedSegment[] } {
  const segmentsTab = options.tab ?? readSegmentsTab();
  const data = options.data ?? loadSegmentData(base, options.fallbackHeader);
  // The formulas name the tabs as they are called now; Sheets keeps the references right through later renames.
  const checked = checkSegments(segmentsTab.rows, data.header, { ...companyRuleOptions(data.companies), fields: base.fields ?? [] });
  // Deals is read only when some rule uses a deal measure (its count needs it too).
  const only = options.only?.trim().toLowerCase();
  // A one-segment save plans its own segment; another one's count is what its live Count shows (Sheets
  // computed it over the same tabs), and it is planned only when that cell holds no number.
  const live = (segment: CheckedSegment) => only !== undefined && segment.name.toLowerCase() !== only && segment.ok && segment.liveCount !== undefined;
  const toPlan = checked.filter((c) => !live(c));
  const deals = toPlan.some((c) => c.ok && usesDeals(c.ast)) ? data.deals() : undefined;
  // Purchases is read only when a rule planned here has a purchase measure: its letters are in the formula.
  const purchasesHeader = toPlan.some((c) => c.ok && usesPurchases(c.ast)) ? data.purchasesHeader : null;
  const layout = withCompanies(segmentLayout(data.header, purchasesHeader, data.tabNames, deals), toPlan, data);
  const fields = base.fields?.length ? base.fields : (options.fields ?? DEFAULT_FIELDS);
  const formats = columnFormats(data.header, fields);

  const planned = checked.map((segment) => (live(segment) ? livePlan(segment) : plan(segment, data, layout, fields)));
  const existing = only === undefined ? existingTabs() : existingTabsFor(planned, only);
  const named = planned.filter((p) => p.segment.name !== '' && !p.duplicate);
  const tabs = assignTabNames(
    named.map((p) => p.segment.name),
    existing.foreign,
  );
  named.forEach((p, i) => (p.tab = tabs[i]));

  const reports: SegmentTabReport[] = [];
  for (const p of planned) {
    const sheet = p.tab ? existing.ours.get(p.tab.toLowerCase()) : undefined;
    if (only !== undefined && p.segment.name.toLowerCase() !== only) {
      // Not looked at by a one-segment rebuild (existingTabsFor): its tab, if any, is live and stays as it is.
      p.kept = true;
      reports.push({ name: p.segment.name, tab: (p.formula !== null || p.live) && p.tab ? p.tab : null, count: p.count, error: p.error });
      continue;
    }
    if (p.formula !== null && p.tab) {
      try {
        const target = sheet ?? createTab(p.tab);
        const shown = p.columns.map((i) => data.header[i]);
        writeLiveTab(
          target,
          p,
          shown,
          p.columns.map((i) => formats[i]),
          !sheet,
        );
        if (!sheet) markTab(target, p.segment.name, shown.length);
        reports.push({ name: p.segment.name, tab: p.tab, count: p.count, error: null });
      } catch (err) {
        // One tab Sheets refuses (a name, a limit) must not stop the other segments.
        p.error = `Its tab "${p.tab}" could not be built: ${err instanceof Error ? err.message : String(err)}`;
        p.countFormula = null;
        reports.push({ name: p.segment.name, tab: null, count: null, error: p.error });
      }
    } else {
      if (sheet) writeErrorTab(sheet, data.header);
      reports.push({ name: p.segment.name, tab: sheet && p.tab ? p.tab : null, count: null, error: p.error });
    }
  }

  const keep = new Set(planned.map((p) => p.tab?.toLowerCase()).filter(Boolean));
  const removedTabs: string[] = [];
  for (const [key, sheet] of existing.ours) {
    // A one-segment rebuild looked at its own tab only: it removes nothing.
    if (keep.has(key) || only !== undefined) continue;
    removedTabs.push(sheet.getName());
    spreadsheet().deleteSheet(sheet);
  }
  const stamp = now();
  const saved = only !== undefined ? options.saved : undefined;
  if (saved)
    writeSavedRow(
      segmentsTab,
      saved,
      planned.find((p) => p.segment.index === saved.index),
      stamp,
    );
  else writeSegmentCells(segmentsTab, planned, stamp);
  const listed = planned.map((p) => ({
    name: p.segment.name,
    rule: p.segment.rule,
    description: p.segment.description,
    count: p.error === null ? p.count : null,
    error: p.error,
    refreshed: p.kept ? p.segment.refreshed : stamp.toISOString(),
  }));
  return { report: { segments: reports, removedTabs }, listed };
}

/** The Companies letters, only when a segment's rule names a company field (the tab was read for its parse then). */
function withCompanies(layout: ReturnType<typeof segmentLayout>, checked: readonly CheckedSegment[], data: SegmentData): ReturnType<typeof segmentLayout> {
  if (!checked.some((s) => s.ok && usesCompany(s.ast))) return layout;
  const companies = companyFormulaLayout(data.companies?.() ?? null, data.header);
  return companies ? { ...layout, companies } : layout;
}

interface Planned {
  segment: CheckedSegment;
  duplicate: boolean;
  formula: string | null;
  countFormula: string | null;
  count: number | null;
  error: string | null;
  tab?: string;
  /** Indices into the Clients header of the columns its tab shows. */
  columns: number[];
  /** Left as it was by a one-segment rebuild: its Refreshed stamp stays. */
  kept?: boolean;
  /** Not planned: its count is its live Count cell's (a one-segment save). */
  live?: boolean;
}

function livePlan(segment: CheckedSegment): Planned {
  return { segment, duplicate: false, formula: null, countFormula: null, count: segment.liveCount ?? null, error: null, columns: [], live: true };
}

function plan(segment: CheckedSegment, data: SegmentData, layout: ReturnType<typeof segmentLayout>, fields: readonly FieldDef[]): Planned {
  if (!segment.ok) {
    return { segment, duplicate: !!segment.duplicate, formula: null, countFormula: null, count: null, error: segment.error, columns: [] };
  }
  const ruleColumns = operandsOf(segment.ast).flatMap((o) => (o.kind === 'field' ? [o.name] : []));
  const shown = segmentTabColumns(segment.columns, data.header, fields, ruleColumns);
  if (!shown.ok) return { segment, duplicate: false, formula: null, countFormula: null, count: null, error: shown.error, columns: [] };
  const columns = shown.columns;
  let formula: string;
  let countFormula: string;
  try {
    formula = ruleToFormula(segment.ast, { ...layout, output: { columns: columns.map(columnLetter) } });
    countFormula = ruleToCountFormula(segment.ast, layout);
  } catch (err) {
    return { segment, duplicate: false, formula: null, countFormula: null, count: null, error: err instanceof Error ? err.message : String(err), columns };
  }
  if (Math.max(formula.length, countFormula.length) > MAX_FORMULA_LENGTH) {
    const error = `This rule makes a formula of ${Math.max(formula.length, countFormula.length).toLocaleString('en')} characters; Sheets allows ${MAX_FORMULA_LENGTH.toLocaleString('en')}. Use fewer conditions (an "in (…)" list counts each value).`;
    return { segment, duplicate: false, formula: null, countFormula: null, count: null, error, columns };
  }
  return { segment, duplicate: false, formula, countFormula, count: matchingRows(segment.ast, data).length, error: null, columns };
}

/** Tabs the add-on made for segments (by prefix and marker note), and every other tab name, which a segment tab must avoid. */
function existingTabs(): { ours: Map<string, GoogleAppsScript.Spreadsheet.Sheet>; foreign: Set<string> } {
  const ours = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
  const foreign = new Set<string>();
  for (const sheet of spreadsheet().getSheets()) {
    const name = sheet.getName();
    if (hasSegmentPrefix(name) && isSegmentTabNote(sheet.getRange(1, 1).getNote())) ours.set(name.toLowerCase(), sheet);
    else foreign.add(name);
  }
  return { ours, foreign };
}

/**
 * Saving one segment touches one tab: its name is looked up (no walk over every tab) and only
 * its marker note is read. When that name is taken by a tab the add-on did not make, every tab
 * is looked at as a full refresh does (so the name gets a suffix). Tabs of segments gone are
 * left to the next full refresh.
 */
function existingTabsFor(planned: readonly Planned[], only: string): ReturnType<typeof existingTabs> {
  const named = planned.filter((p) => p.segment.name !== '' && !p.duplicate);
  const tabs = assignTabNames(named.map((p) => p.segment.name));
  const i = named.findIndex((p) => p.segment.name.toLowerCase() === only);
  const ours = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
  if (i < 0) return { ours, foreign: new Set() };
  const target = spreadsheet().getSheetByName(tabs[i]);
  if (target && !isSegmentTabNote(target.getRange(1, 1).getNote())) return existingTabs();
  if (target) ours.set(tabs[i].toLowerCase(), target);
  return { ours, foreign: new Set() };
}

/** A new segment tab: protected (warning only), header row frozen. */
function createTab(name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet().insertSheet(name);
  sheet.protect().setDescription(SEGMENT_PROTECTION).setWarningOnly(true);
  sheet.setFrozenRows(1);
  return sheet;
}

/** Bold header, and the note on A1 that marks the tab as the add-on's, so a refresh may delete it later. */
function markTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, segmentName: string, width: number): void {
  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight('bold');
  header.setNotes([Array.from({ length: width }, (_, i) => (i === 0 ? segmentTabNote(segmentName) : ''))]);
}

/**
 * Rows for the matches plus spare ones (at least Sheets' 1,000) and columns for the header; the old
 * contents go (so the formula can spill), the header is plain text, dates
 * keep their format, and A2 gets `a2` (the formula, or what to do instead).
 * A tab just inserted has Sheets' default grid (1,000 × 26, the emulator's
 * DEFAULT_ROWS/DEFAULT_COLS) and nothing in it: its size is not asked and
 * nothing is cleared.
 */
function fillTab(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  rows: number,
  header: readonly string[],
  formats: readonly (string | undefined)[],
  a2: string,
  fresh = false,
): void {
  const width = header.length;
  const maxRows = fresh ? NEW_TAB_ROWS : sheet.getMaxRows();
  // A tab keeps up to the 1,000 rows Sheets gives a new one (at most 1,000 × width cells): a new tab needs no
  // deleteRows, one call fewer for a save, and a later refresh does not trim it either.
  const keep = Math.max(rows, NEW_TAB_ROWS);
  const height = maxRows < rows ? rows : Math.min(maxRows, keep);
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (maxRows > keep) sheet.deleteRows(keep + 1, maxRows - keep);
  const maxColumns = fresh ? NEW_TAB_COLUMNS : sheet.getMaxColumns();
  if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  else if (maxColumns > width) sheet.deleteColumns(width + 1, maxColumns - width);
  const all = () => sheet.getRange(1, 1, height, width);
  if (!fresh) all().clearContent();
  // A new tab is General everywhere: formats are written only when a column needs one or a header would be parsed.
  if (!fresh || formats.some((f) => f !== undefined) || header.some((h) => looksParsedBySheets(h))) {
    const dataFormats = header.map((_, i) => formats[i] ?? 'General');
    all().setNumberFormats([header.map(() => '@'), ...Array.from({ length: height - 1 }, () => dataFormats)]);
  }
  sheet.getRange(1, 1, 2, width).setValues([[...header], [a2, ...header.slice(1).map(() => '')]]);
}

function writeLiveTab(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  p: Planned,
  header: readonly string[],
  formats: readonly (string | undefined)[],
  fresh: boolean,
): void {
  fillTab(sheet, (p.count ?? 0) + 1 + SPARE_ROWS, header, formats, p.formula!, fresh);
}

/** A tab whose rule broke keeps its place but no stale rows: it says what to do instead. */
function writeErrorTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: readonly string[]): void {
  fillTab(sheet, 2 + SPARE_ROWS, header, [], ERROR_IN_TAB);
}

/** Count (live formula or "Rule error") and Refreshed for every data row, and the errors as notes on the Rule cells: a few block writes. */
function writeSegmentCells(tab: SegmentsTab, planned: readonly Planned[], stamp: Date): void {
  if (tab.rowCount === 0) return;
  const byIndex = new Map(planned.map((p) => [p.segment.index, p]));
  const count: unknown[][] = [];
  const refreshed: unknown[][] = [];
  const notes: string[][] = [];
  for (let i = 0; i < tab.rowCount; i++) {
    const p = byIndex.get(i);
    count.push([p ? (p.countFormula ?? COUNT_ERROR) : '']);
    refreshed.push([p ? (p.kept ? (p.segment.refreshed ? new Date(p.segment.refreshed) : '') : stamp) : '']);
    notes.push([p?.error ?? '']);
  }
  const sheet = tab.sheet;
  if (tab.refreshedColumn === tab.countColumn + 1) {
    sheet.getRange(2, tab.countColumn + 1, tab.rowCount, 2).setValues(count.map((c, i) => [c[0], refreshed[i][0]]));
  } else {
    sheet.getRange(2, tab.countColumn + 1, tab.rowCount, 1).setValues(count);
    sheet.getRange(2, tab.refreshedColumn + 1, tab.rowCount, 1).setValues(refreshed);
  }
  sheet.getRange(2, tab.ruleColumn + 1, tab.rowCount, 1).setNotes(notes);
}

/**
 * The saved segment's row, whole: Name, Rule, Description, its live Count and Refreshed (and the
 * Columns cell as it was, when it sits among them) in one write; text stays text (writeRange).
 * Its Rule note is written when there may be one to change: an edit (the old rule's error) or an
 * error now; a new row below the others has none.
 */
function writeSavedRow(tab: SegmentsTab, saved: SavedRow, p: Planned | undefined, stamp: Date): void {
  const sheet = tab.sheet;
  const row = saved.index + 2;
  const cells = new Map<number, unknown>([
    [tab.nameColumn, saved.name],
    [tab.ruleColumn, saved.rule],
    [tab.countColumn, p?.countFormula ? new SheetFormula(p.countFormula) : COUNT_ERROR],
    [tab.refreshedColumn, stamp],
  ]);
  if (tab.descriptionColumn >= 0) cells.set(tab.descriptionColumn, saved.description);
  const columnsColumn = new Columns(tab.header).indexOf('Columns');
  if (columnsColumn >= 0) cells.set(columnsColumn, saved.columns);
  const at = [...cells.keys()].sort((a, b) => a - b);
  if (at[at.length - 1] - at[0] + 1 === at.length) {
    const range = () => sheet.getRange(row, at[0] + 1, 1, at.length);
    let target: GoogleAppsScript.Spreadsheet.Range;
    try {
      target = range();
    } catch (err) {
      // A new row below the grid: Sheets refuses the range, so the grid grows first (no size asked when the row fits).
      const maxRows = sheet.getMaxRows();
      if (!saved.isNew || row <= maxRows) throw err;
      sheet.insertRowsAfter(maxRows, row - maxRows);
      target = range();
    }
    writeRange(target, [at.map((c) => cells.get(c))]);
  } else {
    // A Segments tab with other columns among these: each cell on its own, leaving those alone.
    for (const c of at) writeRange(sheet.getRange(row, c + 1), [[cells.get(c)]]);
  }
  const error = p?.error ?? '';
  if (!saved.isNew || error !== '') sheet.getRange(row, tab.ruleColumn + 1).setNote(error);
}

/** Dates and stamps keep their look in segment tabs; other columns show what Sheets computes. */
function columnFormats(header: readonly string[], fields: readonly FieldDef[]): (string | undefined)[] {
  const byName = new Map(fields.map((f) => [f.name.trim().toLowerCase(), f]));
  return header.map((h) => {
    const key = h.trim().toLowerCase();
    if (key === 'created' || key === 'updated') return STAMP_FORMAT;
    const type = byName.get(key)?.type;
    return type === 'date' ? DATE_FORMAT : type === 'money' ? MONEY_FORMAT : undefined;
  });
}
