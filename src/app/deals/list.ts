/**
 * The deals a card shows: a client's own (its ID in Client ID) and its
 * company's (by Company ID, else by the company's name), found by TextFinder
 * on those columns and read row by row, so opening a card costs the same in
 * a base of ten deals or of ten thousand.
 */
import { Columns } from '../../core/clients/columns';
import { splitAppendices } from '../../core/deals/deal';
import { TAB } from '../../core/schema/tabs';
import { cellText, type CellValue, isDate } from '../../core/values';
import { formatDay, isoStamp } from '../../gas/dates';
import { findRowsByKey, type KeyedSheet, openKeyed, readRows } from '../../gas/keyed-rows';
import { spreadsheetTimeZone } from '../../gas/session';

export interface DealDto {
  id: string;
  clientId: string;
  company: string;
  companyId: string;
  number: string;
  /** yyyy-mm-dd, or the cell's text when it is not a date. */
  date: string;
  /** A number, or '' when the cell holds none. */
  amount: number | '';
  currency: string;
  status: string;
  appendices: string[];
  manager: string;
  created: string;
  updated: string;
}

export interface DealsQuery {
  clientId?: string;
  companyId?: string;
  companyName?: string;
}

/** The newest deals a card lists; the rest stay in the tab. */
export const DEALS_LIMIT = 100;

export function dealDto(cols: Columns, row: readonly unknown[], timeZone: string): DealDto {
  const text = (name: string) => cellText(cols.get(row, name)).trim();
  const date = cols.get(row, 'Date');
  const amount = cols.get(row, 'Amount');
  return {
    id: text('ID'),
    clientId: text('Client ID'),
    company: text('Company'),
    companyId: text('Company ID'),
    number: text('Number'),
    date: isDate(date) ? formatDay(date, timeZone) : cellText(date),
    amount: typeof amount === 'number' ? amount : '',
    currency: text('Currency'),
    status: text('Status'),
    appendices: splitAppendices(cols.get(row, 'Appendices')),
    manager: text('Manager'),
    created: isoStamp(cols.get(row, 'Created')),
    updated: isoStamp(cols.get(row, 'Updated')),
  };
}

/** Rows whose cell in `column` is exactly `key` (TextFinder, then the rows themselves, checked again). */
function rowsWhere(keyed: KeyedSheet, cols: Columns, column: string, key: string, seen: Set<number>): Map<number, CellValue[]> {
  const at = cols.indexOf(column);
  if (at < 0 || !key) return new Map();
  const found = findRowsByKey(keyed, at + 1, key).filter((n) => !seen.has(n));
  const read = readRows(keyed, found.slice(-DEALS_LIMIT));
  const out = new Map<number, CellValue[]>();
  for (const [n, row] of read) {
    if (cellText(row[at]).trim() !== key) continue;
    seen.add(n);
    out.set(n, row);
  }
  return out;
}

export function listDeals(query: DealsQuery, timeZone = spreadsheetTimeZone()): DealDto[] {
  const keyed = openKeyed(TAB.deals);
  if (!keyed || keyed.lastRow < 2) return [];
  const cols = new Columns(keyed.header);
  const seen = new Set<number>();
  const rows = new Map<number, CellValue[]>();
  const add = (found: Map<number, CellValue[]>) => {
    for (const [n, r] of found) rows.set(n, r);
  };
  const clientId = String(query?.clientId ?? '').trim();
  const companyId = String(query?.companyId ?? '').trim();
  const companyName = String(query?.companyName ?? '').trim();
  if (clientId) add(rowsWhere(keyed, cols, 'Client ID', clientId, seen));
  if (companyId) add(rowsWhere(keyed, cols, 'Company ID', companyId, seen));
  // By name only when the company has no ID yet, or for rows typed by hand with the name alone.
  if (companyName) add(rowsWhere(keyed, cols, 'Company', companyName, seen));
  return [...rows.values()]
    .map((r) => dealDto(cols, r, timeZone))
    .filter((d) => d.id)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : -1))
    .slice(0, DEALS_LIMIT);
}
