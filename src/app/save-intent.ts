/**
 * A one-client save (the sidebar's Save, a stage change on one card, an
 * interaction moving Last contact) as all or nothing, even when the
 * execution is killed between the row write and the Audit append: before the
 * first write a small intent records each changed cell as it was and as it
 * will be; after the Audit rows it is cleared. The next entry point finds an
 * intent still there and puts back the cells that still hold this save's
 * value (or removes the row it added), with an Audit line saying so. No
 * snapshot: a save touches one row, and the row's cells are the whole undo.
 */
import { auditRows } from '../core/audit/entry';
import { Columns } from '../core/clients/columns';
import { AppFailure } from '../core/result';
import { encodeIntent, type Intent, loadCell, type RowUndo, storeCell } from '../core/snapshot/intent';
import type { CellChange } from '../core/sheet/write-plan';
import { cellText, isBlank, isDate } from '../core/values';
import { clearIntent, writeIntent } from '../gas/intent-store';
import { deleteRowsById } from '../gas/rows-by-id';
import { openKeyed } from '../gas/keyed-rows';
import { appendRows, findSheet } from '../gas/sheets';
import { now, spreadsheetTimeZone } from '../gas/session';
import { rowOf, writeClientRow } from './save-row';
import { TAB } from '../core/schema/tabs';

/** Under the 8 KB a document property may hold (the intent is JSON; non-Latin text counts up to 3 bytes a character). */
const MAX_INTENT_CHARS = 2_500;

export interface RowChange {
  column: string;
  before: unknown;
  after: unknown;
}

/**
 * The intent for a save of client `id`, or null when its cells are too long
 * for one document property (the caller then snapshots Clients instead).
 */
export function rowIntent(user: string, id: string, created: boolean, changes: readonly RowChange[]): Intent | null {
  const row: RowUndo = {
    tab: TAB.clients,
    id,
    created,
    // A new row is removed whole: its cells need not be kept.
    cells: created ? [] : changes.map((c) => ({ column: c.column, before: storeCell(c.before), after: storeCell(c.after) })),
  };
  const intent: Intent = {
    op: created ? 'add client' : 'save client',
    snapshotId: '',
    sheetsBefore: [],
    archiveRows: -1,
    user,
    at: now().toISOString(),
    reason: id,
    row,
  };
  return encodeIntent(intent).length > MAX_INTENT_CHARS ? null : intent;
}

/**
 * Runs `write` (the row write and its Audit rows) between writing the intent
 * and clearing it. A service error rolls back at once; a kill leaves the
 * intent for the next entry point (rollBackRow). Call inside the document lock.
 */
export function writeRowGuarded<T>(intent: Intent, write: () => T): T {
  writeIntent(intent);
  try {
    const result = write();
    clearIntent();
    return result;
  } catch (err) {
    try {
      rollBackRow(intent);
    } catch {
      const cause = err instanceof Error ? err.message : String(err);
      throw new AppFailure('internal', `${cause}; putting the client back failed too. ClientBase finishes that at the next action.`);
    }
    throw err;
  }
}

function same(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  if (isBlank(a) && isBlank(b)) return true;
  return cellText(a) === cellText(b);
}

/**
 * Takes an interrupted save back. Each step can run again: a roll-back killed
 * half way is done again (and finds less to do) by the next call.
 */
export function rollBackRow(intent: Intent): void {
  const undo = intent.row;
  // The client's row by TextFinder on the ID column, not a read of the whole tab (2.7 M cells at 50,000 clients).
  const keyed = undo ? openKeyed(undo.tab) : null;
  let undone: string[] = [];
  if (undo && keyed && keyed.header.length) {
    const cols = new Columns(keyed.header);
    const idColumn = cols.indexOf('ID');
    const found = idColumn < 0 ? null : rowOf(keyed, idColumn, undo.id);
    if (found && undo.created) {
      deleteRowsById(undo.tab, idColumn, [undo.id]);
      undone = ['the added client'];
    } else if (found) {
      const changes: CellChange[] = [];
      for (const cell of undo.cells) {
        const column = cols.indexOf(cell.column);
        // Only a cell that still holds what this save wrote: anything else was changed since, by someone who meant it.
        if (column < 0 || !same(found.values[column], loadCell(cell.after))) continue;
        if (same(found.values[column], loadCell(cell.before))) continue;
        changes.push({ row: 0, column, value: loadCell(cell.before) });
        undone.push(cell.column);
      }
      // Written the way a save writes: changed cells only, re-located by ID and verified, repaired after a sort.
      if (changes.length) {
        writeClientRow({
          tab: undo.tab,
          base: { user: intent.user, timeZone: spreadsheetTimeZone() },
          keyed,
          cols,
          id: undo.id,
          rowNumber: found.rowNumber,
          row: found.values,
          changes,
          stamp: now(),
          fields: undone,
          cellsRead: keyed.width * 2,
        });
      }
    }
  }
  if (findSheet(TAB.audit)) {
    appendRows(
      TAB.audit,
      auditRows([
        {
          time: now(),
          user: intent.user,
          action: `${intent.op} rolled back`,
          clientId: undo?.id ?? '',
          field: undone.join(', '),
          oldValue: '',
          newValue: `interrupted (started ${intent.at}); ${undone.length ? 'put back as it was' : 'nothing of it had been written'}`,
          source: 'recovery',
        },
      ]),
    );
  }
  clearIntent();
}
