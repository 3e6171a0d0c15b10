/**
 * Issue 12: a one-client save (the sidebar's Save, and so a stage change on
 * one card, which is the same save; a new client) killed before any one of its service calls, with no
 * catch and no finally. Before, a kill between the row write and the Audit
 * append left a changed client with no Audit row. Now the save is done and
 * audited, or (once the spreadsheet is opened again) as if it never ran,
 * with a "rolled back" Audit line, and saving again works. The kill points
 * are every distinct state a kill can leave (before the first call and right
 * after each call that changes something: a kill before a read leaves what a
 * kill right after the write before it leaves), so every call is covered.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../emulator';
import * as server from '../../src/server';
import { baseProblems, plainRows, unauditedChanges } from '../support/consistency';
import { unwrap } from '../support/emulated';
import { expectKillSafe } from '../support/kills';
import { open, seedBase } from '../support/kill-bases';

const check = (ok: boolean, message: string) => expect(ok, message).toBe(true);

function clientRow(emu: Emulator, id: string): Record<string, unknown> | undefined {
  return plainRows(emu, 'Clients').find((r) => r.ID === id);
}

describe('a one-client save, killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const base = seedBase();

  it('an edit from the sidebar lands with its Audit rows, or not at all; saving again then works', () => {
    const id = base.ids[1];
    const probe = open(base.state);
    const loaded = unwrap(server.apiGetClient(id));
    const before = plainRows(probe.emu, 'Clients');
    probe.uninstall();
    const edit = { id, values: { City: '=IMPORTXML("x")', 'Last name': 'Rusu-Popa' }, expectedUpdated: loaded.updated };
    const sweep = expectKillSafe(
      {
        fresh: (state) => open(state ?? base.state),
        run: () => void server.apiSaveClient(edit),
        resume: () => server.onOpen(),
        consistent: (emu) => [...baseProblems(emu, base.ids), ...unauditedChanges(emu, before, ['City', 'Last name', 'Stage'])],
        finished: (emu) => {
          const row = clientRow(emu, id);
          if (row?.City === '=IMPORTXML("x")' && row['Last name'] === 'Rusu-Popa') return 'done';
          const old = before.find((r) => r.ID === id)!;
          if (row?.City === old.City && row?.['Last name'] === old['Last name'] && String(row?.Updated) === String(old.Updated)) return 'rolled back';
          return `half saved: ${JSON.stringify(row)}`;
        },
        afterwards: (emu, outcome) => {
          if (outcome === 'done') return;
          const retry = unwrap(server.apiSaveClient(edit));
          expect(retry.status).toBe('saved');
          expect(clientRow(emu, id)?.['Last name']).toBe('Rusu-Popa');
        },
      },
      check,
    );
    expect(sweep.killed).toBe(sweep.points);
    expect(sweep.rolledBack).toBeGreaterThan(3);
    console.info(`save kill sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });

  it('a stage change on one card killed between its row write and its Audit row: rolled back on open', () => {
    const id = base.ids[0];
    const probe = open(base.state);
    const loaded = unwrap(server.apiGetClient(id));
    const before = plainRows(probe.emu, 'Clients');
    probe.uninstall();
    const sweep = expectKillSafe(
      {
        fresh: (state) => open(state ?? base.state),
        run: () => void server.apiSetStage(id, 'Hot', loaded.updated),
        resume: () => server.onOpen(),
        consistent: (emu) => [...baseProblems(emu, base.ids), ...unauditedChanges(emu, before, ['Stage'])],
        finished: (emu) => {
          const stage = clientRow(emu, id)?.Stage;
          return stage === 'Hot' ? 'done' : stage === 'Cold' ? 'rolled back' : `stage is ${String(stage)}`;
        },
        // Right after the row write (the first setValues of Clients), before the Audit append: where it went wrong.
        sample: (keys) => [keys.indexOf('Range.setValues') + 2],
      },
      check,
    );
    expect(sweep).toMatchObject({ killed: 1, rolledBack: 1 });
  });

  it('a save of long text (too long for the intent) killed after its row write is rolled back from a snapshot', () => {
    const id = base.ids[1];
    const probe = open(base.state);
    const loaded = unwrap(server.apiGetClient(id));
    const before = plainRows(probe.emu, 'Clients');
    probe.uninstall();
    const notes = `Долгий разговор 📞 ${'x'.repeat(4_000)} =END`;
    const sweep = expectKillSafe(
      {
        fresh: (state) => open(state ?? base.state),
        run: () => void server.apiSaveClient({ id, values: { Notes: notes }, expectedUpdated: loaded.updated }),
        resume: () => server.onOpen(),
        consistent: (emu) => [...baseProblems(emu, base.ids), ...unauditedChanges(emu, before, ['Notes'])],
        finished: (emu) => {
          const value = clientRow(emu, id)?.Notes;
          return value === notes ? 'done' : value === '' ? 'rolled back' : `notes are ${String(value).slice(0, 40)}`;
        },
        // Right after the row write (the last setValues but one: the snapshot is appended first, Audit last).
        sample: (keys) => {
          const writes = keys.flatMap((k, i) => (k === 'Range.setValues' ? [i] : []));
          return [writes[writes.length - 2] + 2];
        },
      },
      check,
    );
    expect(sweep).toMatchObject({ killed: 1, rolledBack: 1 });
  });

  it('a new client is added with its Audit rows, or not at all (never an unaudited row)', () => {
    const values = { 'First name': 'Mihai', 'Last name': 'Eminescu', Email: 'mihai@example.com' };
    const added = (emu: Emulator) => plainRows(emu, 'Clients').filter((r) => r['Last name'] === 'Eminescu');
    const sweep = expectKillSafe(
      {
        fresh: (state) => open(state ?? base.state),
        run: () => void server.apiSaveClient({ values, acknowledgeDuplicates: true }),
        resume: () => server.onOpen(),
        consistent: (emu) => {
          const problems = baseProblems(emu, base.ids);
          const audit = plainRows(emu, 'Audit');
          for (const r of added(emu)) if (!audit.some((a) => a.Action === 'add' && a['Client ID'] === r.ID)) problems.push(`${r.ID} added without audit`);
          return problems;
        },
        finished: (emu) => {
          const rows = added(emu);
          return rows.length === 1 ? 'done' : rows.length === 0 ? 'rolled back' : `${rows.length} copies`;
        },
      },
      check,
    );
    expect(sweep.rolledBack).toBeGreaterThan(3);
    console.info(`sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });
});
