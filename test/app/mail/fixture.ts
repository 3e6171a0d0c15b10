/** A set-up base with clients written straight into the sheet, for mail-merge tests. */
import { createEmulator, type Emulator } from '../../../emulator';
import * as server from '../../../src/server';

export interface Person {
  first?: string;
  last?: string;
  email?: string;
  optOut?: boolean | string;
  phone?: string;
  city?: string;
}

export const TEMPLATE = { name: 'Spring', subject: 'Hello {{First name|there}}', body: 'Dear {{First name|customer}},\n\nSpring news for {{City|your city}}.' };

const FIRST = [
  'Anna',
  'Boris',
  'Clara',
  'Dmitri',
  'Elena',
  'Fedor',
  'Galina',
  'Hugo',
  'Irina',
  'Jonas',
  'Katya',
  'Lev',
  'Marta',
  'Nikolai',
  'Olga',
  'Pavel',
  'Quentin',
  'Rosa',
  'Sergei',
  'Tamara',
  'Ugo',
  'Vera',
  'Walter',
  'Xenia',
  'Yuri',
  'Zoe',
];
const LAST = [
  'Ivanova',
  'Smith',
  'Popescu',
  'Kowalski',
  'Novak',
  'Garcia',
  'Müller',
  'Rossi',
  'Dubois',
  'Jensen',
  'Horvat',
  'Silva',
  'Nagy',
  'Berg',
  'Costa',
  'Petrov',
  'Marin',
  'Olsen',
  'Weber',
  'Ionescu',
  'Lind',
  'Moreau',
  'Varga',
  'Kuznetsov',
  'Fischer',
  'Santos',
  'Bauer',
  'Ferrari',
  'Laine',
  'Andersen',
  'Hansen',
];

/** A distinct realistic name for the i-th synthetic client (0-based). */
export function nameOf(i: number): { first: string; last: string } {
  return {
    first: FIRST[i % FIRST.length],
    last: `${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? `-${Math.floor(i / (FIRST.length * LAST.length))}` : ''}`,
  };
}

/** Client IDs C01, C02, … in row order. */
export function seedClients(emu: Emulator, people: readonly Person[]): string[] {
  const [header] = emu.readSheet('Clients') as string[][];
  const ids = people.map((_, i) => `C${String(i + 1).padStart(2, '0')}`);
  const rows = people.map((p, i) =>
    header.map((h) => {
      if (h === 'ID') return ids[i];
      if (h === 'First name') return p.first ?? nameOf(i).first;
      if (h === 'Last name') return p.last ?? nameOf(i).last;
      if (h === 'Email') return p.email ?? `person${i + 1}@example.com`;
      if (h === 'Opt-out') return p.optOut ?? false;
      if (h === 'Phone') return p.phone ?? '';
      if (h === 'City') return p.city ?? '';
      return '';
    }),
  );
  emu.writeSheet('Clients', [header, ...rows]);
  return ids;
}

export function setUpWithClients(emu: Emulator, people: readonly Person[]): string[] {
  server.menuSetUp();
  const ids = seedClients(emu, people);
  const saved = server.apiSaveTemplate(TEMPLATE);
  if (!saved.ok) throw new Error(saved.error.message);
  return ids;
}

export function people(n: number): Person[] {
  return Array.from({ length: n }, (_, i) => ({ ...nameOf(i), email: `person${i + 1}@example.com` }));
}

export function outboxTo(emu: Emulator): string[] {
  return emu.outbox.map((m) => m.to);
}

/**
 * The same spreadsheet "tomorrow": a new emulator from this one's state with
 * the daily quota renewed, installed until `restore` is called.
 */
export function nextDay(emu: Emulator, quota: number): { emu: Emulator; restore: () => void } {
  const state = emu.serialize();
  (state.mail as unknown as { remaining: number }).remaining = quota;
  const next = createEmulator({ user: emu.user(), state, files: { Sidebar: '<html></html>' } });
  return { emu: next, restore: next.install(globalThis) };
}

/**
 * Runs `work` as a web app execution: no active spreadsheet, and
 * getDocumentLock() returns null (LockService reference: "returns null if
 * called from a standalone script or web app"). The emulator does not model
 * execution contexts yet, so the two globals are stubbed for the duration.
 */
export function asWebApp<T>(emu: Emulator, work: () => T): T {
  const g = globalThis as unknown as Record<string, unknown>;
  const spreadsheetApp = g.SpreadsheetApp as object;
  const lockService = g.LockService as object;
  const only = (target: object, name: string, value: unknown) => new Proxy(target, { get: (t, p) => (p === name ? () => value : Reflect.get(t, p)) });
  g.SpreadsheetApp = only(emu.globals.SpreadsheetApp, 'getActiveSpreadsheet', null);
  g.LockService = only(emu.globals.LockService, 'getDocumentLock', null);
  try {
    return work();
  } finally {
    g.SpreadsheetApp = spreadsheetApp;
    g.LockService = lockService;
  }
}
