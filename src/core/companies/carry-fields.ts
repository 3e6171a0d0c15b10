/**
 * What a new company takes from its people's rows besides its name and tax
 * ID: every company field the Clients rows also have (Address, City, Sector,
 * Stage, Manager…, matched by the field's key, else by its name), so a flat
 * list's company columns are not left behind in Clients. The people keep
 * their own cells; the company gets the value most of its people have (the
 * first person's spelling on a tie) and, when they differ, the person
 * confirming sees every value. Rating and Rating comment are a person's own
 * judgement, not the company's, and are not carried.
 */
import type { FieldDef } from '../schema/field';
import { cellText } from '../values';

/** Handled by grouping (Name, Tax ID) or a person's own (Rating). */
const NOT_CARRIED = new Set(['company', 'taxId', 'rating', 'ratingComment', 'companyId']);
const MAX_CONFLICT_VALUES = 10;
const MAX_SHOWN_CHARS = 200;

export interface CarrySource {
  /** The company field's name (Companies header). */
  companyField: string;
  /** Where the person's value is: an index into the person's row. */
  column: number;
}

export interface CarriedValues {
  /** Company field name → the value to write (as the person's cell held it). */
  values: Record<string, unknown>;
  /** Fields whose people disagree: every distinct value (as text), the kept one first. */
  conflicts: { field: string; values: string[] }[];
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Which column of a people's row feeds which company field. `clientFields`
 * and `header` describe the rows: the Clients fields (for keys) and the row's
 * header (for columns).
 */
export function carrySources(companyFields: readonly FieldDef[], clientFields: readonly FieldDef[], header: readonly unknown[]): CarrySource[] {
  const columnOf = new Map<string, number>();
  header.forEach((h, i) => {
    const name = fold(cellText(h));
    if (name && !columnOf.has(name)) columnOf.set(name, i);
  });
  const sources: CarrySource[] = [];
  const used = new Set<number>();
  for (const f of companyFields) {
    if (f.key && NOT_CARRIED.has(f.key)) continue;
    const byKey = f.key ? clientFields.find((c) => c.key === f.key) : undefined;
    const column = columnOf.get(fold(byKey?.name ?? f.name));
    if (column === undefined || used.has(column)) continue;
    // A client column of another key under the company field's name is not the same thing.
    const clientField = clientFields.find((c) => fold(c.name) === fold(cellText(header[column])));
    if (!byKey && clientField?.key && NOT_CARRIED.has(clientField.key)) continue;
    used.add(column);
    sources.push({ companyField: f.name, column });
  }
  return sources;
}

/**
 * The company's values from its people's rows. `isFormula(row, column)` marks
 * cells whose value is a formula's: a formula belongs to its own row and is
 * not copied.
 */
export function carryValues(
  sources: readonly CarrySource[],
  rows: readonly (readonly unknown[])[],
  isFormula: (row: number, column: number) => boolean = () => false,
): CarriedValues {
  const out: CarriedValues = { values: {}, conflicts: [] };
  for (const s of sources) {
    const seen = new Map<string, { count: number; value: unknown; order: number }>();
    rows.forEach((row, r) => {
      const value = row[s.column];
      if (isFormula(r, s.column)) return;
      const text = cellText(value).replace(/\s+/g, ' ').trim();
      if (!text) return;
      const held = seen.get(text);
      if (held) held.count++;
      else seen.set(text, { count: 1, value, order: seen.size });
    });
    if (seen.size === 0) continue;
    const ranked = [...seen.entries()].sort((a, b) => b[1].count - a[1].count || a[1].order - b[1].order);
    out.values[s.companyField] = ranked[0][1].value;
    if (ranked.length > 1) {
      out.conflicts.push({
        field: s.companyField,
        values: ranked.slice(0, MAX_CONFLICT_VALUES).map(([text]) => (text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS - 1)}…` : text)),
      });
    }
  }
  return out;
}
