/**
 * Whether this execution holds the document lock right now. LockService has
 * no way to ask ("hasLock" answers only for the Lock object that took it), and
 * appendRows must know: an append to a log tab outside the lock races other
 * executions for the same "last row + 1".
 */
let depth = 0;

export function documentLockHeld(): boolean {
  return depth > 0;
}

export function enterDocumentLock(): void {
  depth++;
}

export function leaveDocumentLock(): void {
  depth = Math.max(0, depth - 1);
}
