/** Issue 12: deleting a client, killed at any call: the row is in Archive and audited, or still in Clients. */
import { describe, expect, it, vi } from 'vitest';
import * as server from '../../src/server';
import { seedBase, sweepKills } from '../support/kill-bases';

describe('deleting a client, killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('archives and audits it, or leaves it where it was', () => {
    const base = seedBase();
    // A delete names the version it was asked on, as the sidebar sends it (reading it first changes nothing a kill could break).
    const run = () => {
      const loaded = server.apiGetClient(base.ids[1]);
      if (loaded.ok) server.apiDeleteClient(base.ids[1], loaded.value.updated);
    };
    const sweep = sweepKills({ base, run, tabs: ['Clients'] }, (ok, message) => expect(ok, message).toBe(true));
    expect(sweep.killed).toBe(sweep.points);
    expect(sweep.rolledBack).toBeGreaterThan(3);
    console.info(`delete kill sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });
});
