/**
 * Log rows (Audit, Interactions, Mailings) that could not be appended under
 * the document lock wait here, in document properties, until the next locked
 * write appends them (gas/lock.ts). Each waiting batch has its own key, so two
 * unlocked executions never read-modify-write the same property and none can
 * overwrite another's rows. Properties allow 9 KB a value and 500 KB a store
 * (developers.google.com/apps-script/guides/services/quotas): a batch is cut
 * into parts that fit, and an over-long cell is shortened with a marker (the
 * edited cell itself still holds the full text).
 */
import { documentProperties } from './handle-memo';

const PREFIX = 'ClientBase.queuedLog.';
/** Bytes of JSON per property value, below the 9 KB limit with room for UTF-8 expansion (measured as UTF-16 length × 3). */
const MAX_VALUE_BYTES = 8_000;
const MAX_CELL_CHARS = 2_000;
/** Queued batches drained per locked write, so one write's cost stays bounded. */
export const MAX_DRAIN = 50;
/** Orders batches queued by one execution within the same millisecond. */
let sequence = 0;

interface QueuedBatch {
  tab: string;
  rows: unknown[][];
}

export interface QueuedLogs {
  keys: string[];
  batches: QueuedBatch[];
}

function encodeCell(value: unknown): unknown {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return { $d: (value as Date).toISOString() };
  if (typeof value === 'string' && value.length > MAX_CELL_CHARS)
    return `${value.slice(0, MAX_CELL_CHARS)}… [shortened while waiting for the lock, ${value.length} characters]`;
  return value;
}

function decodeCell(value: unknown): unknown {
  if (value && typeof value === 'object' && typeof (value as { $d?: unknown }).$d === 'string') return new Date((value as { $d: string }).$d);
  return value;
}

function utf8Bound(text: string): number {
  return text.length * 3;
}

/** JSON values of at most MAX_VALUE_BYTES, each holding whole rows. */
function parts(tab: string, rows: readonly unknown[][]): string[] {
  const out: string[] = [];
  let current: unknown[][] = [];
  const flush = () => {
    if (current.length) out.push(JSON.stringify({ tab, rows: current }));
    current = [];
  };
  for (const row of rows) {
    const encoded = row.map(encodeCell);
    const next = JSON.stringify({ tab, rows: [...current, encoded] });
    if (current.length && utf8Bound(next) > MAX_VALUE_BYTES) flush();
    current.push(encoded);
  }
  flush();
  return out;
}

/** Queues rows for `tab`; returns false when the property store refused them (full), so the caller can append anyway. */
export function queueLogRows(tab: string, rows: readonly unknown[][]): boolean {
  if (rows.length === 0) return true;
  const stamp = `${new Date().toISOString()}.${String(sequence++).padStart(6, '0')}`;
  const id = Utilities.getUuid();
  const values: Record<string, string> = {};
  parts(tab, rows).forEach((value, i) => {
    values[`${PREFIX}${stamp}.${id}.${String(i).padStart(4, '0')}`] = value;
  });
  try {
    // One call for every part: setProperties without deleteAllOthers leaves other keys alone.
    documentProperties().setProperties(values);
    return true;
  } catch {
    return false;
  }
}

/** Whether these properties (one getProperties' worth) hold a queued batch. */
export function anyQueuedLogs(properties: Record<string, string>): boolean {
  return Object.keys(properties).some((k) => k.startsWith(PREFIX));
}

/** The oldest queued batches (up to MAX_DRAIN), in the order they were queued. One read. */
export function readQueuedLogs(): QueuedLogs {
  const all = documentProperties().getProperties();
  const keys = Object.keys(all)
    .filter((k) => k.startsWith(PREFIX))
    .sort()
    .slice(0, MAX_DRAIN);
  const batches: QueuedBatch[] = [];
  for (const key of keys) {
    try {
      const parsed = JSON.parse(all[key]) as QueuedBatch;
      batches.push({ tab: String(parsed.tab), rows: parsed.rows.map((r) => r.map(decodeCell)) });
    } catch {
      batches.push({ tab: '', rows: [] }); // unreadable: dropped with its key rather than blocking the queue forever
    }
  }
  return { keys, batches };
}

export function forgetQueuedLogs(keys: readonly string[]): void {
  if (keys.length === 0) return;
  const properties = documentProperties();
  // One call per queued batch, never per row; at most MAX_DRAIN.
  for (const key of keys) properties.deleteProperty(key);
}
