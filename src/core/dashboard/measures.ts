/**
 * The dashboard's measures computed in code, with the definitions its live
 * formulas use (src/core/dashboard/plan.ts), so the two can check each other:
 * - a purchase belongs to the client whose ID has the same text, ignoring
 *   case and surrounding spaces; rows without a client ID or a real date are
 *   left out; amounts that are not numbers count as 0;
 * - a purchase is a "new client" sale when its month is within
 *   `newClientMonths` months of the month of the client's first purchase
 *   (1: that month only), otherwise a "regular client" sale;
 * - a client is Active with a dated purchase on or after today − activeDays,
 *   Passive with only older ones, "no purchases" without any.
 * Days are serial days (days since 1899-12-30) in the spreadsheet's zone.
 */
import { cellAsText, dateSerial } from '../rules/cell';
import { isDate } from '../values';

export interface PurchaseRow {
  clientId: unknown;
  date: unknown;
  amount: unknown;
}

export interface MonthSales {
  /** Serial of the month's last day (EOMONTH). */
  monthEnd: number;
  newClients: number;
  regularClients: number;
  /** newClients / (newClients + regularClients), 0 for a month without sales. */
  newShare: number;
}

const clientKey = (id: unknown, timeZone?: string): string => cellAsText(id, timeZone).trim().toLowerCase();

/** A real date (or a number Sheets reads as one) as a whole serial day; text dates are not read. */
export function dayOf(value: unknown, timeZone?: string): number | null {
  if (isDate(value)) return Math.floor(dateSerial(value, timeZone));
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value);
  return null;
}

/** Year and month (0-based) of a serial day. */
function yearMonth(serial: number): { year: number; month: number } {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
}

/** EOMONTH(serial, months). */
export function monthEnd(serial: number, months = 0): number {
  const { year, month } = yearMonth(serial);
  return Math.round((Date.UTC(year, month + months + 1, 0) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The last `months` months up to today's, oldest first. */
export function salesByMonth(rows: readonly PurchaseRow[], today: number, newClientMonths: number, months = 12, timeZone?: string): MonthSales[] {
  const first = new Map<string, number>();
  const dated: { key: string; day: number; amount: number }[] = [];
  for (const row of rows) {
    const key = clientKey(row.clientId, timeZone);
    const day = dayOf(row.date, timeZone);
    if (key === '' || day === null) continue;
    const amount = typeof row.amount === 'number' && Number.isFinite(row.amount) ? row.amount : 0;
    dated.push({ key, day, amount });
    const known = first.get(key);
    if (known === undefined || day < known) first.set(key, day);
  }
  const out: MonthSales[] = [];
  const index = new Map<number, MonthSales>();
  for (let k = 1 - months; k <= 0; k++) {
    const entry = { monthEnd: monthEnd(today, k), newClients: 0, regularClients: 0, newShare: 0 };
    out.push(entry);
    index.set(entry.monthEnd, entry);
  }
  for (const p of dated) {
    const entry = index.get(monthEnd(p.day));
    if (!entry) continue;
    const isNew = monthEnd(p.day) <= monthEnd(first.get(p.key) as number, newClientMonths - 1);
    if (isNew) entry.newClients += p.amount;
    else entry.regularClients += p.amount;
  }
  for (const entry of out) {
    const total = entry.newClients + entry.regularClients;
    entry.newShare = total === 0 ? 0 : entry.newClients / total;
  }
  return out;
}

export type Recency = 'active' | 'passive' | 'none';

/** Latest dated purchase per client key. */
export function lastPurchases(rows: readonly PurchaseRow[], timeZone?: string): Map<string, number> {
  const last = new Map<string, number>();
  for (const row of rows) {
    const key = clientKey(row.clientId, timeZone);
    const day = dayOf(row.date, timeZone);
    if (key === '' || day === null) continue;
    const known = last.get(key);
    if (known === undefined || day > known) last.set(key, day);
  }
  return last;
}

export function recencyOf(last: ReadonlyMap<string, number>, clientId: unknown, today: number, activeDays: number, timeZone?: string): Recency {
  const day = last.get(clientKey(clientId, timeZone));
  if (day === undefined) return 'none';
  return day >= today - activeDays ? 'active' : 'passive';
}

/** Clients per stage (as listed, text compared ignoring case) and recency; clients without an ID are not clients. */
export function clientsByStage(
  clients: readonly { id: unknown; stage: unknown }[],
  purchases: readonly PurchaseRow[],
  stages: readonly string[],
  today: number,
  activeDays: number,
  timeZone?: string,
): { stage: string; active: number; passive: number; none: number }[] {
  const last = lastPurchases(purchases, timeZone);
  const table = stages.map((stage) => ({ stage, active: 0, passive: 0, none: 0 }));
  const byStage = new Map(table.map((row) => [row.stage.toLowerCase(), row]));
  for (const client of clients) {
    if (clientKey(client.id, timeZone) === '') continue;
    const row = byStage.get(cellAsText(client.stage, timeZone).toLowerCase());
    if (!row) continue;
    row[recencyOf(last, client.id, today, activeDays, timeZone)]++;
  }
  return table;
}
