/**
 * Per-client measures derived from the `Purchases` tab (client ID, date,
 * amount, product): last purchase, number of purchases, total spent, spent in
 * the last N days. Cells are read exactly as the live formula reads them (see
 * src/core/rules/README.md, "Measures"), so counts in src/core and the live
 * segment tabs agree:
 * - a purchase belongs to the client whose ID has the same text, ignoring case;
 * - every row with that ID counts as a purchase; amounts that are not numbers count as 0;
 * - only rows whose date reads as a day feed "Last purchase" and "Spent Nd";
 * - "Spent Nd" sums purchases dated from today − N to today, both included.
 */
import { cellAsDay, cellAsNumber, cellAsText, MISSING, todaySerial, type Missing } from '../rules/cell';
import type { Operand } from '../rules/ast';

export const PURCHASE_COLUMNS = ['Client ID', 'Date', 'Amount', 'Product'] as const;

interface PurchaseEntry {
  day: number | null;
  amount: number;
}

export interface PurchaseIndex {
  readonly byClient: ReadonlyMap<string, readonly PurchaseEntry[]>;
  readonly timeZone?: string;
}

/** How measures match a client row to purchase rows: the ID's text, ignoring case. */
export function purchaseKey(clientId: unknown, timeZone?: string): string {
  return cellAsText(clientId, timeZone).toLowerCase();
}

/**
 * Indexes `Purchases` data rows (no header) once, for any number of rules and
 * clients. `header` (the tab's first row) locates the columns by name; without
 * it they are Client ID, Date, Amount in that order.
 */
export function indexPurchases(rows: readonly unknown[][], options: { header?: readonly unknown[]; timeZone?: string } = {}): PurchaseIndex {
  const at = columnsOf(options.header);
  const byClient = new Map<string, PurchaseEntry[]>();
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    const key = purchaseKey(row[at.clientId], options.timeZone);
    if (key === '') continue;
    let list = byClient.get(key);
    if (!list) byClient.set(key, (list = []));
    list.push({ day: cellAsDay(row[at.date], options.timeZone), amount: cellAsNumber(row[at.amount], options.timeZone) ?? 0 });
  }
  return { byClient, timeZone: options.timeZone };
}

function columnsOf(header: readonly unknown[] | undefined): { clientId: number; date: number; amount: number } {
  const find = (name: string, fallback: number): number => {
    if (!header) return fallback;
    const i = header.findIndex((h) => typeof h === 'string' && h.trim().toLowerCase() === name.toLowerCase());
    return i < 0 ? fallback : i;
  };
  return { clientId: find('Client ID', 0), date: find('Date', 1), amount: find('Amount', 2) };
}

export interface ClientMeasures {
  /** Serial day (days since 1899-12-30) of the latest dated purchase, or null. */
  lastPurchase: number | null;
  purchases: number;
  spent: number;
}

export function clientMeasures(index: PurchaseIndex, clientId: unknown): ClientMeasures {
  const list = index.byClient.get(purchaseKey(clientId, index.timeZone)) ?? [];
  let lastPurchase: number | null = null;
  let spent = 0;
  for (const p of list) {
    spent += p.amount;
    if (p.day !== null && (lastPurchase === null || p.day > lastPurchase)) lastPurchase = p.day;
  }
  return { lastPurchase, purchases: list.length, spent };
}

/** Sum of amounts dated today − days … today (serial days, both included). */
export function spentWithin(index: PurchaseIndex, clientId: unknown, today: number, days: number): number {
  let sum = 0;
  for (const p of index.byClient.get(purchaseKey(clientId, index.timeZone)) ?? []) {
    if (p.day !== null && p.day >= today - days && p.day <= today) sum += p.amount;
  }
  return sum;
}

/** The value a rule sees for a measure: a number, or MISSING for a client with no dated purchase. */
export function measureValue(
  index: PurchaseIndex,
  clientId: unknown,
  operand: Extract<Operand, { kind: 'measure'; measure: 'lastPurchase' | 'purchases' | 'spent' | 'spentWithin' }>,
  today: number,
): number | Missing {
  if (operand.measure === 'spentWithin') return spentWithin(index, clientId, today, operand.days);
  const m = clientMeasures(index, clientId);
  if (operand.measure === 'purchases') return m.purchases;
  if (operand.measure === 'spent') return m.spent;
  return m.lastPurchase ?? MISSING;
}

/** Measures of one client for display (sidebar, previews), with the last purchase as YYYY-MM-DD. */
export function describeMeasures(
  index: PurchaseIndex,
  clientId: unknown,
  today: Date,
  windows: readonly number[] = [30, 90, 365],
): {
  lastPurchase: string | null;
  purchases: number;
  spent: number;
  spentWithin: Record<number, number>;
} {
  const m = clientMeasures(index, clientId);
  const day = todaySerial(today, index.timeZone);
  const spent: Record<number, number> = {};
  for (const w of windows) spent[w] = spentWithin(index, clientId, day, w);
  return { lastPurchase: m.lastPurchase === null ? null : serialToIsoDate(m.lastPurchase), purchases: m.purchases, spent: m.spent, spentWithin: spent };
}

export function serialToIsoDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}
