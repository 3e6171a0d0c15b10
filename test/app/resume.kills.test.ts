/**
 * Issue 12: a kill during the roll-back itself. An operation is killed half
 * way; the next entry point starts taking it back and is killed too, before
 * any one of its own calls; the entry point after that must still leave the
 * tabs consistent, audited and wholly done or wholly as before, and the
 * operation must then work when run again. The resumption is the next
 * sidebar call (any entry point settles first; onOpen's menu calls before it
 * would only add kill points that change nothing).
 */
import { describe, expect, it, vi } from 'vitest';
import * as server from '../../src/server';
import { baseProblems, outcome, plainRows, tabState, unauditedChanges } from '../support/consistency';
import { unwrap } from '../support/emulated';
import { open, seedBase } from '../support/kill-bases';
import { expectResumeKillSafe } from '../support/kills';

const check = (ok: boolean, message: string) => expect(ok, message).toBe(true);

describe('a roll-back killed in its turn', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const base = seedBase();

  it('a sidebar save: the client is as before or as saved, every change audited, and saving again works', () => {
    const id = base.ids[1];
    const probe = open(base.state);
    const loaded = unwrap(server.apiGetClient(id));
    const before = plainRows(probe.emu, 'Clients');
    probe.uninstall();
    const edit = { id, values: { City: 'Cluj', Stage: 'Hot' }, expectedUpdated: loaded.updated };
    const old = before.find((r) => r.ID === id)!;
    const sweep = expectResumeKillSafe(
      {
        fresh: (state) => open(state ?? base.state),
        run: () => void server.apiSaveClient(edit),
        resume: () => void server.apiGetClient(base.ids[0]),
        consistent: (emu) => [...baseProblems(emu, base.ids), ...unauditedChanges(emu, before, ['City', 'Stage'])],
        finished: (emu) => {
          const row = plainRows(emu, 'Clients').find((r) => r.ID === id);
          if (row?.City === 'Cluj' && row.Stage === 'Hot') return 'done';
          if (row?.City === old.City && row?.Stage === old.Stage && String(row?.Updated) === String(old.Updated)) return 'rolled back';
          return `half saved: ${JSON.stringify(row)}`;
        },
        afterwards: (emu, result) => {
          if (result === 'done') return;
          expect(unwrap(server.apiSaveClient(edit)).status).toBe('saved');
          expect(plainRows(emu, 'Clients').find((r) => r.ID === id)?.City).toBe('Cluj');
        },
      },
      check,
    );
    expect(sweep.resumesKilled).toBeGreaterThan(3);
    console.info(`save: ${sweep.firstKills} first kills, ${sweep.resumesKilled} resumptions killed, ${sweep.rolledBack} rolled back`);
  });

  it('set stage for several clients: all moved and audited or none, and the retry moves all', () => {
    const probe = open(base.state);
    const before = tabState(probe.emu, ['Clients']);
    const clientsBefore = plainRows(probe.emu, 'Clients');
    unwrap(server.apiSetStageForClients(base.ids, 'Hot'));
    const done = tabState(probe.emu, ['Clients']);
    probe.uninstall();
    const sweep = expectResumeKillSafe(
      {
        fresh: (state) => open(state ?? base.state),
        run: () => void server.apiSetStageForClients(base.ids, 'Hot'),
        resume: () => void server.apiGetClient(base.ids[0]),
        consistent: (emu) => [...baseProblems(emu, base.ids), ...unauditedChanges(emu, clientsBefore, ['Stage'])],
        finished: (emu) => outcome(emu, before, done),
        afterwards: (emu, result) => {
          if (result === 'rolled back') unwrap(server.apiSetStageForClients(base.ids, 'Hot'));
          expect(plainRows(emu, 'Clients').every((r) => r.Stage === 'Hot')).toBe(true);
        },
      },
      check,
      false,
    );
    expect(sweep.resumesKilled).toBeGreaterThan(3);
    console.info(`set stage: ${sweep.firstKills} first kills, ${sweep.resumesKilled} resumptions killed, ${sweep.rolledBack} rolled back`);
  });

  it('deleting a client: archived and audited or still in Clients, never both or neither, and deleting again works', () => {
    const id = base.ids[2];
    const del = () => {
      const loaded = server.apiGetClient(id);
      if (loaded.ok) server.apiDeleteClient(id, loaded.value.updated);
    };
    const probe = open(base.state);
    const before = tabState(probe.emu, ['Clients']);
    del();
    const done = tabState(probe.emu, ['Clients']);
    probe.uninstall();
    const sweep = expectResumeKillSafe(
      {
        fresh: (state) => open(state ?? base.state),
        run: del,
        resume: () => void server.apiGetClient(base.ids[0]),
        consistent: (emu) => baseProblems(emu, base.ids),
        finished: (emu) => outcome(emu, before, done),
        afterwards: (emu, result) => {
          if (result === 'rolled back') del();
          expect(plainRows(emu, 'Clients').some((r) => r.ID === id)).toBe(false);
          expect(plainRows(emu, 'Archive').filter((r) => Object.values(r).includes(id)).length).toBeGreaterThan(0);
        },
      },
      check,
      false,
    );
    expect(sweep.resumesKilled).toBeGreaterThan(3);
    console.info(`delete: ${sweep.firstKills} first kills, ${sweep.resumesKilled} resumptions killed, ${sweep.rolledBack} rolled back`);
  });
});
