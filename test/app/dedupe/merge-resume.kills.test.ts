/**
 * Issue 12: a kill during a merge's roll-back. The merge is killed half way
 * (at the last point that leaves its intent pending: the most to take back), then the
 * next entry point starts taking it back and is killed in its turn before
 * each of its own calls; the entry point after that must leave no client
 * both in Clients and Archive, none lost, every archived merge audited, the
 * tabs wholly merged or wholly as before, and merging again (or Undo merge)
 * must then work. Tiny fixture: two Petrovs with one interaction, and Ion.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmulator, type EmulatorState } from '../../../emulator';
import * as server from '../../../src/server';
import { baseProblems, outcome, tabState } from '../../support/consistency';
import { unwrap } from '../../support/emulated';
import { expectResumeKillSafe } from '../../support/kills';

const USER = 'anna@example.com';
const TABS = ['Clients', 'Interactions'];

function seed(): { state: EmulatorState; ids: string[] } {
  const emu = createEmulator({ user: USER, files: { Sidebar: '<html></html>' } });
  const uninstall = emu.install(globalThis);
  const add = (values: Record<string, string>) => {
    const o = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
    if (o.status !== 'saved') throw new Error('not saved');
    return o.client.id;
  };
  try {
    server.menuSetUp();
    const a = add({ 'First name': 'Alexander', 'Last name': 'Petrov', Phone: '+7 916 123-45-67', Email: 'a.petrov@gmail.com' });
    const b = add({ 'First name': 'Саша', 'Last name': 'Петров', Phone: '8(916)1234567', City: 'Москва' });
    const c = add({ 'First name': 'Ion', 'Last name': 'Popescu', Phone: '+40 721 234 567' });
    unwrap(server.apiLogInteraction({ clientId: b, type: 'Call', result: 'Asked for a price list' }));
    server.menuFindDuplicates();
    emu.writeSheet(
      'Duplicates',
      emu.readSheet('Duplicates').map((r, i) => (i > 0 && r[0] === 1 && r[8] === true ? [...r.slice(0, 7), 'merge', r[8]] : r)),
    );
    return { state: emu.serialize(), ids: [a, b, c] };
  } finally {
    uninstall();
  }
}

describe('a merge whose roll-back is killed in its turn', { timeout: 120_000 }, () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('ends merged or as before, consistent and audited, and merging again or undoing works', () => {
    const { state, ids } = seed();
    const fresh = (from?: EmulatorState) => {
      const emu = createEmulator({ user: USER, files: { Sidebar: '<html></html>' }, state: from ?? state });
      return { emu, uninstall: emu.install(globalThis) };
    };
    const probe = fresh();
    const before = tabState(probe.emu, TABS);
    server.menuMergeDuplicates();
    const done = tabState(probe.emu, TABS);
    probe.uninstall();
    expect(done.Clients).toHaveLength(2);
    let retries = 0;
    const sweep = expectResumeKillSafe(
      {
        fresh,
        run: () => server.menuMergeDuplicates(),
        resume: () => void server.apiGetClient(ids[2]),
        consistent: (emu) => baseProblems(emu, ids),
        finished: (emu) => outcome(emu, before, done),
        afterwards: (emu, result) => {
          // Merging again after every tenth resumption: each retry is a whole merge, and any of them would show the same fault.
          if (retries++ % 10 !== 0) return;
          if (result === 'done') {
            unwrap(server.apiUndoMerge(''));
            expect(tabState(emu, TABS).Clients).toEqual(before.Clients);
          } else {
            server.menuMergeDuplicates();
            expect(tabState(emu, TABS)).toEqual(done);
          }
        },
      },
      (ok, message) => expect(ok, message).toBe(true),
      false,
    );
    expect(sweep.resumesKilled).toBeGreaterThan(3);
    console.info(`merge: ${sweep.firstKills} first kills, ${sweep.resumesKilled} resumptions killed, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });
});
