/**
 * Turns a set of cell changes into a few rectangular setValues blocks without
 * disturbing the cells between them: an unchanged cell inside a block is
 * rewritten with its own formula, or its own value kept literal.
 */
import { asLiteral } from './literal';

export interface CellChange {
  /** 0-based index into the data rows read (row 0 is sheet row `firstRow`). */
  row: number;
  /** 0-based column index. */
  column: number;
  value: unknown;
}

export interface WriteBlock {
  /** 1-based sheet row and column of the top-left cell. */
  row: number;
  column: number;
  values: unknown[][];
}

export interface RegionSnapshot {
  values: readonly (readonly unknown[])[];
  /** As getFormulas returns them: '' where a cell holds no formula. */
  formulas: readonly (readonly string[])[];
  /** Sheet row of values[0]. */
  firstRow: number;
  /** Columns formatted as plain text ('@'), where strings are stored verbatim. */
  plainTextColumns: ReadonlySet<number>;
}

/** Min and max without spreading: a 50k-element spread overflows some engines' argument limits. */
function span(numbers: readonly number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const n of numbers) {
    if (n < min) min = n;
    if (n > max) max = n;
  }
  return [min, max];
}

function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}

/**
 * One block when every change is in one row (a sidebar save), otherwise one
 * block per changed column spanning the changed rows (bulk fixes, stage moves).
 * Either way the number of blocks does not grow with the number of rows.
 */
export function planWrites(changes: readonly CellChange[], region: RegionSnapshot): WriteBlock[] {
  if (changes.length === 0) return [];
  const changed = new Map(changes.map((c) => [cellKey(c.row, c.column), c.value]));
  const cell = (row: number, column: number): unknown => {
    const key = cellKey(row, column);
    if (changed.has(key)) return asLiteral(changed.get(key), region.plainTextColumns.has(column));
    const formula = region.formulas[row]?.[column];
    if (formula) return formula;
    return asLiteral(region.values[row]?.[column] ?? '', region.plainTextColumns.has(column));
  };
  const rows = new Set(changes.map((c) => c.row));
  if (rows.size === 1) {
    const row = changes[0].row;
    const [from, to] = span(changes.map((c) => c.column));
    const values = [Array.from({ length: to - from + 1 }, (_, i) => cell(row, from + i))];
    return [{ row: region.firstRow + row, column: from + 1, values }];
  }
  const byColumn = new Map<number, number[]>();
  for (const c of changes) {
    const list = byColumn.get(c.column);
    if (list) list.push(c.row);
    else byColumn.set(c.column, [c.row]);
  }
  return [...byColumn.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([column, rowList]) => {
      const [from, to] = span(rowList);
      const values = Array.from({ length: to - from + 1 }, (_, i) => [cell(from + i, column)]);
      return { row: region.firstRow + from, column: column + 1, values };
    });
}
