/**
 * Turns a set of cell changes into a few rectangular setValues blocks without
 * disturbing the cells between them: an unchanged cell inside a block is
 * rewritten with its own value (the writer keeps strings literal per cell).
 */

export interface CellChange {
  /** 0-based index into the data rows read (row 0 is sheet row `firstRow`). */
  row: number;
  /** 0-based column index. */
  column: number;
  value: unknown;
}

/** A change to a row, with that row's Updated and Updated by stamps (a stamp column of -1 is left out: the tab has none). */
export function stampedChange(row: number, column: number, value: unknown, stampColumns: readonly number[], stamp: Date, user: string): CellChange[] {
  const changes: CellChange[] = [{ row, column, value }];
  if (stampColumns[0] >= 0) changes.push({ row, column: stampColumns[0], value: stamp });
  if (stampColumns[1] >= 0) changes.push({ row, column: stampColumns[1], value: user });
  return changes;
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
 * One block per run of cells to write. All changes in one row (a sidebar
 * save) make one horizontal run; otherwise each changed column makes one
 * vertical run over the changed rows (bulk fixes, stage moves). A run is cut
 * around an unchanged formula cell, which is never rewritten: in a plain-text
 * column it would come back as text. The number of blocks does not grow with
 * the number of rows.
 */
export function planWrites(changes: readonly CellChange[], region: RegionSnapshot): WriteBlock[] {
  if (changes.length === 0) return [];
  const changed = new Map(changes.map((c) => [cellKey(c.row, c.column), c.value]));
  const keepsFormula = (row: number, column: number) => !changed.has(cellKey(row, column)) && !!region.formulas[row]?.[column];
  const cell = (row: number, column: number): unknown => {
    const key = cellKey(row, column);
    return changed.has(key) ? changed.get(key) : (region.values[row]?.[column] ?? '');
  };
  const blocks: WriteBlock[] = [];
  const rows = new Set(changes.map((c) => c.row));
  if (rows.size === 1) {
    const row = changes[0].row;
    const [from, to] = span(changes.map((c) => c.column));
    for (const [a, b] of runs(from, to, (column) => keepsFormula(row, column))) {
      blocks.push({ row: region.firstRow + row, column: a + 1, values: [Array.from({ length: b - a + 1 }, (_, i) => cell(row, a + i))] });
    }
    return blocks;
  }
  const byColumn = new Map<number, number[]>();
  for (const c of changes) {
    const list = byColumn.get(c.column);
    if (list) list.push(c.row);
    else byColumn.set(c.column, [c.row]);
  }
  for (const [column, rowList] of [...byColumn.entries()].sort((a, b) => a[0] - b[0])) {
    const [from, to] = span(rowList);
    for (const [a, b] of runs(from, to, (row) => keepsFormula(row, column))) {
      blocks.push({ row: region.firstRow + a, column: column + 1, values: Array.from({ length: b - a + 1 }, (_, i) => [cell(a + i, column)]) });
    }
  }
  return blocks;
}

/** Maximal [start, end] runs within [from, to] that skip the positions where `skip` holds. */
function runs(from: number, to: number, skip: (i: number) => boolean): [number, number][] {
  const result: [number, number][] = [];
  let start = -1;
  for (let i = from; i <= to; i++) {
    if (skip(i)) {
      if (start >= 0) result.push([start, i - 1]);
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) result.push([start, to]);
  return result;
}
