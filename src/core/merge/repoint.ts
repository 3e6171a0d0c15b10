/**
 * Records that belong to a client (interactions, purchases, mailing rows)
 * follow it to the surviving ID on merge and come back on undo. Rows are
 * recognised by content, not position, because the sheet may be sorted in between.
 */
import { cellText, isDate } from '../values';

export interface Repointed {
  tab: string;
  fromId: string;
  /** Fingerprints of the rows that were moved, one per row (repeats allowed). */
  rows: string[];
}

/** A row's identity without its Client ID: every other cell, dates as instants. */
export function fingerprint(row: readonly unknown[], clientIdColumn: number): string {
  return row.map((v, i) => (i === clientIdColumn ? '' : isDate(v) ? `@${v.getTime()}` : cellText(v))).join('\u001f');
}

/** Data-row indexes whose Client ID is one of `fromIds`, grouped by that ID. */
export function rowsOfClients(rows: readonly (readonly unknown[])[], clientIdColumn: number, fromIds: ReadonlySet<string>): Map<string, number[]> {
  const found = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const id = cellText(row[clientIdColumn]);
    if (!fromIds.has(id)) return;
    const list = found.get(id);
    if (list) list.push(i);
    else found.set(id, [i]);
  });
  return found;
}

/**
 * Undo: among rows now pointing at `survivorId`, the ones whose fingerprint
 * was moved from `fromId`, each fingerprint used as many times as it was moved.
 */
export function rowsToPointBack(rows: readonly (readonly unknown[])[], clientIdColumn: number, survivorId: string, moved: Repointed): number[] {
  const wanted = new Map<string, number>();
  for (const f of moved.rows) wanted.set(f, (wanted.get(f) ?? 0) + 1);
  const result: number[] = [];
  rows.forEach((row, i) => {
    if (cellText(row[clientIdColumn]) !== survivorId) return;
    const f = fingerprint(row, clientIdColumn);
    const left = wanted.get(f) ?? 0;
    if (left > 0) {
      wanted.set(f, left - 1);
      result.push(i);
    }
  });
  return result;
}
