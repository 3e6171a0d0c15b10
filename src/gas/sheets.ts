/**
 * Batched access to the add-on's tabs: one getValues per read, one setValues
 * per contiguous block written. Nothing here loops over rows with service calls.
 */
import { canonicalHeaders } from '../core/i18n/sheet-words';
import { asLiteral, looksParsedBySheets, SheetFormula } from '../core/sheet/literal';
import { TAB } from '../core/schema/tabs';
import type { CellValue } from '../core/values';
import { documentLockHeld } from './lock-state';
import { activeSpreadsheet } from './handle-memo';
import { queueLogRows } from './log-queue';
import { bumpClientsVersion } from './clients-version';
import { bumpBaseVersion } from './base-cache';
import { languageOfTab, resolveSheet } from './tab-keys';
import { localAuditRows } from '../core/i18n/audit-words';
import { localSnapshotRows } from '../core/i18n/snapshot-reasons';

/** Writes to Clients move the version stamp open sidebars poll (src/gas/clients-version.ts). */
function written(tab: string): void {
  if (tab === TAB.clients) bumpClientsVersion();
  else if (tab === TAB.fields || tab === TAB.settings) bumpBaseVersion();
}

export interface Table {
  tab: string;
  header: string[];
  /** Data rows below the header, as getValues returns them. Row i is sheet row i + 2. */
  rows: CellValue[][];
}

export const FIRST_DATA_ROW = 2;

export function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return activeSpreadsheet();
}

/** A tab by its key (TAB.*), whatever the spreadsheet's language or a rename made of its name (gas/tab-keys.ts). */
export function findSheet(tab: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  return resolveSheet(spreadsheet(), tab);
}

export function requireSheet(tab: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = findSheet(tab);
  if (!sheet) throw new Error(`The "${tab}" tab is missing. Run ClientBase ▸ Set up.`);
  return sheet;
}

/** The whole used area of a tab in one call; null when the tab does not exist. */
export function readTable(tab: string): Table | null {
  const sheet = findSheet(tab);
  if (!sheet) return null;
  return tableFromValues(tab, sheet.getDataRange().getValues() as CellValue[][]);
}

export function tableFromValues(tab: string, values: CellValue[][]): Table {
  const [header = [], ...rows] = values;
  // A tab set up in another language has its headers in it: the code knows them by their English names.
  const headerText = canonicalHeaders(
    tab,
    header.map((h) => String(h).trim()),
  );
  const nonEmpty = rows.filter((r) => r.some((v) => v !== ''));
  // Trailing blank rows come back from getDataRange when formatting extends below the data.
  return { tab, header: headerText, rows: nonEmpty.length === rows.length ? rows : trimTrailingBlank(rows) };
}

function trimTrailingBlank(rows: CellValue[][]): CellValue[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((v) => v === '')) end--;
  return rows.slice(0, end);
}

/**
 * setValues that keeps every string exactly as written, whatever each target
 * cell's format is NOW: a paste from another sheet or a cleared format turns a
 * plain-text cell automatic, and a formatted tab may have been made before
 * Set up. When a string could be parsed (=, +, -, @, digits, TRUE…), the
 * block's formats are read (one call) and each such string gets a literal
 * apostrophe unless its own cell is plain text, where Sheets keeps it verbatim.
 */
export function writeRange(range: GoogleAppsScript.Spreadsheet.Range, values: unknown[][]): void {
  const parseable = values.some((row) => row.some((v) => typeof v === 'string' && looksParsedBySheets(v)));
  if (!parseable) {
    // A formula the add-on means (SheetFormula) goes as its text; nothing else needs a look at the formats.
    const formulas = values.some((row) => row.some((v) => v instanceof SheetFormula));
    range.setValues(formulas ? values.map((row) => row.map((v) => (v instanceof SheetFormula ? v.text : v))) : values);
    return;
  }
  const formats = range.getNumberFormats();
  range.setValues(values.map((row, r) => row.map((v, c) => asLiteral(v, formats[r]?.[c] === '@'))));
}

/** Writes a rectangular block with its top-left cell at (row, column), 1-based. */
export function writeBlock(tab: string, row: number, column: number, values: unknown[][]): void {
  if (values.length === 0 || values[0].length === 0) return;
  writeRange(requireSheet(tab).getRange(row, column, values.length, values[0].length), values);
  written(tab);
}

/** Tabs that only grow, written by every kind of execution at once. */
const LOG_TABS: ReadonlySet<string> = new Set([TAB.audit, TAB.interactions, TAB.mailings]);

/**
 * Appends rows below the last used row in one write. "Last row + 1" is only
 * safe under the document lock: two executions reading getLastRow before
 * either writes pick the same row and one loses its rows. So rows for a log
 * tab appended outside the lock are queued (gas/log-queue.ts) for the next
 * locked write instead; the returned row is then 0.
 */
export function appendRows(tab: string, values: unknown[][], options: { oneCall?: boolean } = {}): number {
  if (values.length === 0) return 0;
  if (LOG_TABS.has(tab) && !documentLockHeld() && queueLogRows(tab, values)) return 0;
  const sheet = requireSheet(tab);
  // Audit's fixed words and snapshot reasons in the base's language; other log tabs hold codes or the user's own text.
  const rows =
    tab === TAB.audit ? localAuditRows(values, languageOfTab(sheet)) : tab === TAB.snapshots ? localSnapshotRows(values, languageOfTab(sheet)) : values;
  // Sheet.appendRow parses its strings as typed text, so it is used only when none would change; the caller
  // does not need the row number (appendRow does not say it). Three calls fewer than getLastRow/getMaxRows/setValues.
  if (options.oneCall && rows.length === 1 && !rows[0].some((v) => v instanceof SheetFormula || (typeof v === 'string' && looksParsedBySheets(v)))) {
    sheet.appendRow(rows[0]);
    written(tab);
    return 0;
  }
  const start = sheet.getLastRow() + 1;
  const maxRows = sheet.getMaxRows();
  const needed = start + rows.length - 1 - maxRows;
  if (needed > 0) sheet.insertRowsAfter(maxRows, needed);
  writeRange(sheet.getRange(start, 1, rows.length, rows[0].length), rows);
  written(tab);
  return start;
}

export interface EditableTable extends Table {
  formulas: string[][];
}

/**
 * A tab read for a read-modify-write: values and formulas (so unchanged
 * formula cells inside a write block survive). Two reads whatever the number
 * of rows; which cells are plain text is decided per cell at write time.
 */
export function readEditableTable(tab: string): EditableTable | null {
  const sheet = findSheet(tab);
  if (!sheet) return null;
  const range = sheet.getDataRange();
  const values = range.getValues() as CellValue[][];
  const formulas = range.getFormulas();
  const table = tableFromValues(tab, values);
  return { ...table, formulas: formulas.slice(1, 1 + table.rows.length) };
}

/** Notes and background colours of a tab's data rows (row i is sheet row i + 2): two reads. */
export function readRowLooks(tab: string): { notes: string[][]; backgrounds: string[][] } {
  const sheet = findSheet(tab);
  if (!sheet) return { notes: [], backgrounds: [] };
  const range = sheet.getDataRange();
  return { notes: range.getNotes().slice(1), backgrounds: range.getBackgrounds().slice(1) };
}

/** Sets notes and background colours of a block of rows starting at sheet row `row`: two writes. */
export function writeRowLooks(tab: string, row: number, notes: string[][], backgrounds: string[][]): void {
  if (notes.length === 0 || notes[0].length === 0) return;
  const range = requireSheet(tab).getRange(row, 1, notes.length, notes[0].length);
  range.setNotes(notes);
  range.setBackgrounds(backgrounds);
}

export function writeBlocks(tab: string, blocks: ReadonlyArray<{ row: number; column: number; values: unknown[][] }>): void {
  if (blocks.length === 0) return;
  const sheet = requireSheet(tab);
  for (const b of blocks) writeRange(sheet.getRange(b.row, b.column, b.values.length, b.values[0].length), b.values);
  written(tab);
}

/** Replaces every data row of a tab (below the header) in two calls, so no stale row survives. */
export function replaceDataRows(tab: string, values: unknown[][]): void {
  const sheet = requireSheet(tab);
  const last = sheet.getLastRow();
  if (last >= FIRST_DATA_ROW) sheet.getRange(FIRST_DATA_ROW, 1, last - 1, sheet.getLastColumn()).clearContent();
  writeBlock(tab, FIRST_DATA_ROW, 1, values);
}
