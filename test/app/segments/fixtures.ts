/** A set-up base with chosen clients and purchases, written straight into the emulator (uncounted). */
import type { Emulator } from '../../../emulator';
import * as server from '../../../src/server';

export const TZ = 'Europe/Moscow';

// One formatter for the file: constructing an Intl.DateTimeFormat costs more than the fixtures' other work together.
const MOSCOW_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Noon in Moscow, `daysAgo` calendar days before today there: a date cell as Sheets would hold it. */
export function daysAgo(days: number): Date {
  const [y, m, d] = MOSCOW_DAY.format(new Date()).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - days, 9));
}

/** The same day as text, YYYY-MM-DD (a date typed into a plain-text cell). */
export function isoDaysAgo(days: number): string {
  return daysAgo(days).toISOString().slice(0, 10);
}

export type ClientValues = Record<string, unknown>;

export function setUpBase(emu: Emulator): string[] {
  server.menuSetUp();
  return emu.readSheet('Clients')[0] as string[];
}

/** Replaces the clients: each gets an ID (its `ID` or C-T0001…) and stamps. Returns the IDs in order. */
export function writeClients(emu: Emulator, clients: ClientValues[]): string[] {
  const header = emu.readSheet('Clients')[0] as string[];
  const stamp = new Date('2026-01-15T10:00:00Z');
  const ids: string[] = [];
  const rows = clients.map((c, i) => {
    const values: ClientValues = { ID: `C-T${String(i + 1).padStart(4, '0')}`, Created: stamp, Updated: stamp, 'Updated by': 'seed@example.com', ...c };
    ids.push(String(values.ID));
    return header.map((h) => values[h] ?? '');
  });
  emu.writeSheet('Clients', [header, ...rows]);
  return ids;
}

/** Rows of [client ID, date, amount, product]. */
export function writePurchases(emu: Emulator, purchases: unknown[][]): void {
  // The layout Set up makes: an ID column first (the formulas follow the tab's own header, so this must match it).
  emu.writeSheet('Purchases', [['ID', 'Client ID', 'Date', 'Amount', 'Product'], ...purchases.map((p, i) => [`P-T${String(i + 1).padStart(4, '0')}`, ...p])]);
}

/** Rewrites the Segments rows (Name, Rule, Description) through `edit`; the header stays as it is. */
export function editSegments(emu: Emulator, edit: (rows: string[][]) => string[][]): void {
  const [, ...rows] = emu.readSheet('Segments');
  const next = edit(rows.map((r) => r.slice(0, 3).map(String)));
  // Typed into the tab as a person would: its Name/Rule/Description columns are plain text.
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Segments')!;
  const height = Math.max(rows.length, next.length);
  if (height === 0) return;
  sheet.getRange(2, 1, height, 3).setValues(Array.from({ length: height }, (_, i) => next[i] ?? ['', '', '']));
}

/** Appends rows to Segments (Name, Rule, Description) after the current ones. */
export function addSegmentRows(emu: Emulator, extra: string[][]): void {
  editSegments(emu, (rows) => [...rows, ...extra]);
}

/** The client IDs a segment tab shows now, as the emulator evaluates its formula. */
export function liveTabIds(emu: Emulator, tab: string): string[] {
  const [header = [], ...rows] = emu.readSheet(tab);
  const id = header.indexOf('ID');
  return rows.map((r) => String(r[id] ?? '')).filter((v) => v !== '');
}

/** `n` synthetic clients with a spread of stages, cities, genders and purchases, for call-count comparisons. */
export function seedMany(emu: Emulator, n: number): string[] {
  const stages = ['Cold', 'Warm', 'Hot', 'VIP', 'Lost'];
  const cities = ['St. Petersburg', 'Moscow', 'Київ', 'Chișinău'];
  const ids = writeClients(
    emu,
    Array.from({ length: n }, (_, i) => ({
      'First name': `Name${i}`,
      'Last name': i % 2 ? 'Петрова' : 'Popescu',
      Stage: stages[i % stages.length],
      City: cities[i % cities.length],
      Gender: i % 3 ? 'Female' : 'Male',
      'Last contact': i % 4 ? daysAgo(i % 200) : '',
    })),
  );
  writePurchases(
    emu,
    ids.filter((_, i) => i % 2 === 0).map((id, i) => [id, daysAgo(i % 120), 100 + (i % 9) * 100, 'Tea']),
  );
  return ids;
}
