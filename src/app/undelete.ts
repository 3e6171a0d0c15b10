/**
 * Bringing one deleted client back from Archive (admins), instead of
 * restoring a whole snapshot and losing everything since. The row returns
 * with its ID and values under the current Clients headers (columns removed
 * since are dropped, new ones stay empty), Clients is snapshotted first, the
 * Archive gets a "restored" entry so the same deletion cannot be undone twice,
 * and the restore is audited. Interactions and purchases were never removed,
 * so they follow the client again by its ID.
 */
import { auditRows } from '../core/audit/entry';
import { Columns } from '../core/clients/columns';
import { summaryReader } from '../core/clients/summary';
import { stampAfter } from '../core/clients/stamp';
import { archiveEntryReader, encodeEntry, type ArchiveEntry } from '../core/merge/archive';
import { AppFailure } from '../core/result';
import { TAB } from '../core/schema/tabs';
import { cellText } from '../core/values';
import { isoStamp } from '../gas/dates';
import { withDocumentLock } from '../gas/lock';
import { appendRows, readTable } from '../gas/sheets';
import { now } from '../gas/session';
import { loadBase, requireRole } from './base';
import { clientDto, type ClientDto } from './clients';
import { readImages, writeGuarded } from './snapshots';

export interface DeletedClientDto {
  deletionId: string;
  clientId: string;
  name: string;
  /** When it was deleted, ISO. */
  deletedAt: string;
  deletedBy: string;
}

/** Deletions are the Archive entries with a "D…" ID and no survivor (merges have one). */
const isDeletion = (id: string, survivor: string) => /^D/.test(id) && survivor === '';

interface Deletion extends DeletedClientDto {
  entry: Extract<ArchiveEntry, { role: 'merged' }>;
  restored: boolean;
}

function readDeletions(): Deletion[] {
  const table = readTable(TAB.archive);
  const read = archiveEntryReader();
  const found = new Map<string, Deletion>();
  const base = loadBase();
  for (const r of table?.rows ?? []) {
    const id = cellText(r[0]);
    const clientId = cellText(r[4]);
    if (!isDeletion(id, cellText(r[3]))) continue;
    const entry = read(`${id}\u0000${clientId}`, cellText(r[5]));
    if (!entry) continue;
    if (entry.role === 'undone') {
      const known = found.get(id);
      if (known) known.restored = true;
    } else if (entry.role === 'merged') {
      const summary = summaryReader(base.fields, entry.header)(entry.row as never);
      found.set(id, {
        deletionId: id,
        clientId,
        name: summary.person || summary.company || clientId,
        deletedAt: isoStamp(r[1]),
        deletedBy: cellText(r[2]),
        entry,
        restored: false,
      });
    }
  }
  return [...found.values()];
}

/** Deleted clients not restored yet, newest deletion first. */
export function listDeleted(): DeletedClientDto[] {
  return readDeletions()
    .filter((d) => !d.restored)
    .reverse()
    .map(({ entry: _entry, restored: _restored, ...dto }) => dto);
}

export function undeleteClient(deletionId: string): ClientDto {
  if (typeof deletionId !== 'string' || !deletionId.trim()) throw new AppFailure('bad_input', 'No deleted client chosen.');
  const base = loadBase();
  requireRole(base, 'admin', 'restore deleted clients');
  return withDocumentLock(() => {
    const deletion = readDeletions().find((d) => d.deletionId === deletionId);
    if (!deletion) throw new AppFailure('not_found', `No deleted client ${deletionId} in the Archive.`);
    if (deletion.restored) throw new AppFailure('conflict', `${deletion.name} was already restored.`);
    const clients = readTable(TAB.clients);
    if (!clients) throw new AppFailure('not_found', 'The Clients tab is missing.');
    const cols = new Columns(clients.header);
    const idCol = cols.indexOf('ID');
    if (clients.rows.some((r) => cellText(r[idCol]) === deletion.clientId)) {
      throw new AppFailure('conflict', `Client ${deletion.clientId} is in Clients again; restoring would duplicate it.`);
    }
    const row: unknown[] = cols.header.map(() => '');
    deletion.entry.header.forEach((name, i) => {
      const c = cols.indexOf(name);
      if (c >= 0) row[c] = deletion.entry.row[i];
    });
    const stamp = stampAfter(cols.get(row as never, 'Updated'), now());
    const put = (name: string, value: unknown) => {
      const c = cols.indexOf(name);
      if (c >= 0) row[c] = value;
    };
    put('Updated', stamp);
    put('Updated by', base.user);
    return writeGuarded(base, 'undelete', readImages([TAB.clients]), `before restoring deleted client ${deletion.clientId}`, () => {
      // Values go in text-safe: a restored "=…" note stays text, as it was typed.
      appendRows(TAB.clients, [row]);
      appendRows(
        TAB.archive,
        encodeEntry({ role: 'undone', by: base.user, at: stamp.toISOString() }).map((t) => [deletion.deletionId, stamp, base.user, '', deletion.clientId, t]),
      );
      appendRows(
        TAB.audit,
        auditRows(
          [
            {
              time: stamp,
              user: base.user,
              action: 'undelete',
              clientId: deletion.clientId,
              field: '',
              oldValue: '',
              newValue: deletion.name,
              source: deletion.deletionId,
            },
          ],
          base.timeZone,
        ),
      );
      return clientDto(base, cols, row);
    });
  });
}
