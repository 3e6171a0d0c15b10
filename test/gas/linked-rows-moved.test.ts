/**
 * Issue 12: the tabs linked to clients (Interactions, Purchases) were
 * written by the row positions read at the start: a person sorting one of
 * them, or inserting a row, between the read and the write made a merge
 * re-point someone else's purchase, and a reassignment hand someone else's
 * open step over. Now each row is found again (by ID, or by its content where
 * the tab has no ID) just before the write and checked just after: a move at
 * any call leaves the operation done on the right rows or not done at all.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmulator, type Emulator, type EmulatorState } from '../../emulator';
import { reassignManager } from '../../src/app/reassign';
import * as server from '../../src/server';
import { baseProblems, outcome, tabState } from '../support/consistency';
import { unwrap } from '../support/emulated';

const USER = 'anna@example.com';
const TABS = ['Clients', 'Interactions', 'Purchases'];

function add(values: Record<string, string>): string {
  const o = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (o.status !== 'saved') throw new Error('not saved');
  return o.client.id;
}

/** Two Petrovs to merge, each with purchases and a call, and an unrelated client with its own; the review decided. */
function seed(): { state: EmulatorState; ids: string[] } {
  const emu = createEmulator({ user: USER, files: { Sidebar: '<html></html>' } });
  const uninstall = emu.install(globalThis);
  try {
    server.menuSetUp();
    const a = add({ 'First name': 'Alexander', 'Last name': 'Petrov', Phone: '+7 916 123-45-67', Email: 'a.petrov@gmail.com', Manager: 'olga@example.com' });
    const b = add({ 'First name': 'Саша', 'Last name': 'Петров', Phone: '8(916)1234567', Email: 'sasha.petrov@mail.ru', Manager: 'olga@example.com' });
    const c = add({ 'First name': 'Ion', 'Last name': 'Popescu', Phone: '+40 721 234 567', Manager: 'ion@example.com' });
    for (const [id, manager] of [
      [c, 'ion@example.com'],
      [b, 'olga@example.com'],
      [a, 'ion@example.com'],
      [c, 'olga@example.com'],
    ])
      unwrap(server.apiLogInteraction({ clientId: id, type: 'Call', nextStep: `call ${id}`, nextDate: '2026-12-20', manager }));
    emu.writeSheet('Purchases', [
      ['Client ID', 'Date', 'Amount', 'Product'],
      [c, new Date('2026-01-05T00:00:00Z'), 100, 'Jam'],
      [b, new Date('2026-02-01T00:00:00Z'), 500, 'Tea'],
      [a, new Date('2026-02-02T00:00:00Z'), 700, 'Coffee'],
      [c, new Date('2026-03-01T00:00:00Z'), 300, 'Honey'],
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

function open(state: EmulatorState) {
  const emu = createEmulator({ user: USER, files: { Sidebar: '<html></html>' }, state });
  return { emu, uninstall: emu.install(globalThis) };
}

type Move = (emu: Emulator) => void;
const column = (emu: Emulator, tab: string, name: string) => (emu.readSheet(tab)[0] as string[]).indexOf(name) + 1;
const MOVES: Record<string, Move> = {
  'sort Interactions': (emu) => emu.sortSheet('Interactions', column(emu, 'Interactions', 'Next step'), false),
  'insert into Interactions': (emu) => emu.insertRowAt('Interactions', 2),
  'sort Purchases': (emu) => emu.sortSheet('Purchases', column(emu, 'Purchases', 'Amount'), false),
  'insert into Purchases': (emu) => emu.insertRowAt('Purchases', 3),
};

/** From the first read of a linked tab on: a move before any of those calls falls between a read and its write. */
function points(keys: readonly string[], from: number): number[] {
  return keys.flatMap((key, i) => (i + 1 >= from && /\.(getValues|setValues)$/.test(key) ? [i + 1] : []));
}

function sweepMoves(
  state: EmulatorState,
  ids: string[],
  run: () => void,
  moves: string[],
  check: (ok: boolean, m: string) => void,
): { runs: number; done: number } {
  const probe = open(state);
  const before = tabState(probe.emu, TABS);
  const keys: string[] = [];
  const stop = probe.emu.calls.onCall((k) => keys.push(k));
  run();
  stop();
  const done = tabState(probe.emu, TABS);
  probe.uninstall();
  check(JSON.stringify(before) !== JSON.stringify(done), 'the operation changes something');
  // The operation's own reads of the linked tabs start after its intent is written.
  const from = keys.findIndex((k) => k === 'Properties.setProperty') + 1;
  let runs = 0;
  let finished = 0;
  for (const name of moves) {
    for (const k of points(keys, from)) {
      const { emu, uninstall } = open(state);
      try {
        let n = 0;
        const off = emu.calls.onCall(() => {
          if (++n === k) MOVES[name](emu);
        });
        try {
          run();
        } catch (err) {
          if (!(err instanceof Error) || err.name !== 'SheetMovedError') throw err;
        }
        off();
        server.onOpen();
        runs++;
        const at = `${name} before call ${k} (${keys[k - 1]})`;
        const problems = baseProblems(emu, ids);
        check(problems.length === 0, `${at}: ${problems.join('; ')}`);
        const result = outcome(emu, before, done);
        check(result === 'done' || result === 'rolled back', `${at}: ${result}`);
        if (result === 'done') finished++;
      } finally {
        uninstall();
      }
    }
  }
  console.info(`${moves.join(', ')}: ${runs} runs over ${keys.length} calls, ${finished} done`);
  return { runs, done: finished };
}

describe('Interactions and Purchases sorted or inserted into while an operation runs', { timeout: 120_000 }, () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const check = (ok: boolean, message: string) => expect(ok, message).toBe(true);
  const seeded = seed();

  it('a merge re-points the merged-away client’s purchases and calls, never another’s', () => {
    const sweep = sweepMoves(seeded.state, seeded.ids, () => server.menuMergeDuplicates(), ['sort Interactions', 'insert into Purchases'], check);
    expect(sweep.runs).toBeGreaterThan(10);
    // A move before the fresh read is absorbed: the merge still finishes on the right rows.
    expect(sweep.done).toBeGreaterThan(0);
  });

  it('a reassignment hands over olga’s open steps only', () => {
    const sweep = sweepMoves(
      seeded.state,
      seeded.ids,
      () => void reassignManager('olga@example.com', 'maria@example.com'),
      ['sort Interactions', 'insert into Interactions'],
      check,
    );
    expect(sweep.runs).toBeGreaterThan(5);
    expect(sweep.done).toBeGreaterThan(0);
  });

  it('marking a next step done ticks that step, even when Interactions is sorted right before the write', () => {
    const probe = open(seeded.state);
    const step = probe.emu.readSheet('Interactions').find((r) => r[6] === `call ${seeded.ids[1]}`)![0] as string;
    probe.uninstall();
    const sweep = sweepMoves(seeded.state, seeded.ids, () => unwrap(server.apiMarkDone(step)), ['sort Interactions', 'insert into Interactions'], check);
    // A sort between the fresh read and the write is repaired, not rolled back: there is nothing to roll back from.
    expect(sweep.done).toBe(sweep.runs);
  });
});
