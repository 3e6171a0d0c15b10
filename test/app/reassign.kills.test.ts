/** Issue 12: reassigning a manager, killed at any call: every client and open step moved and audited, or none. */
import { describe, expect, it, vi } from 'vitest';
import { reassignManager } from '../../src/app/reassign';
import { seedBase, sweepKills } from '../support/kill-bases';

describe('reassigning a manager, killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('moves all, each audited, or none', () => {
    const sweep = sweepKills(
      {
        base: seedBase(),
        run: () => void reassignManager('olga@example.com', 'maria@example.com'),
        tabs: ['Clients', 'Interactions'],
        audited: ['Manager'],
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(sweep.killed).toBe(sweep.points);
    expect(sweep.rolledBack).toBeGreaterThan(5);
    console.info(`reassign kill sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });
});
