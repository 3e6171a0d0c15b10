/**
 * When a manager leaves: every client they answer for, and every open next
 * step they own, moves to another person in one audited action, after a
 * snapshot of both tabs.
 */
import { auditRows, type AuditEntry } from '../core/audit/entry';
import { Columns } from '../core/clients/columns';
import { AppFailure } from '../core/result';
import { TAB } from '../core/schema/tabs';
import type { CellChange } from '../core/sheet/write-plan';
import { cellText } from '../core/values';
import { withDocumentLock } from '../gas/lock';
import { writeChangesById, writeLinkedChanges } from '../gas/rows-by-id';
import { appendRows, readEditableTable, type EditableTable } from '../gas/sheets';
import { now } from '../gas/session';
import { loadBase, requireRole } from './base';
import { readImages, writeGuarded } from './snapshots';

export interface ReassignReport {
  clients: number;
  openSteps: number;
  snapshotId: string;
}

const MAX_NAME = 200;

function same(a: unknown, b: string): boolean {
  return cellText(a).trim().toLowerCase() === b;
}

function reassignColumn(table: EditableTable, column: number, from: string, to: string, include: (row: unknown[]) => boolean): CellChange[] {
  const changes: CellChange[] = [];
  table.rows.forEach((row, i) => {
    if (same(row[column], from) && include(row)) changes.push({ row: i, column, value: to });
  });
  return changes;
}

export function reassignManager(fromRaw: string, toRaw: string): ReassignReport {
  const from = String(fromRaw ?? '')
    .trim()
    .toLowerCase();
  const to = String(toRaw ?? '').trim();
  if (!from || !to) throw new AppFailure('validation', 'Name both the manager who leaves and the one who takes over.');
  if (from.length > MAX_NAME || to.length > MAX_NAME) throw new AppFailure('validation', `A manager is at most ${MAX_NAME} characters.`);
  if (/^[=+\-@]/.test(to)) throw new AppFailure('validation', `"${to.slice(0, 40)}" looks like a formula, not a person.`);
  if (from === to.toLowerCase()) throw new AppFailure('validation', 'The two managers are the same person.');
  const base = loadBase();
  requireRole(base, 'admin', 'reassign clients');
  const managerField = base.fields.find((f) => f.key === 'manager');
  if (!managerField) throw new AppFailure('not_found', 'This base has no Manager field (key "manager" in Fields).');
  return withDocumentLock(() => {
    const clients = readEditableTable(TAB.clients);
    const interactions = readEditableTable(TAB.interactions);
    if (!clients) throw new AppFailure('not_found', 'The Clients tab is missing.');
    const cols = new Columns(clients.header);
    const managerColumn = cols.indexOf(managerField.name);
    if (managerColumn < 0) throw new AppFailure('not_found', `Clients has no "${managerField.name}" column. Run Apply fields.`);
    const clientChanges = reassignColumn(clients, managerColumn, from, to, () => true);
    const icols = new Columns(interactions?.header ?? []);
    const done = icols.indexOf('Done');
    const stepChanges = interactions
      ? reassignColumn(interactions, icols.indexOf('Manager'), from, to, (row) => !(done >= 0 && (row[done] === true || /^true$/i.test(cellText(row[done])))))
      : [];
    if (clientChanges.length === 0 && stepChanges.length === 0) {
      throw new AppFailure('not_found', `No client or open next step is assigned to "${fromRaw}".`);
    }
    const stamp = now();
    const stamps = (['Updated', 'Updated by'] as const).map((n) => cols.indexOf(n));
    const withStamps = clientChanges.flatMap((c) => [
      c,
      ...(stamps[0] >= 0 ? [{ row: c.row, column: stamps[0], value: stamp }] : []),
      ...(stamps[1] >= 0 ? [{ row: c.row, column: stamps[1], value: base.user }] : []),
    ]);
    return writeGuarded(base, 'reassign', readImages([TAB.clients, TAB.interactions]), `before reassigning ${from} to ${to}`, (snapshotId) => {
      writeChangesById(TAB.clients, clients, cols.indexOf('ID'), withStamps);
      if (interactions && stepChanges.length) {
        writeLinkedChanges(TAB.interactions, interactions, stepChanges);
      }
      const idColumn = cols.indexOf('ID');
      const audit: AuditEntry[] = clientChanges.map((c) => ({
        time: stamp,
        user: base.user,
        action: 'reassign',
        clientId: cellText(clients.rows[c.row][idColumn]),
        field: managerField.name,
        oldValue: clients.rows[c.row][managerColumn],
        newValue: to,
        source: 'menu',
      }));
      if (stepChanges.length) {
        audit.push({
          time: stamp,
          user: base.user,
          action: 'reassign next steps',
          clientId: '',
          field: 'Interactions.Manager',
          oldValue: from,
          newValue: `${to} (${stepChanges.length} open steps)`,
          source: 'menu',
        });
      }
      appendRows(TAB.audit, auditRows(audit, base.timeZone));
      return { clients: clientChanges.length, openSteps: stepChanges.length, snapshotId };
    });
  });
}
