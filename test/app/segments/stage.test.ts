import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator';
import * as server from '../../../src/server';
import { callsDuring, rowsOf, unwrap, useEmulator, ADMIN } from '../../support/emulated';
import { liveTabIds, seedMany, setUpBase, writeClients } from './fixtures';

const lastAlert = (emu: ReturnType<ReturnType<typeof useEmulator>>) => emu.ui.alerts.at(-1);

describe('ClientBase ▸ Set stage for selection', () => {
  const emu = useEmulator();

  it('asks for the stage listing the options, moves the selected clients, stamps, audits and snapshots', () => {
    setUpBase(emu());
    const ids = writeClients(emu(), [
      { 'First name': 'Anna', Stage: 'Cold' },
      { 'First name': 'Boris', Stage: 'Warm' },
      { 'First name': 'Chen', Stage: 'Hot' },
      { 'First name': 'Dana', Stage: 'Cold' },
    ]);
    emu().setActiveSelection('Clients', 'B2:C3,E4');
    emu().ui.respondWith('hot');
    server.menuSetStageForSelection();
    const prompt = emu().ui.alerts.find((a) => a.kind === 'prompt')!;
    expect(prompt.prompt).toMatch(/3 selected clients/);
    expect(prompt.prompt).toMatch(/Cold, Warm, Hot, VIP, Lost/);
    const clients = rowsOf(emu(), 'Clients');
    expect(clients.map((c) => c.Stage)).toEqual(['Hot', 'Hot', 'Hot', 'Cold']);
    expect(clients[0]['Updated by']).toBe(ADMIN);
    expect((clients[0].Updated as Date).getTime()).toBeGreaterThan(new Date('2026-01-15T10:00:00Z').getTime());
    expect((clients[2].Updated as Date).toISOString()).toBe('2026-01-15T10:00:00.000Z');
    const audit = rowsOf(emu(), 'Audit').filter((a) => a.Action === 'stage');
    expect(audit.map((a) => [a['Client ID'], a.Field, a['Old value'], a['New value'], a.Source])).toEqual([
      [ids[0], 'Stage', 'Cold', 'Hot', 'menu'],
      [ids[1], 'Stage', 'Warm', 'Hot', 'menu'],
    ]);
    expect(lastAlert(emu())?.prompt).toMatch(/2 clients moved[\s\S]*1 already had this stage[\s\S]*snapshot S-/);
    expect(unwrap(server.apiListSnapshots())[0].reason).toMatch(/before setting the stage Hot for 2 clients/);
    const history = unwrap(server.apiHistory(ids[1])).changes;
    expect(history[0]).toMatchObject({ action: 'stage', field: 'Stage', oldValue: 'Warm', newValue: 'Hot', source: 'menu' });
    expect(liveTabIds(emu(), 'Seg · Hot')).toEqual(ids.slice(0, 3));
  });

  it('works from a segment tab, mapping its rows to clients by the ID column', () => {
    setUpBase(emu());
    const ids = writeClients(emu(), [
      { 'First name': 'Anna', Stage: 'Hot' },
      { 'First name': 'Boris', Stage: 'Cold' },
      { 'First name': 'Chen', Stage: 'Hot' },
    ]);
    emu().setActiveSelection('Seg · Hot', 'E3');
    emu().ui.respondWith('VIP');
    server.menuSetStageForSelection();
    expect(rowsOf(emu(), 'Clients').map((c) => c.Stage)).toEqual(['Hot', 'Cold', 'VIP']);
    expect(liveTabIds(emu(), 'Seg · Hot')).toEqual([ids[0]]);
    expect(liveTabIds(emu(), 'Seg · VIP')).toEqual([ids[2]]);
  });

  it.each([
    ['a stage that is not an option', 'Lukewarm', /not one of|Choose|options|Lukewarm/i],
    ['an empty answer', '   ', /Type a stage/],
    ['formula-looking text', '=HYPERLINK("http://x","y")', /./],
    ['50,001 characters', 'x'.repeat(50_001), /./],
    ['emoji', '🔥', /./],
  ])('refuses %s and changes nothing', (_what, answer, message) => {
    setUpBase(emu());
    writeClients(emu(), [{ 'First name': 'Anna', Stage: 'Cold' }]);
    emu().setActiveSelection('Clients', 'A2');
    const before = emu().readSheet('Clients');
    const audit = emu().readSheet('Audit').length;
    emu().ui.respondWith(answer);
    server.menuSetStageForSelection();
    expect(lastAlert(emu())?.kind).toBe('alert');
    expect(lastAlert(emu())?.prompt).toMatch(message);
    expect(lastAlert(emu())?.prompt).toMatch(/Nothing was changed|Type a stage/);
    expect(emu().readSheet('Clients')).toEqual(before);
    expect(emu().readSheet('Audit')).toHaveLength(audit);
    expect(unwrap(server.apiListSnapshots())).toHaveLength(0);
  });

  it('does nothing when the dialog is cancelled', () => {
    setUpBase(emu());
    writeClients(emu(), [{ 'First name': 'Anna', Stage: 'Cold' }]);
    emu().setActiveSelection('Clients', 'A2');
    const before = emu().readSheet('Clients');
    emu().ui.respondWith('CANCEL');
    server.menuSetStageForSelection();
    expect(emu().readSheet('Clients')).toEqual(before);
    expect(emu().ui.toasts.at(-1)?.message ?? '').toMatch(/cancelled/);
  });

  it('asks to select rows first on another tab or on the header only', () => {
    setUpBase(emu());
    writeClients(emu(), [{ 'First name': 'Anna', Stage: 'Cold' }]);
    emu().setActiveSelection('Audit', 'A2');
    server.menuSetStageForSelection();
    expect(lastAlert(emu())?.prompt).toMatch(/Clients tab or in a segment tab/);
    emu().setActiveSelection('Clients', 'A1');
    server.menuSetStageForSelection();
    expect(lastAlert(emu())?.prompt).toMatch(/Select the rows/);
    expect(emu().ui.alerts.some((a) => a.kind === 'prompt')).toBe(false);
  });

  it('is refused to a reader before anything is asked', () => {
    setUpBase(emu());
    writeClients(emu(), [{ 'First name': 'Anna', Stage: 'Cold' }]);
    emu().setUser('reader@example.com');
    emu().setActiveSelection('Clients', 'A2');
    server.menuSetStageForSelection();
    expect(lastAlert(emu())?.prompt).toMatch(/Only a manager may change the stage/);
    expect(emu().ui.alerts.some((a) => a.kind === 'prompt')).toBe(false);
    const api = server.apiSetStageForClients(['C-T0001'], 'Hot');
    expect(api.ok || api.error.code).toBe('forbidden');
    expect(rowsOf(emu(), 'Clients')[0].Stage).toBe('Cold');
  });

  it('reports IDs that are gone and keeps formulas in untouched cells of the written columns', () => {
    setUpBase(emu());
    const ids = writeClients(emu(), [
      { 'First name': 'Anna', Stage: 'Cold' },
      { 'First name': 'Boris', Stage: '=UPPER("warm")' },
      { 'First name': 'Chen', Stage: 'Cold' },
    ]);
    const report = unwrap(server.apiSetStageForClients([ids[0], 'C-GONE', ids[2]], 'Warm'));
    expect(report).toMatchObject({ stage: 'Warm', changed: 2, unchanged: 0, missing: ['C-GONE'] });
    expect(emu().inspectSheet('Clients').formulas[2][[...(emu().readSheet('Clients')[0] as string[])].indexOf('Stage')]).toBe('=UPPER("warm")');
  });
});

describe('service calls of Set stage for selection', () => {
  /** Each size in a spreadsheet of its own, so one run's tabs (Snapshots) do not change the other's calls. */
  const run = (selected: number) => {
    const emu = createEmulator({ user: ADMIN, files: { Sidebar: '<html></html>' } });
    const uninstall = emu.install(globalThis);
    try {
      setUpBase(emu);
      seedMany(emu, 2_100);
      // Room for 2,000 audit rows in both runs: growing a tab is one call more, whatever the number of rows.
      const audit = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Audit')!;
      audit.insertRowsAfter(audit.getMaxRows(), 3_000);
      emu.setActiveSelection('Clients', `A2:A${selected + 1}`);
      emu.ui.respondWith('VIP');
      const calls = callsDuring(emu, () => server.menuSetStageForSelection());
      const moved = rowsOf(emu, 'Audit').filter((a) => a.Action === 'stage').length;
      return { calls, moved, snapshots: unwrap(server.apiListSnapshots()).length };
    } finally {
      uninstall();
    }
  };

  it('are the same for 3 and for 2,000 selected rows, each moved client audited, after one snapshot', () => {
    const three = run(3);
    const twoThousand = run(2_000);
    expect(three).toMatchObject({ moved: 3, snapshots: 1 });
    expect(twoThousand).toMatchObject({ moved: 2_000 - 400, snapshots: 1 });
    expect(twoThousand.calls).toEqual(three.calls);
    expect(three.calls['Range.setValues']).toBeLessThanOrEqual(6);
  });
});
