/**
 * Reading a few rows of a big tab without reading the tab: the header, one
 * key column, or the rows whose key cell equals a value (found by
 * TextFinder, which searches on Google's side and returns only the matches).
 * Matching rows are read in blocks of consecutive rows, so the number of
 * calls grows with the rows asked for (bounded by the caller), never with the
 * size of the tab.
 */
import { canonicalHeaders } from '../core/i18n/sheet-words';
import type { CellValue } from '../core/values';
import { FIRST_DATA_ROW, findSheet } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface KeyedSheet {
  sheet: Sheet;
  header: string[];
  lastRow: number;
  width: number;
}

/** The tab's header row and extent, in three calls; null when the tab does not exist. */
export function openKeyed(tab: string): KeyedSheet | null {
  const sheet = findSheet(tab);
  if (!sheet) return null;
  const width = sheet.getLastColumn();
  const lastRow = sheet.getLastRow();
  if (width < 1 || lastRow < 1) return { sheet, header: [], lastRow: 0, width: 0 };
  const header = canonicalHeaders(
    tab,
    (sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]).map((h) => String(h).trim()),
  );
  return { sheet, header, lastRow, width };
}

/** One column's data cells (below the header), in one call; index i is sheet row i + 2. */
export function readColumn(keyed: KeyedSheet, column: number): CellValue[] {
  if (column < 1 || keyed.lastRow < FIRST_DATA_ROW) return [];
  return keyed.sheet
    .getRange(FIRST_DATA_ROW, column, keyed.lastRow - 1, 1)
    .getValues()
    .map((r) => r[0] as CellValue);
}

/**
 * Sheet rows (1-based, ascending) whose cell in `column` shows exactly `key`.
 * TextFinder ignores case unless told; matchCase keeps "c-1" from finding "C-1".
 */
export function findRowsByKey(keyed: KeyedSheet, column: number, key: string): number[] {
  if (column < 1 || !key || keyed.lastRow < FIRST_DATA_ROW) return [];
  return keyed.sheet
    .getRange(FIRST_DATA_ROW, column, keyed.lastRow - 1, 1)
    .createTextFinder(key)
    .matchCase(true)
    .matchEntireCell(true)
    .findAll()
    .map((r) => r.getRow());
}

/** The full rows at the given sheet rows, one getValues per run of consecutive rows. */
export function readRows(keyed: KeyedSheet, rows: readonly number[]): Map<number, CellValue[]> {
  const out = new Map<number, CellValue[]>();
  const sorted = [...new Set(rows)].filter((r) => r >= FIRST_DATA_ROW && r <= keyed.lastRow).sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const values = keyed.sheet.getRange(sorted[i], 1, j - i + 1, keyed.width).getValues() as CellValue[][];
    values.forEach((v, k) => out.set(sorted[i] + k, v));
    i = j + 1;
  }
  return out;
}

/** The last `count` data rows (or all of them when fewer), oldest first, in one call. */
export function readTail(keyed: KeyedSheet, count: number): CellValue[][] {
  if (keyed.lastRow < FIRST_DATA_ROW || count < 1 || keyed.width < 1) return [];
  const first = Math.max(FIRST_DATA_ROW, keyed.lastRow - count + 1);
  return keyed.sheet.getRange(first, 1, keyed.lastRow - first + 1, keyed.width).getValues() as CellValue[][];
}
