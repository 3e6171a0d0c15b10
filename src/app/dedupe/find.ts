/**
 * Find duplicates: the engine's groups written to the Duplicates tab for
 * review, one row per member, the proposed survivor ticked, a Decision
 * dropdown on each group's first row.
 */
import { auditRows } from '../../core/audit/entry';
import { Columns } from '../../core/clients/columns';
import { findDuplicates, type DuplicateGroup } from '../../core/dedupe/engine';
import { pickSurvivor } from '../../core/merge/survivorship';
import { AppFailure } from '../../core/result';
import { TAB, TAB_HEADERS } from '../../core/schema/tabs';
import { cellText } from '../../core/values';
import { withDocumentLock } from '../../gas/lock';
import { appendRows, readTable } from '../../gas/sheets';
import { now } from '../../gas/session';
import { replaceReviewRows } from '../../gas/duplicates-tab';
import { loadBase, requireRole } from '../base';
import { readNotDuplicates } from './memory';
import { peopleOf } from './people';
import { summaryReader } from '../../core/clients/summary';

export const DECISIONS = ['merge', 'not duplicates', 'skip'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface FindReport {
  groups: number;
  sure: number;
  possible: number;
  clients: number;
}

function reasonsBetween(group: DuplicateGroup, a: string, b: string): string {
  const pair = group.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  return pair ? pair.reasons.join('; ') : 'same group (through another member)';
}

export function findDuplicateGroups(): FindReport {
  const base = loadBase();
  requireRole(base, 'manager', 'look for duplicates');
  return withDocumentLock(() => {
    const clients = readTable(TAB.clients);
    if (!clients) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
    const cols = new Columns(clients.header);
    const people = peopleOf(base.fields, clients.header, clients.rows);
    const { groups } = findDuplicates(people, { defaultCountry: base.settings.defaultCountry, notDuplicates: readNotDuplicates() });
    const rowById = new Map(clients.rows.map((r) => [cellText(cols.get(r, 'ID')), r]));
    const summary = summaryReader(base.fields, clients.header);
    const sorted = [...groups].sort((a, b) => b.score - a.score);
    const out: unknown[][] = [];
    sorted.forEach((group, g) => {
      const rows = group.members.map((id) => rowById.get(id) ?? []);
      const keep = pickSurvivor(clients.header, rows);
      const order = [group.members[keep], ...group.members.filter((_, i) => i !== keep)];
      order.forEach((id, i) => {
        const s = summary(rowById.get(id) ?? []);
        const level = group.score >= 0.9 ? 'sure' : 'possible';
        const why = i === 0 ? `${level} duplicate group of ${order.length}` : reasonsBetween(group, order[0], id);
        out.push([g + 1, id, s.person || s.company, s.email, s.phone, i === 0 ? group.score : pairScore(group, order[0], id), why, '', i === 0]);
      });
    });
    replaceReviewRows(out, [...DECISIONS]);
    const sure = sorted.filter((g) => g.score >= 0.9).length;
    appendRows(
      TAB.audit,
      auditRows([
        { time: now(), user: base.user, action: 'find duplicates', clientId: '', field: '', oldValue: '', newValue: `${sorted.length} groups`, source: 'menu' },
      ]),
    );
    return { groups: sorted.length, sure, possible: sorted.length - sure, clients: people.length };
  });
}

function pairScore(group: DuplicateGroup, a: string, b: string): number {
  const pair = group.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  return pair ? pair.score : group.score;
}

export interface ReviewGroup {
  group: number;
  decision: string;
  members: { id: string; survivor: boolean }[];
  /** From the sidebar's review: header → the member ID whose value is kept. */
  chosen?: Record<string, string>;
  /** From the sidebar's review: member ID → the Updated stamp it showed. */
  expectedUpdated?: Record<string, string>;
}

/** The Duplicates tab read back: decisions on each group's first row, the ticked survivor. */
export function readReview(): ReviewGroup[] {
  const table = readTable(TAB.duplicates);
  if (!table) return [];
  const cols = new Columns(table.header.length ? table.header : [...TAB_HEADERS.Duplicates]);
  const groups = new Map<number, ReviewGroup>();
  for (const row of table.rows) {
    const g = Number(cols.get(row, 'Group'));
    if (!Number.isFinite(g) || g <= 0) continue;
    const entry = groups.get(g) ?? { group: g, decision: '', members: [] };
    const decision = cellText(cols.get(row, 'Decision')).trim().toLowerCase();
    if (decision && !entry.decision) entry.decision = decision;
    const survivor = cols.get(row, 'Survivor');
    entry.members.push({ id: cellText(cols.get(row, 'Client ID')).trim(), survivor: survivor === true || /^true$/i.test(cellText(survivor)) });
    groups.set(g, entry);
  }
  return [...groups.values()];
}
