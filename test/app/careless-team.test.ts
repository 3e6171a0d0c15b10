/**
 * Issue 12, the careless team: while a sidebar save or a logged call runs, a
 * teammate renames the Clients tab, adds a tab in front of it, inserts a column
 * in the middle of it, or renames a field's header (Fields edited by hand
 * between the save's read and its write). At every read and write of the
 * operation: the change lands on the right client under the right header,
 * every other client is exactly as before and nothing else moves; or the
 * operation is refused with a message and nothing changed.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../emulator';
import * as server from '../../src/server';
import { plainRows } from '../support/consistency';
import { unwrap } from '../support/emulated';
import { open, seedBase } from '../support/kill-bases';

const clients = () =>
  SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .find((s) => s.getRange(1, 1).getValue() === 'ID' && s.getRange(1, 2).getValue() === 'Created')!;

const MOVES: Record<string, () => void> = {
  'tab renamed': () => clients().setName('Клиенты команды'),
  'a tab added in front': () => void SpreadsheetApp.getActiveSpreadsheet().insertSheet('Notes', 0),
  'column inserted': () => clients().insertColumnBefore(6),
  'header renamed': () => {
    const sheet = clients();
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.getRange(1, header.indexOf('Position') + 1).setValue('Job title');
  },
};

/** Every client but `except` by ID, each as a record keyed by header (a column inserted or renamed keeps its values). */
function others(emu: Emulator, tab: string, except: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    plainRows(emu, tab)
      .filter((r) => r.ID !== except)
      .map((r) => [String(r.ID), Object.fromEntries(Object.entries(r).filter(([h]) => h !== '' && h !== 'Position' && h !== 'Job title'))]),
  );
}

describe('a careless team while a save runs', { timeout: 240_000 }, () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('the save lands on the right client under the right header, or is refused with nothing changed', () => {
    const base = seedBase();
    const id = base.ids[1];
    const probe = open(base.state);
    const loaded = unwrap(server.apiGetClient(id));
    const untouched = others(probe.emu, 'Clients', id);
    const keys: string[] = [];
    const stop = probe.emu.calls.onCall((k) => keys.push(k));
    const save = () => server.apiSaveClient({ id, values: { City: 'Iași', Phone: '+40 721 000 111' }, expectedUpdated: loaded.updated });
    unwrap(save());
    stop();
    probe.uninstall();
    const points = keys.flatMap((k, i) => (/\.(getValues|getValue|setValues|getFormulas|findAll|getLastRow|getLastColumn)$/.test(k) ? [i + 1] : []));
    const seen: Record<string, { saved: number; refused: number }> = {};
    for (const [name, move] of Object.entries(MOVES)) {
      seen[name] = { saved: 0, refused: 0 };
      for (const k of points) {
        const { emu, uninstall } = open(base.state);
        try {
          let n = 0;
          let moved = false;
          emu.calls.onCall(() => {
            if (++n !== k || moved) return;
            moved = true;
            move();
          });
          const result = save();
          const at = `${name} before call ${k} (${keys[k - 1]})`;
          const tab = clients().getName();
          expect(others(emu, tab, id), at).toEqual(untouched);
          const mine = plainRows(emu, tab).find((r) => r.ID === id)!;
          if (result.ok) {
            seen[name].saved++;
            expect([mine.City, mine.Phone], at).toEqual(['Iași', expect.stringMatching(/721/)]);
          } else {
            seen[name].refused++;
            expect(result.error.message, at).not.toBe('');
            expect(mine.City, at).not.toBe('Iași');
          }
          // No stray cell: nothing written under a blank or foreign header.
          const header = emu.readSheet(tab)[0] as string[];
          for (const row of emu.readSheet(tab).slice(1)) {
            header.forEach((h, c) => {
              if (h === '') expect(row[c], `${at}: a value under a blank header`).toBe('');
            });
          }
          expect(emu.serialize().properties.document['clientbase.intent'], at).toBeUndefined();
        } finally {
          uninstall();
        }
      }
    }
    for (const name of Object.keys(MOVES)) expect(seen[name].saved, name).toBeGreaterThan(0);
    console.info(`careless team during a save: ${JSON.stringify(seen)} over ${points.length} points`);
  });

  it('a logged call lands on the right client with its Interactions row under its headers, or is refused with nothing added', () => {
    const base = seedBase();
    const id = base.ids[2];
    const probe = open(base.state);
    const interactionsBefore = probe.emu.readSheet('Interactions').length;
    const keys: string[] = [];
    const stop = probe.emu.calls.onCall((k) => keys.push(k));
    const log = () => server.apiLogInteraction({ clientId: id, type: 'Meeting', result: 'Signed', nextStep: 'Invoice', nextDate: '2026-12-20' });
    unwrap(log());
    stop();
    probe.uninstall();
    const points = keys.flatMap((k, i) => (/\.(getValues|getValue|setValues|findAll|getLastRow|getLastColumn)$/.test(k) ? [i + 1] : []));
    for (const [name, move] of Object.entries(MOVES)) {
      for (const k of points) {
        const { emu, uninstall } = open(base.state);
        try {
          const untouched = others(emu, 'Clients', id);
          let n = 0;
          let moved = false;
          emu.calls.onCall(() => {
            if (++n !== k || moved) return;
            moved = true;
            move();
          });
          const result = log();
          const at = `${name} before call ${k} (${keys[k - 1]})`;
          expect(others(emu, clients().getName(), id), at).toEqual(untouched);
          const rows = plainRows(emu, 'Interactions');
          if (result.ok) {
            expect(rows).toHaveLength(interactionsBefore);
            expect(rows.at(-1), at).toMatchObject({ 'Client ID': id, Type: 'Meeting', Result: 'Signed', 'Next step': 'Invoice' });
          } else {
            expect(rows, `${at}: ${result.error.message}`).toHaveLength(interactionsBefore - 1);
          }
        } finally {
          uninstall();
        }
      }
    }
  });
});
