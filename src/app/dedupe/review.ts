/**
 * The Duplicates tab as the sidebar's review shows it: each group with its
 * members side by side, field by field, and the value survivorship would
 * keep pre-selected for every possible survivor (so choosing another
 * survivor needs no round trip). Three reads whatever the number of groups.
 */
import { Columns } from '../../core/clients/columns';
import { summaryReader } from '../../core/clients/summary';
import { mergeRows, pickSurvivor } from '../../core/merge/survivorship';
import { AppFailure } from '../../core/result';
import { TAB, TAB_HEADERS } from '../../core/schema/tabs';
import { cellText, isBlank, isDate } from '../../core/values';
import { formatDay, isoStamp } from '../../gas/dates';
import { readTable } from '../../gas/sheets';
import { loadBase } from '../base';

export interface ReviewMemberDto {
  id: string;
  /** Person or company, as the Duplicates tab names them. */
  name: string;
  /** The Updated stamp (ISO), sent back with Merge so a member changed meanwhile is not merged over. */
  updated: string;
  /** Why this member is in the group (for the first member: the group's own summary). */
  why: string;
}

export interface ReviewFieldDto {
  name: string;
  /** One display text per member, in the members' order. */
  values: string[];
  /** The members do not all have the same value. */
  differs: boolean;
}

/** What survivorship keeps for a field: a member's value, or (-1) a combination of them (tags united, notes joined). */
export interface PreselectedDto {
  pick: number;
  /** The combined text, when pick is -1. */
  text?: string;
}

export interface ReviewGroupDto {
  group: number;
  score: number;
  level: 'sure' | 'possible';
  members: ReviewMemberDto[];
  /** The member the engine proposes to keep (the Survivor ticked in the tab). */
  survivorId: string;
  fields: ReviewFieldDto[];
  /** Survivor ID → field name → what is kept when that member survives. */
  preselected: Record<string, Record<string, PreselectedDto>>;
}

export interface ReviewDto {
  groups: ReviewGroupDto[];
  /** Groups in the tab beyond the ones listed (the review lists the first MAX_GROUPS). */
  more: number;
  /** Members that are no longer in Clients (merged or deleted since the search). */
  missing: string[];
}

export const MAX_GROUPS = 100;
const SYSTEM = new Set(['ID', 'Created', 'Updated', 'Updated by']);

function display(value: unknown, timeZone: string): string {
  if (isDate(value)) return formatDay(value, timeZone);
  if (value === true) return 'TRUE';
  if (value === false) return 'FALSE';
  return cellText(value);
}

function same(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return cellText(a).trim() === cellText(b).trim();
}

export function reviewGroups(): ReviewDto {
  const base = loadBase();
  const review = readTable(TAB.duplicates);
  const clients = readTable(TAB.clients);
  if (!clients) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
  const cols = new Columns(clients.header);
  const rowById = new Map(clients.rows.map((r) => [cellText(cols.get(r, 'ID')).trim(), r]));
  const summary = summaryReader(base.fields, clients.header);
  const dcols = new Columns(review?.header.length ? review.header : [...TAB_HEADERS.Duplicates]);

  const grouped = new Map<number, { score: number; members: { id: string; why: string; survivor: boolean }[] }>();
  for (const row of review?.rows ?? []) {
    const g = Number(dcols.get(row, 'Group'));
    const id = cellText(dcols.get(row, 'Client ID')).trim();
    if (!Number.isFinite(g) || g <= 0 || !id) continue;
    const entry = grouped.get(g) ?? { score: Number(dcols.get(row, 'Score')) || 0, members: [] };
    const survivor = dcols.get(row, 'Survivor');
    entry.members.push({ id, why: cellText(dcols.get(row, 'Why')), survivor: survivor === true || /^true$/i.test(cellText(survivor)) });
    grouped.set(g, entry);
  }

  const columns = clients.header.map((h, c) => ({ h, c })).filter(({ h }) => h.trim() !== '' && !SYSTEM.has(h));
  const missing: string[] = [];
  const groups: ReviewGroupDto[] = [];
  for (const [group, entry] of grouped) {
    const present = entry.members.filter((m) => rowById.has(m.id));
    for (const m of entry.members) if (!rowById.has(m.id)) missing.push(m.id);
    if (present.length < 2) continue;
    if (groups.length >= MAX_GROUPS) continue;
    const rows = present.map((m) => rowById.get(m.id)!);
    const ticked = present.filter((m) => m.survivor);
    const survivorId = ticked.length === 1 ? ticked[0].id : present[pickSurvivor(clients.header, rows)].id;
    const preselected: ReviewGroupDto['preselected'] = {};
    present.forEach((keep, k) => {
      const order = [k, ...present.map((_, i) => i).filter((i) => i !== k)];
      const merged = mergeRows(
        clients.header,
        base.fields,
        order.map((i) => ({ row: rows[i], updated: Date.parse(isoStamp(cols.get(rows[i], 'Updated'))) || 0 })),
        order.map((i) => present[i].id),
      );
      const choice: Record<string, PreselectedDto> = {};
      for (const { h, c } of columns) {
        const kept = merged.row[c];
        const pick = same(kept, rows[k][c]) ? k : rows.findIndex((r) => same(kept, r[c]));
        choice[h] = pick >= 0 ? { pick } : { pick: -1, text: display(kept, base.timeZone) };
      }
      preselected[keep.id] = choice;
    });
    const fields = columns
      .map(({ h, c }) => {
        const values = rows.map((r) => display(r[c], base.timeZone));
        return { name: h, values, differs: values.some((v) => v.trim() !== values[0].trim()) };
      })
      .filter((f, i) => f.differs || rows.some((r) => !isBlank(r[columns[i].c])));
    groups.push({
      group,
      score: entry.score,
      level: entry.score >= 0.9 ? 'sure' : 'possible',
      members: present.map((m, i) => {
        const s = summary(rows[i]);
        return { id: m.id, name: s.person || s.company || m.id, updated: isoStamp(cols.get(rows[i], 'Updated')), why: m.why };
      }),
      survivorId,
      fields,
      preselected,
    });
  }
  const listed = new Set(groups.map((g) => g.group));
  const more = [...grouped.keys()].filter((g) => !listed.has(g) && (grouped.get(g)?.members.filter((m) => rowById.has(m.id)).length ?? 0) >= 2).length;
  return { groups, more, missing };
}
