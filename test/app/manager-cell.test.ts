/**
 * Issue 12: "a manager can reassign any client by editing its Manager
 * field". The sidebar refuses it; a hand edit of the Manager cell was only
 * audited. Now the edit trigger puts the cell back and says why in Audit,
 * unless the person may make that change (an admin, or a manager putting
 * themselves on a client nobody manages).
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { ADMIN, rowsOf, unwrap, useEmulator } from '../support/emulated';

const BORIS = 'boris@example.com';
const OLGA = 'olga@example.com';

describe('a hand edit of a client’s Manager cell', () => {
  const emu = useEmulator();

  function setUp() {
    server.menuSetUp();
    emu().writeSheet(
      'Settings',
      emu()
        .readSheet('Settings')
        .map((r) => (r[0] === 'managers' ? ['managers', `${BORIS}, ${OLGA}`, r[2]] : r)),
    );
    const add = (values: Record<string, string>) => {
      const o = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
      if (o.status !== 'saved') throw new Error('not saved');
      return o.client.id;
    };
    const olgas = add({ 'First name': 'Ana', Manager: OLGA });
    const nobodys = add({ 'First name': 'Ion', Manager: '' });
    const header = emu().readSheet('Clients')[0] as string[];
    const rowOf = (id: string) =>
      emu()
        .readSheet('Clients')
        .findIndex((r) => r[0] === id) + 1;
    const cellOf = (id: string) =>
      SpreadsheetApp.getActiveSpreadsheet()
        .getSheetByName('Clients')!
        .getRange(rowOf(id), header.indexOf('Manager') + 1);
    // Set up made the adder the manager of a new client; start Ion's unassigned.
    cellOf(nobodys).setValue('');
    const type = (id: string, value: string, by: string) => {
      const cell = cellOf(id);
      const oldValue = cell.getValue();
      cell.setValue(value);
      // The installable trigger runs as its creator, an admin: the editor's own right is what counts.
      emu().runAs({ kind: 'installableTrigger', owner: ADMIN, user: by || 'ion@gmail.com' }, () =>
        server.onEditInstalled({ range: cell, oldValue: oldValue === '' ? undefined : oldValue, value, user: { getEmail: () => by } } as never),
      );
    };
    const managerOf = (id: string) => rowsOf(emu(), 'Clients').find((r) => r.ID === id)?.Manager;
    /** A paste of one column of Manager values starting at `id`'s row: Sheets gives the trigger no old values. */
    const paste = (id: string, values: string[], by: string) => {
      const first = cellOf(id);
      const range = first.getSheet().getRange(first.getRow(), first.getColumn(), values.length, 1);
      range.setValues(values.map((v) => [v]));
      emu().runAs({ kind: 'installableTrigger', owner: ADMIN, user: by || 'ion@gmail.com' }, () =>
        server.onEditInstalled({ range, user: { getEmail: () => by } } as never),
      );
    };
    return { olgas, nobodys, type, paste, managerOf };
  }

  const reverted = () => rowsOf(emu(), 'Audit').filter((r) => r.Action === 'reverted');

  it('by a manager taking over someone else’s client: put back, with an Audit line saying why', () => {
    const { olgas, type, managerOf } = setUp();
    type(olgas, BORIS, BORIS);
    expect(managerOf(olgas)).toBe(OLGA);
    expect(reverted()).toHaveLength(1);
    expect(reverted()[0]).toMatchObject({ User: BORIS, 'Client ID': olgas, Field: 'Manager', 'Old value': BORIS, 'New value': OLGA });
    expect(String(reverted()[0].Source)).toMatch(/only an admin may change who manages a client managed by olga@example\.com/);
    // The hand edit itself is still on record.
    expect(rowsOf(emu(), 'Audit').some((r) => r.Action === 'cell edit' && r['Client ID'] === olgas && r['New value'] === BORIS)).toBe(true);
  });

  it('by a manager handing an unassigned client to someone else, or typing a formula: put back', () => {
    const { nobodys, olgas, type, managerOf } = setUp();
    type(nobodys, OLGA, BORIS);
    expect(managerOf(nobodys)).toBe('');
    type(olgas, '=IMPORTXML("https://evil.example","//a")', BORIS);
    expect(managerOf(olgas)).toBe(OLGA);
    expect(reverted()).toHaveLength(2);
  });

  it('by a manager putting themselves on an unassigned client, or by an admin: kept', () => {
    const { nobodys, olgas, type, managerOf } = setUp();
    type(nobodys, BORIS, BORIS);
    expect(managerOf(nobodys)).toBe(BORIS);
    type(olgas, BORIS, ADMIN);
    expect(managerOf(olgas)).toBe(BORIS);
    expect(reverted()).toHaveLength(0);
  });

  it('by someone whose email Google hides: put back, since who it was cannot be checked', () => {
    const { olgas, type, managerOf } = setUp();
    type(olgas, BORIS, '');
    expect(managerOf(olgas)).toBe(OLGA);
    expect(reverted()[0]).toMatchObject({ User: 'unknown (email hidden)', Field: 'Manager' });
  });

  describe('pasted over the Manager column', () => {
    // Ion is made free by an audited hand edit, so Audit knows every client's manager.
    const free = (t: ReturnType<typeof setUp>) => t.type(t.nobodys, '', ADMIN);

    it('by a manager: each Manager they may not set goes back to the recorded one, with a reverted row; their own free client is kept', () => {
      const t = setUp();
      free(t);
      t.paste(t.olgas, [BORIS, BORIS], BORIS);
      expect(t.managerOf(t.olgas)).toBe(OLGA);
      expect(t.managerOf(t.nobodys)).toBe(BORIS);
      expect(reverted()).toHaveLength(1);
      expect(reverted()[0]).toMatchObject({ User: BORIS, 'Client ID': t.olgas, Field: 'Manager', 'Old value': BORIS, 'New value': OLGA });
      expect(String(reverted()[0].Source)).toMatch(/only admins assign other managers/);
      // The paste is on record, and so is the Manager it did set.
      expect(rowsOf(emu(), 'Audit').some((r) => r.Action === 'paste')).toBe(true);
      expect(rowsOf(emu(), 'Audit').some((r) => r.Action === 'cell edit' && r['Client ID'] === t.nobodys && r['New value'] === BORIS)).toBe(true);
    });

    it('by a manager handing clients to someone else, or pasting a formula: all put back', () => {
      const t = setUp();
      free(t);
      t.paste(t.olgas, ['=IMPORTXML("https://evil.example","//a")', OLGA], BORIS);
      expect(t.managerOf(t.olgas)).toBe(OLGA);
      expect(t.managerOf(t.nobodys)).toBe('');
      expect(reverted()).toHaveLength(2);
    });

    it('then pasted again: the second paste is judged against what the first one left', () => {
      const t = setUp();
      free(t);
      t.paste(t.olgas, [BORIS, BORIS], BORIS);
      // Ion is Boris's now, and only an admin may hand him on; nor may Boris take Olga's at a second try.
      t.paste(t.olgas, [BORIS, OLGA], BORIS);
      expect(t.managerOf(t.olgas)).toBe(OLGA);
      expect(t.managerOf(t.nobodys)).toBe(BORIS);
      expect(reverted()).toHaveLength(3);
      expect(reverted()[2]).toMatchObject({ 'Client ID': t.nobodys, 'Old value': OLGA, 'New value': BORIS });
    });

    it('by an admin: kept, with a row per Manager changed', () => {
      const t = setUp();
      free(t);
      t.paste(t.olgas, [BORIS, OLGA], ADMIN);
      expect(t.managerOf(t.olgas)).toBe(BORIS);
      expect(t.managerOf(t.nobodys)).toBe(OLGA);
      expect(reverted()).toHaveLength(0);
      expect(rowsOf(emu(), 'Audit').filter((r) => r.Action === 'cell edit' && r.Field === 'Manager' && r.Source === 'paste')).toHaveLength(2);
    });

    it('by someone whose email Google hides: put back', () => {
      const t = setUp();
      free(t);
      t.paste(t.olgas, [BORIS, BORIS], '');
      expect(t.managerOf(t.olgas)).toBe(OLGA);
      expect(t.managerOf(t.nobodys)).toBe('');
    });
  });
});
