/**
 * A tab as it stood before a bulk operation, in a form that survives being
 * stored in cells: values (dates tagged), formulas, and each column's number
 * format, so a restore puts back exactly what was there.
 */
import { isDate } from '../values';

export interface TabImage {
  tab: string;
  /** Cell contents: a formula string where the cell had a formula, otherwise its value. */
  cells: unknown[][];
  /** Which cells of `cells` are formulas, as [row, column] pairs (formulas are rare). */
  formulaCells: [number, number][];
  /** Number format of each column's first data cell. */
  columnFormats: string[];
  /** The tab was renamed by the operation (adoption turns "Sheet1" into "Clients"): a restore renames it back. */
  renamedTo?: string;
  /**
   * The operation restructured the tab (adoption adds columns, formats, dropdowns and
   * protections): a restore removes those before putting the values back.
   */
  restructured?: boolean;
  /** Notes and background colours as [row, column, text] for the cells that have one: they belong to their row, not to a position. */
  notes?: [number, number, string][];
  backgrounds?: [number, number, string][];
  /** The team's own dropdowns and rules as [row, column, index into `rules`], for a tab an operation restructures. */
  validations?: [number, number, number][];
  rules?: StoredRule[];
}

/** A data validation rule as plain data: its criteria, their values (a range as `{ a1 }`, a date as `{ d }`), and its options. */
export interface StoredRule {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** The cells of a grid that differ from the default (no note, white), as [row, column, value]. */
export function sparseCells(grid: readonly (readonly string[])[], plain: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v && v !== plain) out.push([r, c, v]);
    }),
  );
  return out;
}

/** A rows × cols grid filled with `plain`, the sparse cells set. */
export function denseCells(cells: readonly [number, number, string][], rows: number, cols: number, plain: string): string[][] {
  const grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => plain));
  for (const [r, c, v] of cells) if (r < rows && c < cols) grid[r][c] = v;
  return grid;
}

export function imageOf(tab: string, values: readonly (readonly unknown[])[], formulas: readonly (readonly string[])[], columnFormats: string[]): TabImage {
  const formulaCells: [number, number][] = [];
  const cells = values.map((row, r) =>
    row.map((v, c) => {
      const f = formulas[r]?.[c];
      if (f) {
        formulaCells.push([r, c]);
        return f;
      }
      return v;
    }),
  );
  return { tab, cells, formulaCells, columnFormats };
}

/** JSON in which Dates survive the round trip (tagged as {$date: iso}). */
export function toTaggedJson(value: unknown): string {
  // Date#toJSON runs before a replacer sees the value, so look at the holder's raw property.
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return isDate(raw) ? { $date: raw.toISOString() } : v;
  });
}

export function fromTaggedJson<T>(json: string): T {
  // Reviver runs inside-out: a {$date} object becomes a Date before its parent is built.
  return JSON.parse(json, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value) && typeof value.$date === 'string' && Object.keys(value).length === 1
      ? new Date(value.$date)
      : value,
  ) as T;
}

export function encodeImages(images: readonly TabImage[]): string {
  return toTaggedJson(images);
}

export function decodeImages(json: string): TabImage[] {
  return fromTaggedJson<TabImage[]>(json);
}

/** Sheets holds at most 50,000 characters a cell; stay well below it. */
export const CHUNK_SIZE = 45_000;

export function chunk(text: string, size = CHUNK_SIZE): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts.length ? parts : [''];
}
