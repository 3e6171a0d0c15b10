/**
 * Issue 12: Interactions written by row position. A tab from before rows had
 * IDs is given an ID column by Set up (on a base already set up too), every
 * row kept where it is with its values under the right headers; afterwards
 * a logged call lines up with the header and Mark done finds its row by ID
 * even when the tab is sorted or a row inserted right before the write.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { rowsOf, unwrap, useEmulator } from '../support/emulated';

const OLD = ['Client ID', 'Date', 'Type', 'Manager', 'Result', 'Next step', 'Next date', 'Done', 'Source'];

describe('an Interactions tab without IDs', () => {
  const emu = useEmulator();

  function oldBase() {
    server.menuSetUp();
    const saved = unwrap(server.apiSaveClient({ values: { 'First name': 'Ana', 'Last name': 'Popescu' }, acknowledgeDuplicates: true }));
    if (saved.status !== 'saved') throw new Error('not saved');
    const id = saved.client.id;
    const day = new Date('2026-11-02T00:00:00Z');
    emu().writeSheet('Interactions', [
      OLD,
      [id, day, 'Call', 'olga@example.com', 'no answer', 'Call back', day, false, 'sidebar'],
      ['', '', '', '', '', '', '', '', ''],
      [id, day, 'Meeting', 'olga@example.com', 'call later', 'Send offer', day, false, 'sidebar'],
    ]);
    return id;
  }

  it('gets an ID column from Set up, every row kept under its headers, and set up again adds no second one', () => {
    const id = oldBase();
    server.menuSetUp();
    const sheet = emu().readSheet('Interactions');
    expect(sheet[0].slice(0, OLD.length + 1)).toEqual(['ID', ...OLD]);
    const rows = rowsOf(emu(), 'Interactions').filter((r) => r.Type);
    expect(rows.map((r) => [r['Client ID'], r.Type, r.Result])).toEqual([
      [id, 'Call', 'no answer'],
      [id, 'Meeting', 'call later'],
    ]);
    expect(rows.every((r) => /^I-/.test(String(r.ID)))).toBe(true);
    expect(new Set(rows.map((r) => r.ID)).size).toBe(2);
    // The blank row stays blank: no ID on a row with nothing in it.
    expect(sheet[2][0]).toBe('');
    server.menuSetUp();
    expect(
      emu()
        .readSheet('Interactions')[0]
        .filter((h) => h === 'ID'),
    ).toHaveLength(1);
    expect(
      rowsOf(emu(), 'Interactions')
        .filter((r) => r.Type)
        .map((r) => r.ID),
    ).toEqual(rows.map((r) => r.ID));
  });

  it('then a logged call lines up with the header, and Mark done ticks its step after a sort or an inserted row', () => {
    const id = oldBase();
    server.menuSetUp();
    const logged = unwrap(server.apiLogInteraction({ clientId: id, type: 'Call', nextStep: 'Write', nextDate: '2026-12-01' }));
    expect(rowsOf(emu(), 'Interactions').find((r) => r.ID === logged.id)).toMatchObject({ 'Client ID': id, Type: 'Call', 'Next step': 'Write' });
    const target = rowsOf(emu(), 'Interactions').find((r) => r.Type === 'Meeting')!.ID as string;
    for (const move of [() => emu().sortSheet('Interactions', 4, false), () => emu().insertRowAt('Interactions', 2)]) {
      let n = 0;
      const stop = emu().calls.onCall((key) => {
        if (key === 'Range.setValues' && n++ === 0) move();
      });
      unwrap(server.apiMarkDone(target));
      stop();
      const rows = rowsOf(emu(), 'Interactions').filter((r) => r.Type);
      expect(rows.find((r) => r.ID === target)?.Done).toBe(true);
      expect(rows.filter((r) => r.ID !== target).every((r) => r.Done === false)).toBe(true);
      // Undo for the next move.
      const sheet = emu().readSheet('Interactions');
      emu().writeSheet(
        'Interactions',
        sheet.map((r, i) => (i === 0 ? r : r.map((v, c) => (c === 8 && v === true ? false : v)))),
      );
    }
  });
});
