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
  /** What runs: 'merge', 'undo merge', 'set stage', 'reassign', 'adopt', 'restore', 'apply fixes', 'delete', or a one-client 'save client' / 'add client'. */
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
  /** A one-client save instead of a bulk operation: no snapshot, the changed cells themselves. */
  row?: RowUndo;
}

/** A cell value that survives JSON: a date travels as `{ d: ISO }`. */
export type StoredCell = string | number | boolean | { d: string };

/**
 * One client's row as a save is about to change it: each changed cell as it
 * was and as it will be, so a roll-back puts back only cells that still hold
 * this save's value (a hand edit made since is left alone).
 */
export interface RowUndo {
  tab: string;
  id: string;
  /** The save adds the row: a roll-back removes it. */
  created: boolean;
  cells: { column: string; before: StoredCell; after: StoredCell }[];
}

export function storeCell(value: unknown): StoredCell {
  if (value instanceof Date) return { d: value.toISOString() };
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return value === null || value === undefined ? '' : String(value);
}

export function loadCell(value: StoredCell): unknown {
  return typeof value === 'object' && value !== null ? new Date(value.d) : value;
}

function decodeRow(v: unknown): RowUndo | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const r = v as Partial<RowUndo>;
  if (typeof r.id !== 'string' || typeof r.tab !== 'string' || !Array.isArray(r.cells)) return undefined;
  return {
    tab: r.tab,
    id: r.id,
    created: r.created === true,
    cells: r.cells.filter((c) => c && typeof c.column === 'string').map((c) => ({ column: c.column, before: c.before ?? '', after: c.after ?? '' })),
  };
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
      ...(v.row ? { row: decodeRow(v.row) } : {}),
    };
  } catch {
    return null;
  }
}
