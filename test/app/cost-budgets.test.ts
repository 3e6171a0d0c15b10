/**
 * What the sidebar costs on a real spreadsheet at 50,000 clients, 100,000
 * interactions and 150,000 audit rows, by the emulator's cost model: cells
 * read and written per operation (counts, not times).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator';
import * as server from '../../src/server';
import { seedClients, seedHistory } from '../../bench/seed';
import { unwrap } from '../support/emulated';
import { candidateIndex } from '../../src/core/search/duplicate-candidates';

const SIZE = 50_000;
const id = (i: number) => `C-B${String(i).padStart(7, '0')}`;
let emu: Emulator;
let restore: () => void;

beforeAll(() => {
  emu = createEmulator({ user: 'bench@example.com', files: { Sidebar: '<html></html>' } });
  restore = emu.install(globalThis);
  seedClients(emu, SIZE);
  seedHistory(emu, SIZE);
}, 120_000);

afterAll(() => restore());

/** What the sidebar sends with a check: rows of the index it loaded once, picked in the browser. */
let loadedIndex: { fields: string[]; total: number; pick: ReturnType<typeof candidateIndex> } | undefined;
function sidebarCandidates(draft: Record<string, string>) {
  if (!loadedIndex) {
    const index = unwrap(server.apiClientIndex());
    const fields = unwrap(server.apiBootstrap()).fields;
    loadedIndex = { fields: index.fields, total: index.rows.length, pick: candidateIndex(fields, ['ID', ...index.fields], index.rows) };
  }
  return { fields: loadedIndex.fields, rows: loadedIndex.pick.candidates(draft), total: loadedIndex.total };
}

// 50,000 clients in memory: generous limits, these tests count cells, not milliseconds.
describe('at 50,000 clients', { timeout: 120_000 }, () => {
  it('opening a client card is one round trip reading at most 10,000 cells, with its whole recent history', () => {
    emu.calls.reset();
    emu.cost.roundTrip();
    const opened = unwrap(server.apiOpenClient(id(4242)));
    const cost = emu.cost.snapshot();
    expect(opened.client.id).toBe(id(4242));
    const expectedInteractions = emu.readSheet('Interactions').filter((r) => r[1] === id(4242)).length;
    const expectedChanges = emu.readSheet('Audit').filter((r) => r[3] === id(4242)).length;
    expect(expectedInteractions + expectedChanges).toBeGreaterThan(0);
    expect(opened.history.interactions).toHaveLength(expectedInteractions);
    expect(opened.history.changes).toHaveLength(expectedChanges);
    expect(cost.cellsRead).toBeLessThanOrEqual(10_000);
    expect(cost.roundTrips).toBe(1);
  });

  it('saving an edit reads a key column, not the table, and writes only the changed cells, the stamps and the audit row', () => {
    const before = unwrap(server.apiGetClient(id(31_000)));
    emu.calls.reset();
    const saved = unwrap(server.apiSaveClient({ id: id(31_000), values: { City: 'Iași', Email: 'new.address@example.com' }, expectedUpdated: before.updated }));
    const cost = emu.cost.snapshot();
    expect(saved.status).toBe('saved');
    expect(cost.cellsRead).toBeLessThanOrEqual(100_000);
    expect(cost.cellsWritten).toBeLessThanOrEqual(60);
    const row = emu.readSheet('Clients').find((r) => r[0] === id(31_000))!;
    const header = emu.readSheet('Clients')[0];
    expect(row[header.indexOf('City')]).toBe('Iași');
    expect(row[header.indexOf('Email')]).toBe('new.address@example.com');
  });

  it('an edit finds the row by ID at write time even after the sheet was re-sorted', () => {
    const loaded = unwrap(server.apiGetClient(id(7)));
    const rows = emu.readSheet('Clients');
    emu.writeSheet('Clients', [rows[0], ...rows.slice(1).reverse()]);
    unwrap(server.apiSaveClient({ id: id(7), values: { City: 'Chișinău' }, expectedUpdated: loaded.updated }));
    const after = emu.readSheet('Clients');
    const city = after[0].indexOf('City');
    expect(after.find((r) => r[0] === id(7))![city]).toBe('Chișinău');
    expect(after.filter((r) => r[city] === 'Chișinău' && r[0] !== id(7)).length).toBe(rows.filter((r) => r[city] === 'Chișinău' && r[0] !== id(7)).length);
  });

  it('a new client acknowledged by the sidebar reads the ID and unique columns only', () => {
    emu.calls.reset();
    const saved = unwrap(
      server.apiSaveClient({ values: { 'First name': 'Новый', 'Last name': 'Клиент', Email: 'new.client@example.com' }, acknowledgeDuplicates: true }),
    );
    expect(saved.status).toBe('saved');
    expect(emu.cost.snapshot().cellsRead).toBeLessThanOrEqual(100_000);
  });

  it('a live duplicate check with the sidebar candidates reads at most 100,000 cells and still finds the client with that phone', () => {
    const draft = { 'First name': 'Саша', 'Last name': 'Петров', Phone: '8 916 100 0042' };
    const candidates = sidebarCandidates(draft);
    emu.calls.reset();
    emu.cost.roundTrip();
    const matches = unwrap(server.apiCheckDuplicates(draft, undefined, candidates));
    const cost = emu.cost.snapshot();
    expect(cost.roundTrips).toBe(1);
    expect(cost.cellsRead).toBeLessThanOrEqual(100_000);
    expect(matches.map((m) => m.id)).toContain(id(42));
  });

  it('a new client saved from the sidebar (duplicate check included) reads at most 100,000 cells and writes one Clients row plus one Audit row per value it got', () => {
    const draft = { 'First name': 'Зоя', 'Last name': 'Новикова-Ткачук', Email: 'zoya.new@example.com' };
    const candidates = sidebarCandidates(draft);
    const book = SpreadsheetApp.getActiveSpreadsheet();
    const rowOf = (tab: string) => book.getSheetByName(tab)!.getLastColumn();
    emu.calls.reset();
    const saved = unwrap(server.apiSaveClient({ values: draft, candidates }));
    const cost = emu.cost.snapshot();
    expect(saved.status).toBe('saved');
    expect(cost.cellsRead).toBeLessThanOrEqual(100_000);
    // The new row is written whole (one setValues), and each value it got is audited: the three typed and the Manager filled in.
    expect(cost.cellsWritten).toBeLessThanOrEqual(rowOf('Clients') + rowOf('Audit') * (Object.keys(draft).length + 1));
  });

  it('a call after the first reads neither Fields nor Settings (cached under a version stamp): two reads and about ten calls fewer', () => {
    const measure = () => {
      emu.calls.reset();
      unwrap(server.apiGetClient(id(99)));
      return { reads: emu.calls.count('Range.getValues'), calls: emu.calls.total(), cells: emu.cost.snapshot().cellsRead };
    };
    // A hand edit (writeSheet) evicts the cache, as the edit trigger would: the first call reads both tabs again.
    emu.writeSheet('Settings', emu.readSheet('Settings'));
    const cold = measure();
    const warm = measure();
    expect(warm.reads).toBe(cold.reads - 2);
    expect(warm.calls).toBeLessThanOrEqual(cold.calls - 6);
    expect(warm.cells).toBeLessThan(cold.cells);
  });

  it('the sidebar index comes in one call shape: one column read per indexed field, never the whole table', () => {
    emu.calls.reset();
    const index = unwrap(server.apiClientIndex());
    const cost = emu.cost.snapshot();
    expect(index.rows.length).toBe(emu.readSheet('Clients').length - 1);
    const columns = 1 + index.fields.length;
    expect(cost.cellsRead).toBeLessThan(SIZE * columns + 5_000);
    expect(columns).toBeLessThan(emu.readSheet('Clients')[0].length);
  });
  it('saving a segment makes at most 36 service calls, 20 of them reaching Google (was 46 and 28; its tab outgrows 1,000 rows here), with its count, its tab and its audit row', () => {
    unwrap(server.apiBootstrap());
    emu.calls.reset();
    emu.cost.roundTrip();
    const listed = unwrap(server.apiSaveSegment({ name: 'Moscow', rule: 'City = "Москва"', description: 'bench' }));
    const cost = emu.cost.snapshot();
    expect(cost.roundTrips).toBe(1);
    expect(cost.calls).toBeLessThanOrEqual(36);
    expect(cost.calls - cost.localCalls).toBeLessThanOrEqual(20);
    const header = emu.readSheet('Clients')[0];
    const moscow = emu.readSheet('Clients').filter((r) => r[header.indexOf('City')] === 'Москва').length;
    expect(listed.find((s) => s.name === 'Moscow')).toMatchObject({ count: moscow, error: null });
    // The row, its live Count and the tab are checked at small sizes (test/app/segments/edit.test.ts): reading them
    // here would evaluate every segment's formula over 50,000 clients in the emulator.
    expect(emu.sheetNames()).toContain('Seg · Moscow');
    expect(emu.readSheet('Audit').at(-1)).toContain('Moscow: City = "Москва"');
  });

  it('logging an interaction reads at most 10,000 cells (the client and the new ID found by TextFinder), appends its row and stamps the client', () => {
    const before = emu.readSheet('Interactions').length;
    emu.calls.reset();
    emu.cost.roundTrip();
    const logged = unwrap(server.apiLogInteraction({ clientId: id(777), type: 'Call', result: 'Agreed', nextStep: 'Send the offer', nextDate: '2099-01-10' }));
    const cost = emu.cost.snapshot();
    expect(cost.cellsRead).toBeLessThanOrEqual(10_000);
    const rows = emu.readSheet('Interactions');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)?.slice(0, 2)).toEqual([logged.id, id(777)]);
    expect(rows.slice(0, -1).some((r) => r[0] === logged.id)).toBe(false);
    const header = emu.readSheet('Clients')[0];
    const client = emu.readSheet('Clients').find((r) => r[0] === id(777))!;
    expect(client[header.indexOf('Next action date')]).toBeTruthy();
  });

  it("the Due list reads at most 10,000 cells: the user's open steps among the newest interactions, with the clients' names, not a done one nor a colleague's", () => {
    const [header, ...rows] = emu.readSheet('Interactions');
    const step = (n: number, manager: string, done: boolean) => [
      `I-DUE${n}`,
      id(100 + n),
      new Date('2026-01-05T09:00:00Z'),
      'Call',
      manager,
      '',
      `Step ${n}`,
      new Date('2026-01-06T09:00:00Z'),
      done,
      'sidebar',
    ];
    emu.writeSheet('Interactions', [
      header,
      ...rows,
      step(1, 'bench@example.com', false),
      step(2, 'bench@example.com', true),
      step(3, 'olga@example.com', false),
      step(4, 'BENCH@example.com', false),
    ]);
    emu.calls.reset();
    emu.cost.roundTrip();
    const due = unwrap(server.apiDueList());
    const cost = emu.cost.snapshot();
    expect(cost.cellsRead).toBeLessThanOrEqual(10_000);
    const clients = emu.readSheet('Clients');
    const nameOf = (clientId: string) => {
      const row = clients.find((r) => r[0] === clientId)!;
      return `${row[clients[0].indexOf('First name')]} ${row[clients[0].indexOf('Last name')]}`;
    };
    expect(due.map((d) => [d.id, d.when, d.clientName])).toEqual([
      ['I-DUE1', 'overdue', nameOf(id(101))],
      ['I-DUE4', 'overdue', nameOf(id(104))],
    ]);
  });
});
