/**
 * Issue 12: "a sidebar save copies one client's cells over another's row"
 * when a person sorts Clients (or inserts a row) between the save finding
 * its row and writing it. The save re-locates its client by ID in a last
 * look just before the write and verifies just after; a sort in the very
 * last gap (after the look, before the write) makes the write land on
 * someone else's row, which is then put back from the look and the change
 * written on the right row (src/app/save-row.ts). At every read and write of
 * the save, with a sort and with an inserted row: the client saved, every
 * other client exactly as before, or nothing changed at all.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator';
import * as server from '../../src/server';
import { plainRows } from '../support/consistency';
import { unwrap } from '../support/emulated';
import { KILL_USER, open, seedBase } from '../support/kill-bases';

const MOVES: Record<string, (emu: Emulator) => void> = {
  sort: (emu) => emu.sortSheet('Clients', (emu.readSheet('Clients')[0] as string[]).indexOf('Last name') + 1, false),
  insert: (emu) => emu.insertRowAt('Clients', 2),
};

/** Every client but `except`, each row whole (stamps included), keyed by ID. */
function others(emu: Emulator, except: string): Record<string, string> {
  return Object.fromEntries(
    plainRows(emu, 'Clients')
      .filter((r) => r.ID !== except)
      .map((r) => [String(r.ID), JSON.stringify(r)]),
  );
}

describe('Clients sorted or inserted into while a sidebar save runs', { timeout: 120_000 }, () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('saves on the right client with every other client as it was, or writes nothing; a row hit in the last gap is put back', () => {
    const base = seedBase((emu) => {
      // A formula on the client the sort brings under the write: put back as a formula, not as its value.
      const header = emu.readSheet('Clients')[0] as string[];
      SpreadsheetApp.getActiveSpreadsheet()
        .getSheetByName('Clients')!
        .getRange(4, header.indexOf('City') + 1)
        .setNumberFormat('General')
        .setFormula('=UPPER("cluj")');
    });
    const id = base.ids[1];
    const probe = open(base.state);
    const loaded = unwrap(server.apiGetClient(id));
    const untouched = others(probe.emu, id);
    const formulaRow = probe.emu.readSheet('Clients')[3][0];
    const keys: string[] = [];
    const stop = probe.emu.calls.onCall((k) => keys.push(k));
    const save = () => server.apiSaveClient({ id, values: { City: 'Iași', Position: '=HYPERLINK("x")' }, expectedUpdated: loaded.updated });
    unwrap(save());
    stop();
    probe.uninstall();
    // Before every read and write: a move before a call that only reads the settings changes nothing.
    const points = keys.flatMap((k, i) => (/\.(getValues|getValue|setValues|getFormulas|findAll|getLastRow)$/.test(k) ? [i + 1] : []));
    const seen = { saved: 0, refused: 0, repaired: 0 };
    for (const [name, move] of Object.entries(MOVES)) {
      for (const k of points) {
        const { emu, uninstall } = open(base.state);
        try {
          let n = 0;
          emu.calls.onCall(() => {
            if (++n === k) move(emu);
          });
          const result = save();
          const at = `${name} before call ${k} (${keys[k - 1]})`;
          expect(others(emu, id), at).toEqual(untouched);
          const clients = plainRows(emu, 'Clients');
          const audit = plainRows(emu, 'Audit');
          expect(
            audit.some((a) => a.Action === 'sorted during save'),
            at,
          ).toBe(false);
          if (audit.some((a) => a.Action === 'repaired after a sort')) seen.repaired++;
          const mine = clients.find((r) => r.ID === id);
          if (result.ok) {
            seen.saved++;
            expect(mine?.City, at).toBe('Iași');
            expect(mine?.Position, at).toBe('=HYPERLINK("x")');
            expect(
              audit.some((a) => a.Action === 'edit' && a['Client ID'] === id && a['New value'] === 'Iași'),
              at,
            ).toBe(true);
          } else {
            seen.refused++;
            expect(mine?.City, at).not.toBe('Iași');
          }
          // The formula cell of the client hit is a formula again, not its value.
          const row = emu.readSheet('Clients').findIndex((r) => r[0] === formulaRow) + 1;
          const header = emu.readSheet('Clients')[0] as string[];
          expect(
            SpreadsheetApp.getActiveSpreadsheet()
              .getSheetByName('Clients')!
              .getRange(row, header.indexOf('City') + 1)
              .getFormula(),
            at,
          ).toBe('=UPPER("cluj")');
          expect(emu.serialize().properties.document['clientbase.intent'], at).toBeUndefined();
        } finally {
          uninstall();
        }
      }
    }
    expect(seen.saved).toBeGreaterThan(0);
    // Both moves land a write on another row at least once (the sort and the insert right before the write).
    expect(seen.repaired).toBeGreaterThanOrEqual(2);
    console.info(`save with rows moved: ${JSON.stringify(seen)} over ${points.length} points`);
  });
});

/** A base of `size` clients (ID and Last name only), built once; the save runs over a fresh copy per point. */
function sizedBase(size: number) {
  const emu = createEmulator({ user: KILL_USER, files: { Sidebar: '<html></html>' } });
  const uninstall = emu.install(globalThis);
  server.menuSetUp();
  const [header] = emu.readSheet('Clients');
  const rows = Array.from({ length: size }, (_, i) =>
    header.map((h) => (h === 'ID' ? `C-T${String(i).padStart(7, '0')}` : h === 'Last name' ? `Name${(i * 7919) % size}` : '')),
  );
  emu.writeSheet('Clients', [header, ...rows]);
  const state = emu.serialize();
  uninstall();
  const lastName = (header as string[]).indexOf('Last name') + 1;
  const id = 'C-T0000003';
  const save = () => server.apiSaveClient({ id, values: { City: 'Iași' }, expectedUpdated: '' });
  /** The save with `move` before call k (0: none); the spreadsheet afterwards. */
  const run = (k: number, move: 'sort' | 'insert' = 'sort') => {
    const { emu, uninstall } = open(state);
    try {
      const keys: string[] = [];
      emu.calls.onCall((key) => {
        keys.push(key);
        if (keys.length !== k) return;
        if (move === 'sort') emu.sortSheet('Clients', lastName, false);
        else emu.insertRowAt('Clients', 2);
      });
      const result = save();
      const cost = emu.cost.snapshot();
      const clients = plainRows(emu, 'Clients');
      return { result, keys, cost, clients, audit: plainRows(emu, 'Audit'), others: others(emu, id) };
    } finally {
      uninstall();
    }
  };
  const untouched = (() => {
    const { emu, uninstall } = open(state);
    try {
      return others(emu, id);
    } finally {
      uninstall();
    }
  })();
  return { id, run, untouched };
}

describe('a base of 2,000 clients: the last look reads the ID and written columns only', { timeout: 60_000 }, () => {
  it('a sort or an inserted row right before the write is put right within 100,000 cells read', () => {
    const { id, run, untouched } = sizedBase(2_000);
    const plain = run(0);
    expect(plain.cost.cellsRead).toBeLessThanOrEqual(100_000);
    const writes = plain.keys.flatMap((k, i) => (k === 'Range.setValues' ? [i + 1] : []));
    expect(writes.length).toBeGreaterThan(0);
    let repaired = 0;
    for (const move of ['sort', 'insert'] as const) {
      for (const k of writes) {
        const r = run(k, move);
        const at = `${move} before call ${k}`;
        expect(r.others, at).toEqual(untouched);
        // A refused save's roll-back finds the row by TextFinder and reads that row, not the tab: in budget too.
        expect(r.cost.cellsRead, at).toBeLessThanOrEqual(100_000);
        expect(
          r.audit.some((a) => a.Action === 'sorted during save'),
          at,
        ).toBe(false);
        if (r.audit.some((a) => a.Action === 'repaired after a sort')) repaired++;
        if (r.result.ok) expect(r.clients.find((c) => c.ID === id)?.City, at).toBe('Iași');
        expect(r.clients.filter((c) => c.City === 'Iași').length, at).toBeLessThanOrEqual(1);
      }
    }
    expect(repaired).toBeGreaterThanOrEqual(2);
  });
});

describe('a base too big to know every row (12,000 clients, over REPAIR_READ_CELLS)', { timeout: 60_000 }, () => {
  it('an inserted row is repaired from the neighbours read; a sort bringing a row from afar is reported; a sort right after the write is no harm', () => {
    const { id, run, untouched } = sizedBase(12_000);
    const plain = run(0);
    expect(plain.cost.cellsRead).toBeLessThanOrEqual(100_000);
    const write = plain.keys.indexOf('Range.setValues') + 1;
    const inserted = run(write, 'insert');
    expect(inserted.result.ok).toBe(true);
    expect(inserted.others).toEqual(untouched);
    expect(inserted.clients.find((c) => c.ID === id)?.City).toBe('Iași');
    const hit = run(write);
    expect(hit.result.ok).toBe(false);
    // Its roll-back read the client's row, found by TextFinder, not Clients whole (12,000 x 30 cells).
    console.info(`refused save at 12,000 clients: ${hit.cost.cellsRead} cells read`);
    expect(hit.cost.cellsRead).toBeLessThanOrEqual(10_000);
    const reported = hit.audit.filter((a) => a.Action === 'sorted during save');
    expect(reported).toHaveLength(1);
    expect(reported[0]['Client ID']).not.toBe(id);
    const after = run(write + 1);
    expect(after.result.ok).toBe(true);
    expect(after.audit.some((a) => a.Action === 'sorted during save')).toBe(false);
    expect(after.clients.find((r) => r.ID === id)?.City).toBe('Iași');
    expect(after.clients.filter((r) => r.City === 'Iași')).toHaveLength(1);
  });
});
