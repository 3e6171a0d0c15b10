/** Issue 12: applying accepted fixes, killed at any call: every fix written and audited, or none. */
import { describe, expect, it, vi } from 'vitest';
import * as server from '../../../src/server';
import { unwrap } from '../../support/emulated';
import { seedBase, sweepKills } from '../../support/kill-bases';

describe('applying fixes, killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('writes every accepted fix, each audited, or none', () => {
    const sweep = sweepKills(
      {
        base: seedBase(() => server.menuCheckData()),
        run: () => {
          const report = unwrap(server.apiCheckReport());
          server.apiApplyFixes(
            [],
            report!.groups.map((g) => g.key),
          );
        },
        tabs: ['Clients'],
        audited: ['Email', 'Phone', 'First name', 'Last name'],
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(sweep.killed).toBe(sweep.points);
    expect(sweep.rolledBack).toBeGreaterThan(3);
    console.info(`apply fixes kill sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });
});
