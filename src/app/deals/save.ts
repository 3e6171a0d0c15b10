/**
 * Adding or editing one deal from a card. Under the document lock; the row
 * is found by its ID at write time (TextFinder on the ID column, checked just
 * before and just after the write); each changed cell goes to Audit on the
 * deal's contact, so it shows in the client's history. A kill between the
 * row write and the Audit rows cannot split them: the one-row intent of a
 * client save (save-intent.ts) records the cells first, and the next entry
 * point takes back a deal left unaudited. No whole-tab read: the costs do
 * not grow with the number of deals or clients.
 */
import { type AuditEntry, auditRows } from '../../core/audit/entry';
import { Columns } from '../../core/clients/columns';
import { newId } from '../../core/clients/id';
import { stampAfter } from '../../core/clients/stamp';
import { checkDeal, type CheckedDeal, type DealInput } from '../../core/deals/deal';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import { TAB_LAYOUTS } from '../../core/schema/tab-layouts';
import { type CellChange, planWrites } from '../../core/sheet/write-plan';
import { encodeIntent, type Intent, type RowUndo, storeCell } from '../../core/snapshot/intent';
import { usesDecimalComma } from '../../core/validate/parse-number';
import { cellText, isBlank, isDate } from '../../core/values';
import { isoStamp, toSheetDay } from '../../gas/dates';
import { findRowsByKey, type KeyedSheet, openKeyed, readRows } from '../../gas/keyed-rows';
import { withDocumentLock } from '../../gas/lock';
import { SheetMovedError } from '../../gas/rows-by-id';
import { appendRows, FIRST_DATA_ROW, writeBlocks, writeRange } from '../../gas/sheets';
import { now } from '../../gas/session';
import { sheetLanguage } from '../../gas/tab-keys';
import { ensureTab } from '../../gas/tabs';
import { loadBase, requireRole } from '../base';
import { refuseWhileUnfinished } from '../intents';
import { writeRowGuarded } from '../save-intent';
import { dealDto, type DealDto } from './list';

/** The cells of a checked deal by column, as written to the sheet. */
function cellsOf(deal: CheckedDeal, timeZone: string): Record<string, unknown> {
  return {
    'Client ID': deal.clientId,
    Company: deal.company,
    'Company ID': deal.companyId,
    Number: deal.number,
    Date: deal.date ? toSheetDay(deal.date, timeZone) : '',
    Amount: deal.amount,
    Currency: deal.currency,
    Status: deal.status,
    Appendices: deal.appendices,
    Manager: deal.manager,
  };
}

const INPUT_KEY: Record<string, keyof DealInput> = {
  'Client ID': 'clientId',
  Company: 'company',
  'Company ID': 'companyId',
  Number: 'number',
  Date: 'date',
  Amount: 'amount',
  Currency: 'currency',
  Status: 'status',
  Appendices: 'appendices',
  Manager: 'manager',
};

function same(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  if (isBlank(a) && isBlank(b)) return true;
  return cellText(a) === cellText(b);
}

/** Under one document property; longer deals (20 long links) are refused rather than written unguarded. */
const MAX_INTENT_CHARS = 2_500;

function dealIntent(user: string, id: string, created: boolean, cells: RowUndo['cells']): Intent {
  const intent: Intent = {
    op: created ? 'add deal' : 'save deal',
    snapshotId: '',
    sheetsBefore: [],
    archiveRows: -1,
    user,
    at: now().toISOString(),
    reason: id,
    row: { tab: TAB.deals, id, created, cells: created ? [] : cells },
  };
  if (encodeIntent(intent).length > MAX_INTENT_CHARS)
    throw new AppFailure('validation', 'This deal is too long to save in one step; shorten its appendices.', { appendices: 'Too long' });
  return intent;
}

export function saveDeal(input: DealInput, source = 'sidebar'): DealDto {
  if (!input || typeof input !== 'object') throw new AppFailure('bad_input', 'Nothing to save: the form sent no deal.');
  if (input.id !== undefined && (typeof input.id !== 'string' || !input.id.trim())) throw new AppFailure('bad_input', 'The deal to edit has no ID.');
  const base = loadBase();
  requireRole(base, 'manager', 'add or edit deals');
  const lang = sheetLanguage();
  const checked = checkDeal(input, { today: now(), decimalComma: usesDecimalComma(base.settings.defaultCountry), lang, edit: input.id !== undefined });
  if (!checked.ok) throw new AppFailure('validation', 'Some fields of the deal need attention; nothing was saved.', checked.errors);
  const deal = checked.deal;
  if (!deal.manager) deal.manager = base.user;
  return withDocumentLock(() => {
    refuseWhileUnfinished();
    if (deal.clientId) {
      const clients = openKeyed(TAB.clients);
      const idAt = clients ? new Columns(clients.header).indexOf('ID') : -1;
      const hit = clients && idAt >= 0 ? readRows(clients, findRowsByKey(clients, idAt + 1, deal.clientId).slice(0, 1)) : new Map();
      if (![...hit.values()].some((r) => cellText(r[idAt]) === deal.clientId)) throw new AppFailure('not_found', `No client with ID ${deal.clientId}.`);
    }
    // A base set up before deals existed gets the tab at its first deal.
    const layout = TAB_LAYOUTS[TAB.deals];
    ensureTab(TAB.deals, { header: layout.header, formats: layout.formats });
    const keyed = openKeyed(TAB.deals);
    if (!keyed) throw new AppFailure('not_found', 'The Deals tab is missing.');
    const cols = new Columns(keyed.header);
    const idAt = cols.indexOf('ID');
    if (idAt < 0) throw new AppFailure('bad_input', 'The Deals tab has no ID column; put its header back (ID) and try again.');
    const values = cellsOf(deal, base.timeZone);
    const time = now();
    // Audit rows go on the deal's contact (its card's history shows them), named by the deal's number.
    let owner = deal.clientId;
    let label = deal.number;
    const audit = (action: string, id: string, field: string, oldValue: unknown, newValue: unknown): AuditEntry => ({
      time,
      user: base.user,
      action,
      clientId: owner || id,
      field: `Deal ${label || id}: ${field}`,
      oldValue,
      newValue,
      source,
    });

    if (!input.id) {
      let id = newId('D', new Set());
      while (findRowsByKey(keyed, idAt + 1, id).length) id = newId('D', new Set([id]));
      const row: unknown[] = keyed.header.map(() => '');
      const put = (name: string, value: unknown) => {
        const i = cols.indexOf(name);
        if (i >= 0) row[i] = value;
      };
      put('ID', id);
      for (const [name, value] of Object.entries(values)) put(name, value);
      put('Created', time);
      put('Updated', time);
      const entries = Object.entries(values)
        .filter(([, v]) => !isBlank(v))
        .map(([name, v]) => audit('add deal', id, name, '', v));
      return writeRowGuarded(dealIntent(base.user, id, true, []), () => {
        appendRows(TAB.deals, [row]);
        appendRows(TAB.audit, auditRows(entries, base.timeZone));
        return dealDto(cols, row, base.timeZone);
      });
    }

    const id = input.id.trim();
    const rowNumber = findRowsByKey(keyed, idAt + 1, id)[0];
    const current = rowNumber ? readRows(keyed, [rowNumber]).get(rowNumber) : undefined;
    if (!rowNumber || !current || cellText(current[idAt]).trim() !== id) throw new AppFailure('not_found', `No deal with ID ${id}. It may have been deleted.`);
    if (input.clientId === undefined) owner = cellText(cols.get(current, 'Client ID')).trim();
    if (input.number === undefined) label = cellText(cols.get(current, 'Number')).trim();
    const version = isoStamp(cols.get(current, 'Updated'));
    // Like a client edit: an edit must say which version it was made on, and an empty stamp is a version too.
    if (typeof input.expectedUpdated !== 'string')
      throw new AppFailure('bad_input', 'This edit does not say which version of the deal it was made on; reload the card and save again.');
    if (version !== input.expectedUpdated) {
      throw new AppFailure('conflict', `This deal was changed at ${version} after you opened it. Reload the card, then edit again.`);
    }
    const updated: unknown[] = [...current];
    const cells: RowUndo['cells'] = [];
    const entries: AuditEntry[] = [];
    for (const [name, value] of Object.entries(values)) {
      const i = cols.indexOf(name);
      // An edit changes what the form sent; a column it left out (the company, on a contact's card) stays.
      if (i < 0 || input[INPUT_KEY[name]] === undefined || same(current[i], value)) continue;
      updated[i] = value;
      cells.push({ column: keyed.header[i], before: storeCell(current[i]), after: storeCell(value) });
      entries.push(audit('edit deal', id, name, current[i], value));
    }
    if (entries.length === 0) return dealDto(cols, current, base.timeZone);
    if (!['Client ID', 'Company', 'Company ID'].some((name) => !isBlank(updated[cols.indexOf(name)]))) {
      throw new AppFailure('validation', 'A deal needs a contact or a company; nothing was saved.', { clientId: 'A deal needs a contact or a company' });
    }
    const stampAt = cols.indexOf('Updated');
    if (stampAt >= 0) {
      const stamp = stampAfter(current[stampAt], time);
      cells.push({ column: keyed.header[stampAt], before: storeCell(current[stampAt]), after: storeCell(stamp) });
      updated[stampAt] = stamp;
    }
    return writeRowGuarded(dealIntent(base.user, id, false, cells), () => {
      // Found by ID a few calls ago; checked again right before and right after the one write of the row.
      // The last look: the deal's row and its neighbours, whole, so a row an insert or a sort brings under the write can be put back.
      const look = lookAround(keyed, rowNumber, idAt);
      const at = look.values.findIndex((r) => cellText(r[idAt]).trim() === id);
      if (at < 0) throw new SheetMovedError(TAB.deals);
      const target = look.firstRow + at;
      const idNow = (row: number) => cellText(keyed.sheet.getRange(row, idAt + 1).getValue()).trim();
      // Changed cells only: the ID cell is never rewritten, so the check after the write can tell whose row it hit.
      const changes = updated.flatMap((value, column) => (same(look.values[at][column], value) ? [] : [{ row: 0, column, value }]));
      const blocks = planWrites(changes, { values: [look.values[at]], formulas: [look.formulas[at]], firstRow: target });
      writeBlocks(TAB.deals, blocks);
      const hit = idNow(target);
      if (hit !== id) {
        putBack(keyed, look, target, hit, idAt, changes);
        throw new SheetMovedError(TAB.deals);
      }
      appendRows(TAB.audit, auditRows(entries, base.timeZone));
      return dealDto(cols, updated, base.timeZone);
    });
  });
}

/** Rows read around the deal's: every row when the tab is small, else a few either side (an inserted row moves a neighbour in). */
const LOOK_CELLS = 40_000;
const WINDOW = 3;

interface Look {
  firstRow: number;
  values: unknown[][];
  formulas: string[][];
}

function lookAround(keyed: KeyedSheet, rowNumber: number, idAt: number): Look {
  const last = keyed.sheet.getLastRow();
  const all = (last - FIRST_DATA_ROW + 1) * keyed.width <= LOOK_CELLS;
  const firstRow = all ? FIRST_DATA_ROW : Math.max(FIRST_DATA_ROW, rowNumber - WINDOW);
  const lastRow = all ? last : Math.min(last, rowNumber + WINDOW);
  if (lastRow < firstRow) throw new SheetMovedError(TAB.deals);
  const range = keyed.sheet.getRange(firstRow, 1, lastRow - firstRow + 1, keyed.width);
  const values = range.getValues() as unknown[][];
  const formulas = range.getFormulas();
  // Two reads: a move between them would pair one row's values with another's formulas.
  const ids = keyed.sheet.getRange(firstRow, idAt + 1, lastRow - firstRow + 1, 1).getValues();
  if (ids.some((r, i) => cellText(r[0]).trim() !== cellText(values[i][idAt]).trim())) throw new SheetMovedError(TAB.deals);
  return { firstRow, values, formulas };
}

/**
 * The write went to the row of deal `hit` (blank: an inserted row). If that
 * row now holds what was written, it goes back to what the look saw, where
 * that deal is now; a row the look did not see is reported instead.
 */
function putBack(keyed: KeyedSheet, look: Look, row: number, hit: string, idAt: number, written: readonly CellChange[]): void {
  const landed = keyed.sheet.getRange(row, 1, 1, keyed.width).getValues()[0] as unknown[];
  if (!written.every((c) => same(landed[c.column], c.value))) return;
  const at = hit ? look.values.findIndex((r) => cellText(r[idAt]).trim() === hit) : -1;
  if (hit && at < 0) {
    throw new AppFailure('conflict', `The Deals tab was sorted while saving, and the change went to the row of deal ${hit}. Check that deal, then save again.`);
  }
  const target = hit ? findRowsByKey(keyed, idAt + 1, hit)[0] : row;
  if (!target) throw new SheetMovedError(TAB.deals);
  const values = at >= 0 ? look.values[at] : landed.map(() => '');
  const formulas = at >= 0 ? look.formulas[at] : landed.map(() => '');
  const sheet = keyed.sheet;
  // The written columns only, as the look saw them (the rest of that row was never touched).
  const from = Math.min(...written.map((c) => c.column));
  const to = Math.max(...written.map((c) => c.column));
  const span = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  writeRange(sheet.getRange(target, from + 1, 1, span.length), [span.map((c) => (formulas[c] ? '' : values[c]))]);
  for (const c of span) if (formulas[c]) sheet.getRange(target, c + 1).setFormula(formulas[c]);
}
