/**
 * The mail ledger tab held in memory for one execution. It is only ever
 * appended to, so a later look reads just the rows added since (one small
 * read); if someone deleted rows by hand it is read again whole.
 */
import { indexLedger, LEDGER_HEADERS, LEDGER_TAB, ledgerFromValues, ledgerRow, newEntries, type LedgerEntry, type LedgerIndex } from '../../core/mail/ledger';
import { STAMP_FORMAT } from '../../core/schema/tab-layouts';
import { asLiteral } from '../../core/sheet/literal';
import { appendRows, findSheet, spreadsheet } from '../../gas/sheets';
import { ensureTab } from '../../gas/tabs';

const WIDTH = LEDGER_HEADERS.length;

export interface LedgerStore {
  entries: LedgerEntry[];
  /** Sheet rows (header included) this store has read. */
  lastRow: number;
  index: LedgerIndex;
}

function sheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
  return findSheet(LEDGER_TAB);
}

/** Creates the tab on first use; inserting a sheet activates it, so the person's tab (and selection) is put back. */
function createSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const active = spreadsheet().getActiveSheet();
  const { sheet: created } = ensureTab(LEDGER_TAB, {
    header: LEDGER_HEADERS,
    formats: LEDGER_HEADERS.map((h) => (h === 'Time' ? STAMP_FORMAT : '@')),
    hidden: true,
    protectWholeTab: 'ClientBase mail ledger: who got which template, and verified opt-outs. Snapshots never restore it.',
  });
  if (active && active.getName() !== LEDGER_TAB) active.activate();
  return created;
}

export function openLedger(): LedgerStore {
  const store: LedgerStore = { entries: [], lastRow: 1, index: indexLedger([]) };
  refreshLedger(store);
  return store;
}

/** Reads what was appended since the last look (by this or any other execution). */
export function refreshLedger(store: LedgerStore): void {
  const tab = sheet();
  const last = tab ? tab.getLastRow() : 1;
  if (last === store.lastRow) return;
  if (last < store.lastRow) {
    store.entries = [];
    store.lastRow = 1;
  }
  if (tab && last > store.lastRow) {
    const values = tab.getRange(store.lastRow + 1, 1, last - store.lastRow, WIDTH).getValues();
    store.entries = store.entries.concat(ledgerFromValues(values));
  }
  store.lastRow = last;
  store.index = indexLedger(store.entries);
}

/** Appends what is not yet on record, in one write; call under the document lock after refreshLedger. */
export function appendLedger(store: LedgerStore, entries: readonly LedgerEntry[]): LedgerEntry[] {
  refreshLedger(store);
  const fresh = newEntries(store.entries, entries);
  if (fresh.length === 0) return [];
  if (!sheet()) createSheet();
  const start = appendRows(
    LEDGER_TAB,
    fresh.map((e) => ledgerRow(e).map((v, i) => asLiteral(v, i !== 0))),
  );
  store.entries = store.entries.concat(fresh);
  store.lastRow = start + fresh.length - 1;
  store.index = indexLedger(store.entries);
  return fresh;
}
