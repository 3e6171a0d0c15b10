/**
 * Scheduled mailings over the emulator's time-driven context: scheduled for
 * tomorrow 9:00 in the spreadsheet's zone, started by the one hourly trigger
 * at the first run after that time, sent once and never again; cancellable;
 * a sender who is no longer a manager is reported and can be replaced.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as server from '../../../src/server';
import { ADMIN, rowsOf, unwrap, useEmulator } from '../../support/emulated';
import { outboxTo, people, setUpWithClients } from '../mail/fixture';
import { advance, clockAt, clockTriggers, runTick, setting } from './fixture';

const HOUR = 3_600_000;
const schedule = (ids: string[], extra: Partial<server.ScheduleInput> = {}) =>
  server.apiScheduleMailing({ campaign: 'Spring offer', template: 'Spring', recipients: { kind: 'ids', ids }, day: '2026-03-11', time: '09:00', ...extra });

afterEach(() => vi.useRealTimers());

describe('scheduled mailings', () => {
  const emu = useEmulator({ timeZone: 'Europe/Moscow' });

  it('starts at 9:00 tomorrow in the spreadsheet zone from the hourly trigger, sends once, and never again', () => {
    clockAt('2026-03-10T10:00:00Z'); // 13:00 in Moscow
    const ids = setUpWithClients(emu(), people(3));
    const out = unwrap(schedule(ids));
    expect(out.schedule).toMatchObject({
      state: 'scheduled',
      localDay: '2026-03-11',
      localTime: '09:00',
      timeZone: 'Europe/Moscow',
      at: '2026-03-11T06:00:00.000Z',
    });
    expect(out.sendable).toBe(3);
    expect(emu().outbox).toHaveLength(0);
    expect(clockTriggers(emu())).toEqual([expect.objectContaining({ handler: 'mailingTick', everyHours: 1, owner: ADMIN })]);

    clockAt('2026-03-11T05:40:00Z'); // 8:40 Moscow: not yet
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(0);

    advance(HOUR); // 9:40 Moscow
    runTick(emu(), ADMIN);
    expect(outboxTo(emu()).sort()).toEqual(['person1@example.com', 'person2@example.com', 'person3@example.com']);
    const [listed] = unwrap(server.apiListSchedules());
    expect(listed).toMatchObject({ state: 'started', problem: null });
    expect(listed.note).toContain('3 queued');

    advance(HOUR);
    runTick(emu(), ADMIN);
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(3);
    expect(rowsOf(emu(), 'Mailings').map((r) => r.Status)).toEqual(['Sent', 'Sent', 'Sent']);
    // Nothing left to do: the trigger goes.
    expect(clockTriggers(emu())).toHaveLength(0);
  });

  it('shares one trigger among all schedules and stays under the 20-trigger limit', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(4));
    for (let i = 0; i < 4; i++) unwrap(schedule([ids[i]], { campaign: `Wave ${i + 1}`, time: `0${i + 1}:30` }));
    expect(clockTriggers(emu())).toHaveLength(1);
    const { ScriptApp } = emu().globals;
    for (const t of ScriptApp.getProjectTriggers()) ScriptApp.deleteTrigger(t);
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`other${i}`).timeBased().everyHours(1).create();
    const refused = schedule([ids[0]], { campaign: 'Wave 5' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('20 triggers');
    expect(unwrap(server.apiListSchedules()).map((s) => s.campaign)).not.toContain('Wave 5');
  });

  it('refuses hostile or impossible input and nothing is stored', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(2));
    const bad: Partial<server.ScheduleInput>[] = [
      { campaign: '=HYPERLINK("http://x","y")' },
      { day: 'tomorrow' },
      { time: '25:00' },
      { day: '2026-02-30' },
      { day: '2026-03-10', time: '12:59' }, // already past in Moscow
      { day: '2028-03-10' },
      { campaign: '' },
      { campaign: 'x'.repeat(101) },
    ];
    for (const extra of bad) expect(schedule(ids, extra).ok, JSON.stringify(extra)).toBe(false);
    expect(unwrap(server.apiListSchedules())).toEqual([]);
    // Markup, an emoji and mixed scripts in the name are plain text and come back exactly (the sidebar shows them as text).
    const odd = unwrap(schedule(ids, { campaign: 'Весна 🌷 Primăvară <img src=x onerror=alert(1)>' }));
    expect(odd.schedule.campaign).toBe('Весна 🌷 Primăvară <img src=x onerror=alert(1)>');
  });

  it('a blocking pre-flight problem stops the schedule now, not at 9:00 tomorrow', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(2));
    unwrap(server.apiSaveTemplate({ name: 'Broken', subject: 'Hi {{Frist name}}', body: 'x' }));
    const refused = schedule(ids, { template: 'Broken' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('{{First name}}');
  });

  it('is cancelled from the list and then never starts', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(2));
    const { schedule: s } = unwrap(schedule(ids));
    expect(unwrap(server.apiCancelSchedule(s.id)).state).toBe('cancelled');
    clockAt('2026-03-11T07:00:00Z');
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(0);
    expect(rowsOf(emu(), 'Audit').map((r) => r.Action)).toEqual(expect.arrayContaining(['mailing scheduled', 'mailing schedule cancelled']));
  });

  it('a sender who is no longer a manager is reported; another manager takes it over and it is sent from their account once', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(2));
    setting(emu(), 'managers', 'max@example.com');
    emu().setUser('max@example.com');
    const { schedule: s } = unwrap(schedule(ids));
    expect(clockTriggers(emu(), 'max@example.com')).toHaveLength(1);
    emu().setUser(ADMIN);
    setting(emu(), 'managers', ''); // Max left the team
    expect(unwrap(server.apiListSchedules())[0].problem).toBe('owner_not_manager');

    clockAt('2026-03-11T07:00:00Z');
    runTick(emu(), 'max@example.com');
    expect(emu().outbox).toHaveLength(0);
    expect(unwrap(server.apiListSchedules())[0]).toMatchObject({ state: 'scheduled', problem: 'owner_not_manager' });

    const taken = unwrap(server.apiTakeOverSchedule(s.id));
    expect(taken).toMatchObject({ by: ADMIN, problem: null });
    runTick(emu(), ADMIN);
    expect(emu().outbox.map((m) => m.from)).toEqual([ADMIN, ADMIN]);
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(2);
  });

  it('carries "one recipient per company" to the run at start time: only the decision maker of each company is mailed', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), [
      { first: 'Olga', email: 'olga@romashka.example' },
      { first: 'Ivan', email: 'ivan@romashka.example' },
      { first: 'Ann', email: 'ann@acme.example' },
    ]);
    const who: Record<string, [string, string]> = {
      C01: ['Romashka LLC', 'Influencer'],
      C02: ['ООО «Ромашка»', 'Decision maker'],
      C03: ['Acme 🚀', 'Buyer / enquirer'],
    };
    const [header, ...rows] = emu().readSheet('Clients');
    const at = (name: string) => header.indexOf(name);
    emu().writeSheet('Clients', [
      header,
      ...rows.map((r) => r.map((v, c) => (c === at('Company') ? who[String(r[0])][0] : c === at('Contact role') ? who[String(r[0])][1] : v))),
    ]);
    const out = unwrap(schedule(ids, { onePerCompany: true }));
    expect(out.sendable).toBe(2);
    expect(unwrap(server.apiListSchedules())[0].onePerCompany).toBe(true);
    clockAt('2026-03-11T06:30:00Z');
    runTick(emu(), ADMIN);
    expect(outboxTo(emu()).sort()).toEqual(['ann@acme.example', 'ivan@romashka.example']);
    expect(rowsOf(emu(), 'Mailings').find((r) => r['Client ID'] === 'C01')?.Status).toBe('Skipped: one per company');
    // Without the option (a schedule saved before it existed reads as off) everyone at the company is mailed.
    unwrap(schedule(ids, { campaign: 'Spring offer 2', day: '2026-03-12', sendAgain: true }));
    clockAt('2026-03-12T06:30:00Z');
    runTick(emu(), ADMIN);
    expect(outboxTo(emu()).filter((to) => to === 'olga@romashka.example')).toHaveLength(1);
  });

  it('a schedule whose trigger stopped running is reported as late', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(1));
    unwrap(schedule(ids));
    clockAt('2026-03-11T09:30:00Z'); // 3.5 hours past 9:00 Moscow, no run
    expect(unwrap(server.apiListSchedules())[0].problem).toBe('late');
  });
});
