/**
 * Issue 12: Purchases had no ID column, so its rows could only be told apart
 * by content and the measure formulas named its columns by position. A base
 * set up with the old layout ("Client ID, Date, Amount, Product") gets an ID
 * column from Set up, every row kept under its headers, and its purchase
 * segments keep the same members; a kill at any call of that upgrade ends the
 * same once Set up runs again. New bases and adopted purchase history have
 * the column from the start.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmulator, type Emulator, type EmulatorState } from '../../emulator';
import * as server from '../../src/server';
import { addSegmentRows, daysAgo, liveTabIds, writeClients } from './segments/fixtures';
import { distinctStates, expectKillSafe } from '../support/kills';
import { rowsOf, unwrap, useEmulator } from '../support/emulated';

const OLD = ['Client ID', 'Date', 'Amount', 'Product'];
const RULES = [
  ['Big spenders', 'Spent > 500', ''],
  ['Bought lately', 'Last purchase within 30 days', ''],
  ['Regulars', 'Purchases >= 2', ''],
];

/** A base as an older version left it: Purchases without IDs, segments over purchase measures, refreshed. */
function oldBase(emu: Emulator): void {
  server.menuSetUp();
  const ids = writeClients(emu, [
    { 'First name': 'Ana', Stage: 'Hot' },
    { 'First name': 'Ion', Stage: 'Warm' },
    { 'First name': 'Вера', Stage: 'Cold' },
    { 'First name': 'Olga', Stage: 'Cold' },
  ]);
  emu.writeSheet('Purchases', [
    OLD,
    [ids[0], daysAgo(3), 400, 'Tea'],
    [ids[0], daysAgo(40), 300, 'Coffee'],
    ['', '', '', ''],
    [ids[1], daysAgo(100), 900, 'Grinder'],
    [ids[2], daysAgo(10), 50, 'Cups'],
  ]);
  addSegmentRows(emu, RULES);
  unwrap(server.apiRefreshSegments());
  server.menuDashboard();
}

function members(emu: Emulator): Record<string, string[]> {
  const tabs = emu.sheetNames();
  return Object.fromEntries(
    RULES.map(([name]) => {
      const tab = tabs.find((t) => t.endsWith(name));
      if (!tab) throw new Error(`no tab for ${name}`);
      return [name, liveTabIds(emu, tab).sort()];
    }),
  );
}

const plain = (emu: Emulator) => rowsOf(emu, 'Purchases').map((r) => [r['Client ID'], r.Date instanceof Date ? r.Date.getTime() : r.Date, r.Amount, r.Product]);

describe('a Purchases tab without IDs', () => {
  const emu = useEmulator();

  it('gets an ID column from Set up; rows stay under their headers; purchase segments keep their members', () => {
    oldBase(emu());
    const before = members(emu());
    const values = plain(emu());
    const sales = () => emu().charts('Dashboard')[2].data[0];
    const salesBefore = sales();
    expect((salesBefore as number[][]).flat()).toEqual(expect.arrayContaining([400, 300, 50]));
    expect(before['Big spenders'].length).toBe(2);
    expect(before['Bought lately'].length).toBe(2);
    expect(before.Regulars.length).toBe(1);

    server.menuSetUp();
    const sheet = emu().readSheet('Purchases');
    expect(sheet[0].slice(0, 5)).toEqual(['ID', ...OLD]);
    expect(plain(emu())).toEqual(values);
    const ids = rowsOf(emu(), 'Purchases').map((r) => String(r.ID));
    // The blank row stays blank; every other row has its own P- ID.
    expect(ids).toEqual([expect.stringMatching(/^P-/), expect.stringMatching(/^P-/), '', expect.stringMatching(/^P-/), expect.stringMatching(/^P-/)]);
    expect(new Set(ids.filter(Boolean)).size).toBe(4);
    expect(members(emu())).toEqual(before);
    // The dashboard's sales figures are the same too (its formulas read Purchases by letter).
    expect(sales()).toEqual(salesBefore);
    // The count column agrees with the tabs.
    const counts = rowsOf(emu(), 'Segments').filter((r) => RULES.some(([n]) => n === r.Name));
    expect(counts.map((r) => r.Count)).toEqual([2, 2, 1]);

    // Set up again: no second ID column, same IDs.
    server.menuSetUp();
    expect(
      emu()
        .readSheet('Purchases')[0]
        .filter((h) => h === 'ID'),
    ).toHaveLength(1);
    expect(rowsOf(emu(), 'Purchases').map((r) => String(r.ID))).toEqual(ids);
    expect(members(emu())).toEqual(before);
  });

  it('a new base has the ID column', () => {
    server.menuSetUp();
    expect(emu().readSheet('Purchases')[0].slice(0, 5)).toEqual(['ID', ...OLD]);
  });
});

describe('the Purchases upgrade, killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  function open(state?: EmulatorState): { emu: Emulator; uninstall: () => void } {
    const emu = createEmulator({ user: 'anna@example.com', files: { Sidebar: '<html></html>' }, ...(state ? { state } : {}) });
    return { emu, uninstall: emu.install(globalThis) };
  }
  const seeded = open();
  let state: EmulatorState;
  let before: Record<string, string[]>;
  let values: unknown[][];
  try {
    oldBase(seeded.emu);
    before = members(seeded.emu);
    values = plain(seeded.emu);
    state = seeded.emu.serialize();
  } finally {
    seeded.uninstall();
  }

  it('ends with one ID column, every row keyed and in place, the same members, once Set up runs again', { timeout: 120_000 }, () => {
    const sweep = expectKillSafe(
      {
        fresh: (s) => open(s ?? state),
        run: () => server.menuSetUp(),
        resume: () => server.menuSetUp(),
        consistent: (emu) => {
          const problems: string[] = [];
          const header = emu.readSheet('Purchases')[0];
          if (header.filter((h) => h === 'ID').length !== 1 || header[0] !== 'ID') problems.push(`header ${JSON.stringify(header)}`);
          if (JSON.stringify(plain(emu)) !== JSON.stringify(values)) problems.push('purchase values moved');
          const keyed = rowsOf(emu, 'Purchases').filter((r) => r['Client ID'] !== '');
          if (keyed.some((r) => !/^P-/.test(String(r.ID)))) problems.push('a purchase without an ID');
          if (JSON.stringify(members(emu)) !== JSON.stringify(before)) problems.push(`members ${JSON.stringify(members(emu))}`);
          return problems;
        },
        finished: () => 'done',
        // From just before the column is inserted: the calls before it are the ordinary Set up.
        sample: (keys) => {
          const from = keys.findIndex((k) => k.endsWith('.insertColumnBefore'));
          // Every third state of the rebuild, and every one around the column, the IDs and the header.
          const points = distinctStates(keys).filter((k) => k >= from);
          return points.filter((_, i) => i < 4 || i % 3 === 0 || i >= points.length - 4);
        },
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(sweep.killed).toBe(sweep.points);
    expect(sweep.points).toBeGreaterThan(3);
  });
});
