/**
 * Bulk actions from the sidebar over the emulator: the count first (selected
 * rows through gas/selection.ts, a segment, a manager's clients), then set
 * stage, hand over, add or remove a tag, each audited, snapshotted and
 * undoable; the menu items open the panel instead of asking in a prompt.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator';
import * as server from '../../src/server';
import { HOSTILE } from '../support/hostile';
import { ADMIN, callsDuring, rowsOf, unwrap, useEmulator } from '../support/emulated';
import { setUpBase, writeClients } from './segments/fixtures';

describe('bulk actions', () => {
  const emu = useEmulator();

  function seed() {
    setUpBase(emu());
    return writeClients(emu(), [
      { 'First name': 'Anna', Stage: 'Cold', Manager: 'olga@example.com', Tags: 'vip' },
      { 'First name': 'Boris', Stage: 'Warm', Manager: 'olga@example.com', Tags: '' },
      { 'First name': 'Chen', Stage: 'Hot', Manager: 'ion@example.com', Tags: 'vip, wholesale' },
      { 'First name': 'Dana', Stage: 'Cold', Manager: '', Tags: 'VIP' },
    ]);
  }

  it('the menu items open the panel: no prompt is shown', () => {
    seed();
    const alerts = emu().ui.alerts.length;
    const sidebars = emu().ui.sidebars.length;
    server.menuBulkActions();
    expect(emu().ui.alerts).toHaveLength(alerts);
    expect(emu().ui.sidebars).toHaveLength(sidebars + 1);
    expect(unwrap(server.apiBootstrap()).view).toBe('bulk');
  });

  it('counts the selected rows (filtered ones left out), a segment and a manager’s clients, in constant calls', () => {
    const ids = seed();
    emu().setActiveSelection('Clients', 'B2:C3,E4');
    const selected = unwrap(server.apiBulkTargets({ kind: 'selection' }));
    expect(selected).toMatchObject({ ids: [ids[0], ids[1], ids[2]], from: 'Clients', sample: ['Anna', 'Boris', 'Chen'] });
    server.menuRefreshSegments();
    expect(unwrap(server.apiBulkTargets({ kind: 'segment', name: 'cold' })).ids).toEqual([ids[0], ids[3]]);
    expect(unwrap(server.apiBulkTargets({ kind: 'manager', manager: 'OLGA@example.com' })).ids).toEqual([ids[0], ids[1]]);
    const options = unwrap(server.apiBulkOptions());
    expect(options.stages).toEqual(['Cold', 'Warm', 'Hot', 'VIP', 'Lost']);
    expect(options.people).toEqual(expect.arrayContaining([ADMIN, 'ion@example.com', 'olga@example.com']));
    expect(options.tags).toEqual(expect.arrayContaining(['vip', 'wholesale']));
    expect(options.tags.filter((t) => t.toLowerCase() === 'vip')).toHaveLength(1);
    const calls = callsDuring(emu(), () => unwrap(server.apiBulkTargets({ kind: 'selection' })));
    expect(calls['Range.getValues'] ?? 0).toBeLessThanOrEqual(8);
  });

  it('sets the stage through the set-stage use case, audited under one operation, and Undo puts it back', () => {
    const ids = seed();
    const report = unwrap(server.apiBulkApply({ ids: [ids[0], ids[1], ids[2]], action: 'stage', value: 'hot' }));
    expect(report).toMatchObject({ value: 'Hot', changed: 2, unchanged: 1, snapshotId: expect.any(String) });
    expect(rowsOf(emu(), 'Clients').map((c) => c.Stage)).toEqual(['Hot', 'Hot', 'Hot', 'Cold']);
    const audit = rowsOf(emu(), 'Audit').filter((a) => a.Source === `bulk:${report.opId}`);
    expect(audit.map((a) => [a['Client ID'], a['Old value'], a['New value']])).toEqual([
      [ids[0], 'Cold', 'Hot'],
      [ids[1], 'Warm', 'Hot'],
    ]);
    const undone = unwrap(server.apiBulkUndo(report.opId));
    expect(undone).toMatchObject({ restored: 2, changedSince: [] });
    expect(rowsOf(emu(), 'Clients').map((c) => c.Stage)).toEqual(['Cold', 'Warm', 'Hot', 'Cold']);
    const again = server.apiBulkUndo(report.opId);
    expect(again.ok ? '' : again.error.message).toMatch(/already undone/);
  });

  it('adds and removes a tag ignoring case, and Undo leaves a cell changed since alone', () => {
    const ids = seed();
    const added = unwrap(server.apiBulkApply({ ids, action: 'addTag', value: 'Autumn fair' }));
    expect(added.changed).toBe(4);
    expect(rowsOf(emu(), 'Clients').map((c) => c.Tags)).toEqual(['vip, Autumn fair', 'Autumn fair', 'vip, wholesale, Autumn fair', 'VIP, Autumn fair']);
    const removed = unwrap(server.apiBulkApply({ ids, action: 'removeTag', value: 'VIP' }));
    expect(removed).toMatchObject({ changed: 3, unchanged: 1 });
    expect(rowsOf(emu(), 'Clients').map((c) => c.Tags)).toEqual(['Autumn fair', 'Autumn fair', 'wholesale, Autumn fair', 'Autumn fair']);
    const card = unwrap(server.apiGetClient(ids[0]));
    unwrap(server.apiSaveClient({ id: ids[0], values: { Tags: 'Autumn fair, new' }, expectedUpdated: card.updated }));
    const undone = unwrap(server.apiBulkUndo(removed.opId));
    expect(undone).toMatchObject({ restored: 2, changedSince: [ids[0]] });
    expect(rowsOf(emu(), 'Clients').map((c) => c.Tags)).toEqual(['Autumn fair, new', 'Autumn fair', 'vip, wholesale, Autumn fair', 'VIP, Autumn fair']);
  });

  it('hands clients to another manager (admins only); a manager may not, nor undo it', () => {
    const ids = seed();
    const report = unwrap(server.apiBulkApply({ ids: [ids[0], ids[3]], action: 'manager', value: 'ion@example.com' }));
    expect(report.changed).toBe(2);
    expect(rowsOf(emu(), 'Clients').map((c) => c.Manager)).toEqual(['ion@example.com', 'olga@example.com', 'ion@example.com', 'ion@example.com']);
    const settings = emu()
      .readSheet('Settings')
      .map((r) => (r[0] === 'managers' ? ['managers', 'mila@example.com', r[2]] : r));
    emu().writeSheet('Settings', settings);
    emu().setUser('mila@example.com');
    const refused = server.apiBulkApply({ ids: [ids[1]], action: 'manager', value: 'mila@example.com' });
    expect(refused.ok ? '' : refused.error.code).toBe('forbidden');
    const undo = server.apiBulkUndo(report.opId);
    expect(undo.ok ? '' : undo.error.code).toBe('forbidden');
    // A manager may tag.
    expect(unwrap(server.apiBulkApply({ ids: [ids[1]], action: 'addTag', value: 'call back' })).changed).toBe(1);
  });

  it.each(HOSTILE.filter(([label]) => ['formula', 'at sign', 'huge', 'empty', 'only spaces'].includes(label)))(
    'refuses %s as a tag or manager and changes nothing',
    (_label, value) => {
      const ids = seed();
      const before = emu().readSheet('Clients');
      for (const action of ['addTag', 'manager'] as const) {
        const r = server.apiBulkApply({ ids, action, value });
        expect(r.ok ? '' : r.error.code).toBe('validation');
      }
      expect(emu().readSheet('Clients')).toEqual(before);
    },
  );

  it('refuses a tag with separators in it (one tag at a time)', () => {
    const ids = seed();
    const r = server.apiBulkApply({ ids, action: 'addTag', value: HOSTILE.find(([l]) => l === 'quotes and separators')![1] });
    expect(r.ok ? '' : r.error.message).toMatch(/One tag at a time/);
  });

  it('keeps HTML, emoji and mixed scripts as the exact text of a tag', () => {
    const ids = seed();
    for (const label of ['html', 'emoji', 'look-alikes']) {
      const value = HOSTILE.find(([l]) => l === label)![1];
      unwrap(server.apiBulkApply({ ids: [ids[1]], action: 'addTag', value }));
    }
    expect(rowsOf(emu(), 'Clients')[1].Tags).toBe(['<img src=x onerror=alert(1)>', '👩‍💼 Ана 🇷🇴 Zoë', 'Аlеxаndr'].join(', '));
  });

  it('writes in the same number of calls for 3 and for 60 clients', () => {
    // Each size in a spreadsheet of its own, so one run's tabs (Snapshots) do not change the other's calls.
    const count = (n: number) => {
      const own = createEmulator({ user: ADMIN, files: { Sidebar: '<html></html>' } });
      const uninstall = own.install(globalThis);
      try {
        setUpBase(own);
        const ids = writeClients(
          own,
          Array.from({ length: n }, (_, i) => ({ 'First name': `P${i}`, Stage: 'Cold', Tags: '' })),
        );
        const audit = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Audit')!;
        audit.insertRowsAfter(audit.getMaxRows(), 200);
        const calls = callsDuring(own, () => unwrap(server.apiBulkApply({ ids, action: 'addTag', value: 'x' })));
        return Object.values(calls).reduce((a, b) => a + b, 0);
      } finally {
        uninstall();
      }
    };
    expect(count(60)).toBe(count(3));
  });
});
