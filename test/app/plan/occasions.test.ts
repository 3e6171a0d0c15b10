/**
 * Occasions over the time-driven context: a birthday tomorrow is greeted on
 * the day (spreadsheet zone), in the client's language where a template for
 * it exists, once that year however often the trigger runs, and again next
 * year; a yearly campaign goes to its segment on its date.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as server from '../../../src/server';
import type { Emulator } from '../../../emulator';
import { ADMIN, rowsOf, unwrap, useEmulator } from '../../support/emulated';
import { people, setUpWithClients } from '../mail/fixture';
import { advance, clockAt, runTick } from './fixture';

afterEach(() => vi.useRealTimers());

/** Sets columns of Clients by header name for the given rows (adding the column when missing, as a team would). */
function setColumn(emu: Emulator, name: string, values: Record<string, unknown>): void {
  const [header, ...rows] = emu.readSheet('Clients') as unknown[][];
  let col = header.indexOf(name);
  if (col < 0) {
    header.push(name);
    col = header.length - 1;
    for (const r of rows) r.push('');
  }
  for (const r of rows) if (String(r[0]) in values) r[col] = values[String(r[0])];
  emu.writeSheet('Clients', [header, ...rows]);
}

describe('occasions', () => {
  const emu = useEmulator({ timeZone: 'Europe/Moscow', mailQuota: 100 });

  function seed() {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(4));
    setColumn(emu(), 'Birthday', { C01: '1990-03-11', C02: '1985-03-11', C03: '1970-07-01', C04: 'not a date' });
    setColumn(emu(), 'Language', { C01: 'Русский', C02: '', C03: 'ro', C04: 'uk' });
    unwrap(server.apiSaveTemplate({ name: 'Birthday', subject: 'Happy birthday, {{First name|friend}}!', body: 'All the best.' }));
    unwrap(server.apiSaveTemplate({ name: 'Birthday (ru)', subject: 'С днём рождения, {{First name|друг}}!', body: 'Всего доброго.' }));
    return ids;
  }

  it('greets a birthday tomorrow on the day, in the client’s language, once that year', () => {
    seed();
    const saved = unwrap(server.apiSaveOccasion({ kind: 'personal', name: 'Birthday greetings', template: 'Birthday', field: 'Birthday', hour: 9 }));
    expect(saved).toMatchObject({ kind: 'personal', field: 'Birthday', hour: 9 });
    // Saving an occasion makes this account the runner: some trigger must be there on the day.
    expect(unwrap(server.apiRunnerStatus())).toMatchObject({ runner: ADMIN, problem: null });
    const plan = unwrap(server.apiListPlan({ days: 7 }));
    expect(plan.items.filter((i) => i.kind === 'greeting').map((i) => [i.date, i.clientId])).toEqual([
      ['2026-03-11', 'C01'],
      ['2026-03-11', 'C02'],
    ]);

    runTick(emu(), ADMIN); // today: nobody's birthday
    expect(emu().outbox).toHaveLength(0);
    clockAt('2026-03-11T05:30:00Z'); // 8:30 Moscow: before the occasion's hour
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(0);
    advance(3_600_000); // 9:30
    runTick(emu(), ADMIN);
    const bySubject = Object.fromEntries(emu().outbox.map((m) => [m.to, m.subject]));
    expect(bySubject).toEqual({ 'person1@example.com': 'С днём рождения, Anna!', 'person2@example.com': 'Happy birthday, Boris!' });
    runTick(emu(), ADMIN);
    advance(3_600_000);
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(2);
    expect([...new Set(rowsOf(emu(), 'Mailings').map((r) => r.Campaign))].sort()).toEqual(['Birthday greetings 2026', 'Birthday greetings 2026 (ru)']);

    clockAt('2027-03-11T07:00:00Z'); // a year later: greeted again
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(4);
  });

  it('sends a yearly campaign to its segment on its date, even to a client called the day before', () => {
    const ids = seed();
    unwrap(server.apiSetStageForClients([ids[1], ids[2]], 'VIP'));
    unwrap(server.apiLogInteraction({ clientId: ids[1], type: 'Call' }));
    unwrap(server.apiSaveOccasion({ kind: 'yearly', name: 'Spring greetings', template: 'Spring', segment: 'VIP', date: '03-11', hour: 10 }));
    const [o] = unwrap(server.apiListOccasions());
    expect(o.next).toBe('2026-03-11');
    const vipPlan = unwrap(server.apiListPlan({ days: 3, vipOnly: true }));
    expect(vipPlan.items.map((i) => i.kind)).toContain('occasion');
    clockAt('2026-03-11T07:05:00Z'); // 10:05 Moscow
    runTick(emu(), ADMIN);
    expect(
      emu()
        .outbox.map((m) => m.to)
        .sort(),
    ).toEqual(['person2@example.com', 'person3@example.com']);
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(2);
  });

  it('refuses an impossible date, an unknown column and hostile names', () => {
    seed();
    const bad = [
      { kind: 'yearly' as const, name: 'X', template: 'Spring', segment: 'VIP', date: '02-30' },
      { kind: 'yearly' as const, name: 'X', template: 'Spring', segment: '', date: '01-01' },
      { kind: 'personal' as const, name: 'X', template: 'Spring', field: '<script>' },
      { kind: 'personal' as const, name: '=IMPORTXML("x")', template: 'Spring', field: 'Birthday' },
      { kind: 'personal' as const, name: 'X', template: 'No such template', field: 'Birthday' },
    ];
    for (const input of bad) expect(server.apiSaveOccasion(input).ok, JSON.stringify(input)).toBe(false);
    expect(unwrap(server.apiListOccasions())).toEqual([]);
  });
});
