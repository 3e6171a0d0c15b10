/** Array arithmetic over grids, broadcasting like ARRAYFORMULA: a 1-row or 1-column side repeats, a missing cell is #N/A. */
import { err, isError, type Grid, type Scalar } from './values';

export function width(g: Grid): number {
  return g[0]?.length ?? 0;
}

export function lift(args: Grid[], f: (...values: Scalar[]) => Scalar): Grid {
  if (args.every((a) => a.length === 1 && width(a) === 1)) return [[f(...args.map((a) => a[0][0]))]];
  const rows = Math.max(...args.map((a) => a.length));
  const cols = Math.max(...args.map(width));
  const out: Grid = new Array(rows);
  if (args.length === 1 && cols === 1) {
    const [a] = args;
    for (let i = 0; i < rows; i++) out[i] = [f(a.length === 1 ? a[0][0] : a[i][0])];
    return out;
  }
  if (args.length === 2 && cols === 1 && args.every((g) => width(g) === 1 && (g.length === 1 || g.length === rows))) {
    const [a, b] = args;
    for (let i = 0; i < rows; i++) out[i] = [f(a.length === 1 ? a[0][0] : a[i][0], b.length === 1 ? b[0][0] : b[i][0])];
    return out;
  }
  const values: Scalar[] = new Array(args.length);
  for (let i = 0; i < rows; i++) {
    const line: Scalar[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      for (let k = 0; k < args.length; k++) values[k] = pick(args[k], i, j);
      line[j] = f(...values);
    }
    out[i] = line;
  }
  return out;
}

function pick(g: Grid, i: number, j: number): Scalar {
  const r = g.length === 1 ? 0 : i;
  const row = g[r];
  if (!row) return err('#N/A', 'array sizes differ');
  const c = row.length === 1 ? 0 : j;
  return c < row.length ? row[c] : err('#N/A', 'array sizes differ');
}

/** The first error among values, for functions that pass errors through. */
export function firstError(values: Scalar[]): Scalar | undefined {
  return values.find(isError);
}

export function cells(g: Grid): Scalar[] {
  const out: Scalar[] = [];
  for (const row of g) for (const v of row) out.push(v);
  return out;
}
