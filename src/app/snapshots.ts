/**
 * Snapshots: before every bulk operation the affected tabs are stored,
 * compressed, in the hidden Snapshots tab, so one step puts them back. No
 * Drive scope: the copy lives inside the spreadsheet.
 */
import { auditRows } from '../core/audit/entry';
import { newId } from '../core/clients/id';
import { AppFailure } from '../core/result';
import { TAB } from '../core/schema/tabs';
import { chunk, decodeImages, encodeImages, type TabImage } from '../core/snapshot/encode';
import { compressToBase64, decompressFromBase64 } from '../gas/compress';
import { isoStamp } from '../gas/dates';
import { withDocumentLock } from '../gas/lock';
import { appendRows } from '../gas/sheets';
import { now } from '../gas/session';
import { deleteOldestSnapshotRows, readSnapshotData, readSnapshotMeta, readTabImage, snapshotsSheet, writeTabImage } from '../gas/snapshot-store';
import { loadBase, requireRole, type Base } from './base';
import { beginIntent, endIntent, refuseWhileUnfinished, rollBack } from './intents';
import { keepMailMemory } from './mail/restore-keeps';

export interface SnapshotInfo {
  id: string;
  time: string;
  user: string;
  reason: string;
  tabs: string[];
}

/** Call inside the operation's lock, before it writes. Returns the snapshot ID. */
export function takeSnapshot(base: Pick<Base, 'user' | 'settings'>, tabs: readonly string[], reason: string): string {
  return storeSnapshot(
    base,
    tabs.map(readTabImage).filter((i): i is TabImage => i !== null),
    reason,
  );
}

/** For an operation that already read the tabs (and keeps the images to roll back with). */
export function storeSnapshot(base: Pick<Base, 'user' | 'settings'>, images: readonly TabImage[], reason: string): string {
  const existing = readSnapshotMeta(snapshotsSheet());
  const id = newId('S', new Set(existing.map((m) => m.id)));
  const time = now();
  const rows: unknown[][] = [];
  for (const image of images) {
    const parts = chunk(compressToBase64(encodeImages([image])));
    parts.forEach((data, i) => rows.push([id, time, base.user, reason, image.tab, i + 1, parts.length, data]));
  }
  appendRows(TAB.snapshots, rows);
  const ids = [...new Set(existing.map((m) => m.id))];
  const keep = Math.max(base.settings.snapshotRetention - 1, 0);
  if (ids.length > keep) {
    const drop = new Set(ids.slice(0, ids.length - keep));
    deleteOldestSnapshotRows(existing.filter((m) => drop.has(m.id)).length);
  }
  return id;
}

export function listSnapshots(): SnapshotInfo[] {
  const byId = new Map<string, SnapshotInfo>();
  for (const m of readSnapshotMeta()) {
    const info = byId.get(m.id) ?? { id: m.id, time: isoStamp(m.time), user: m.user, reason: m.reason, tabs: [] };
    if (!info.tabs.includes(m.tab)) info.tabs.push(m.tab);
    byId.set(m.id, info);
  }
  return [...byId.values()].reverse();
}

/** Puts the tabs back as they were; the current state is snapshotted first, so a restore can itself be undone. */
export function restoreSnapshot(id: string): { restored: string[]; safetySnapshot: string; notes?: string[] } {
  const base = loadBase();
  requireRole(base, 'admin', 'restore snapshots');
  return withDocumentLock(() => {
    const data = readSnapshotData(id);
    if (data.size === 0) throw new AppFailure('not_found', `No snapshot ${id}; it may have been pruned (Settings: snapshotRetention).`);
    const images = [...data.values()].flatMap((d) => decodeImages(decompressFromBase64(d)));
    const tabs = images.map((i) => i.tab);
    const current = readImages(tabs);
    return writeGuarded(base, 'restore', current, `before restoring ${id}`, (safetySnapshot) => {
      for (const image of images) writeTabImage(image);
      const notes = keepMailMemory(current, images, safetySnapshot);
      appendRows(
        TAB.audit,
        auditRows([
          {
            time: now(),
            user: base.user,
            action: 'restore snapshot',
            clientId: '',
            field: tabs.join(', '),
            oldValue: safetySnapshot,
            newValue: id,
            source: 'menu',
          },
        ]),
      );
      return { restored: tabs, safetySnapshot, notes };
    });
  });
}

export function readImages(tabs: readonly string[]): TabImage[] {
  return tabs.map(readTabImage).filter((i): i is TabImage => i !== null);
}

/**
 * A bulk operation as all or nothing, even when the execution is killed
 * (no catch, no finally): the tabs' images are stored as a snapshot, a
 * durable intent names it, `write` runs, and the intent is cleared. If a
 * service call fails, the tabs are put back from the images in memory; if
 * the execution dies instead, the next entry point finds the intent and
 * rolls back from the snapshot (settleUnfinished). Call inside the document
 * lock, and do every write of the operation inside `write`.
 */
export function writeGuarded<T>(
  base: Pick<Base, 'user' | 'settings'>,
  op: string,
  images: readonly TabImage[],
  reason: string,
  write: (snapshotId: string) => T,
): T {
  refuseWhileUnfinished();
  const snapshotId = storeSnapshot(base, images, reason);
  const intent = beginIntent(op, snapshotId, base.user, reason);
  try {
    const result = write(snapshotId);
    endIntent();
    return result;
  } catch (err) {
    try {
      rollBack(intent, images);
    } catch {
      // The intent is still recorded: the next call of the add-on finishes the roll-back.
      const cause = err instanceof Error ? err.message : String(err);
      throw new AppFailure(
        'internal',
        `${cause}; putting the tabs back failed too. ClientBase finishes that at the next action, or restore snapshot ${snapshotId} in ClientBase ▸ Snapshots.`,
      );
    }
    throw err;
  }
}
