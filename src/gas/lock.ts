import { AppFailure } from '../core/result';

const LOCK_WAIT_MS = 20_000;

/**
 * Runs a write under the document lock so two sidebars, a trigger and a menu
 * action never interleave their read-modify-write on the same tabs.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new AppFailure('busy', 'Another ClientBase action is running on this spreadsheet. Try again in a moment.');
  }
  try {
    return work();
  } finally {
    try {
      lock.releaseLock();
    } catch (err) {
      // Apps Script releases the lock when the execution ends; a failed early release must not undo a finished write.
      console.warn(`ClientBase: could not release the document lock early: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** Runs `work` under the document lock if it can be had within `waitMs`; otherwise returns undefined without running it. */
export function ifDocumentLockFree<T>(waitMs: number, work: () => T): T | undefined {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) return undefined;
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
