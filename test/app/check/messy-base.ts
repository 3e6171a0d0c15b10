/** A set-up base over the emulator with clients given as objects by column name (uncounted writes). */
import type { Emulator } from '../../../emulator';
import * as server from '../../../src/server';

export type ClientValues = Record<string, unknown>;

export const STAMP = new Date('2026-01-15T10:00:00Z');

export function setUpBase(emu: Emulator, clients: ClientValues[]): string[] {
  server.menuSetUp();
  emu.ui.alerts.length = 0;
  emu.ui.sidebars.length = 0;
  const [header] = emu.readSheet('Clients') as string[][];
  const rows = clients.map((values, i) =>
    header.map((h) => {
      if (h in values) return values[h];
      if (h === 'ID') return `C-${String(i + 1).padStart(4, '0')}`;
      if (h === 'Created' || h === 'Updated') return STAMP;
      if (h === 'Updated by') return 'boris@example.com';
      return '';
    }),
  );
  emu.writeSheet('Clients', [header, ...rows]);
  return header;
}

/** Clean clients: no problem at all under the default fields. */
export function cleanClient(i: number): ClientValues {
  return { 'First name': 'Anna', 'Last name': `Clean${String.fromCharCode(97 + (i % 26))}`, Email: `clean${i}@example.com`, Stage: 'Warm' };
}

/** A client with two fixable problems: a local phone and an upper-case first name. */
export function messyClient(i: number): ClientValues {
  return { 'First name': 'ИВАН', 'Last name': 'Petrov', Phone: '8 916 123-45-67', Email: `messy${i}@example.com`, Stage: 'Hot' };
}

export function cellOf(emu: Emulator, tab: string, id: string, column: string): unknown {
  const [header, ...rows] = emu.readSheet(tab);
  const row = rows.find((r) => r[header.indexOf('ID')] === id);
  return row?.[header.indexOf(column)];
}

/** Sheet row (1-based) and column (1-based) of a client's cell. */
export function positionOf(emu: Emulator, id: string, column: string): { row: number; column: number } {
  const [header, ...rows] = emu.readSheet('Clients');
  return { row: rows.findIndex((r) => r[header.indexOf('ID')] === id) + 2, column: header.indexOf(column) + 1 };
}

/** Writes one cell through the Sheets API, as a person typing it would (counted: do it before measuring). */
export function typeInto(id: string, column: string, value: unknown, emu: Emulator): void {
  const { row, column: col } = positionOf(emu, id, column);
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!.getRange(row, col).setValue(value);
}

/** Adds `email` as a manager in the Settings tab. */
export function addManager(emu: Emulator, email: string): void {
  const settings = emu.readSheet('Settings');
  emu.writeSheet(
    'Settings',
    settings.map((r) => (r[0] === 'managers' ? [r[0], email, r[2]] : r)),
  );
}
