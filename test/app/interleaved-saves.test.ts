/**
 * Two sidebars save the same client at once, interleaved at every service
 * call of the first save (emulator/scheduler.ts): the second must either see
 * the first and be refused as a conflict, or run entirely before it. Both
 * "saved" from one loaded copy would be a lost update.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmulator } from '../../emulator';
import * as server from '../../src/server';
import { ADMIN } from '../support/emulated';

type Outcome = ReturnType<typeof server.apiSaveClient>;

let seeded: { state: ReturnType<ReturnType<typeof createEmulator>['serialize']>; client: { id: string; updated: string } } | undefined;

/** A set-up base with one client, built once and restored for each interleaving. */
function world() {
  if (!seeded) {
    const emu = createEmulator({ user: ADMIN, files: { Sidebar: '<html></html>' } });
    const uninstall = emu.install(globalThis);
    server.menuSetUp();
    emu.writeSheet(
      'Settings',
      emu.readSheet('Settings').map((r) => (r[0] === 'managers' ? ['managers', 'boris@example.com', r[2]] : r)),
    );
    const created = server.apiSaveClient({ values: { 'First name': 'Ana', Company: 'Agro Vest' } });
    uninstall();
    if (!created.ok || created.value.status !== 'saved') throw new Error('not saved');
    seeded = { state: emu.serialize(), client: created.value.client };
  }
  const emu = createEmulator({ user: ADMIN, files: { Sidebar: '<html></html>' }, state: seeded.state });
  return { emu, uninstall: emu.install(globalThis), client: seeded.client };
}

function sweep() {
  const results: { at: number; anna: Outcome; boris: Outcome; row: unknown[] }[] = [];
  for (let at = 1; ; at++) {
    const { emu, uninstall, client } = world();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(client.updated).getTime() + 3_000);
    let anna: Outcome | undefined;
    let boris: Outcome | undefined;
    const report = emu.interleave(
      [
        { name: 'Anna', run: () => (anna = server.apiSaveClient({ id: client.id, values: { City: 'Iași' }, expectedUpdated: client.updated })) },
        {
          name: 'Boris',
          as: { kind: 'sidebar', user: 'boris@example.com' },
          run: () => (boris = server.apiSaveClient({ id: client.id, values: { Position: 'Director' }, expectedUpdated: client.updated })),
        },
      ],
      { at: [at] },
    );
    results.push({ at, anna: anna!, boris: boris!, row: emu.readSheet('Clients')[1] });
    uninstall();
    vi.useRealTimers();
    if (report.switchAt[0] > report.outcomes[0].calls) break;
  }
  return results;
}

const saved = (o: Outcome) => o.ok && o.value.status === 'saved';

describe('two sidebars saving one client, at every interleaving', () => {
  afterEach(() => vi.useRealTimers());

  // A sweep over every interleaving: its limit is for a hung run, not a busy machine.
  it('never both saved from the same loaded copy, with writes deferred until flush or the end', () => {
    const results = sweep();
    expect(results.length).toBeGreaterThan(10);
    for (const r of results) expect([saved(r.anna), saved(r.boris)], `Boris started before Anna's call ${r.at}`).not.toEqual([true, true]);
    // Both orders happen: Boris first (Anna refused) and Anna first (Boris refused).
    expect(results.some((r) => saved(r.anna) && !saved(r.boris))).toBe(true);
    expect(results.some((r) => saved(r.boris) && !saved(r.anna))).toBe(true);
    for (const r of results) expect(r.anna.ok || r.anna.error.code).not.toBe('busy');
  }, 240_000);
});
