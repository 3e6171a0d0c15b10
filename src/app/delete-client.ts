/**
 * Deleting a client (admins only): the row goes to Archive with everything it
 * held, Clients is snapshotted first, and the deletion is audited. The
 * client's interactions and purchases stay, as history.
 */
import { auditRows } from '../core/audit/entry';
import { Columns, findRowIndexById } from '../core/clients/columns';
import { newId } from '../core/clients/id';
import { encodeEntry } from '../core/merge/archive';
import { AppFailure } from '../core/result';
import { TAB } from '../core/schema/tabs';
import { cellText } from '../core/values';
import { isoStamp } from '../gas/dates';
import { withDocumentLock } from '../gas/lock';
import { deleteRowsById } from '../gas/rows-by-id';
import { appendRows, readEditableTable } from '../gas/sheets';
import { now } from '../gas/session';
import { loadBase, requireRole } from './base';
import { sameVersion } from '../core/clients/stamp';
import { readImages, writeGuarded } from './snapshots';

export function deleteClient(id: string, expectedUpdated?: string): { id: string; snapshotId: string } {
  const base = loadBase();
  requireRole(base, 'admin', 'delete clients');
  return withDocumentLock(() => {
    const table = readEditableTable(TAB.clients);
    if (!table) throw new AppFailure('not_found', 'The Clients tab is missing.');
    const cols = new Columns(table.header);
    const index = findRowIndexById(table.rows, cols.indexOf('ID'), id);
    if (index < 0) throw new AppFailure('not_found', `No client with ID ${id}. It may have been merged or deleted already.`);
    const row = table.rows[index];
    if (typeof expectedUpdated !== 'string')
      throw new AppFailure('bad_input', 'Reload the client before deleting it: this request does not say which version you saw.');
    if (!sameVersion(isoStamp(cols.get(row, 'Updated')), expectedUpdated)) {
      throw new AppFailure(
        'conflict',
        `${cellText(cols.get(row, 'Updated by')) || 'Someone'} changed this client after you opened it. Reload before deleting.`,
      );
    }
    return writeGuarded(base, 'delete', readImages([TAB.clients]), `before deleting client ${id}`, (snapshotId) => {
      const stamp = now();
      const deletion = newId('D', new Set());
      appendRows(
        TAB.archive,
        encodeEntry({ role: 'merged', header: table.header, row: [...row] }).map((t) => [deletion, stamp, base.user, '', id, t]),
      );
      deleteRowsById(TAB.clients, cols.indexOf('ID'), [id]);
      appendRows(
        TAB.audit,
        auditRows([
          {
            time: stamp,
            user: base.user,
            action: 'delete',
            clientId: id,
            field: '',
            oldValue: table.header
              .map((h, i) => `${h}: ${cellText(row[i])}`)
              .filter((t) => !t.endsWith(': '))
              .join('; '),
            newValue: '',
            source: deletion,
          },
        ]),
      );
      return { id, snapshotId };
    });
  });
}
