/**
 * Interactions and Purchases tabs made before rows had IDs ("Client ID,
 * Date, Type…", "Client ID, Date, Amount, Product") get an ID column in
 * front, so their rows can be found again by ID when a person sorts the tab
 * (Mark done, merges, reassignments) and new rows line up with the header.
 * Every row that holds something gets an ID; none is dropped or moved. Run by
 * Set up (also on a base already set up) under the document lock; a kill
 * between adding the column and filling it leaves a blank first header cell,
 * which the next run fills instead of adding another column.
 *
 * The segment formulas name Purchases columns by letter: Sheets shifts them
 * when a column is inserted, but the add-on does not count on it and rebuilds
 * the segment tabs from the new layout, before the header that marks the
 * upgrade done.
 */
import { canonicalHeaders } from '../core/i18n/sheet-words';
import { newId } from '../core/clients/id';
import { TAB } from '../core/schema/tabs';
import { cellText } from '../core/values';
import { findSheet, writeRange } from '../gas/sheets';

/** True when the tab was given its ID column now (or its blank ID header filled after a kill). */
function ensureRowIds(tab: string, prefix: string, beforeHeader?: () => void): boolean {
  const sheet = findSheet(tab);
  if (!sheet) return false;
  const width = sheet.getLastColumn();
  if (width < 1) return false;
  const raw = (sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[]).map((h) => cellText(h).trim());
  const header = canonicalHeaders(tab, raw);
  // Not the add-on's layout (no Client ID) or already keyed: left as it is.
  if (header.includes('ID') || !header.includes('Client ID')) return false;
  if (raw[0] !== '') sheet.insertColumnBefore(1);
  const last = sheet.getLastRow();
  const rows = last >= 2 ? sheet.getRange(2, 2, last - 1, Math.max(sheet.getLastColumn() - 1, 1)).getValues() : [];
  const taken = new Set<string>();
  const ids = rows.map((r) => {
    if (!r.some((v) => cellText(v).trim() !== '')) return [''];
    const id = newId(prefix, taken);
    taken.add(id);
    return [id];
  });
  // IDs, then what depends on the new layout, header last: a kill before the header leaves the blank cell
  // the next run recognises, and it does all of it again.
  if (ids.length) writeRange(sheet.getRange(2, 1, ids.length, 1), ids);
  beforeHeader?.();
  writeRange(sheet.getRange(1, 1), [['ID']]);
  return true;
}

export function ensureInteractionIds(): boolean {
  return ensureRowIds(TAB.interactions, 'I');
}

/** Purchases rows get P-… IDs; `rebuild` (the segment tabs) runs before the header is written, so a kill in it is redone. */
export function ensurePurchaseIds(rebuild?: () => void): boolean {
  return ensureRowIds(TAB.purchases, 'P', rebuild);
}
