/** Issue 12: deleting a client, killed at any call: the row is in Archive and audited, or still in Clients. */
import { describe, expect, it, vi } from 'vitest';
import * as server from '../../src/server';
import { seedBase, sweepKills } from '../support/kill-bases';

describe('deleting a client, killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('archives and audits it, or leaves it where it was', () => {
    const base = seedBase();
    const sweep = sweepKills({ base, run: () => void server.apiDeleteClient(base.ids[1]), tabs: ['Clients'] }, (ok, message) => expect(ok, message).toBe(true));
    expect(sweep.killed).toBe(sweep.points);
    expect(sweep.rolledBack).toBeGreaterThan(3);
    console.info(`delete kill sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });
});
