/**
 * Undo of one bulk action: its audit rows (Source `bulk:<opId>`) say which
 * cells it changed, from what to what. Each cell that still holds the value
 * the action wrote gets its old value back; a cell someone changed since is
 * left alone and named (their change is newer than the undo's). One read of
 * Audit and of Clients, one snapshot, one write per column block.
 */
import { auditRows, type AuditEntry } from '../../core/audit/entry';
import { Columns } from '../../core/clients/columns';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import { stampedChange, type CellChange } from '../../core/sheet/write-plan';
import { cellText } from '../../core/values';
import { withDocumentLock } from '../../gas/lock';
import { writeChangesById } from '../../gas/rows-by-id';
import { now } from '../../gas/session';
import { appendRows, readEditableTable, readTable } from '../../gas/sheets';
import { loadBase, requireRole } from '../base';
import { readImages, writeGuarded } from '../snapshots';
import { bulkSource } from './update';

export interface BulkUndoReport {
  opId: string;
  restored: number;
  /** Clients whose cell was changed again after the action: left as they are. */
  changedSince: string[];
  missing: string[];
}

const undoSource = (opId: string): string => `undo:${opId}`;

export function undoBulk(opIdRaw: string): BulkUndoReport {
  const opId = cellText(opIdRaw).trim();
  if (!/^B-[A-Z0-9]{4,}$/.test(opId)) throw new AppFailure('bad_input', 'Which bulk action? Its ID looks like B-XXXXXXXX.');
  const base = loadBase();
  requireRole(base, 'manager', 'undo a bulk action');
  return withDocumentLock(() => {
    const audit = readTable(TAB.audit);
    const acols = new Columns(audit?.header ?? []);
    const rows = (audit?.rows ?? []).filter((r) => cellText(acols.get(r, 'Source')) === bulkSource(opId));
    if (rows.length === 0) throw new AppFailure('not_found', `No bulk action ${opId} in Audit.`);
    if ((audit?.rows ?? []).some((r) => cellText(acols.get(r, 'Source')) === undoSource(opId))) {
      throw new AppFailure('conflict', `Bulk action ${opId} was already undone.`);
    }
    const by = cellText(acols.get(rows[0], 'User'));
    if (base.role !== 'admin' && by.toLowerCase() !== base.user.toLowerCase()) {
      throw new AppFailure('forbidden', `Only ${by || 'its author'} or an admin may undo bulk action ${opId}.`);
    }
    if (/manager/.test(cellText(acols.get(rows[0], 'Action')))) requireRole(base, 'admin', 'hand clients back to their manager');
    const clients = readEditableTable(TAB.clients);
    if (!clients) throw new AppFailure('not_found', 'The Clients tab is missing.');
    const cols = new Columns(clients.header);
    const idColumn = cols.indexOf('ID');
    const rowById = new Map<string, number>();
    clients.rows.forEach((row, i) => {
      const id = cellText(row[idColumn]).trim();
      if (id && !rowById.has(id)) rowById.set(id, i);
    });
    const stamp = now();
    const stamps = [cols.indexOf('Updated'), cols.indexOf('Updated by')];
    const changes: CellChange[] = [];
    const entries: AuditEntry[] = [];
    const changedSince: string[] = [];
    const missing: string[] = [];
    for (const r of rows) {
      const id = cellText(acols.get(r, 'Client ID')).trim();
      const fieldName = cellText(acols.get(r, 'Field'));
      const column = cols.indexOf(fieldName);
      const index = rowById.get(id);
      if (index === undefined || column < 0) {
        missing.push(id);
        continue;
      }
      const current = clients.rows[index][column];
      const written = acols.get(r, 'New value');
      if (cellText(current).trim() !== cellText(written).trim()) {
        changedSince.push(id);
        continue;
      }
      const old = acols.get(r, 'Old value');
      changes.push(...stampedChange(index, column, old ?? '', stamps, stamp, base.user));
      entries.push({
        time: stamp,
        user: base.user,
        action: 'undo bulk',
        clientId: id,
        field: fieldName,
        oldValue: current,
        newValue: old ?? '',
        source: undoSource(opId),
      });
    }
    const report: BulkUndoReport = { opId, restored: entries.length, changedSince, missing };
    if (entries.length === 0) {
      appendRows(
        TAB.audit,
        auditRows([
          { time: stamp, user: base.user, action: 'undo bulk', clientId: '', field: '', oldValue: '', newValue: '0 cells', source: undoSource(opId) },
        ]),
      );
      return report;
    }
    return writeGuarded(base, 'undo bulk', readImages([TAB.clients]), `before undoing bulk action ${opId}`, () => {
      writeChangesById(TAB.clients, clients, idColumn, changes);
      appendRows(TAB.audit, auditRows(entries));
      return report;
    });
  });
}
