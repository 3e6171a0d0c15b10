import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { callsDuring, unwrap, useEmulator } from '../../support/emulated';
import { setUpBase } from './messy-base';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe('Stale clients', () => {
  const emu = useEmulator();

  function base() {
    setUpBase(emu(), [
      { ID: 'C-1', 'First name': 'Fresh', Updated: daysAgo(1), 'Last contact': daysAgo(2), Manager: 'anna@example.com' },
      { ID: 'C-2', 'First name': 'Forgotten', Updated: daysAgo(400), 'Last contact': daysAgo(300), Manager: 'anna@example.com' },
      { ID: 'C-3', Company: 'Never Called Ltd', Updated: daysAgo(3), Manager: ' Anna@Example.com' },
      { ID: 'C-4', 'First name': '<img src=x onerror=alert(1)>', Updated: daysAgo(200), 'Last contact': '01.01.2020', Manager: 'boris@example.com' },
      { ID: 'C-5', 'First name': 'Called lately', Updated: daysAgo(500), 'Last contact': daysAgo(500), Manager: '' },
    ]);
    emu().writeSheet('Interactions', [
      ['ID', 'Client ID', 'Date', 'Type', 'Manager', 'Result', 'Next step', 'Next date', 'Done', 'Source'],
      ['I-1', 'C-5', daysAgo(10), 'Call', 'anna@example.com', 'ok', '', '', false, 'sidebar'],
    ]);
  }

  it('lists clients not updated or not contacted within staleDays, per manager', () => {
    base();
    const stale = unwrap(server.apiStaleClients());
    expect(stale.staleDays).toBe(180);
    expect(stale.total).toBe(4);
    const anna = stale.groups.find((g) => g.manager.toLowerCase() === 'anna@example.com')!;
    expect(anna.count).toBe(2);
    expect(anna.clients.map((c) => c.id)).toEqual(['C-3', 'C-2']); // never contacted first
    expect(anna.clients.find((c) => c.id === 'C-3')).toMatchObject({ name: 'Never Called Ltd', reasons: ['not_contacted'] });
    expect(anna.clients.find((c) => c.id === 'C-2')).toMatchObject({ name: 'Forgotten', reasons: ['not_updated', 'not_contacted'] });
    const boris = stale.groups.find((g) => g.manager === 'boris@example.com')!;
    expect(boris.clients[0]).toMatchObject({ id: 'C-4', name: '<img src=x onerror=alert(1)>', reasons: ['not_updated', 'not_contacted'] });
    // A logged interaction counts as contact even when the Last contact field is older.
    const nobody = stale.groups.find((g) => g.manager === '')!;
    expect(nobody.clients).toEqual([expect.objectContaining({ id: 'C-5', reasons: ['not_updated'], daysSinceContact: 10 })]);
    expect(JSON.parse(JSON.stringify(stale))).toEqual(stale);
  });

  it('follows the period set in Settings', () => {
    base();
    emu().writeSheet(
      'Settings',
      emu()
        .readSheet('Settings')
        .map((r) => (r[0] === 'staleDays' ? [r[0], '1000', r[2]] : r)),
    );
    const stale = unwrap(server.apiStaleClients());
    expect(stale.staleDays).toBe(1000);
    // Contacted in 2020; C-3 was never contacted but was added (Created 2026-01-15) within the 1000 days, so it is not stale yet.
    expect(stale.groups.flatMap((g) => g.clients.map((c) => c.id)).sort()).toEqual(['C-4']);
  });

  it('is open to readers', () => {
    base();
    emu().setUser('rita@example.com');
    expect(unwrap(server.apiStaleClients()).total).toBe(4);
  });

  it('uses the same service calls for 20 clients as for 2,000', () => {
    const clients = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ 'First name': `N${i}`, Updated: daysAgo(i % 400), Manager: i % 2 ? 'anna@example.com' : 'boris@example.com' }));
    setUpBase(emu(), clients(20));
    const small = callsDuring(emu(), () => unwrap(server.apiStaleClients()));
    setUpBase(emu(), clients(2000));
    const large = callsDuring(emu(), () => unwrap(server.apiStaleClients()));
    expect(large).toEqual(small);
  });
});
