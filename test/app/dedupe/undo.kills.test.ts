/**
 * Issue 12: Undo merge killed at any call. The attacker's case: rows half
 * restored and a retry refused ("exists again"). Now: all back, or the merge
 * still in place and undoable.
 */
import { describe, expect, it, vi } from 'vitest';
import * as server from '../../../src/server';
import { rowsOf, unwrap } from '../../support/emulated';
import { seedBase, sweepKills } from '../../support/kill-bases';

describe('undo merge, killed at any service call', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('brings every row and record back, or leaves the merge undoable', () => {
    let removed = '';
    const base = seedBase((emu, ids) => {
      const outcome = unwrap(
        server.apiSaveClient({ values: { 'First name': 'Ana', 'Last name': 'Popescu', Phone: '+7 916 123-45-67' }, acknowledgeDuplicates: true }),
      );
      if (outcome.status === 'saved') ids.push(outcome.client.id);
      server.menuFindDuplicates();
      const rows = emu.readSheet('Duplicates');
      emu.writeSheet(
        'Duplicates',
        rows.map((r, i) => (i > 0 && r[0] === 1 && r[8] === true ? [...r.slice(0, 7), 'merge', r[8]] : r)),
      );
      server.menuMergeDuplicates();
      removed = unwrap(server.apiListMerges())[0].removed[0];
    });
    const sweep = sweepKills(
      {
        base,
        run: () => void server.apiUndoMerge(''),
        tabs: ['Clients', 'Interactions'],
        afterwards: (emu, result) => {
          if (result === 'rolled back') unwrap(server.apiUndoMerge(''));
          expect(rowsOf(emu, 'Clients').map((r) => r.ID)).toContain(removed);
        },
      },
      (ok, message) => expect(ok, message).toBe(true),
    );
    expect(sweep.killed).toBe(sweep.points);
    expect(sweep.rolledBack).toBeGreaterThan(3);
    console.info(`undo merge kill sweep: ${sweep.calls} calls, ${sweep.points} kill points, ${sweep.done} done, ${sweep.rolledBack} rolled back`);
  });
});
