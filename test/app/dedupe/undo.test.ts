/**
 * Issue 12: Undo merge brings the merged-away row back exactly (its formula,
 * note and colour, not stale values), and restoring the merge snapshot puts
 * every note and colour back on its own client's row.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { rowsOf, unwrap, useEmulator } from '../../support/emulated';
import { KILL_USER } from '../../support/kill-bases';

describe('undo merge and the merge snapshot keep what belongs to a row', () => {
  const emu = useEmulator({ user: KILL_USER });

  function mergedBase() {
    server.menuSetUp();
    const add = (values: Record<string, string>) => {
      const o = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
      if (o.status !== 'saved') throw new Error('not saved');
      return o.client.id;
    };
    add({ 'First name': 'Ion', 'Last name': 'Rusu' });
    add({ 'First name': 'Ana', 'Last name': 'Popescu', Phone: '+7 916 123-45-67', Email: 'ana@example.com' });
    add({ 'First name': 'Ana', 'Last name': 'Popescu', Phone: '8 916 123 45 67' });
    server.menuFindDuplicates();
    const review = emu().readSheet('Duplicates');
    emu().writeSheet(
      'Duplicates',
      review.map((r, i) => (i > 0 && r[0] === 1 && r[8] === true ? [...r.slice(0, 7), 'merge', r[8]] : r)),
    );
    const members = rowsOf(emu(), 'Duplicates').filter((r) => r.Group === 1);
    const gone = String(members.find((r) => r.Survivor !== true)!['Client ID']);
    const header = emu().readSheet('Clients')[0] as string[];
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
    const rowOf = (id: string) =>
      emu()
        .readSheet('Clients')
        .findIndex((r) => r[0] === id) + 1;
    // Each client gets its own note and colour; the one merged away also a formula.
    for (const [i, r] of emu().readSheet('Clients').slice(1).entries()) {
      sheet.getRange(i + 2, 3).setNote(`note of ${r[0]}`);
      sheet.getRange(i + 2, 3).setBackground(['#ff0000', '#00ff00', '#0000ff'][i]);
    }
    sheet.getRange(rowOf(gone), header.indexOf('Birthday') + 1).setFormula('=DATE(1990,5,17)');
    return { gone, header, rowOf };
  }

  function looksById() {
    const values = emu().readSheet('Clients');
    const seen = emu().inspectSheet('Clients');
    return Object.fromEntries(values.slice(1).map((r, i) => [String(r[0]), { note: seen.notes[i + 1][2], colour: seen.backgrounds[i + 1][2] }]));
  }

  it('brings the merged-away row back with its formula, note and colour', () => {
    const { gone, header, rowOf } = mergedBase();
    const before = looksById();
    server.menuMergeDuplicates();
    expect(rowOf(gone)).toBe(0);
    unwrap(server.apiUndoMerge(''));
    const row = rowOf(gone);

    expect(row).toBeGreaterThan(1);
    expect(emu().inspectSheet('Clients').formulas[row - 1][header.indexOf('Birthday')]).toBe('=DATE(1990,5,17)');
    expect(looksById()[gone]).toEqual(before[gone]);
  });

  it('restoring the snapshot taken before the merge puts notes and colours on their own rows', () => {
    const { gone } = mergedBase();
    const before = looksById();
    server.menuMergeDuplicates();
    const snapshot = unwrap(server.apiListSnapshots()).find((s) => /merging/.test(s.reason))!;
    unwrap(server.apiRestoreSnapshot(snapshot.id));
    expect(looksById()).toEqual(before);
    expect(Object.keys(looksById())).toContain(gone);
  });
});
