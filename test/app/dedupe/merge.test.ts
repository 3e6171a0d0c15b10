import { describe, expect, it, vi } from 'vitest';
import { createEmulator, type Emulator } from '../../../emulator';
import * as server from '../../../src/server';
import { callsDuring, rowsOf, unwrap, useEmulator } from '../../support/emulated';
import { recordCalls } from '../../support/faults';

function add(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client.id;
}

/** Two people entered twice by different managers, and one unrelated client. */
function seedBase(emu: Emulator) {
  server.menuSetUp();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-10T09:00:00Z'));
  const alexander = add({
    'First name': 'Alexander',
    'Last name': 'Petrov',
    Phone: '+7 916 123-45-67',
    Email: 'a.petrov@gmail.com',
    Tags: 'vip, moscow',
    Notes: 'Met at the fair',
  });
  vi.setSystemTime(new Date('2026-03-10T09:00:00Z'));
  const sasha = add({
    'First name': 'Саша',
    'Last name': 'Петров',
    Phone: '8(916)1234567',
    Email: 'sasha.petrov@mail.ru',
    Tags: 'Moscow, wholesale',
    Notes: 'Prefers calls',
    'Opt-out': 'true',
    City: 'Москва',
  });
  const other = add({ 'First name': 'Ion', 'Last name': 'Popescu', Phone: '+40 721 234 567' });
  vi.useRealTimers();
  unwrap(server.apiLogInteraction({ clientId: sasha, type: 'Call', result: 'Asked for a price list' }));
  const purchases = [
    ['Client ID', 'Date', 'Amount', 'Product'],
    [sasha, new Date('2026-02-01T00:00:00Z'), 500, 'Tea'],
    [alexander, new Date('2026-02-02T00:00:00Z'), 700, 'Coffee'],
    [other, new Date('2026-02-03T00:00:00Z'), 90, 'Tea'],
  ];
  emu.writeSheet('Purchases', purchases);
  unwrap(server.apiSaveDeal({ clientId: alexander, number: 'D-6', date: '2026-01-20', amount: '300', status: 'closed' }));
  unwrap(server.apiSaveDeal({ clientId: sasha, number: 'D-7', date: '2026-02-05', amount: '1200', status: 'signed' }));
  unwrap(server.apiSaveDeal({ clientId: other, number: 'D-8', date: '2026-02-06', amount: '40', status: 'draft' }));
  return { alexander, sasha, other };
}

function decide(emu: Emulator, decision: string) {
  const rows = emu.readSheet('Duplicates');
  emu.writeSheet(
    'Duplicates',
    rows.map((r, i) => (i > 0 && r[0] === 1 && r[8] === true ? [...r.slice(0, 7), decision, r[8]] : r)),
  );
}

describe('finding and merging duplicates', () => {
  const emu = useEmulator();

  it('lists Alexander Petrov and Саша Петров as one group, with reasons, and the fuller row as survivor', () => {
    const { alexander, sasha, other } = seedBase(emu());
    server.menuFindDuplicates();
    const review = rowsOf(emu(), 'Duplicates');
    expect(review.map((r) => r['Client ID']).sort()).toEqual([alexander, sasha].sort());
    expect(review.map((r) => r['Client ID'])).not.toContain(other);
    expect(review.filter((r) => r.Survivor === true)).toHaveLength(1);
    expect(review[1].Why).toMatch(/phone|nickname|email/);
  });

  it('merges with field-level survivorship and moves interactions, purchases and deals to the survivor', () => {
    const { alexander, sasha } = seedBase(emu());
    server.menuFindDuplicates();
    decide(emu(), 'merge');
    const survivor = rowsOf(emu(), 'Duplicates').find((r) => r.Survivor === true)!['Client ID'] as string;
    const gone = survivor === alexander ? sasha : alexander;
    server.menuMergeDuplicates();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Merged 1 groups/);
    const clients = rowsOf(emu(), 'Clients');
    expect(clients.map((c) => c.ID)).not.toContain(gone);
    const merged = clients.find((c) => c.ID === survivor)!;
    expect(merged['Opt-out']).toBe(true); // one copy opted out: the client has
    expect(
      String(merged.Tags)
        .split(', ')
        .map((t) => t.toLowerCase())
        .sort(),
    ).toEqual(['moscow', 'vip', 'wholesale']);
    expect(merged.Notes).toMatch(/Met at the fair/);
    expect(merged.Notes).toMatch(/Prefers calls/);
    expect(merged.City).toBe('Москва');
    expect(merged.Created).toEqual(new Date('2026-01-10T09:00:00Z'));
    expect(rowsOf(emu(), 'Interactions').every((r) => r['Client ID'] === survivor)).toBe(true);
    expect(rowsOf(emu(), 'Purchases').filter((r) => r['Client ID'] === survivor)).toHaveLength(2);
    // Both Petrovs' contracts follow whoever survives; Ion's stays his.
    expect(rowsOf(emu(), 'Deals').map((r) => [r.Number, r['Client ID']])).toEqual([
      ['D-6', survivor],
      ['D-7', survivor],
      ['D-8', rowsOf(emu(), 'Clients').find((c) => c['First name'] === 'Ion')!.ID],
    ]);
    expect(rowsOf(emu(), 'Deals').some((r) => r['Client ID'] === gone)).toBe(false);
    expect(rowsOf(emu(), 'Archive').length).toBeGreaterThanOrEqual(3);
    expect(rowsOf(emu(), 'Audit').some((r) => r.Action === 'merge' && r['Old value'] === gone)).toBe(true);
    expect(rowsOf(emu(), 'Duplicates')).toHaveLength(0);
  });

  it('undo merge brings back every row and every moved record exactly', () => {
    seedBase(emu());
    const key = (r: Record<string, unknown>) => String(r.ID ?? `${String(r['Client ID'])}|${String(r.Product)}`);
    const byId = (tab: string) => rowsOf(emu(), tab).sort((a, b) => key(a).localeCompare(key(b)));
    const before = { clients: byId('Clients'), interactions: byId('Interactions'), purchases: byId('Purchases'), deals: byId('Deals') };
    server.menuFindDuplicates();
    decide(emu(), 'merge');
    server.menuMergeDuplicates();
    server.menuUndoMerge();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Undid merge M-/);
    expect(byId('Clients')).toEqual(before.clients);
    expect(byId('Interactions')).toEqual(before.interactions);
    expect(byId('Purchases')).toEqual(before.purchases);
    expect(byId('Deals')).toEqual(before.deals);
    server.menuUndoMerge();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/no merge to undo/);
  });

  it('refuses to undo when the survivor was edited after the merge', () => {
    seedBase(emu());
    server.menuFindDuplicates();
    decide(emu(), 'merge');
    server.menuMergeDuplicates();
    const survivor = unwrap(server.apiListMerges())[0].survivor;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 5_000);
    unwrap(server.apiSaveClient({ id: survivor, values: { Position: 'CEO' }, expectedUpdated: unwrap(server.apiGetClient(survivor)).updated }));
    vi.useRealTimers();
    server.menuUndoMerge();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/changed client .* after the merge/);
  });

  it('remembers "not duplicates" and never proposes the pair again', () => {
    seedBase(emu());
    server.menuFindDuplicates();
    decide(emu(), 'not duplicates');
    server.menuMergeDuplicates();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/remembered as not duplicates/);
    server.menuFindDuplicates();
    expect(rowsOf(emu(), 'Duplicates')).toHaveLength(0);
    expect(rowsOf(emu(), 'Clients')).toHaveLength(3);
  });

  it('is refused to managers: only admins merge', () => {
    seedBase(emu());
    server.menuFindDuplicates();
    decide(emu(), 'merge');
    emu().writeSheet(
      'Settings',
      emu()
        .readSheet('Settings')
        .map((r) => (r[0] === 'managers' ? ['managers', 'boris@example.com', r[2]] : r[0] === 'admins' ? ['admins', 'boss@example.com', r[2]] : r)),
    );
    emu().setUser('boris@example.com');
    const before = emu().readSheet('Clients');
    server.menuMergeDuplicates();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Only an admin may merge/);
    expect(emu().readSheet('Clients')).toEqual(before);
  });

  it('costs the same service calls with 20 other clients as with 2,000', () => {
    const run = (extra: number) => {
      const other = createEmulator({ user: 'anna@example.com', files: { Sidebar: '<html></html>' } });
      const uninstall = other.install(globalThis);
      try {
        seedBase(other);
        const [header, ...rows] = other.readSheet('Clients');
        // Names far apart from each other, so the filler forms no duplicate groups of its own.
        const word = (n: number) =>
          Array.from({ length: 7 }, (_, k) => 'bcdfghjklmnpqrstvwxz'[Math.floor(n / 20 ** k) % 20] + 'aeiou'[(n * 7 + k * 3) % 5]).join('');
        const filler = Array.from({ length: extra }, (_, i) =>
          header.map((h) => (h === 'ID' ? `C-F${i}` : h === 'First name' ? word(i * 7919 + 13) : h === 'Last name' ? word(i * 104729 + 71) : '')),
        );
        other.writeSheet('Clients', [header, ...rows, ...filler]);
        server.menuFindDuplicates();
        decide(other, 'merge');
        const calls = callsDuring(other, () => server.menuMergeDuplicates());
        expect(other.ui.alerts.at(-1)?.prompt).toMatch(/Merged 1 groups/);
        return calls;
      } finally {
        uninstall();
      }
    };
    const small = run(20);
    const large = run(2000);
    for (const key of ['Range.getValues', 'Range.setValues', 'Sheet.deleteRows']) expect(large[key], key).toBe(small[key]);
  });
});

// A sweep: a generous limit; a busy machine must not fail it.
describe('a fault at every service call of a merge', { timeout: 240_000 }, () => {
  it('leaves the clients and their records as they were, and the merge can be retried', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Seeded once; each run starts from the serialized state (a tenth of the cost of seeding again).
    const seeded = createEmulator({ user: 'anna@example.com', files: { Sidebar: '<html></html>' } });
    const unseed = seeded.install(globalThis);
    seedBase(seeded);
    server.menuFindDuplicates();
    decide(seeded, 'merge');
    const state = seeded.serialize();
    unseed();
    const fresh = () => {
      const emu = createEmulator({ user: 'anna@example.com', files: { Sidebar: '<html></html>' }, state });
      const uninstall = emu.install(globalThis);
      return { emu, uninstall };
    };
    const probe = fresh();
    const sites = recordCalls(probe.emu, () => server.menuMergeDuplicates());
    expect(probe.emu.ui.alerts.at(-1)?.prompt).toMatch(/Merged 1 groups/);
    probe.uninstall();
    let failures = 0;
    for (const site of sites) {
      const { emu, uninstall } = fresh();
      try {
        const before = {
          clients: emu.readSheet('Clients'),
          interactions: emu.readSheet('Interactions'),
          purchases: emu.readSheet('Purchases'),
          deals: emu.readSheet('Deals'),
        };
        emu.faults.failOn(site.key, site.nth, `injected at ${site.index} ${site.key}`);
        try {
          server.menuMergeDuplicates();
        } catch {
          // A fault in the closing alert reaches the caller: the menu's work is judged by the sheet below.
        }
        emu.faults.clear();
        const message = emu.ui.alerts.at(-1)?.prompt ?? '';
        if (/Merged 1 groups/.test(message)) continue;
        const clients = emu.readSheet('Clients');
        const merged = clients.length === before.clients.length - 1;
        if (merged) {
          // The fault hit after the archive commit point (review tab, memory): the merge stands and is undoable.
          expect(rowsOf(emu, 'Archive').length, `${site.index} ${site.key}`).toBeGreaterThan(0);
          continue;
        }
        failures++;
        expect(clients, `clients after a fault at ${site.index} ${site.key}`).toEqual(before.clients);
        expect(emu.readSheet('Interactions'), `interactions after ${site.key}`).toEqual(before.interactions);
        expect(emu.readSheet('Purchases'), `purchases after ${site.key}`).toEqual(before.purchases);
        expect(emu.readSheet('Deals'), `deals after ${site.key}`).toEqual(before.deals);
        server.menuMergeDuplicates();
        expect(emu.ui.alerts.at(-1)?.prompt, `retry after ${site.index} ${site.key}`).toMatch(/Merged 1 groups/);
      } finally {
        uninstall();
      }
    }
    expect(failures).toBeGreaterThan(10);
  });
});
