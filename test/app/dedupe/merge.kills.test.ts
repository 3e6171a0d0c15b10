/**
 * Issue 12: a merge killed before any of its service calls (no catch, no
 * finally) leaves, once the spreadsheet is opened again, either the merge
 * done or nothing of it: no client both in Clients and Archive, none lost,
 * every archived merge audited, and Undo merge works on what is there.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmulator, type EmulatorState } from '../../../emulator';
import * as server from '../../../src/server';
import { rowsOf, unwrap } from '../../support/emulated';
import { baseProblems, outcome, tabState } from '../../support/consistency';
import { expectKillSafe } from '../../support/kills';

const USER = 'anna@example.com';
const TABS = ['Clients', 'Interactions', 'Purchases'];

function add(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client.id;
}

/** Two Petrovs to merge (with an interaction and purchases to move), one unrelated client; the review decided. */
function seed(): { state: EmulatorState; ids: string[] } {
  const emu = createEmulator({ user: USER, files: { Sidebar: '<html></html>' } });
  const uninstall = emu.install(globalThis);
  try {
    server.menuSetUp();
    const a = add({ 'First name': 'Alexander', 'Last name': 'Petrov', Phone: '+7 916 123-45-67', Email: 'a.petrov@gmail.com', Tags: 'vip' });
    const b = add({ 'First name': 'Саша', 'Last name': 'Петров', Phone: '8(916)1234567', Email: 'sasha.petrov@mail.ru', City: 'Москва' });
    const c = add({ 'First name': 'Ion', 'Last name': 'Popescu', Phone: '+40 721 234 567' });
    unwrap(server.apiLogInteraction({ clientId: b, type: 'Call', result: 'Asked for a price list' }));
    emu.writeSheet('Purchases', [
      ['Client ID', 'Date', 'Amount', 'Product'],
      [b, new Date('2026-02-01T00:00:00Z'), 500, 'Tea'],
      [a, new Date('2026-02-02T00:00:00Z'), 700, 'Coffee'],
    ]);
    server.menuFindDuplicates();
    const rows = emu.readSheet('Duplicates');
    emu.writeSheet(
      'Duplicates',
      rows.map((r, i) => (i > 0 && r[0] === 1 && r[8] === true ? [...r.slice(0, 7), 'merge', r[8]] : r)),
    );
    return { state: emu.serialize(), ids: [a, b, c] };
  } finally {
    uninstall();
  }
}

function fresh(base: EmulatorState) {
  return (state?: EmulatorState) => {
    const emu = createEmulator({ user: USER, files: { Sidebar: '<html></html>' }, state: state ?? base });
    return { emu, uninstall: emu.install(globalThis) };
  };
}

describe('a merge killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('is done or rolled back once the spreadsheet is opened again, and Undo merge then works', () => {
    const { state, ids } = seed();
    const open = fresh(state);
    const first = open();
    const before = tabState(first.emu, TABS);
    server.menuMergeDuplicates();
    const done = tabState(first.emu, TABS);
    first.uninstall();
    expect(done.Clients).toHaveLength(2);

    const sweep = expectKillSafe(
      {
        fresh: open,
        run: () => server.menuMergeDuplicates(),
        resume: () => server.onOpen(),
        consistent: (emu) => baseProblems(emu, ids),
        finished: (emu) => outcome(emu, before, done),
        afterwards: (emu, result) => {
          if (result === 'done') {
            // The attacker's case: rows gone and "there was no merge to undo". Here the undo finds it.
            unwrap(server.apiUndoMerge(''));
            expect(tabState(emu, TABS).Clients).toEqual(before.Clients);
          } else {
            server.menuMergeDuplicates();
            expect(tabState(emu, TABS)).toEqual(done);
          }
        },
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(sweep.killed).toBe(sweep.points);
    expect(sweep.rolledBack).toBeGreaterThan(10);
    console.info(`merge kill sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });
});
