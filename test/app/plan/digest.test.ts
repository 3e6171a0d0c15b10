/**
 * Morning digests: an opted-in manager gets one e-mail a day (from
 * digestHour, spreadsheet zone) with overdue and due next steps and today's
 * scheduled mailings, sent by the runner's hourly trigger, at most once a
 * day however often the trigger runs; the Due tab's count; a runner who left
 * is reported.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as server from '../../../src/server';
import { ADMIN, unwrap, useEmulator } from '../../support/emulated';
import { people, setUpWithClients } from '../mail/fixture';
import { advance, clockAt, clockTriggers, runTick, setting } from './fixture';

afterEach(() => vi.useRealTimers());

const HOUR = 3_600_000;

describe('morning digest', () => {
  const emu = useEmulator({ timeZone: 'Europe/Moscow', mailQuota: 100 });

  function seed() {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(4));
    setting(emu(), 'managers', 'max@example.com, ola@example.com');
    unwrap(server.apiLogInteraction({ clientId: ids[0], type: 'Call', manager: 'max@example.com', nextStep: 'Send the price list', nextDate: '2026-03-09' }));
    unwrap(
      server.apiLogInteraction({
        clientId: ids[1],
        type: 'Call',
        manager: 'max@example.com',
        nextStep: 'Call about <b>renewal</b>\n=SUM(A1)',
        nextDate: '2026-03-11',
      }),
    );
    unwrap(server.apiLogInteraction({ clientId: ids[2], type: 'Call', manager: 'max@example.com', nextStep: 'Later', nextDate: '2026-03-20' }));
    unwrap(server.apiLogInteraction({ clientId: ids[3], type: 'Call', manager: 'ola@example.com', nextStep: 'Ola’s own', nextDate: '2026-03-11' }));
    setting(emu(), 'digestManagers', 'max@example.com');
    setting(emu(), 'digestHour', '8');
    return ids;
  }

  it('mails an opted-in manager once a day from 8:00 with overdue and due steps, counted against the quota', () => {
    seed();
    const runner = unwrap(server.apiStartRunner());
    expect(runner).toMatchObject({ runner: ADMIN, problem: null, isMe: true, needed: true });
    expect(clockTriggers(emu(), ADMIN)).toHaveLength(1);
    const quota = emu().globals.MailApp.getRemainingDailyQuota();

    clockAt('2026-03-11T04:30:00Z'); // 7:30 Moscow: before digestHour
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(0);

    advance(HOUR); // 8:30
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(1);
    const [mail] = emu().outbox;
    expect(mail.to).toBe('max@example.com');
    expect(mail.from).toBe(ADMIN);
    expect(mail.subject).toBe('ClientBase: 2 next steps for 2026-03-11');
    expect(mail.body).toContain('Overdue (1):');
    expect(mail.body).toContain('Send the price list (2026-03-09, 2 days late)');
    expect(mail.body).toContain('Due today (1):');
    expect(mail.body).not.toContain('Later');
    expect(mail.body).not.toContain('Ola’s own');
    // A cell's markup and line breaks stay text on one line.
    expect(mail.htmlBody).toContain('&lt;b&gt;renewal&lt;/b&gt;');
    expect(mail.body).toContain('Call about <b>renewal</b> =SUM(A1)');
    expect(emu().globals.MailApp.getRemainingDailyQuota()).toBe(quota - 1);

    runTick(emu(), ADMIN); // the trigger runs twice in the hour
    advance(HOUR);
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(1);

    clockAt('2026-03-12T06:00:00Z'); // next morning: a new digest
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(2);
  });

  it('writes in the team language and leaves out managers who did not opt in', () => {
    seed();
    setting(emu(), 'language', 'uk');
    setting(emu(), 'digestManagers', 'max@example.com');
    unwrap(server.apiStartRunner());
    clockAt('2026-03-11T06:00:00Z');
    runTick(emu(), ADMIN);
    expect(emu().outbox.map((m) => m.to)).toEqual(['max@example.com']);
    expect(emu().outbox[0].subject).toBe('ClientBase: 2 кроки на 2026-03-11');
    expect(emu().outbox[0].body).toContain('Прострочено (1):');
  });

  it('a digest that MailApp refuses is tried again next hour, and still sent only once', () => {
    seed();
    unwrap(server.apiStartRunner());
    clockAt('2026-03-11T06:00:00Z');
    emu().faults.failOn('MailApp.sendEmail', 1);
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(0);
    advance(HOUR);
    runTick(emu(), ADMIN);
    runTick(emu(), ADMIN);
    expect(emu().outbox).toHaveLength(1);
  });

  it('only the runner sends digests; a runner no longer a manager is reported and another takes over', () => {
    seed();
    emu().setUser('max@example.com');
    unwrap(server.apiStartRunner());
    emu().setUser(ADMIN);
    clockAt('2026-03-11T06:00:00Z');
    runTick(emu(), ADMIN); // Anna has no trigger duty: not the runner
    expect(emu().outbox).toHaveLength(0);
    setting(emu(), 'managers', 'ola@example.com');
    expect(unwrap(server.apiRunnerStatus())).toMatchObject({ runner: 'max@example.com', problem: 'not_manager' });
    runTick(emu(), 'max@example.com');
    expect(emu().outbox).toHaveLength(0);
    unwrap(server.apiStartRunner());
    runTick(emu(), ADMIN);
    expect(emu().outbox.map((m) => m.to)).toEqual(['max@example.com']);
  });

  it('a runner whose trigger stopped is reported', () => {
    seed();
    unwrap(server.apiStartRunner());
    clockAt('2026-03-11T12:00:00Z');
    expect(unwrap(server.apiRunnerStatus()).problem).toBe('stopped');
    runTick(emu(), ADMIN);
    expect(unwrap(server.apiRunnerStatus()).problem).toBeNull();
  });

  it('counts the Due tab: my open steps due today or overdue, in one read', () => {
    seed();
    emu().setUser('max@example.com');
    clockAt('2026-03-11T06:00:00Z');
    emu().calls.reset();
    expect(unwrap(server.apiDueCount())).toBe(2);
    expect(emu().calls.count('Range.getValues')).toBeLessThanOrEqual(3);
  });
});
