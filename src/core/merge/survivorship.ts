/**
 * Field-level survivorship: how one client row is made from a group of
 * duplicates. The rules, in order of precedence:
 *
 * - ID stays the survivor's; Created is the earliest of the group.
 * - Opt-out: if any duplicate opted out, the merged client has opted out
 *   (nobody is mailed because a second copy forgot their wish).
 * - Tags are united; Notes are concatenated (each distinct note once).
 * - Last contact: the latest date.
 * - Contact fields (email, phone, address, postal code, city, region,
 *   country, company, position): the value of the most recently updated
 *   duplicate that has one.
 * - Everything else, extra columns included: the survivor's value, else the
 *   most recently updated non-empty one (non-empty beats empty).
 * - A contact value that loses (a second email, an older phone) is not
 *   dropped: it is added to Notes as "Also: Email x (from C-…)".
 * - A merged text longer than a cell holds (50,000 characters) is shortened
 *   with a marker; every member's full row is kept in the Archive, which
 *   Undo merge restores from.
 */
import type { FieldDef, FieldKey } from '../schema/field';
import { nameKey } from '../schema/name-key';
import { fitCell, MAX_CELL_CHARS } from '../sheet/cell-limit';
import { cellText, isBlank, isDate } from '../values';

export interface MergeRow {
  row: readonly unknown[];
  /** Updated stamp in ms (0 when unknown): decides "most recent". */
  updated: number;
}

export interface MergedRow {
  row: unknown[];
  /** Columns whose value differs from the survivor's before the merge. */
  changed: number[];
  /** Columns whose merged text was shortened to fit a cell. */
  shortened: number[];
}

export function shortenedMarker(total: number): string {
  return `\n… [shortened to fit a cell: ${total} characters in all; the full text of each merged client is in Archive]`;
}

const CONTACT_KEYS: ReadonlySet<FieldKey> = new Set(['email', 'phone', 'address', 'postalCode', 'city', 'region', 'country', 'company', 'position']);
const SYSTEM = new Set(['id', 'created', 'updated', 'updatedby']);

function sameText(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return cellText(a).trim().toLowerCase() === cellText(b).trim().toLowerCase();
}

function isTrue(value: unknown): boolean {
  return value === true || /^(true|yes|да|1)$/i.test(cellText(value).trim());
}

function splitTags(value: unknown): string[] {
  return cellText(value)
    .split(/[,;\n]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

function time(value: unknown): number {
  return isDate(value) ? value.getTime() : Number.NaN;
}

/**
 * `survivor` first in `group`; the rest are merged into it. `chosen` maps a
 * column to the member (index in `group`) whose value a person picked in the
 * review: it beats the rules for that column, and a contact value it makes
 * lose is still kept in Notes.
 */
export function mergeRows(
  header: readonly string[],
  fields: readonly FieldDef[],
  group: readonly MergeRow[],
  ids: readonly string[],
  chosen: ReadonlyMap<number, number> = new Map(),
): MergedRow {
  const [survivor] = group;
  const byRecency = [...group].sort((a, b) => b.updated - a.updated);
  const fieldOf = new Map(fields.map((f) => [nameKey(f.name), f]));
  const row = [...survivor.row];
  const lost: string[] = [];
  let notesColumn = -1;
  const keepLosers = (name: string, c: number) => {
    group.forEach((g, i) => {
      const v = g.row[c];
      if (!isBlank(v) && !sameText(v, row[c]) && !lost.some((l) => l.includes(cellText(v)))) lost.push(`Also: ${name} ${cellText(v).trim()} (from ${ids[i]})`);
    });
  };

  header.forEach((name, c) => {
    const key = nameKey(name);
    if (key === 'created') {
      const times = group.map((g) => time(g.row[c])).filter((t) => !Number.isNaN(t));
      if (times.length) row[c] = group.find((g) => time(g.row[c]) === Math.min(...times))!.row[c];
      return;
    }
    if (SYSTEM.has(key)) return;
    const field = fieldOf.get(key);
    const values = group.map((g) => g.row[c]);
    const contact = field?.key !== undefined && CONTACT_KEYS.has(field.key);
    if (field?.key === 'notes') notesColumn = c;
    const optOut = field?.key === 'optOut' || (field?.type === 'checkbox' && /opt|unsubscri|отпис|no mail/i.test(field.name));
    // Nobody is mailed because a reviewer picked the copy that forgot their wish: opt-out is never a choice.
    const pick = optOut ? undefined : chosen.get(c);
    if (pick !== undefined && group[pick]) {
      row[c] = group[pick].row[c];
      if (contact) keepLosers(name, c);
      return;
    }
    if (field?.key === 'notes') {
      const notes: string[] = [];
      for (const v of values) if (!isBlank(v) && !notes.some((n) => sameText(n, v))) notes.push(cellText(v).trim());
      row[c] = notes.join('\n—\n');
      return;
    }
    if (optOut) {
      if (values.some(isTrue)) row[c] = values.find(isTrue);
      return;
    }
    if (field?.type === 'tags') {
      const tags: string[] = [];
      for (const v of values) for (const t of splitTags(v)) if (!tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
      row[c] = tags.join(', ');
      return;
    }
    if (field?.key === 'lastContact') {
      const latest = values.filter(isDate).sort((a, b) => b.getTime() - a.getTime())[0];
      if (latest) row[c] = latest;
      else if (isBlank(row[c])) row[c] = values.find((v) => !isBlank(v)) ?? row[c];
      return;
    }
    const winner = contact ? byRecency.find((g) => !isBlank(g.row[c]))?.row[c] : !isBlank(row[c]) ? row[c] : byRecency.find((g) => !isBlank(g.row[c]))?.row[c];
    if (winner !== undefined) row[c] = winner;
    if (contact) keepLosers(name, c);
  });

  const shortened: number[] = [];
  if (notesColumn >= 0 && (lost.length || typeof row[notesColumn] === 'string')) {
    const notes = cellText(row[notesColumn]).trim();
    const also = lost.join('\n');
    // The "Also:" lines are the only copy of the losing contact values in Clients: the notes give way first.
    const room = MAX_CELL_CHARS - (also ? also.length + 1 : 0);
    const fitted = fitCell(notes, shortenedMarker, Math.max(room, 0));
    if (fitted !== notes) shortened.push(notesColumn);
    if (lost.length) row[notesColumn] = [fitted, also].filter(Boolean).join('\n');
    else if (fitted !== notes) row[notesColumn] = fitted;
  }
  row.forEach((v, c) => {
    if (typeof v !== 'string') return;
    const fitted = fitCell(v, shortenedMarker);
    if (fitted !== v) {
      row[c] = fitted;
      if (!shortened.includes(c)) shortened.push(c);
    }
  });
  const changed = row.map((v, c) => c).filter((c) => !sameText(row[c], survivor.row[c]) || isBlank(row[c]) !== isBlank(survivor.row[c]));
  return { row, changed, shortened };
}

/** The member to keep by default: the most complete row, then the earliest created. */
export function pickSurvivor(header: readonly string[], rows: readonly (readonly unknown[])[]): number {
  const created = header.findIndex((h) => nameKey(h) === 'created');
  let best = 0;
  const filled = (r: readonly unknown[]) => r.filter((v) => !isBlank(v)).length;
  rows.forEach((r, i) => {
    const a = filled(r);
    const b = filled(rows[best]);
    if (a > b || (a === b && created >= 0 && time(r[created]) < time(rows[best][created]))) best = i;
  });
  return best;
}
