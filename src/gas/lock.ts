import { AppFailure } from '../core/result';
import { enterDocumentLock, leaveDocumentLock } from './lock-state';
import { anyQueuedLogs, forgetQueuedLogs, MAX_DRAIN, readQueuedLogs } from './log-queue';
import { appendRows, findSheet } from './sheets';
import { lockTaken } from './handle-memo';

const LOCK_WAIT_MS = 20_000;

/**
 * Releases a lock after SpreadsheetApp.flush(): Sheets defers writes, and the
 * Lock reference (developers.google.com/apps-script/reference/lock/lock)
 * says to flush before releasing, or the next execution to take the lock can
 * read the rows as they were before this one wrote.
 */
export function releaseAfterFlush(lock: GoogleAppsScript.Lock.Lock): void {
  try {
    SpreadsheetApp.flush();
  } catch (err) {
    console.warn(`ClientBase: flush before releasing the lock failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    lock.releaseLock();
  } catch (err) {
    // Apps Script releases the lock when the execution ends; a failed early release must not undo a finished write.
    console.warn(`ClientBase: could not release the lock early: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Runs a write under the document lock so two sidebars, a trigger and a menu
 * action never interleave their read-modify-write on the same tabs.
 */
export function withDocumentLock<T>(work: () => T, waitMs = LOCK_WAIT_MS): T {
  const ran = tryWithDocumentLock(waitMs, work);
  if (!ran.locked) throw new AppFailure('busy', 'Another ClientBase action is running on this spreadsheet. Try again in a moment.');
  return ran.value;
}

/**
 * Like withDocumentLock, but says so instead of throwing when the lock could
 * not be had within waitMs (the edit trigger then queues its audit rows).
 */
export function tryWithDocumentLock<T>(waitMs: number, work: () => T): { locked: true; value: T } | { locked: false } {
  const documentLock = LockService.getDocumentLock();
  // A web app execution has no document, and getDocumentLock() returns null there: the script lock still
  // serialises this script's executions, but not against document-lock holders, so log appends queue.
  const lock = documentLock ?? LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { locked: false };
  const before = lockTaken();
  if (documentLock) enterDocumentLock();
  try {
    // Before the work, so queued (older) rows come first; once more after it when some were kept back
    // (a tab the work may just have created, such as Set up's Audit). When this execution read every
    // property just before the lock and none was queued, the read is skipped: a batch queued in between
    // waits for the next locked write (the queue loses nothing by waiting; a drain always reads afresh).
    const more = documentLock && (!before || anyQueuedLogs(before)) ? appendQueuedLogs() : false;
    const value = work();
    if (more) appendQueuedLogs();
    return { locked: true, value };
  } finally {
    if (documentLock) leaveDocumentLock();
    releaseAfterFlush(lock);
  }
}

/**
 * Appends what unlocked executions queued (gas/log-queue.ts), oldest first; a
 * failure leaves the queue for the next write. True when rows were kept back
 * (their tab is missing, or more than one drain's worth was read).
 */
function appendQueuedLogs(): boolean {
  try {
    const queued = readQueuedLogs();
    if (queued.keys.length === 0) return false;
    const byTab = new Map<string, unknown[][]>();
    const done: string[] = [];
    queued.batches.forEach((batch, i) => {
      if (batch.tab === '') {
        done.push(queued.keys[i]);
        return;
      }
      if (!findSheet(batch.tab)) return; // before Set up made the tab: keep it queued
      byTab.set(batch.tab, [...(byTab.get(batch.tab) ?? []), ...batch.rows]);
      done.push(queued.keys[i]);
    });
    for (const [tab, rows] of byTab) {
      const width = Math.max(...rows.map((r) => r.length));
      appendRows(
        tab,
        rows.map((r) => (r.length === width ? r : [...r, ...Array(width - r.length).fill('')])),
      );
    }
    forgetQueuedLogs(done);
    return done.length < queued.keys.length || queued.keys.length === MAX_DRAIN;
  } catch (err) {
    console.warn(`ClientBase: queued log rows stay queued: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}

/** Runs `work` under the document lock if it can be had within `waitMs`; otherwise returns undefined without running it. */
export function ifDocumentLockFree<T>(waitMs: number, work: () => T): T | undefined {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) return undefined;
  lockTaken();
  try {
    return work();
  } finally {
    releaseAfterFlush(lock);
  }
}
