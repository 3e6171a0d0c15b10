/**
 * The grid's selection as Sheets keeps it: a current cell, the range being
 * extended from it (Shift), and earlier ranges (Ctrl/Cmd+click), written as
 * the A1 list the emulator's active range list takes. Rows and columns are 1-based.
 */
export interface Cell {
  row: number;
  col: number;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The rectangle two opposite corners span, in whichever order they were given. */
export function rectOf(a: Cell, b: Cell): Rect {
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function columnName(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export const a1Of = (cell: Cell): string => `${columnName(cell.col)}${cell.row}`;

/** "B2:C3,E5": one cell stays a cell. */
export function rangesA1(ranges: readonly Rect[]): string {
  return ranges
    .map((r) => {
      const start = a1Of({ row: r.top, col: r.left });
      return r.top === r.bottom && r.left === r.right ? start : `${start}:${a1Of({ row: r.bottom, col: r.right })}`;
    })
    .join(',');
}

/** One step in an arrow's direction (the caller keeps it inside the grid). */
export function moved(cell: Cell, arrow: string): Cell {
  switch (arrow) {
    case 'ArrowUp':
      return { row: cell.row - 1, col: cell.col };
    case 'ArrowDown':
      return { row: cell.row + 1, col: cell.col };
    case 'ArrowLeft':
      return { row: cell.row, col: cell.col - 1 };
    case 'ArrowRight':
      return { row: cell.row, col: cell.col + 1 };
    default:
      return cell;
  }
}

export function within(ranges: readonly Rect[], cell: Cell): boolean {
  return ranges.some((r) => cell.row >= r.top && cell.row <= r.bottom && cell.col >= r.left && cell.col <= r.right);
}
