/**
 * What a person does in the sheet while a script runs, applied to the model
 * directly (uncounted: it is not the script's call). Sorting in Sheets moves
 * whole rows, with their notes, colours, formats and validation
 * (support.google.com/docs/answer/3540681); inserting a row shifts everything below.
 */
import type { SheetModel, SpreadsheetModel } from './spreadsheet/model';
import { isDateValue } from './time';

function sortKey(v: unknown): string | number {
  if (isDateValue(v)) return v.getTime();
  if (typeof v === 'number') return v;
  return String(v ?? '').toLowerCase();
}

/** Sorts the data rows (below a one-row header) by a 1-based column, whole rows moving. */
export function sortSheetRows(model: SpreadsheetModel, sheet: SheetModel, column: number, ascending: boolean): void {
  const last = model.lastRow(sheet);
  if (last < 3) return;
  const values = model.readValues(sheet, { row: 2, col: column, numRows: last - 1, numCols: 1 }).map((r) => r[0]);
  const order = values.map((_, i) => i);
  order.sort((a, b) => {
    const ka = sortKey(values[a]);
    const kb = sortKey(values[b]);
    const blankA = ka === '';
    const blankB = kb === '';
    if (blankA !== blankB) return blankA ? 1 : -1;
    if (typeof ka !== typeof kb) return typeof ka === 'number' ? -1 : 1;
    const cmp = ka < kb ? -1 : ka > kb ? 1 : 0;
    return (ascending ? cmp : -cmp) || a - b;
  });
  for (const layer of sheet.layers()) {
    const old = layer.rows.slice(1, last);
    order.forEach((from, i) => {
      layer.rows[1 + i] = old[from] ? old[from].slice() : (undefined as never);
    });
  }
  model.touchCells(sheet);
}

/** Inserts one empty row before the 1-based `row`, as Insert 1 row above does (formats inherited from the row above). */
export function insertSheetRow(model: SpreadsheetModel, sheet: SheetModel, row: number): void {
  model.insertRows(sheet, row, 1, row > 1 ? row - 1 : undefined);
}
