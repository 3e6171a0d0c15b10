/** Issue 12: restoring a snapshot, killed at any call: every tab restored, or none, once the spreadsheet is opened again. */
import { describe, expect, it, vi } from 'vitest';
import * as server from '../../src/server';
import { unwrap } from '../support/emulated';
import { seedBase, sweepKills } from '../support/kill-bases';

describe('restoring a snapshot, killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('restores every tab or none', () => {
    const base = seedBase((emu, ids) => {
      unwrap(server.apiSetStageForClients(ids, 'VIP'));
      emu.writeSheet('Interactions', emu.readSheet('Interactions').slice(0, 1));
    });
    const sweep = sweepKills(
      {
        base,
        run: () => {
          const snapshot = unwrap(server.apiListSnapshots()).find((s) => /stage VIP/.test(s.reason))!;
          server.apiRestoreSnapshot(snapshot.id);
        },
        tabs: ['Clients'],
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(sweep.killed).toBe(sweep.points);
    expect(sweep.rolledBack).toBeGreaterThan(3);
    console.info(`restore kill sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });
});
