/**
 * Merge the groups marked "merge" in the Duplicates tab, and remember the
 * ones marked "not duplicates". Per group: survivorship makes one row, the
 * others' interactions, purchases and mailing rows move to the survivor,
 * the merged-away rows are archived and removed. Everything is snapshotted
 * first; a failure before the archive is written rolls every tab back.
 */
import { auditRows, type AuditEntry } from '../../core/audit/entry';
import { Columns, findRowIndexById } from '../../core/clients/columns';
import { newId } from '../../core/clients/id';
import { parseStatus, rowsFromValues } from '../../core/mail/campaign';
import { encodeEntry } from '../../core/merge/archive';
import { fingerprint, rowsOfClients, type Repointed } from '../../core/merge/repoint';
import { mergeRows, pickSurvivor } from '../../core/merge/survivorship';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import type { CellChange } from '../../core/sheet/write-plan';
import { cellText, isDate } from '../../core/values';
import { withDocumentLock } from '../../gas/lock';
import { deleteRowsById, writeChangesById, writeLinkedChanges } from '../../gas/rows-by-id';
import { appendRows, readEditableTable, readRowLooks, type EditableTable } from '../../gas/sheets';
import { now } from '../../gas/session';
import { isoStamp } from '../../gas/dates';
import { sameStamp } from '../clients';
import { replaceReviewRows } from '../../gas/duplicates-tab';
import { loadBase, requireRole } from '../base';
import { readImages, writeGuarded } from '../snapshots';
import { DECISIONS, readReview, type ReviewGroup } from './find';
import { rememberNotDuplicates } from './memory';

export interface MergeReport {
  merged: { mergeId: string; survivor: string; removed: string[] }[];
  notDuplicates: number;
  skipped: { group: number; reason: string }[];
  snapshotId?: string;
  /** Survivors and the fields whose merged text was shortened to fit a cell (the full texts stay in Archive). */
  shortened?: { survivor: string; fields: string[] }[];
}

/** Tabs whose rows belong to a client through a "Client ID" column. */
export const LINKED_TABS = [TAB.interactions, TAB.purchases, TAB.mailings, TAB.deals] as const;

function updatedMs(cols: Columns, row: readonly unknown[]): number {
  const v = cols.get(row, 'Updated');
  return isDate(v) ? v.getTime() : 0;
}

export function mergeDecided(): MergeReport {
  const base = loadBase();
  requireRole(base, 'admin', 'merge clients');
  return withDocumentLock(() => {
    const review = readReview();
    const report: MergeReport = { merged: [], notDuplicates: 0, skipped: [] };
    const stamp = now();
    const notDup = review.filter((g) => g.decision === 'not duplicates').map((g) => g.members.map((m) => m.id));
    report.notDuplicates = notDup.length;
    const toMerge = review.filter((g) => g.decision === 'merge');
    for (const g of review)
      if (g.decision && !(DECISIONS as readonly string[]).includes(g.decision))
        report.skipped.push({ group: g.group, reason: `unknown decision "${g.decision}"` });

    if (toMerge.length) {
      writeGuarded(base, 'merge', readImages([TAB.clients, ...LINKED_TABS]), `before merging ${toMerge.length} duplicate groups`, (snapshotId) => {
        report.snapshotId = snapshotId;
        mergeGroups(base, toMerge, stamp, report);
      });
    }
    if (notDup.length) rememberNotDuplicates(notDup, base.user, stamp);
    const done = new Set([...toMerge, ...review.filter((g) => g.decision === 'not duplicates')].map((g) => g.group));
    const failed = new Set(report.skipped.map((s) => s.group));
    rewriteReview(review.filter((g) => !done.has(g.group) || failed.has(g.group)));
    return report;
  });
}

/** One group merged from the sidebar's review: the survivor and the value kept per field as the reviewer chose them. */
export interface ReviewedMerge {
  /** The group's number in the Duplicates tab, with its members as the review showed them. */
  group: number;
  memberIds: string[];
  survivorId: string;
  /** Header → the member ID whose value is kept; a header left out follows the survivorship rules. */
  chosen?: Record<string, string>;
  /** Member ID → the Updated stamp the review showed: a member changed since is not merged over. */
  expectedUpdated?: Record<string, string>;
}

/**
 * Merges one group of the Duplicates tab as reviewed in the sidebar. The tab stays the record: the group must
 * still be there with the same members, and its rows leave the tab once merged, as with the menu.
 */
export function mergeReviewed(input: ReviewedMerge): MergeReport {
  const base = loadBase();
  requireRole(base, 'admin', 'merge clients');
  const ids = Array.isArray(input?.memberIds) ? input.memberIds.map((id) => cellText(id).trim()) : [];
  const survivorId = cellText(input?.survivorId).trim();
  if (ids.length < 2 || !ids.includes(survivorId)) throw new AppFailure('bad_input', 'Choose which client of the group stays.');
  return withDocumentLock(() => {
    const review = readReview();
    const found = review.find((g) => g.group === Number(input.group));
    const same = found && found.members.length === ids.length && found.members.every((m) => ids.includes(m.id));
    if (!found || !same) {
      throw new AppFailure(
        'conflict',
        'This group is no longer in the Duplicates tab as you saw it (merged, decided or found again meanwhile). Reload the review.',
      );
    }
    const group: ReviewGroup = {
      group: found.group,
      decision: 'merge',
      members: found.members.map((m) => ({ id: m.id, survivor: m.id === survivorId })),
      chosen: input.chosen && typeof input.chosen === 'object' ? input.chosen : undefined,
      expectedUpdated: input.expectedUpdated && typeof input.expectedUpdated === 'object' ? input.expectedUpdated : undefined,
    };
    const report: MergeReport = { merged: [], notDuplicates: 0, skipped: [] };
    writeGuarded(base, 'merge', readImages([TAB.clients, ...LINKED_TABS]), `before merging duplicate group ${found.group}`, (snapshotId) => {
      report.snapshotId = snapshotId;
      mergeGroups(base, [group], now(), report);
    });
    if (report.merged.length) rewriteReview(review.filter((g) => g.group !== found.group));
    return report;
  });
}

/** "Not duplicates" for one group from the sidebar: remembered, and its rows leave the Duplicates tab. */
export function rejectReviewed(groupNumber: number, memberIds: string[]): { remembered: number } {
  const base = loadBase();
  requireRole(base, 'admin', 'decide about duplicates');
  const ids = Array.isArray(memberIds) ? memberIds.map((id) => cellText(id).trim()) : [];
  return withDocumentLock(() => {
    const review = readReview();
    const found = review.find((g) => g.group === Number(groupNumber));
    if (!found || found.members.length !== ids.length || !found.members.every((m) => ids.includes(m.id))) {
      throw new AppFailure('conflict', 'This group is no longer in the Duplicates tab as you saw it. Reload the review.');
    }
    const remembered = rememberNotDuplicates([found.members.map((m) => m.id)], base.user, now());
    rewriteReview(review.filter((g) => g.group !== found.group));
    return { remembered };
  });
}

function mergeGroups(base: ReturnType<typeof loadBase>, groups: ReviewGroup[], stamp: Date, report: MergeReport): void {
  const clients = readEditableTable(TAB.clients);
  if (!clients) throw new AppFailure('not_found', 'The Clients tab is missing.');
  const cols = new Columns(clients.header);
  const idCol = cols.indexOf('ID');
  const linked = LINKED_TABS.map((tab) => ({ tab, table: readEditableTable(tab) })).filter(
    (l): l is { tab: (typeof LINKED_TABS)[number]; table: EditableTable } => l.table !== null,
  );
  const clientChanges: CellChange[] = [];
  const linkedChanges = new Map<string, CellChange[]>();
  const removeIndexes: number[] = [];
  const archive: unknown[][] = [];
  const audit: AuditEntry[] = [];
  const usedMergeIds = new Set<string>();
  const looks = groups.length ? readRowLooks(TAB.clients) : { notes: [], backgrounds: [] };
  const inFlight = clientsBeingMailed(linked.find((l) => l.tab === TAB.mailings)?.table ?? null);

  for (const group of groups) {
    const indexes = group.members.map((m) => findRowIndexById(clients.rows, idCol, m.id));
    if (indexes.some((i) => i < 0) || group.members.length < 2) {
      report.skipped.push({ group: group.group, reason: 'a member no longer exists (merged or deleted since the search); run Find duplicates again' });
      continue;
    }
    if (indexes.some((i) => removeIndexes.includes(i) || clientChanges.some((c) => c.row === i))) {
      report.skipped.push({ group: group.group, reason: 'a member is also in another group being merged' });
      continue;
    }
    const mailing = group.members.find((m) => inFlight.has(m.id));
    if (mailing) {
      report.skipped.push({ group: group.group, reason: `a mailing is sending to ${mailing.id} right now; merge once it has finished` });
      continue;
    }
    const ticked = group.members.filter((m) => m.survivor);
    if (ticked.length > 1) {
      report.skipped.push({ group: group.group, reason: 'more than one survivor is ticked' });
      continue;
    }
    const rows = indexes.map((i) => clients.rows[i]);
    const moved = group.expectedUpdated
      ? group.members.find(
          (m, i) => group.expectedUpdated?.[m.id] !== undefined && !sameStamp(isoStamp(cols.get(rows[i], 'Updated')), String(group.expectedUpdated[m.id])),
        )
      : undefined;
    if (moved) {
      report.skipped.push({ group: group.group, reason: `${moved.id} was changed after you opened the review; reload it and look again` });
      continue;
    }
    const keep = ticked.length === 1 ? group.members.findIndex((m) => m.survivor) : pickSurvivor(clients.header, rows);
    const order = [keep, ...indexes.map((_, i) => i).filter((i) => i !== keep)];
    const ids = order.map((i) => group.members[i].id);
    const merged = mergeRows(
      clients.header,
      base.fields,
      order.map((i) => ({ row: rows[i], updated: updatedMs(cols, rows[i]) })),
      ids,
      chosenColumns(clients.header, group.chosen, ids),
    );
    if (merged.shortened.length) (report.shortened ??= []).push({ survivor: ids[0], fields: merged.shortened.map((c) => clients.header[c]) });
    const survivorIndex = indexes[keep];
    const mergeId = newId('M', usedMergeIds);
    usedMergeIds.add(mergeId);
    const survivorId = ids[0];
    const removed = ids.slice(1);

    for (const c of merged.changed) {
      clientChanges.push({ row: survivorIndex, column: c, value: merged.row[c] });
      audit.push({
        time: stamp,
        user: base.user,
        action: 'merge',
        clientId: survivorId,
        field: clients.header[c],
        oldValue: rows[keep][c],
        newValue: merged.row[c],
        source: mergeId,
      });
    }
    for (const [name, value] of [
      ['Updated', stamp],
      ['Updated by', base.user],
    ] as const) {
      const c = cols.indexOf(name);
      if (c >= 0) clientChanges.push({ row: survivorIndex, column: c, value });
    }
    archive.push(
      ...encodeEntry({ role: 'survivor', header: clients.header, row: [...rows[keep]], mergedAt: stamp.toISOString() }).map((t) => [
        mergeId,
        stamp,
        base.user,
        survivorId,
        survivorId,
        t,
      ]),
    );
    for (const i of order.slice(1)) {
      removeIndexes.push(indexes[i]);
      archive.push(
        ...encodeEntry({
          role: 'merged',
          header: clients.header,
          row: [...rows[i]],
          formulas: [...(clients.formulas[indexes[i]] ?? [])],
          notes: [...(looks.notes[indexes[i]] ?? [])],
          backgrounds: [...(looks.backgrounds[indexes[i]] ?? [])],
        }).map((t) => [mergeId, stamp, base.user, survivorId, group.members[i].id, t]),
      );
    }
    for (const { tab, table } of linked) {
      const idColumn = new Columns(table.header).indexOf('Client ID');
      const found = rowsOfClients(table.rows, idColumn, new Set(removed));
      for (const [fromId, list] of found) {
        const moved: Repointed = { tab, fromId, rows: list.map((r) => fingerprint(table.rows[r], idColumn)) };
        const changes = linkedChanges.get(tab) ?? [];
        for (const r of list) changes.push({ row: r, column: idColumn, value: survivorId });
        linkedChanges.set(tab, changes);
        archive.push(...encodeEntry({ role: 'repointed', moved }).map((t) => [mergeId, stamp, base.user, survivorId, fromId, t]));
      }
    }
    audit.push({
      time: stamp,
      user: base.user,
      action: 'merge',
      clientId: survivorId,
      field: '',
      oldValue: removed.join(', '),
      newValue: survivorId,
      source: mergeId,
    });
    report.merged.push({ mergeId, survivor: survivorId, removed });
  }

  if (!report.merged.length) return;
  writeChangesById(TAB.clients, clients, idCol, clientChanges);
  for (const { tab, table } of linked) {
    const changes = linkedChanges.get(tab);
    if (changes?.length) writeLinkedChanges(tab, table, changes);
  }
  deleteRowsById(
    TAB.clients,
    idCol,
    removeIndexes.map((i) => cellText(clients.rows[i][idCol])),
  );
  appendRows(TAB.audit, auditRows(audit, base.timeZone));
  appendRows(TAB.archive, archive);
}

/** The reviewer's choices as column → index in the merge order; unknown headers and members are ignored. */
function chosenColumns(header: readonly string[], chosen: Record<string, string> | undefined, order: readonly string[]): Map<number, number> {
  const map = new Map<number, number>();
  if (!chosen) return map;
  for (const [name, id] of Object.entries(chosen)) {
    const c = header.indexOf(name);
    const i = order.indexOf(cellText(id).trim());
    if (c >= 0 && i >= 0) map.set(c, i);
  }
  return map;
}

/**
 * Clients a mailing has claimed and may be mailing this minute. Moving their
 * Mailings rows to another ID would leave the send's result with nowhere to land.
 */
function clientsBeingMailed(mailings: EditableTable | null): Set<string> {
  if (!mailings) return new Set();
  const rows = rowsFromValues(mailings.rows);
  return new Set(rows.filter((r) => parseStatus(r.status).kind === 'sending').map((r) => r.clientId));
}

function rewriteReview(groups: ReviewGroup[]): void {
  // Keep the rows of groups not handled, as they were (their summaries are re-read from the tab).
  const table = readEditableTable(TAB.duplicates);
  if (!table) return;
  const cols = new Columns(table.header);
  const keep = new Set(groups.map((g) => g.group));
  replaceReviewRows(
    table.rows.filter((r) => keep.has(Number(cols.get(r, 'Group')))),
    [...DECISIONS],
  );
}
