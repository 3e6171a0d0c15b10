/**
 * Issue 12 over the issue 17 tabs: a deal or company save must have the same
 * guarantees as a client save. A sort or an inserted row before any call of
 * the save changes no other deal or company (the save lands on its own row,
 * or is refused with nothing changed), and an edit must say which version it
 * was made on.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../emulator';
import * as server from '../../src/server';
import { plainRows } from '../support/consistency';
import { unwrap } from '../support/emulated';
import { open, seedBase } from '../support/kill-bases';

function addClient(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client.id;
}

const byId = (emu: Emulator, tab: string, except: string) =>
  Object.fromEntries(
    plainRows(emu, tab)
      .filter((r) => r.ID !== except)
      .map((r) => [String(r.ID), JSON.stringify(r)]),
  );

/** The save once to learn its calls, then again with a sort and with an inserted row before each read or write. */
function sweep(state: ReturnType<typeof seedBase>['state'], tab: string, id: string, save: () => { ok: boolean }, done: (emu: Emulator) => boolean) {
  const probe = open(state);
  const untouched = byId(probe.emu, tab, id);
  const sortColumn = (probe.emu.readSheet(tab)[0] as string[]).length;
  const keys: string[] = [];
  const stop = probe.emu.calls.onCall((k) => keys.push(k));
  expect(save().ok).toBe(true);
  stop();
  probe.uninstall();
  const points = keys.flatMap((k, i) => (/\.(getValues|getValue|setValues|getFormulas|findAll|getLastRow|getDataRange)$/.test(k) ? [i + 1] : []));
  const seen = { saved: 0, refused: 0 };
  const moves: Record<string, (emu: Emulator) => void> = {
    sort: (emu) => emu.sortSheet(tab, 1, false),
    sortLast: (emu) => emu.sortSheet(tab, sortColumn, false),
    insert: (emu) => emu.insertRowAt(tab, 2),
  };
  for (const [name, move] of Object.entries(moves)) {
    for (const k of points) {
      const { emu, uninstall } = open(state);
      try {
        let n = 0;
        emu.calls.onCall(() => {
          if (++n === k) move(emu);
        });
        const result = save();
        const at = `${name} before call ${k} (${keys[k - 1]})`;
        expect(byId(emu, tab, id), at).toEqual(untouched);
        expect(
          plainRows(emu, tab).filter((r) => r.ID === id),
          at,
        ).toHaveLength(1);
        if (result.ok) {
          seen.saved++;
          expect(done(emu), at).toBe(true);
        } else seen.refused++;
        expect(emu.serialize().properties.document['clientbase.intent'], at).toBeUndefined();
      } finally {
        uninstall();
      }
    }
  }
  expect(seen.saved).toBeGreaterThan(0);
  return seen;
}

describe('deal and company saves with rows moved under them', { timeout: 120_000 }, () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('a deal edit lands on its own deal, or nothing changes, whatever moves before each call', () => {
    let dealId = '';
    let updated = '';
    const base = seedBase((_emu, ids) => {
      const numbers = ['C-3', 'A-1', 'B-2'];
      const deals = ids.map((clientId, i) => unwrap(server.apiSaveDeal({ clientId, number: numbers[i], amount: String(100 * (i + 1)), status: 'draft' })));
      dealId = deals[1].id;
      updated = deals[1].updated;
    });
    const save = () => server.apiSaveDeal({ id: dealId, amount: '777', status: 'signed', expectedUpdated: updated });
    const seen = sweep(base.state, 'Deals', dealId, save, (emu) => plainRows(emu, 'Deals').find((r) => r.ID === dealId)?.Amount === 777);
    console.info(`deal save with rows moved: ${JSON.stringify(seen)}`);
  });

  it('a deal edit that does not say which version it was made on is refused, like a client edit', () => {
    let dealId = '';
    const base = seedBase((_emu, ids) => {
      dealId = unwrap(server.apiSaveDeal({ clientId: ids[0], number: 'A-1', amount: '100' })).id;
    });
    const { emu, uninstall } = open(base.state);
    try {
      const blind = server.apiSaveDeal({ id: dealId, amount: '5' });
      expect(blind.ok ? '' : blind.error.code).toBe('bad_input');
      const empty = server.apiSaveDeal({ id: dealId, amount: '5', expectedUpdated: '' });
      expect(empty.ok ? '' : empty.error.code).toBe('conflict');
      expect(plainRows(emu, 'Deals')[0].Amount).toBe(100);
    } finally {
      uninstall();
    }
  });

  it('a company save lands on its own company, or nothing changes, whatever moves before each call', () => {
    let companyId = '';
    let updated = '';
    const base = seedBase(() => {
      addClient({ 'First name': 'Ivan', Company: 'Romashka' });
      addClient({ 'First name': 'Olga', Company: 'Vasilek' });
      addClient({ 'First name': 'Petr', Company: 'Akatsia' });
      unwrap(server.apiLinkCompanies([]));
      const rows = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Companies')!.getDataRange().getValues();
      companyId = String(rows[2][0]);
      updated = unwrap(server.apiOpenCompany(companyId)).company.updated;
    });
    const save = () => server.apiSaveCompany({ id: companyId, values: { Sector: '=IMPORTXML("http://x","//a")' }, expectedUpdated: updated });
    const seen = sweep(
      base.state,
      'Companies',
      companyId,
      save,
      (emu) => plainRows(emu, 'Companies').find((r) => r.ID === companyId)?.Sector === '=IMPORTXML("http://x","//a")',
    );
    console.info(`company save with rows moved: ${JSON.stringify(seen)}`);
  });
});
