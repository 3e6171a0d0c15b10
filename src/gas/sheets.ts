/**
 * Batched access to the add-on's tabs: one getValues per read, one setValues
 * per contiguous block written. Nothing here loops over rows with service calls.
 */
import type { CellValue } from '../core/values';

export interface Table {
  tab: string;
  header: string[];
  /** Data rows below the header, as getValues returns them. Row i is sheet row i + 2. */
  rows: CellValue[][];
}

export const FIRST_DATA_ROW = 2;

export function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export function findSheet(tab: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  return spreadsheet().getSheetByName(tab);
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
  const headerText = header.map((h) => String(h).trim());
  const nonEmpty = rows.filter((r) => r.some((v) => v !== ''));
  // Trailing blank rows come back from getDataRange when formatting extends below the data.
  return { tab, header: headerText, rows: nonEmpty.length === rows.length ? rows : trimTrailingBlank(rows) };
}

function trimTrailingBlank(rows: CellValue[][]): CellValue[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((v) => v === '')) end--;
  return rows.slice(0, end);
}

/** Writes a rectangular block with its top-left cell at (row, column), 1-based. */
export function writeBlock(tab: string, row: number, column: number, values: unknown[][]): void {
  if (values.length === 0 || values[0].length === 0) return;
  requireSheet(tab).getRange(row, column, values.length, values[0].length).setValues(values);
}

/** Appends rows below the last used row in one write. */
export function appendRows(tab: string, values: unknown[][]): number {
  if (values.length === 0) return 0;
  const sheet = requireSheet(tab);
  const start = sheet.getLastRow() + 1;
  const needed = start + values.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet.getRange(start, 1, values.length, values[0].length).setValues(values);
  return start;
}

export interface EditableTable extends Table {
  formulas: string[][];
  plainTextColumns: Set<number>;
}

/**
 * A tab read for a read-modify-write: values, formulas (so unchanged formula
 * cells inside a write block survive) and which columns are plain text.
 * Three reads whatever the number of rows.
 */
export function readEditableTable(tab: string): EditableTable | null {
  const sheet = findSheet(tab);
  if (!sheet) return null;
  const range = sheet.getDataRange();
  const values = range.getValues() as CellValue[][];
  const formulas = range.getFormulas();
  const width = values[0]?.length ?? 0;
  const formats = width > 0 ? sheet.getRange(FIRST_DATA_ROW, 1, 1, width).getNumberFormats()[0] : [];
  const plainTextColumns = new Set<number>();
  formats.forEach((f, i) => f === '@' && plainTextColumns.add(i));
  const table = tableFromValues(tab, values);
  return { ...table, formulas: formulas.slice(1, 1 + table.rows.length), plainTextColumns };
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
  for (const b of blocks) sheet.getRange(b.row, b.column, b.values.length, b.values[0].length).setValues(b.values);
}

/** Replaces every data row of a tab (below the header) in two calls, so no stale row survives. */
export function replaceDataRows(tab: string, values: unknown[][]): void {
  const sheet = requireSheet(tab);
  const last = sheet.getLastRow();
  if (last >= FIRST_DATA_ROW) sheet.getRange(FIRST_DATA_ROW, 1, last - 1, sheet.getLastColumn()).clearContent();
  writeBlock(tab, FIRST_DATA_ROW, 1, values);
}
