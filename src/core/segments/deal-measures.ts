/**
 * Per-client measures from the `Deals` tab, for rules: `Deals total`,
 * `Deals signed total`, `Deals` (how many), `Open deals` and `Last deal date`
 * (the latest Date among them that reads as a day; none: missing, as `Last
 * purchase` of a client who never bought). A client's deals
 * are its own (Deals' Client ID is the client's ID) and its company's (Deals'
 * Company ID is the client's Company ID), each deal once. Cells are read as
 * the live formula reads them (to-formula.ts), so the two back ends agree:
 * - IDs match by their text ignoring case; a blank Company ID matches nothing;
 * - an amount that is not a number counts as 0 (the deal still counts);
 * - signed: Signed, Active or Closed in any of the four languages (core/deals/deal.ts);
 *   open: every other status, blank and a team's own word included, except Lost.
 */
import { dealStatusOf, SIGNED_STATUSES } from '../deals/deal';
import { cellAsDay, cellAsNumber, cellAsText, MISSING, type Missing } from '../rules/cell';

export type DealMeasure = 'dealsTotal' | 'dealsSigned' | 'deals' | 'openDeals' | 'lastDeal';
export const DEAL_MEASURES: readonly DealMeasure[] = ['dealsTotal', 'dealsSigned', 'deals', 'openDeals', 'lastDeal'];

export function isDealMeasure(measure: string): measure is DealMeasure {
  return (DEAL_MEASURES as readonly string[]).includes(measure);
}

interface DealEntry {
  amount: number;
  signed: boolean;
  open: boolean;
  /** Serial day of its Date, or null when the cell reads as no day. */
  day: number | null;
}

export interface DealIndex {
  readonly byClient: ReadonlyMap<string, readonly number[]>;
  readonly byCompany: ReadonlyMap<string, readonly number[]>;
  readonly deals: readonly DealEntry[];
  readonly timeZone?: string;
}

export const EMPTY_DEALS: DealIndex = { byClient: new Map(), byCompany: new Map(), deals: [] };

const key = (value: unknown, timeZone?: string): string => cellAsText(value, timeZone).toLowerCase();

/** The statuses' words, lower case, as the formula matches them (LOWER(TRIM(…))). */
export function isSignedWord(status: unknown): boolean {
  const s = dealStatusOf(cellAsText(status));
  return s !== undefined && SIGNED_STATUSES.includes(s);
}

export function isOpenWord(status: unknown): boolean {
  const s = dealStatusOf(cellAsText(status));
  return s === undefined || (!SIGNED_STATUSES.includes(s) && s !== 'lost');
}

/** Indexes Deals data rows (no header) once; `header` (the tab's first row) locates the columns by name. */
export function indexDeals(rows: readonly unknown[][], options: { header?: readonly unknown[]; timeZone?: string } = {}): DealIndex {
  const at = dealColumnsOf(options.header);
  const byClient = new Map<string, number[]>();
  const byCompany = new Map<string, number[]>();
  const deals: DealEntry[] = [];
  const add = (map: Map<string, number[]>, k: string, i: number) => {
    if (k === '') return;
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  };
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    const client = key(row[at.clientId], options.timeZone);
    const company = at.companyId < 0 ? '' : key(row[at.companyId], options.timeZone);
    if (client === '' && company === '') continue;
    const i = deals.length;
    deals.push({
      amount: cellAsNumber(row[at.amount], options.timeZone) ?? 0,
      signed: isSignedWord(row[at.status]),
      open: isOpenWord(row[at.status]),
      day: cellAsDay(row[at.date], options.timeZone),
    });
    add(byClient, client, i);
    add(byCompany, company, i);
  }
  return { byClient, byCompany, deals, timeZone: options.timeZone };
}

/** Columns of Deals by header name (TAB_HEADERS.Deals order when there is no header). */
export function dealColumnsOf(header: readonly unknown[] | undefined): { clientId: number; companyId: number; date: number; amount: number; status: number } {
  const find = (name: string, fallback: number): number => {
    if (!header) return fallback;
    const i = header.findIndex((h) => typeof h === 'string' && h.trim().toLowerCase() === name.toLowerCase());
    return i < 0 ? fallback : i;
  };
  return { clientId: find('Client ID', 1), companyId: find('Company ID', 3), date: find('Date', 5), amount: find('Amount', 6), status: find('Status', 8) };
}

/** The measure for one client row: its own deals and its company's, each once. */
export function dealMeasureValue(index: DealIndex, clientId: unknown, companyId: unknown, measure: DealMeasure): number | Missing {
  const mine = index.byClient.get(key(clientId, index.timeZone)) ?? [];
  const company = key(companyId, index.timeZone);
  const theirs = company === '' ? [] : (index.byCompany.get(company) ?? []);
  const seen = new Set<number>();
  let total = 0;
  let last: number | null = null;
  for (const i of [...mine, ...theirs]) {
    if (seen.has(i)) continue;
    seen.add(i);
    const d = index.deals[i];
    if (measure === 'lastDeal') {
      if (d.day !== null && (last === null || d.day > last)) last = d.day;
    } else if (measure === 'dealsTotal') total += d.amount;
    else if (measure === 'dealsSigned') total += d.signed ? d.amount : 0;
    else if (measure === 'deals') total += 1;
    else total += d.open ? 1 : 0;
  }
  if (measure === 'lastDeal') return last ?? MISSING;
  return total;
}
