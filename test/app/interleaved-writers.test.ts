/**
 * The writers a team runs at once, interleaved at every service call of the
 * first (emulator/scheduler.ts: writes deferred until flush or the end of an
 * execution): a sidebar save against the installable edit trigger, and a
 * mailing against a sidebar save. Whatever the interleaving, no update is
 * lost, no audit row is lost or doubled, and nobody is mailed twice.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmulator, type EmulatorState } from '../../emulator';
import * as server from '../../src/server';
import { setUpWithClients, TEMPLATE } from './mail/fixture';
import { ADMIN, rowsOf, unwrap } from '../support/emulated';

const PEOPLE = [
  { first: 'Ana', last: 'Popescu', email: 'ana@example.com' },
  { first: 'Petr', last: 'Sidorov', email: 'petr@example.com' },
  { first: 'Ion', last: 'Rusu', email: 'ion@example.com' },
];

let seeded: EmulatorState | undefined;

function world() {
  if (!seeded) {
    const emu = createEmulator({ user: ADMIN, files: { Sidebar: '<html></html>' }, mailQuota: 100 });
    const uninstall = emu.install(globalThis);
    setUpWithClients(emu, PEOPLE);
    uninstall();
    seeded = emu.serialize();
  }
  const emu = createEmulator({ user: ADMIN, files: { Sidebar: '<html></html>' }, state: seeded });
  return { emu, uninstall: emu.install(globalThis) };
}

/**
 * Runs the plan with the second execution starting before call `at` of the
 * first, for about 15 points spread over the first's calls (every call of a
 * mailing would take minutes), always including the first and the last.
 */
function everyInterleaving<T>(
  check: (emu: ReturnType<typeof world>['emu'], at: number) => T,
  plan: (emu: ReturnType<typeof world>['emu']) => Parameters<ReturnType<typeof world>['emu']['interleave']>[0],
): T[] {
  const out: T[] = [];
  const runAt = (at: number) => {
    const { emu, uninstall } = world();
    try {
      const report = emu.interleave(plan(emu), { at: [at] });
      out.push(check(emu, at));
      return report.outcomes[0].calls;
    } finally {
      uninstall();
    }
  };
  const calls = runAt(1);
  const stride = Math.max(1, Math.floor(calls / 15));
  for (let at = 1 + stride; at <= calls + 1; at += stride) runAt(at);
  if ((calls + 1 - 1) % stride !== 0) runAt(calls + 1);
  return out;
}

const cityOf = (emu: ReturnType<typeof world>['emu'], id: string) => rowsOf(emu, 'Clients').find((r) => r.ID === id)?.City;
const positionOf = (emu: ReturnType<typeof world>['emu'], id: string) => rowsOf(emu, 'Clients').find((r) => r.ID === id)?.Position;

describe('writers at once, at every interleaving', { timeout: 240_000 }, () => {
  afterEach(() => vi.useRealTimers());

  it('a sidebar save and a hand edit audited by the edit trigger: both changes and both audit rows stay', () => {
    const results = everyInterleaving(
      (emu, at) => {
        const audit = rowsOf(emu, 'Audit');
        const saveRows = audit.filter((r) => r.Action === 'edit' && r['Client ID'] === 'C01' && r.Field === 'City');
        const editRows = audit.filter((r) => r.Action === 'cell edit' && r['Client ID'] === 'C02');
        return { at, city: cityOf(emu, 'C01'), position: positionOf(emu, 'C02'), saveRows: saveRows.length, editRows: editRows.length };
      },
      (emu) => {
        const loaded = unwrap(server.apiGetClient('C01'));
        const header = emu.readSheet('Clients')[0] as string[];
        return [
          { name: 'sidebar', run: () => unwrap(server.apiSaveClient({ id: 'C01', values: { City: 'Iași' }, expectedUpdated: loaded.updated })) },
          {
            name: 'hand edit',
            as: { kind: 'installableTrigger', owner: ADMIN, user: 'boris@example.com' },
            run: () => {
              // The person's keystroke lands in the cell, then Sheets runs the trigger.
              const cell = SpreadsheetApp.getActiveSpreadsheet()
                .getSheetByName('Clients')!
                .getRange(3, header.indexOf('Position') + 1);
              cell.setValue('Director');
              server.onEditInstalled({ range: cell, oldValue: '', value: 'Director', user: { getEmail: () => 'boris@example.com' } } as never);
            },
          },
        ];
      },
    );
    expect(results.length).toBeGreaterThan(8);
    for (const r of results) {
      expect(r, `the trigger started before the save's call ${r.at}`).toMatchObject({ city: 'Iași', position: 'Director', saveRows: 1 });
      expect(r.editRows, `the trigger started before the save's call ${r.at}`).toBe(1);
    }
  });

  it('a mailing and a sidebar save of one of its recipients: every recipient mailed once, the save kept and audited once', () => {
    const results = everyInterleaving(
      (emu, at) => {
        const to = emu.outbox.map((m) => m.to).sort();
        const audit = rowsOf(emu, 'Audit').filter((r) => r.Action === 'edit' && r['Client ID'] === 'C02' && r.Field === 'City');
        return { at, to, city: cityOf(emu, 'C02'), saveRows: audit.length };
      },
      () => {
        const loaded = unwrap(server.apiGetClient('C02'));
        return [
          {
            name: 'mailing',
            run: () => unwrap(server.apiStartMailing({ campaign: 'Spring', template: TEMPLATE.name, recipients: { kind: 'ids', ids: ['C01', 'C02', 'C03'] } })),
          },
          { name: 'sidebar', run: () => unwrap(server.apiSaveClient({ id: 'C02', values: { City: 'Chișinău' }, expectedUpdated: loaded.updated })) },
        ];
      },
    );
    expect(results.length).toBeGreaterThan(8);
    for (const r of results) {
      expect(r.to, `the save started before the mailing's call ${r.at}`).toEqual(['ana@example.com', 'ion@example.com', 'petr@example.com']);
      expect(r, `the save started before the mailing's call ${r.at}`).toMatchObject({ city: 'Chișinău', saveRows: 1 });
    }
  });
});
