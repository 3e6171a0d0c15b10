import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../../emulator';
import * as server from '../../../src/server';
import { rowsOf, unwrap, useEmulator } from '../../support/emulated';
import { clockAt } from '../plan/fixture';
import { outboxTo, setUpWithClients } from './fixture';

afterEach(() => vi.useRealTimers());

/** Three people of Romashka (the decision maker second, one name written the Russian way), one of Acme, one with no company. */
function seed(emu: Emulator): string[] {
  const ids = setUpWithClients(emu, [
    { first: 'Olga', email: 'olga@romashka.example' },
    { first: 'Ivan', email: 'ivan@romashka.example' },
    { first: 'Petr', email: 'petr@romashka.example' },
    { first: 'Ann', email: 'ann@acme.example' },
    { first: 'Solo', email: 'solo@example.com' },
  ]);
  const who: Record<string, [string, string]> = {
    C01: ['Romashka LLC', 'Influencer'],
    C02: ['ООО «Ромашка»', 'Decision maker'],
    C03: ['Romashka LLC', 'User'],
    C04: ['Acme 🚀', 'User'],
    C05: ['', ''],
  };
  const [header, ...rows] = emu.readSheet('Clients');
  const at = (name: string) => header.indexOf(name);
  emu.writeSheet('Clients', [
    header,
    ...rows.map((r) => r.map((v, c) => (c === at('Company') ? who[String(r[at('ID')])][0] : c === at('Contact role') ? who[String(r[at('ID')])][1] : v))),
  ]);
  return ids;
}

const input = (ids: string[], onePerCompany?: boolean) => ({
  campaign: 'Spring 1',
  template: 'Spring',
  recipients: { kind: 'ids' as const, ids },
  ...(onePerCompany === undefined ? {} : { onePerCompany }),
});

describe('one recipient per company', () => {
  const emu = useEmulator();

  it('the pre-flight leaves out all but the decision maker, counted per company with who gets it', () => {
    const ids = seed(emu());
    const report = unwrap(server.apiMailPreflight(input(ids, true)));
    expect(report.sendable).toBe(3);
    expect(report.skippedPerCompany?.count).toBe(2);
    expect(Object.values(report.skippedPerCompany?.perCompany ?? {})).toEqual([2]);
    expect(report.skippedPerCompany?.examples.map((e) => [e.id, e.sameAs])).toEqual([
      ['C01', 'C02'],
      ['C03', 'C02'],
    ]);
    expect(report.warnings.join(' ')).toMatch(/One recipient per company: 2 left out/);
    // Without the option everyone is mailed.
    expect(unwrap(server.apiMailPreflight(input(ids))).sendable).toBe(5);
  });

  it('sends the one mail to the decision maker, says why the others were skipped, and never mails the company twice on a re-run', () => {
    const ids = seed(emu());
    unwrap(server.apiStartMailing(input(ids, true)));
    expect(outboxTo(emu()).sort()).toEqual(['ann@acme.example', 'ivan@romashka.example', 'solo@example.com']);
    const skipped = rowsOf(emu(), 'Mailings').filter((r) => String(r.Status) === 'Skipped: one per company');
    expect(skipped.map((r) => r['Client ID'])).toEqual(['C01', 'C03']);
    expect(String(skipped[0].Detail)).toMatch(/One recipient per company/);
    // The decision maker's role is cleared (Olga, the influencer, now ranks first); a re-run of the same mailing (the option is stored with it) still writes to nobody there.
    const [header, ...rows] = emu().readSheet('Clients');
    const role = header.indexOf('Contact role');
    emu().writeSheet('Clients', [header, ...rows.map((r) => r.map((v, c) => (c === role && r[0] === 'C02' ? '' : v)))]);
    const again = unwrap(server.apiStartMailing(input(ids)));
    expect(again.queued).toBe(0);
    expect(outboxTo(emu())).toHaveLength(3);
  });

  // The company's decision maker was called yesterday: the contact pause holds him back, and the
  // company with him; mailing the influencer in his place would reach the company a day after the call.
  it('a decision maker held back by the contact pause is not replaced by a colleague; after the pause he is the one mailed', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = seed(emu());
    unwrap(server.apiLogInteraction({ clientId: 'C02', type: 'Call', date: '2026-03-09', result: 'Agreed the terms' }));
    const report = unwrap(server.apiMailPreflight(input(ids, true)));
    expect(report.recentlyContacted?.examples.map((e) => e.id)).toEqual(['C02']);
    expect(report.sendable).toBe(2);
    expect(report.skippedPerCompany?.perCompany).toEqual({ 'ООО «Ромашка»': 2 });
    unwrap(server.apiStartMailing(input(ids, true)));
    expect(outboxTo(emu()).sort()).toEqual(['ann@acme.example', 'solo@example.com']);
    const status = (id: string) => String(rowsOf(emu(), 'Mailings').find((r) => r['Client ID'] === id)?.Status);
    expect([status('C01'), status('C02'), status('C03')]).toEqual([
      'Skipped: contacted recently',
      'Skipped: contacted recently',
      'Skipped: contacted recently',
    ]);
    expect(String(rowsOf(emu(), 'Mailings').find((r) => r['Client ID'] === 'C01')?.Detail)).not.toMatch(/a colleague gets it/);

    // Four days on, the same mailing (run again) writes to the decision maker alone.
    clockAt('2026-03-14T10:00:00Z');
    const later = unwrap(server.apiMailPreflight(input(ids, true)));
    expect(later.sendable).toBe(1);
    unwrap(server.apiStartMailing(input(ids, true)));
    expect(outboxTo(emu()).sort()).toEqual(['ann@acme.example', 'ivan@romashka.example', 'solo@example.com']);
  });
});
