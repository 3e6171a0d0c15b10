/**
 * Which Clients columns a segment tab shows. A segment tab repeats its
 * clients' rows, so whole rows made every broad segment as big as Clients
 * (five of them reach Sheets' 10 M-cell limit at 50,000 clients). The
 * Segments tab's Columns cell lists the headers a team needs, separated by
 * commas; blank means the default (who the client is, how to reach them,
 * stage and manager), `*` means every column. ID always comes first: the
 * sidebar and Set stage for selection find clients by it.
 */
import { Columns } from '../clients/columns';
import type { FieldDef, FieldKey } from '../schema/field';

/** The default columns after ID, by field key (a renamed "First name" still counts). */
export const DEFAULT_SEGMENT_KEYS: readonly FieldKey[] = ['firstName', 'lastName', 'company', 'phone', 'email', 'stage', 'manager'];

const EVERY_COLUMN = /^(\*|all|все|всі|toate)$/i;

export type TabColumns = { ok: true; columns: number[] } | { ok: false; error: string };

/**
 * Indices into `header` of the tab's columns, in the order shown. `ruleColumns`: the headers
 * the segment's rule reads, shown after the default ones (a "Notes contains …" segment shows Notes).
 */
export function segmentTabColumns(spec: unknown, header: readonly string[], fields: readonly FieldDef[], ruleColumns: readonly string[] = []): TabColumns {
  const cols = new Columns(header);
  const id = cols.indexOf('ID');
  const text = typeof spec === 'string' ? spec.trim() : '';
  if (EVERY_COLUMN.test(text)) return { ok: true, columns: header.map((_, i) => i).filter((i) => header[i].trim() !== '') };
  const wanted: number[] = id >= 0 ? [id] : [];
  const add = (i: number) => {
    if (i >= 0 && !wanted.includes(i)) wanted.push(i);
  };
  if (text === '') {
    for (const key of DEFAULT_SEGMENT_KEYS) {
      const field = fields.find((f) => f.key === key);
      if (field) add(cols.indexOf(field.name));
    }
    for (const i of ruleColumns.map((name) => cols.indexOf(name)).sort((a, b) => a - b)) add(i);
    return { ok: true, columns: wanted.length ? wanted : header.map((_, i) => i) };
  }
  const unknown: string[] = [];
  for (const name of text
    .split(/[,;\n]/)
    .map((n) => n.trim())
    .filter(Boolean)
    .slice(0, 200)) {
    const i = cols.indexOf(name);
    if (i < 0) unknown.push(name.length > 60 ? `${name.slice(0, 60)}…` : name);
    else add(i);
  }
  if (unknown.length)
    return {
      ok: false,
      error: `Columns: the Clients tab has no column ${unknown.map((n) => `"${n}"`).join(', ')}. List Clients headers separated by commas, or leave it blank for the default.`,
    };
  return { ok: true, columns: wanted };
}
