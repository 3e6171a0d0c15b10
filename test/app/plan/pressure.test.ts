/**
 * Contact pressure: when a client was last contacted and by whom, and the
 * mailing pre-flight leaving out (or warning about) clients contacted within
 * Settings' contactPauseDays.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as server from '../../../src/server';
import { ADMIN, rowsOf, unwrap, useEmulator } from '../../support/emulated';
import { people, setUpWithClients } from '../mail/fixture';
import { clockAt, setting } from './fixture';

afterEach(() => vi.useRealTimers());

const preflight = (ids: string[]) => unwrap(server.apiMailPreflight({ campaign: 'March', template: 'Spring', recipients: { kind: 'ids', ids } }));

describe('contact pressure', () => {
  const emu = useEmulator({ timeZone: 'Europe/Moscow' });

  it('says when a client was last contacted and by whom, before the next call is logged', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(2));
    expect(unwrap(server.apiLastContact(ids[0]))).toBeNull();
    unwrap(server.apiLogInteraction({ clientId: ids[0], type: 'Call', date: '2026-03-09', manager: 'max@example.com', result: 'Asked to call back' }));
    unwrap(server.apiLogInteraction({ clientId: ids[0], type: 'Meeting', date: '2026-03-01' }));
    expect(unwrap(server.apiLastContact(ids[0]))).toEqual({ date: '2026-03-09', by: 'max@example.com', type: 'Call', daysAgo: 1, recent: true, pauseDays: 3 });
    expect(unwrap(server.apiLastContact('<script>alert(1)</script>'))).toBeNull();
    // The card gets the same answer with the client, in its one round trip.
    expect(unwrap(server.apiOpenClient(ids[0])).lastContact).toEqual(unwrap(server.apiLastContact(ids[0])));
    expect(unwrap(server.apiOpenClient(ids[1])).lastContact).toBeNull();
  });

  it('leaves clients contacted within the pause out of a mailing, with when and by whom', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(3));
    unwrap(server.apiLogInteraction({ clientId: ids[0], type: 'Call', date: '2026-03-08' })); // 2 days ago: within 3
    unwrap(server.apiLogInteraction({ clientId: ids[1], type: 'Call', date: '2026-03-07' })); // 3 days ago: outside
    const report = preflight(ids);
    expect(report.sendable).toBe(2);
    expect(report.recentlyContacted).toEqual({ count: 1, examples: [{ id: ids[0], on: '2026-03-08', by: ADMIN }] });
    expect(report.names[ids[0]]).toContain('Anna');
    expect(report.warnings.join(' ')).toContain('1 recipient was contacted in the last 3 days: they are left out');
    const started = unwrap(server.apiStartMailing({ campaign: 'March', template: 'Spring', recipients: { kind: 'ids', ids } }));
    expect(started.chunk.sent).toBe(2);
    const row = rowsOf(emu(), 'Mailings').find((r) => r['Client ID'] === ids[0]);
    expect(row?.Status).toBe('Skipped: contacted recently');
    expect(emu().outbox.map((m) => m.to)).not.toContain('person1@example.com');
  });

  it('a mailing counts as a contact: a second mailing the next day skips those mailed', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(2));
    unwrap(server.apiStartMailing({ campaign: 'March', template: 'Spring', recipients: { kind: 'ids', ids: [ids[0]] } }));
    unwrap(server.apiSaveTemplate({ name: 'News', subject: 'News', body: 'Hello {{First name|there}}' }));
    clockAt('2026-03-11T10:00:00Z');
    const report = unwrap(server.apiMailPreflight({ campaign: 'News 1', template: 'News', recipients: { kind: 'ids', ids } }));
    expect(report.recentlyContacted?.examples.map((e) => e.id)).toEqual([ids[0]]);
    expect(report.sendable).toBe(1);
  });

  it('only warns in warn mode, and does nothing with a pause of 0 days', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(2));
    unwrap(server.apiLogInteraction({ clientId: ids[0], type: 'Call' }));
    setting(emu(), 'contactPauseMode', 'warn');
    const warned = preflight(ids);
    expect(warned.sendable).toBe(2);
    expect(warned.recentlyContacted?.count).toBe(1);
    expect(warned.warnings.join(' ')).toContain('check it is not too often');
    setting(emu(), 'contactPauseDays', '0');
    const off = preflight(ids);
    expect(off.recentlyContacted?.count).toBe(0);
    expect(off.sendable).toBe(2);
  });

  it('reads Interactions once for the whole pre-flight', () => {
    clockAt('2026-03-10T10:00:00Z');
    const ids = setUpWithClients(emu(), people(20));
    for (const id of ids.slice(0, 5)) unwrap(server.apiLogInteraction({ clientId: id, type: 'Call' }));
    emu().calls.reset();
    expect(preflight(ids).sendable).toBe(15);
    expect(emu().calls.count('Sheet.getDataRange')).toBeLessThanOrEqual(6);
  });
});
