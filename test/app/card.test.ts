/**
 * The client card's server side (issue 15): the Due list in sections, dates
 * written on the spreadsheet's clock, a default stage from Fields, new
 * clients not stale at once, and one deleted client brought back.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { formatDay } from '../../src/gas/dates';
import { ADMIN, callsDuring, rowsOf, unwrap, useEmulator } from '../support/emulated';

function addClient(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client.id;
}

const MOSCOW = 'Europe/Moscow';
const day = (offset: number) => formatDay(new Date(Date.now() + offset * 86_400_000), MOSCOW);

describe('the client card on the server', () => {
  const emu = useEmulator({ timeZone: MOSCOW });

  it('lists open next steps overdue first, then today, then the coming two weeks; later ones and others’ are left out', () => {
    server.menuSetUp();
    const id = addClient({ 'First name': 'Ana', Company: 'Agro Vest' });
    for (const [step, nextDate] of [
      ['Later', day(3)],
      ['Today', day(0)],
      ['Long ago', day(-40)],
      ['Yesterday', day(-1)],
      ['Far ahead', day(60)],
    ]) {
      unwrap(server.apiLogInteraction({ clientId: id, type: 'Call', nextStep: step, nextDate }));
    }
    unwrap(server.apiLogInteraction({ clientId: id, type: 'Call', nextStep: 'Not mine', nextDate: day(0), manager: 'boris@example.com' }));
    const list = unwrap(server.apiDueList());
    expect(list.map((d) => [d.nextStep, d.when, d.overdueDays])).toEqual([
      ['Long ago', 'overdue', 40],
      ['Yesterday', 'overdue', 1],
      ['Today', 'today', 0],
      ['Later', 'later', -3],
    ]);
  });

  it('writes a next action date due 3 December into Audit and History as 2026-12-03, not the UTC instant 2026-12-02T21:00:00.000Z', () => {
    server.menuSetUp();
    const id = addClient({ 'First name': 'Dmitry', 'Last name': 'Volkov' });
    unwrap(server.apiLogInteraction({ clientId: id, type: 'Call', nextStep: 'Send the offer', nextDate: '2026-12-03' }));
    const audit = rowsOf(emu(), 'Audit').filter((r) => r['Client ID'] === id && r.Field === 'Next action date');
    expect(audit.map((r) => r['New value'])).toEqual(['2026-12-03']);
    const change = unwrap(server.apiHistory(id)).changes.find((c) => c.field === 'Next action date');
    expect(change?.newValue).toBe('2026-12-03');
    expect(JSON.stringify(rowsOf(emu(), 'Audit'))).not.toContain('T21:00:00.000Z');
  });

  it('starts a new client at the Stage the Fields tab names as default, and a typed stage wins', () => {
    server.menuSetUp();
    const fields = rowsOf(emu(), 'Fields');
    expect(fields.find((f) => f.Name === 'Stage')?.Default).toBe('Cold');
    expect(unwrap(server.apiGetClient(addClient({ 'First name': 'Nina' }))).values.Stage).toBe('Cold');
    const oleg = addClient({ 'First name': 'Oleg', Stage: 'Hot' });
    expect(unwrap(server.apiGetClient(oleg)).values.Stage).toBe('Hot');
    // Audit says what the person added; the default they did not type is in the row, not one more Audit row per add.
    const addedFields = (id: string) =>
      rowsOf(emu(), 'Audit')
        .filter((r) => r['Client ID'] === id && r.Action === 'add')
        .map((r) => r.Field);
    const nina = rowsOf(emu(), 'Clients').find((r) => r['First name'] === 'Nina')!.ID as string;
    expect(addedFields(nina)).toEqual(['First name', 'Manager']);
    expect(addedFields(oleg)).toEqual(['First name', 'Stage', 'Manager']);
    // The sidebar form starts from the same default.
    expect(unwrap(server.apiBootstrap()).fields.find((f) => f.name === 'Stage')?.default).toBe('Cold');
  });

  it('does not count a client added today as not contacted', () => {
    server.menuSetUp();
    const id = addClient({ 'First name': 'Fresh', 'Last name': 'Client' });
    const stale = unwrap(server.apiStaleClients());
    expect(stale.groups.flatMap((g) => g.clients.map((c) => c.id))).not.toContain(id);
  });

  it('brings one deleted client back from Archive with its ID and values, audited, once', () => {
    server.menuSetUp();
    const keep = addClient({ 'First name': 'Keep', Email: 'keep@example.com' });
    const id = addClient({ 'First name': 'Irina', 'Last name': 'Back', Email: 'irina.back@example.ru', Notes: '=1+1 <b>x</b>' });
    const loaded = unwrap(server.apiGetClient(id));
    unwrap(server.apiDeleteClient(id, loaded.updated));
    addClient({ 'First name': 'After', Email: 'after@example.com' });
    const deleted = unwrap(server.apiListDeleted());
    expect(deleted.map((d) => [d.clientId, d.name, d.deletedBy])).toEqual([[id, 'Irina Back', ADMIN]]);

    let restored: ReturnType<typeof server.apiUndeleteClient> | undefined;
    const calls = callsDuring(emu(), () => {
      restored = server.apiUndeleteClient(deleted[0].deletionId);
    });
    const client = unwrap(restored!);
    expect(client.id).toBe(id);
    expect(client.values).toMatchObject({ 'First name': 'Irina', 'Last name': 'Back', Email: 'irina.back@example.ru', Notes: '=1+1 <b>x</b>' });
    expect(emu().inspectSheet('Clients').formulas.flat().filter(Boolean)).toEqual([]);
    // Nobody added since is lost (a whole-snapshot restore would drop "After").
    expect(rowsOf(emu(), 'Clients').map((r) => r['First name'])).toEqual(['Keep', 'After', 'Irina']);
    expect(rowsOf(emu(), 'Audit').filter((r) => r.Action === 'undelete' && r['Client ID'] === id)).toHaveLength(1);
    expect(unwrap(server.apiListDeleted())).toEqual([]);
    expect(server.apiUndeleteClient(deleted[0].deletionId).ok).toBe(false);
    // No service call per Clients row: the writes are whole blocks.
    expect(calls['Range.setValues'] ?? 0).toBeLessThanOrEqual(6);
    expect(keep).not.toBe(id);
  });

  it('lets only admins restore a deleted client', () => {
    server.menuSetUp();
    const id = addClient({ 'First name': 'Gone' });
    unwrap(server.apiDeleteClient(id, unwrap(server.apiGetClient(id)).updated));
    const [deletion] = unwrap(server.apiListDeleted());
    emu().setUser('reader@example.com');
    const refused = server.apiUndeleteClient(deletion.deletionId);
    expect(refused.ok).toBe(false);
    emu().setUser(ADMIN);
    expect(rowsOf(emu(), 'Clients').some((r) => r.ID === id)).toBe(false);
  });
});
