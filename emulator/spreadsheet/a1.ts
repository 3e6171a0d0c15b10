/** A1 notation: column letters, parsing (with sheet names and open ends) and printing. */

export interface GridRect {
  row: number; // 1-based
  col: number;
  numRows: number;
  numCols: number;
}

/** Parsed A1: a missing row or column bound means "to the edge of the sheet". */
export interface A1Ref {
  sheet?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export function columnLetters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function rectA1(rect: GridRect): string {
  const start = cellA1(rect.row, rect.col);
  if (rect.numRows === 1 && rect.numCols === 1) return start;
  return `${start}:${cellA1(rect.row + rect.numRows - 1, rect.col + rect.numCols - 1)}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parseEnd(text: string): { row?: number; col?: number } | null {
  const m = CELL.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] ? Number(m[2]) : undefined;
  if (row === 0) return null;
  return { col: m[1] ? columnIndex(m[1]) : undefined, row };
}

export class RangeNotFound extends Error {
  constructor() {
    super('Range not found');
  }
}

/** Splits off a sheet name ("'My sheet'!A1:B2", "Clients!A:A"); throws 'Range not found' if malformed. */
export function parseA1(text: string): A1Ref {
  let rest = String(text).trim();
  let sheet: string | undefined;
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(rest);
  if (quoted) {
    sheet = quoted[1].replace(/''/g, "'");
    rest = quoted[2];
  } else {
    const bang = rest.lastIndexOf('!');
    if (bang >= 0) {
      sheet = rest.slice(0, bang);
      rest = rest.slice(bang + 1);
    }
  }
  const halves = rest.split(':');
  if (halves.length > 2 || !rest) throw new RangeNotFound();
  const a = parseEnd(halves[0]);
  const b = halves.length === 2 ? parseEnd(halves[1]) : a;
  if (!a || !b) throw new RangeNotFound();
  if (halves.length === 1 && (a.row === undefined || a.col === undefined)) throw new RangeNotFound();
  // "A:A" and "1:3" are whole columns / rows; "A2:A" is open at the bottom.
  if ((a.col === undefined) !== (b.col === undefined) && a.row === undefined) throw new RangeNotFound();
  const rows = [a.row, b.row].filter((r): r is number => r !== undefined);
  const cols = [a.col, b.col].filter((c): c is number => c !== undefined);
  const ref: A1Ref = { sheet };
  if (a.col !== undefined && b.col !== undefined) {
    ref.startCol = Math.min(a.col, b.col);
    ref.endCol = Math.max(a.col, b.col);
  } else if (cols.length) {
    ref.startCol = cols[0];
  }
  if (a.row !== undefined && b.row !== undefined) {
    ref.startRow = Math.min(a.row, b.row);
    ref.endRow = Math.max(a.row, b.row);
  } else if (rows.length) {
    ref.startRow = rows[0];
  }
  return ref;
}

/** The rectangle an A1 reference covers on a sheet of the given size (open ends reach the edge). */
export function resolveA1(ref: A1Ref, maxRows: number, maxCols: number): GridRect {
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  const endRow = ref.endRow ?? maxRows;
  const endCol = ref.endCol ?? maxCols;
  return { row, col, numRows: Math.max(1, endRow - row + 1), numCols: Math.max(1, endCol - col + 1) };
}
