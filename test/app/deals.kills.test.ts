/**
 * Issue 17: adding or editing a deal, killed before any of its service calls
 * (no catch, no finally; an add is the same one-row intent, removing the
 * row it added). The deal is written with its Audit rows, or, once
 * the spreadsheet is opened again, as if the save never ran, with a "rolled
 * back" Audit line; a deal is never changed without an Audit row saying so.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../emulator';
import * as server from '../../src/server';
import { plainRows } from '../support/consistency';
import { unwrap } from '../support/emulated';
import { expectKillSafe } from '../support/kills';
import { open, seedBase } from '../support/kill-bases';

const check = (ok: boolean, message: string) => expect(ok, message).toBe(true);

let dealId = '';
const base = seedBase((_emu, ids) => {
  dealId = unwrap(server.apiSaveDeal({ clientId: ids[0], number: 'K-1', amount: '100', status: 'draft' })).id;
});

const audits = (emu: Emulator, action: string) => plainRows(emu, 'Audit').filter((r) => r.Action === action);
const deal = (emu: Emulator, match: (r: Record<string, unknown>) => boolean) => plainRows(emu, 'Deals').find(match);

describe('a deal save, killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('an edit lands with its Audit rows or not at all', () => {
    const probe = open(base.state);
    const loaded = unwrap(server.apiDeals({ clientId: base.ids[0] }))[0];
    probe.uninstall();
    const sweep = expectKillSafe(
      {
        fresh: (state) => open(state ?? base.state),
        run: () => void server.apiSaveDeal({ id: dealId, amount: '250', status: 'signed', expectedUpdated: loaded.updated }),
        resume: () => server.onOpen(),
        consistent: (emu) => {
          const row = deal(emu, (r) => r.ID === dealId);
          if (!row) return ['the deal is gone'];
          const edits = audits(emu, 'edit deal');
          return row.Amount === 250 && !edits.some((r) => r.Field === 'Deal K-1: Amount' && r['New value'] === '250') ? ['an unaudited amount'] : [];
        },
        finished: (emu) => {
          const row = deal(emu, (r) => r.ID === dealId);
          if (row?.Amount === 250 && row.Status === 'Signed') return 'done';
          if (row?.Amount === 100 && row.Status === 'Draft') return 'rolled back';
          return `half saved: ${JSON.stringify(row)}`;
        },
      },
      check,
    );
    expect(sweep.killed).toBe(sweep.points);
    expect(sweep.rolledBack).toBeGreaterThan(0);
    console.info(`deal edit kill sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });
});
