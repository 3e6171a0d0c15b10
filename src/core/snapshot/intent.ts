/**
 * A durable intent: what a bulk operation is about to do, written before its
 * first change and cleared after its last. Apps Script can end an execution
 * between any two service calls with no catch or finally (the 6-minute limit,
 * 30 s for simple triggers), so the next execution must be able to tell that
 * an operation stopped half way and take it back. The bulky part (the tabs as
 * they were) is the operation's snapshot; the intent itself stays small, well
 * under the 9 KB a document property may hold.
 */
export interface Intent {
  /** What runs: 'merge', 'undo merge', 'set stage', 'reassign', 'adopt', 'restore', 'apply fixes', 'delete'. */
  op: string;
  /** The snapshot holding every tab the operation rewrites, as it was. */
  snapshotId: string;
  /** Tabs of the spreadsheet before the operation; tabs it created are removed on roll-back (the Snapshots tab stays). */
  sheetsBefore: string[];
  /** Data rows of Archive and Audit before (-1: the tab did not exist), so appended rows can be told apart. */
  archiveRows: number;
  user: string;
  /** ISO time the operation started. */
  at: string;
  reason: string;
}

const MAX_REASON = 300;

export function encodeIntent(intent: Intent): string {
  return JSON.stringify({ ...intent, reason: intent.reason.slice(0, MAX_REASON) });
}

/** null for anything that is not a well-formed intent (a hand-edited or truncated property). */
export function decodeIntent(text: string | null): Intent | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<Intent>;
    if (typeof v.op !== 'string' || typeof v.snapshotId !== 'string' || !Array.isArray(v.sheetsBefore)) return null;
    return {
      op: v.op,
      snapshotId: v.snapshotId,
      sheetsBefore: v.sheetsBefore.map(String),
      archiveRows: typeof v.archiveRows === 'number' ? v.archiveRows : -1,
      user: String(v.user ?? ''),
      at: String(v.at ?? ''),
      reason: String(v.reason ?? ''),
    };
  } catch {
    return null;
  }
}
