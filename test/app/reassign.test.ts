import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { callsDuring, rowsOf, unwrap, useEmulator } from '../support/emulated';

function addClient(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client.id;
}

describe('reassigning the clients of a manager who leaves', () => {
  const emu = useEmulator();

  it('moves their clients and open next steps in one action, audited, after a snapshot', () => {
    server.menuSetUp();
    const a = addClient({ 'First name': 'Ana', Manager: 'olga@example.com' });
    const b = addClient({ 'First name': 'Bob', Manager: 'OLGA@example.com ' });
    const c = addClient({ 'First name': 'Cid', Manager: 'ion@example.com' });
    unwrap(server.apiLogInteraction({ clientId: a, type: 'Call', nextStep: 'Call back', nextDate: '2026-12-01', manager: 'olga@example.com' }));
    const done = unwrap(server.apiLogInteraction({ clientId: a, type: 'Call', nextStep: 'Old step', nextDate: '2026-01-01', manager: 'olga@example.com' }));
    unwrap(server.apiMarkDone(done.id));
    emu().ui.respondWith('olga@example.com', 'ion@example.com');
    server.menuReassignManager();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Moved 2 clients and 1 open next steps/);
    const managers = Object.fromEntries(rowsOf(emu(), 'Clients').map((r) => [r.ID, r.Manager]));
    expect(managers).toEqual({ [a]: 'ion@example.com', [b]: 'ion@example.com', [c]: 'ion@example.com' });
    const steps = rowsOf(emu(), 'Interactions').map((r) => [r['Next step'], r.Manager]);
    expect(steps).toEqual([
      ['Call back', 'ion@example.com'],
      ['Old step', 'olga@example.com'],
    ]);
    expect(
      rowsOf(emu(), 'Audit')
        .filter((r) => r.Action === 'reassign')
        .map((r) => r['Client ID'])
        .sort(),
    ).toEqual([a, b].sort());
    expect(unwrap(server.apiListSnapshots())[0].reason).toMatch(/reassigning olga@example.com/);
  });

  it('refuses a reader, a formula-looking name and an unknown manager, changing nothing', () => {
    server.menuSetUp();
    addClient({ 'First name': 'Ana', Manager: 'olga@example.com' });
    const before = emu().readSheet('Clients');
    emu().ui.respondWith('olga@example.com', '=IMPORTXML("x")');
    server.menuReassignManager();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/looks like a formula/);
    emu().ui.respondWith('nobody@example.com', 'ion@example.com');
    server.menuReassignManager();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/No client/);
    const settings = emu()
      .readSheet('Settings')
      .map((r) => (r[0] === 'admins' ? ['admins', 'boss@example.com', r[2]] : r));
    emu().writeSheet('Settings', settings);
    emu().ui.respondWith('olga@example.com', 'ion@example.com');
    server.menuReassignManager();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Only an admin/);
    expect(emu().readSheet('Clients')).toEqual(before);
  });

  it('costs the same service calls for 10 clients as for 3,000', () => {
    server.menuSetUp();
    const [header] = emu().readSheet('Clients');
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        header.map((h) => (h === 'ID' ? `C-R${i}` : h === 'Manager' ? (i % 2 ? 'olga@example.com' : 'ion@example.com') : h === 'First name' ? `N${i}` : '')),
      );
    const run = (n: number) => {
      emu().writeSheet('Clients', [header, ...rows(n)]);
      emu().ui.respondWith('olga@example.com', 'maria@example.com');
      return callsDuring(emu(), () => server.menuReassignManager());
    };
    run(10); // the first run also creates the Snapshots tab
    const small = run(10);
    const large = run(3000);
    expect(large['Range.setValues']).toBe(small['Range.setValues']);
    expect(large['Range.getValues']).toBe(small['Range.getValues']);
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Moved 1500 clients/);
  });
});
