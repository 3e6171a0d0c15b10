/** Issue 12: set stage for a selection, killed at any call: all moved and audited, or none, once the spreadsheet is opened again. */
import { describe, expect, it, vi } from 'vitest';
import * as server from '../../../src/server';
import { rowsOf } from '../../support/emulated';
import { seedBase, sweepKills } from '../../support/kill-bases';

describe('set stage for several clients, killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('moves all, each audited, or none; a retry then moves all', () => {
    const base = seedBase();
    const sweep = sweepKills(
      {
        base,
        run: () => void server.apiSetStageForClients(base.ids, 'Hot'),
        tabs: ['Clients'],
        audited: ['Stage'],
        afterwards: (emu, result) => {
          if (result === 'rolled back') server.apiSetStageForClients(base.ids, 'Hot');
          expect(rowsOf(emu, 'Clients').every((r) => r.Stage === 'Hot')).toBe(true);
        },
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(sweep.killed).toBe(sweep.points);
    expect(sweep.rolledBack).toBeGreaterThan(5);
    console.info(`set stage kill sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });
});
