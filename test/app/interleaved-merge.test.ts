/**
 * Issue 12: a merge interleaved with the writers a team runs at the same
 * time (emulator/scheduler.ts: writes deferred until flush or the end of an
 * execution), the second execution starting before each of ~7 calls spread
 * over the merge's. The merge deletes a row, so every client below it moves
 * up: a sidebar save or a hand edit of such a client must still land on it.
 * 0 lost updates, 0 lost audit rows, the merge done and audited once. A
 * mailing to all three at once: nobody mailed twice, each mail logged once,
 * and the merge done once (or, while the mailing is sending to a member,
 * left for later and done by the next run).
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmulator, type Emulator, type EmulatorState, type Execution } from '../../emulator';
import * as server from '../../src/server';
import { baseProblems } from '../support/consistency';
import { ADMIN, rowsOf, unwrap } from '../support/emulated';
import { TEMPLATE } from './mail/fixture';

let seeded: { state: EmulatorState; ids: string[] } | undefined;

/** Two Petrovs to merge (rows 2, 3) and Ion below them, whose row moves up when one Petrov goes. */
function world(): { emu: Emulator; uninstall: () => void; ids: string[] } {
  if (!seeded) {
    const emu = createEmulator({ user: ADMIN, files: { Sidebar: '<html></html>' } });
    const uninstall = emu.install(globalThis);
    server.menuSetUp();
    const add = (values: Record<string, string>) => {
      const o = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
      if (o.status !== 'saved') throw new Error('not saved');
      return o.client.id;
    };
    const ids = [
      add({ 'First name': 'Alexander', 'Last name': 'Petrov', Phone: '+7 916 123-45-67', Email: 'a.petrov@gmail.com' }),
      add({ 'First name': 'Саша', 'Last name': 'Петров', Phone: '8(916)1234567', City: 'Москва', Email: 'sasha.petrov@mail.ru' }),
      add({ 'First name': 'Ion', 'Last name': 'Popescu', Phone: '+40 721 234 567', Email: 'ion.popescu@example.com' }),
    ];
    unwrap(server.apiSaveTemplate(TEMPLATE));
    server.menuFindDuplicates();
    const rows = emu.readSheet('Duplicates');
    emu.writeSheet(
      'Duplicates',
      rows.map((r, i) => (i > 0 && r[0] === 1 && r[8] === true ? [...r.slice(0, 7), 'merge', r[8]] : r)),
    );
    uninstall();
    seeded = { state: emu.serialize(), ids };
  }
  const emu = createEmulator({ user: ADMIN, files: { Sidebar: '<html></html>' }, state: seeded.state });
  return { emu, uninstall: emu.install(globalThis), ids: seeded.ids };
}

function everyInterleaving<T>(check: (emu: Emulator, ids: string[], at: number) => T, second: (emu: Emulator, ids: string[]) => Execution): T[] {
  const out: T[] = [];
  const runAt = (at: number) => {
    const { emu, uninstall, ids } = world();
    try {
      const report = emu.interleave([{ name: 'merge', as: { kind: 'menu' }, run: () => server.menuMergeDuplicates() }, second(emu, ids)], { at: [at] });
      out.push(check(emu, ids, at));
      return report.outcomes[0].calls;
    } finally {
      uninstall();
    }
  };
  const calls = runAt(1);
  const stride = Math.max(1, Math.floor(calls / 6));
  for (let at = 1 + stride; at <= calls; at += stride) runAt(at);
  runAt(calls + 1);
  return out;
}

const ion = (emu: Emulator, ids: string[]) => rowsOf(emu, 'Clients').find((r) => r.ID === ids[2]);
const merged = (emu: Emulator) => rowsOf(emu, 'Audit').filter((r) => r.Action === 'merge' && r.Field === '').length;

describe('a merge and another writer at once, at every interleaving', { timeout: 240_000 }, () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('a sidebar save of a client whose row the merge moves: saved on that client, audited once; the merge done once', () => {
    let loaded = '';
    const results = everyInterleaving(
      (emu, ids, at) => ({
        at,
        city: ion(emu, ids)?.City,
        edits: rowsOf(emu, 'Audit').filter((r) => r.Action === 'edit' && r['Client ID'] === ids[2] && r.Field === 'City').length,
        wrongRows: rowsOf(emu, 'Clients').filter((r) => r.City === 'Iași' && r.ID !== ids[2]).length,
        merged: merged(emu),
        clients: rowsOf(emu, 'Clients').length,
        problems: baseProblems(emu, ids),
      }),
      (_emu, ids) => {
        loaded = unwrap(server.apiGetClient(ids[2])).updated;
        return { name: 'sidebar', run: () => unwrap(server.apiSaveClient({ id: ids[2], values: { City: 'Iași' }, expectedUpdated: loaded })) };
      },
    );
    expect(results.length).toBeGreaterThan(5);
    for (const r of results) {
      expect(r, `the save started before the merge's call ${r.at}`).toMatchObject({
        city: 'Iași',
        edits: 1,
        wrongRows: 0,
        merged: 1,
        clients: 2,
        problems: [],
      });
    }
  });

  it('a hand edit of that client audited by the edit trigger: the change kept, audited once; the merge done once', () => {
    const results = everyInterleaving(
      (emu, ids, at) => ({
        at,
        position: ion(emu, ids)?.Position,
        edits: rowsOf(emu, 'Audit').filter((r) => r.Action === 'cell edit' && r['Client ID'] === ids[2]).length,
        merged: merged(emu),
        problems: baseProblems(emu, ids),
      }),
      (emu, ids) => ({
        name: 'hand edit',
        as: { kind: 'installableTrigger', owner: ADMIN, user: 'boris@example.com' },
        run: () => {
          // The person's keystroke lands in Ion's row as it is at that moment, then Sheets runs the trigger.
          const header = emu.readSheet('Clients')[0] as string[];
          const row = emu.readSheet('Clients').findIndex((r) => r[0] === ids[2]) + 1;
          const cell = SpreadsheetApp.getActiveSpreadsheet()
            .getSheetByName('Clients')!
            .getRange(row, header.indexOf('Position') + 1);
          cell.setValue('Director');
          server.onEditInstalled({ range: cell, oldValue: '', value: 'Director', user: { getEmail: () => 'boris@example.com' } } as never);
        },
      }),
    );
    expect(results.length).toBeGreaterThan(5);
    for (const r of results) {
      expect(r, `the edit started before the merge's call ${r.at}`).toMatchObject({ position: 'Director', edits: 1, merged: 1, problems: [] });
    }
  });

  it('a mailing to both Petrovs and Ion: nobody mailed twice, each mail logged once, the merge done once', () => {
    const results = everyInterleaving(
      (emu, ids, at) => {
        const to = emu.outbox.map((m) => m.to);
        const logged = rowsOf(emu, 'Interactions').filter((r) => String(r.Type).toLowerCase() === 'email').length;
        const sent = rowsOf(emu, 'Mailings').filter((r) => String(r.Status) === 'Sent').length;
        const mergedNow = merged(emu);
        // Left for later while a member was being mailed: the next run merges.
        if (mergedNow === 0) server.menuMergeDuplicates();
        return {
          at,
          to,
          twice: to.length - new Set(to).size,
          logged,
          sent,
          mergedNow,
          merged: merged(emu),
          clients: rowsOf(emu, 'Clients').length,
          problems: baseProblems(emu, ids),
        };
      },
      (_emu, ids) => ({
        name: 'mailing',
        run: () => unwrap(server.apiStartMailing({ campaign: 'Spring', template: TEMPLATE.name, recipients: { kind: 'ids', ids } })),
      }),
    );
    expect(results.length).toBeGreaterThan(5);
    for (const r of results) {
      const at = `the mailing started before the merge's call ${r.at}`;
      expect(r, at).toMatchObject({ twice: 0, merged: 1, clients: 2, problems: [] });
      expect(r.to.length, at).toBeGreaterThanOrEqual(2);
      expect(r.logged, at).toBe(r.to.length);
      expect(r.sent, at).toBe(r.to.length);
    }
    console.info(`merge vs mailing: ${results.map((r) => `${r.at}:${r.to.length} mailed${r.mergedNow ? '' : ', merge deferred'}`).join('; ')}`);
  });
});
