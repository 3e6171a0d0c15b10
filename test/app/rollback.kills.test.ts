/**
 * Issue 12: a kill inside the roll-back (or completion) of reassign manager,
 * adoption, snapshot restore, apply fixes and undo merge. Each operation is
 * killed half way (at the last point, and for the small ones also the first,
 * that leaves its intent pending); the next entry point starts settling it
 * and is killed in its turn before each of its own calls; the entry point
 * after that must leave the tabs consistent, audited, wholly done or wholly
 * as before, and the operation must work when run again.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmulator, type Emulator, type EmulatorState } from '../../emulator';
import { reassignManager } from '../../src/app/reassign';
import * as server from '../../src/server';
import { baseProblems, outcome, plainRows, tabState, unauditedChanges } from '../support/consistency';
import { rowsOf, unwrap } from '../support/emulated';
import { open, type Seeded, seedBase } from '../support/kill-bases';
import { expectResumeKillSafe } from '../support/kills';

const check = (ok: boolean, message: string) => expect(ok, message).toBe(true);

interface ResumeCase {
  base: Seeded;
  run: () => void;
  tabs: string[];
  audited?: string[];
  afterwards?: (emu: Emulator, result: 'done' | 'rolled back') => void;
  both?: boolean;
}

/** The operation killed, its settling killed at each call, then settled by the next sidebar call. */
function sweep(c: ResumeCase) {
  const probe = open(c.base.state);
  const before = tabState(probe.emu, c.tabs);
  const clientsBefore = plainRows(probe.emu, 'Clients');
  c.run();
  const done = tabState(probe.emu, c.tabs);
  probe.uninstall();
  check(JSON.stringify(done) !== JSON.stringify(before), 'the operation changes something');
  const result = expectResumeKillSafe(
    {
      fresh: (state) => open(state ?? c.base.state),
      run: () => c.run(),
      resume: () => void server.apiGetClient(c.base.ids[0]),
      consistent: (emu) => [...baseProblems(emu, c.base.ids), ...unauditedChanges(emu, clientsBefore, c.audited ?? [])],
      finished: (emu) => outcome(emu, before, done),
      afterwards: c.afterwards,
    },
    check,
    c.both ?? true,
  );
  expect(result.resumesKilled).toBeGreaterThan(2);
  return result;
}

describe('a roll-back killed in its turn (reassign, restore, apply fixes, undo merge, adoption)', { timeout: 240_000 }, () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('reassign manager: all of olga’s clients and steps moved and audited, or none; the retry moves them', () => {
    const r = sweep({
      base: seedBase(),
      run: () => void reassignManager('olga@example.com', 'maria@example.com'),
      tabs: ['Clients', 'Interactions'],
      audited: ['Manager'],
      afterwards: (emu, result) => {
        if (result === 'rolled back') reassignManager('olga@example.com', 'maria@example.com');
        expect(rowsOf(emu, 'Clients').filter((c) => c.Manager === 'olga@example.com')).toEqual([]);
      },
    });
    console.info(`reassign: ${JSON.stringify(r)}`);
  });

  it('snapshot restore: every tab restored or none; restoring again works', () => {
    const base = seedBase((emu, ids) => {
      unwrap(server.apiSetStageForClients(ids, 'VIP'));
      emu.writeSheet('Interactions', emu.readSheet('Interactions').slice(0, 1));
    });
    const restore = () => {
      const snapshot = unwrap(server.apiListSnapshots()).find((s) => /stage VIP/.test(s.reason))!;
      server.apiRestoreSnapshot(snapshot.id);
    };
    const r = sweep({
      base,
      run: restore,
      tabs: ['Clients'],
      afterwards: (emu, result) => {
        if (result === 'rolled back') restore();
        expect(rowsOf(emu, 'Clients').some((c) => c.Stage === 'VIP')).toBe(false);
      },
    });
    console.info(`restore: ${JSON.stringify(r)}`);
  });

  it('apply fixes: every accepted fix written and audited, or none; applying again works', () => {
    const apply = () => {
      const report = unwrap(server.apiCheckReport());
      server.apiApplyFixes(
        [],
        report!.groups.map((g) => g.key),
      );
    };
    const r = sweep({
      base: seedBase(() => server.menuCheckData()),
      run: apply,
      tabs: ['Clients'],
      audited: ['Email', 'Phone', 'First name', 'Last name'],
      afterwards: (emu, result) => {
        if (result === 'rolled back') apply();
        expect(rowsOf(emu, 'Clients').some((c) => c.Email === 'ana.popescu@gmail.com' || c.Email === 'Ana.Popescu@GMAIL.com')).toBe(true);
        expect(rowsOf(emu, 'Clients').some((c) => c.Email === ' Ana.Popescu@GMAIL.com ')).toBe(false);
      },
    });
    console.info(`apply fixes: ${JSON.stringify(r)}`);
  });

  it('undo merge: every row and record back, or the merge still in place and undoable', () => {
    let removed = '';
    const base = seedBase((emu, ids) => {
      const saved = unwrap(
        server.apiSaveClient({ values: { 'First name': 'Ana', 'Last name': 'Popescu', Phone: '+7 916 123-45-67' }, acknowledgeDuplicates: true }),
      );
      if (saved.status === 'saved') ids.push(saved.client.id);
      server.menuFindDuplicates();
      emu.writeSheet(
        'Duplicates',
        emu.readSheet('Duplicates').map((r, i) => (i > 0 && r[0] === 1 && r[8] === true ? [...r.slice(0, 7), 'merge', r[8]] : r)),
      );
      server.menuMergeDuplicates();
      removed = unwrap(server.apiListMerges())[0].removed[0];
    });
    const r = sweep({
      base,
      run: () => void server.apiUndoMerge(''),
      tabs: ['Clients', 'Interactions'],
      afterwards: (emu, result) => {
        if (result === 'rolled back') unwrap(server.apiUndoMerge(''));
        expect(rowsOf(emu, 'Clients').map((c) => c.ID)).toContain(removed);
      },
    });
    console.info(`undo merge: ${JSON.stringify(r)}`);
  });
});

const LIST = [
  ['Имя', 'Фамилия', 'Телефон', 'E-mail'],
  ['Анна', 'Иванова', '8 916 111-22-33', 'anna@mail.ru'],
  ['Ion', 'Popescu', '0721 234 567', 'ion@gmail.com'],
];

function openList(state?: EmulatorState) {
  const emu = createEmulator({ user: 'anna@example.com', files: { Sidebar: '<html></html>' }, state });
  const uninstall = emu.install(globalThis);
  if (!state) emu.writeSheet('Sheet1', LIST);
  return { emu, uninstall };
}

describe('adoption, its roll-back killed in its turn', { timeout: 240_000 }, () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('leaves the list as it was or a complete base, with no Fields tab beside a list, and adopting again adds no imported columns', () => {
    const probe = openList();
    const proposal = unwrap(server.apiProposeAdoption());
    probe.uninstall();
    const complete = (names: string[]) => ['Clients', 'Fields', 'Settings', 'Audit'].every((t) => names.includes(t));
    const r = expectResumeKillSafe(
      {
        fresh: openList,
        run: () => void server.apiAdopt(proposal),
        resume: () => server.onOpen(),
        consistent: (emu) => {
          const names = emu.sheetNames();
          if (names.includes('Sheet1') && names.includes('Fields')) return ['the list is back but a Fields tab was left'];
          if (names.includes('Clients') && !complete(names)) return [`a restructured list without its tabs: ${names.join(', ')}`];
          return emu.serialize().properties.document['clientbase.intent'] ? ['an unfinished intent is still recorded'] : [];
        },
        finished: (emu) => {
          const names = emu.sheetNames();
          if (complete(names) && emu.readSheet('Clients').length === LIST.length) return 'done';
          if (names.includes('Sheet1') && JSON.stringify(emu.readSheet('Sheet1')) === JSON.stringify(LIST)) return 'rolled back';
          return `neither: ${names.join(', ')}`;
        },
        afterwards: (emu, result) => {
          if (result === 'rolled back') unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption())));
          const header = emu.readSheet('Clients')[0].map(String);
          expect(header.filter((h) => /imported/i.test(h))).toEqual([]);
          expect(emu.readSheet('Clients')).toHaveLength(LIST.length);
        },
      },
      check,
      false,
    );
    expect(r.resumesKilled).toBeGreaterThan(2);
    console.info(`adoption: ${JSON.stringify(r)}`);
  });
});
