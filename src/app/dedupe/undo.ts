/**
 * Undo merge: the survivor gets its row from before the merge back, the
 * merged-away clients return with their IDs, and every interaction, purchase
 * and mailing row that followed them points back to them. Refused when the
 * survivor was changed after the merge (that change would be lost).
 */
import { auditRows, type AuditEntry } from '../../core/audit/entry';
import { Columns, findRowIndexById } from '../../core/clients/columns';
import { archiveEntryReader, encodeEntry, type ArchiveEntry } from '../../core/merge/archive';
import { rowsToPointBack, type Repointed } from '../../core/merge/repoint';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import type { CellChange } from '../../core/sheet/write-plan';
import { cellText } from '../../core/values';
import { isoStamp } from '../../gas/dates';
import { withDocumentLock } from '../../gas/lock';
import { writeChangesById, writeLinkedChanges } from '../../gas/rows-by-id';
import { appendRows, readEditableTable, readTable, requireSheet, writeRowLooks } from '../../gas/sheets';
import { now } from '../../gas/session';
import { loadBase, requireRole } from '../base';
import { sameStamp } from '../clients';
import { readImages, writeGuarded } from '../snapshots';
import { LINKED_TABS } from './merge';

export interface MergeInfo {
  mergeId: string;
  time: string;
  user: string;
  survivor: string;
  removed: string[];
  undone: boolean;
}

interface ArchivedMerge extends MergeInfo {
  entries: ArchiveEntry[];
}

function readArchive(): ArchivedMerge[] {
  const table = readTable(TAB.archive);
  const merges = new Map<string, ArchivedMerge>();
  const read = archiveEntryReader();
  for (const r of table?.rows ?? []) {
    const id = cellText(r[0]);
    const entry = read(`${id}\u0000${cellText(r[4])}`, cellText(r[5]));
    if (!id || !entry) continue;
    const m = merges.get(id) ?? { mergeId: id, time: isoStamp(r[1]), user: cellText(r[2]), survivor: cellText(r[3]), removed: [], undone: false, entries: [] };
    m.entries.push(entry);
    if (entry.role === 'merged') m.removed.push(cellText(r[4]));
    if (entry.role === 'undone') m.undone = true;
    merges.set(id, m);
  }
  return [...merges.values()];
}

export function listMerges(): MergeInfo[] {
  return readArchive()
    .map(({ entries: _entries, ...info }) => info)
    .reverse();
}

export function undoMerge(mergeIdOrLast?: string): MergeInfo {
  const base = loadBase();
  requireRole(base, 'admin', 'undo a merge');
  return withDocumentLock(() => {
    const merges = readArchive();
    const merge = mergeIdOrLast ? merges.find((m) => m.mergeId === mergeIdOrLast) : [...merges].reverse().find((m) => !m.undone);
    if (!merge) throw new AppFailure('not_found', mergeIdOrLast ? `No merge ${mergeIdOrLast} in the Archive.` : 'There is no merge to undo.');
    if (merge.undone) throw new AppFailure('conflict', `Merge ${merge.mergeId} was already undone.`);
    const survivorEntry = merge.entries.find((e): e is Extract<ArchiveEntry, { role: 'survivor' }> => e.role === 'survivor');
    if (!survivorEntry) throw new AppFailure('not_found', `The Archive has no record of the survivor of ${merge.mergeId}.`);

    const clients = readEditableTable(TAB.clients);
    if (!clients) throw new AppFailure('not_found', 'The Clients tab is missing.');
    const cols = new Columns(clients.header);
    const survivorIndex = findRowIndexById(clients.rows, cols.indexOf('ID'), merge.survivor);
    if (survivorIndex < 0)
      throw new AppFailure(
        'not_found',
        `Client ${merge.survivor} is no longer in Clients (merged again or deleted); restore the snapshot taken before the merge instead.`,
      );
    const current = clients.rows[survivorIndex];
    if (!sameStamp(isoStamp(cols.get(current, 'Updated')), survivorEntry.mergedAt)) {
      throw new AppFailure(
        'conflict',
        `${cellText(cols.get(current, 'Updated by')) || 'Someone'} changed client ${merge.survivor} after the merge; undoing would lose that change. Edit the client by hand, or restore the snapshot taken before the merge.`,
      );
    }
    const present = new Set(clients.rows.map((r) => cellText(cols.get(r, 'ID'))));
    const back = merge.entries.filter((e): e is Extract<ArchiveEntry, { role: 'merged' }> => e.role === 'merged');
    const clash = back.map((e) => cellText(e.row[e.header.indexOf('ID')])).find((id) => present.has(id));
    if (clash) throw new AppFailure('conflict', `Client ${clash} exists again in Clients; undo would duplicate it.`);

    writeGuarded(base, 'undo merge', readImages([TAB.clients, ...LINKED_TABS]), `before undoing merge ${merge.mergeId}`, () => {
      restore(base.user, clients, cols, survivorIndex, survivorEntry, back, merge);
      // Inside the guard: rows back without this entry would make a retry refuse ("exists again").
      appendRows(
        TAB.archive,
        encodeEntry({ role: 'undone', by: base.user, at: now().toISOString() }).map((t) => [merge.mergeId, now(), base.user, merge.survivor, '', t]),
      );
    });
    const { entries: _entries, ...info } = merge;
    return { ...info, undone: true };
  });
}

function byName(header: readonly string[], row: readonly unknown[], cols: Columns): unknown[] {
  const out: unknown[] = cols.header.map(() => '');
  header.forEach((name, i) => {
    const c = cols.indexOf(name);
    if (c >= 0) out[c] = row[i];
  });
  return out;
}

function restore(
  user: string,
  clients: NonNullable<ReturnType<typeof readEditableTable>>,
  cols: Columns,
  survivorIndex: number,
  survivorEntry: Extract<ArchiveEntry, { role: 'survivor' }>,
  back: Extract<ArchiveEntry, { role: 'merged' }>[],
  merge: ArchivedMerge,
): void {
  const stamp = now();
  const before = byName(survivorEntry.header, survivorEntry.row, cols);
  const changes: CellChange[] = [];
  const audit: AuditEntry[] = [];
  before.forEach((value, c) => {
    if (cellText(value) === cellText(clients.rows[survivorIndex][c])) return;
    changes.push({ row: survivorIndex, column: c, value });
    audit.push({
      time: stamp,
      user,
      action: 'undo merge',
      clientId: merge.survivor,
      field: clients.header[c],
      oldValue: clients.rows[survivorIndex][c],
      newValue: value,
      source: merge.mergeId,
    });
  });
  writeChangesById(TAB.clients, clients, cols.indexOf('ID'), changes);
  // Values go in text-safe (writeRange escapes "=…" as typed text); the rows' formulas are then set as formulas.
  const start = appendRows(
    TAB.clients,
    back.map((e) => {
      const formulas = e.formulas ? byName(e.header, e.formulas, cols) : [];
      return byName(e.header, e.row, cols).map((v, i) => (formulas[i] ? '' : v));
    }),
  );
  // One call per formula cell of the rows brought back: a merge restores a few rows, and formulas in client rows are rare.
  const formulaCells = back.flatMap((e, r) =>
    e.formulas ? byName(e.header, e.formulas, cols).flatMap((f, c) => (f ? [{ row: start + r, column: c + 1, formula: String(f) }] : [])) : [],
  );
  if (formulaCells.length) {
    const sheet = requireSheet(TAB.clients);
    for (const f of formulaCells) sheet.getRange(f.row, f.column).setFormula(f.formula);
  }
  if (back.some((e) => e.notes || e.backgrounds)) {
    writeRowLooks(
      TAB.clients,
      start,
      back.map((e) => byName(e.header, e.notes ?? [], cols).map((v) => cellText(v))),
      back.map((e) => byName(e.header, e.backgrounds ?? [], cols).map((v) => cellText(v) || '#ffffff')),
    );
  }
  const moved = merge.entries.filter((e): e is Extract<ArchiveEntry, { role: 'repointed' }> => e.role === 'repointed').map((e) => e.moved);
  for (const tab of LINKED_TABS) {
    const mine = moved.filter((m) => m.tab === tab);
    if (!mine.length) continue;
    const table = readEditableTable(tab);
    if (!table) continue;
    const idColumn = new Columns(table.header).indexOf('Client ID');
    const linkChanges = mine.flatMap((m: Repointed) =>
      rowsToPointBack(table.rows, idColumn, merge.survivor, m).map((row) => ({ row, column: idColumn, value: m.fromId })),
    );
    writeLinkedChanges(tab, table, linkChanges);
  }
  audit.push({
    time: stamp,
    user,
    action: 'undo merge',
    clientId: merge.survivor,
    field: '',
    oldValue: merge.survivor,
    newValue: merge.removed.join(', '),
    source: merge.mergeId,
  });
  appendRows(TAB.audit, auditRows(audit));
}
