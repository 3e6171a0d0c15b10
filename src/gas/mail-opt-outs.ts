/**
 * Verified opt-outs waiting to reach Clients. The unsubscribe web app runs
 * with no active spreadsheet and no document lock (LockService reference:
 * getDocumentLock "returns null if called from a standalone script or web
 * app"), so it records each opt-out as one script property under the script
 * lock; every execution of the add-on moves them into Clients. One small
 * property per client (about 150 bytes) keeps far below 9 KB a value; the
 * 500 KB store holds thousands of clicks between two runs of the add-on.
 */
const PREFIX = 'ClientBase.optout.';
const LOCK_WAIT_MS = 10_000;

export interface PendingOptOut {
  key: string;
  value: string;
}

/** Runs `work` under the script lock, the one lock a web app execution has. */
export function withScriptLock<T>(work: () => T): T {
  const lock = LockService.getScriptLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) throw new Error('Another execution holds the script lock.');
  try {
    return work();
  } finally {
    try {
      lock.releaseLock();
    } catch {
      // Released when the execution ends anyway.
    }
  }
}

export function pendingKey(id: string): string {
  return PREFIX + id;
}

export function readPendingOptOut(key: string): string | null {
  return PropertiesService.getScriptProperties().getProperty(key);
}

export function writePendingOptOut(key: string, value: string): void {
  PropertiesService.getScriptProperties().setProperty(key, value);
}

/** Every pending opt-out: one getProperties call. */
export function listPendingOptOuts(): PendingOptOut[] {
  const all = PropertiesService.getScriptProperties().getProperties();
  return Object.keys(all)
    .filter((k) => k.startsWith(PREFIX))
    .sort()
    .map((key) => ({ key, value: all[key] }));
}

/**
 * Removes the given pending opt-outs in one write: every other script
 * property is written back unchanged. Call under the script lock, so no web
 * app execution adds one in between.
 */
export function deletePendingOptOuts(keys: readonly string[]): void {
  if (keys.length === 0) return;
  const properties = PropertiesService.getScriptProperties();
  const all = properties.getProperties();
  for (const key of keys) delete all[key];
  properties.setProperties(all, true);
}
