/**
 * Finishing what a killed execution left half done. Every bulk operation
 * (merge, undo merge, stage moves, reassignment, adoption, snapshot restore,
 * applying fixes, deleting a client) runs inside writeGuarded, which records
 * a durable intent before the first change and clears it after the last.
 * The next entry point of the add-on (any sidebar call, menu item, trigger,
 * onOpen) finds an intent still there and rolls the operation back from its
 * snapshot: the user saw no success message, so "nothing happened, run it
 * again" is what they expect, and a roll-back needs nothing but the snapshot.
 */
import { auditRows } from '../core/audit/entry';
import { AppFailure } from '../core/result';
import { TAB } from '../core/schema/tabs';
import { decodeImages, type TabImage } from '../core/snapshot/encode';
import type { Intent } from '../core/snapshot/intent';
import { decompressFromBase64 } from '../gas/compress';
import { clearIntent, readIntent, writeIntent } from '../gas/intent-store';
import { ifDocumentLockFree } from '../gas/lock';
import { bumpBaseVersion } from '../gas/base-cache';
import { appendRows, FIRST_DATA_ROW, findSheet, spreadsheet } from '../gas/sheets';
import { now } from '../gas/session';
import { readSnapshotData, writeTabImage } from '../gas/snapshot-store';
import { rollBackRow } from './save-intent';

/** How long a check waits for a lock held by someone else: a live operation holds it, and must not be rolled back under its feet. */
const SETTLE_WAIT_MS = 3_000;

function dataRows(tab: string): number {
  const sheet = findSheet(tab);
  return sheet ? Math.max(sheet.getLastRow() - 1, 0) : -1;
}

/** Written after the snapshot and before the first change. */
export function beginIntent(op: string, snapshotId: string, user: string, reason: string): Intent {
  const intent: Intent = {
    op,
    snapshotId,
    sheetsBefore: spreadsheet()
      .getSheets()
      .map((s) => s.getName()),
    archiveRows: dataRows(TAB.archive),
    user,
    at: now().toISOString(),
    reason,
  };
  writeIntent(intent);
  return intent;
}

export function endIntent(): void {
  clearIntent();
}

/**
 * Puts every tab of the snapshot back, removes the tabs the operation
 * created and the Archive rows it appended, notes the roll-back in Audit and
 * clears the intent. Each step can run again: a roll-back killed half way is
 * simply done again by the next call.
 */
export function rollBack(intent: Intent, images: readonly TabImage[]): void {
  // The tabs put back or removed may be Fields or Settings, which are cached (gas/base-cache.ts).
  bumpBaseVersion();
  if (images.length === 0) {
    // The snapshot is gone (pruned by hand): nothing to put back from, so nothing is removed either.
    noteInAudit(intent, [], 'could not be rolled back: its snapshot is missing; check the tabs by hand');
    clearIntent();
    return;
  }
  for (const image of images) writeTabImage(image);
  const ss = spreadsheet();
  const before = new Set(intent.sheetsBefore);
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (!before.has(name) && name !== TAB.snapshots && ss.getSheets().length > 1) ss.deleteSheet(sheet);
  }
  const archive = findSheet(TAB.archive);
  if (archive && intent.archiveRows >= 0) {
    const last = archive.getLastRow();
    const keep = FIRST_DATA_ROW + intent.archiveRows;
    if (last >= keep) archive.getRange(keep, 1, last - keep + 1, Math.max(archive.getLastColumn(), 1)).clearContent();
  }
  noteInAudit(intent, images, `interrupted (started ${intent.at}); every change it made was taken back`);
  clearIntent();
}

function noteInAudit(intent: Intent, images: readonly TabImage[], what: string): void {
  if (!findSheet(TAB.audit)) return;
  appendRows(
    TAB.audit,
    auditRows([
      {
        time: now(),
        user: intent.user,
        action: `${intent.op} rolled back`,
        clientId: '',
        field: images.map((i) => i.tab).join(', '),
        oldValue: intent.snapshotId,
        newValue: what,
        source: 'recovery',
      },
    ]),
  );
}

/** A one-client save carries its own cells; a bulk operation is put back from its snapshot. */
function undo(intent: Intent): void {
  if (intent.row) rollBackRow(intent);
  else rollBack(intent, imagesOf(intent.snapshotId));
}

function imagesOf(snapshotId: string): TabImage[] {
  return [...readSnapshotData(snapshotId).values()].flatMap((d) => decodeImages(decompressFromBase64(d)));
}

/**
 * For writeGuarded, already inside the lock: an intent still there means an
 * entry point that did not settle first; the caller's reads may predate the
 * roll-back, so it is refused after rolling back.
 */
export function refuseWhileUnfinished(): void {
  const intent = readIntent();
  if (!intent) return;
  undo(intent);
  throw new AppFailure('conflict', `An interrupted ${intent.op} (started ${intent.at}) was found and rolled back first. Run this again.`);
}

/**
 * Called first by every entry point: two property reads when nothing is
 * pending. An intent left by an execution that is still running is not
 * touched, because that execution holds the document lock.
 */
export function settleUnfinished(): Intent | null {
  if (!readIntent()) return null;
  return (
    ifDocumentLockFree(SETTLE_WAIT_MS, () => {
      const intent = readIntent();
      if (!intent) return null;
      undo(intent);
      return intent;
    }) ?? null
  );
}
