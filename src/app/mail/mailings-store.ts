/**
 * The Mailings tab held in memory for one execution: read once, appended to
 * and updated in place. Before every update the span it rewrites is read
 * again (one small read of at most a batch of rows) under the document lock:
 * rows are found by campaign and client ID at write time, so a person sorting
 * Mailings between two batches can never make a status land on another row.
 */
import {
  applyUpdates,
  MAILING_HEADERS,
  rowsFromValues,
  rowToValues,
  UPDATE_FIRST_COLUMN,
  updateSpan,
  type MailingRow,
  type MailingUpdate,
} from '../../core/mail/campaign';
import { TAB } from '../../core/schema/tabs';
import { TAB_LAYOUTS } from '../../core/schema/tab-layouts';
import { appendRows, FIRST_DATA_ROW, requireSheet, writeRange } from '../../gas/sheets';
import { ensureTab } from '../../gas/tabs';
import { languageOfTab } from '../../gas/tab-keys';

const WIDTH = MAILING_HEADERS.length;

export interface MailingsStore {
  rows: MailingRow[];
  /** The tab's language: its Status column is written in these words. */
  lang: string;
}

export function openMailings(): MailingsStore {
  const layout = TAB_LAYOUTS[TAB.mailings];
  const { sheet } = ensureTab(TAB.mailings, { header: layout.header, formats: layout.formats });
  const store: MailingsStore = { rows: [], lang: languageOfTab(sheet) };
  reload(store, sheet);
  return store;
}

function reload(store: MailingsStore, sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const last = sheet.getLastRow();
  const values = last >= FIRST_DATA_ROW ? sheet.getRange(FIRST_DATA_ROW, 1, last - 1, WIDTH).getValues() : [];
  store.rows = rowsFromValues(values);
}

/** Appends rows in one write; call under the document lock. */
export function appendMailings(store: MailingsStore, rows: readonly MailingRow[]): void {
  if (rows.length === 0) return;
  const start = appendRows(
    TAB.mailings,
    rows.map((r) => rowToValues(r, store.lang)),
  );
  if (start === store.rows.length + FIRST_DATA_ROW) store.rows.push(...rows);
  else reload(store, requireSheet(TAB.mailings)); // the tab changed under us: blank rows, rows added elsewhere
}

/**
 * Computes updates with `plan` against the rows as they are now and writes
 * them as one block; call under the document lock. Returns what was written.
 */
export function writeMailingUpdates(store: MailingsStore, plan: (rows: readonly MailingRow[]) => MailingUpdate[]): MailingUpdate[] {
  let updates = plan(store.rows);
  if (updates.length === 0) return [];
  const sheet = requireSheet(TAB.mailings);
  const first = Math.min(...updates.map((u) => u.index));
  const last = Math.max(...updates.map((u) => u.index));
  const fresh = rowsFromValues(sheet.getRange(first + FIRST_DATA_ROW, 1, last - first + 1, WIDTH).getValues());
  const same = fresh.length === last - first + 1 && fresh.every((r, i) => sameRow(r, store.rows[first + i]));
  if (same) store.rows.splice(first, fresh.length, ...fresh);
  else reload(store, sheet);
  updates = plan(store.rows);
  const span = updateSpan(store.rows, updates, store.lang);
  if (!span) return [];
  writeRange(sheet.getRange(span.firstIndex + FIRST_DATA_ROW, UPDATE_FIRST_COLUMN + 1, span.values.length, span.values[0].length), span.values);
  store.rows = applyUpdates(store.rows, updates);
  return updates;
}

function sameRow(a: MailingRow, b: MailingRow | undefined): boolean {
  return b !== undefined && a.campaign === b.campaign && a.clientId === b.clientId;
}
