import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { ADMIN, rowsOf, unwrap, useEmulator } from '../support/emulated';

function addClient(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client.id;
}

describe('interactions', () => {
  const emu = useEmulator({ timeZone: 'Europe/Bucharest' });

  it('logs a call, shows it newest first in the history and moves Last contact', () => {
    server.menuSetUp();
    const id = addClient({ 'First name': 'Ion', 'Last name': 'Popescu' });
    unwrap(server.apiLogInteraction({ clientId: id, date: '2026-10-01', type: 'meeting', result: 'Met at the fair' }));
    unwrap(
      server.apiLogInteraction({ clientId: id, date: '2026-11-02', type: 'Call', result: 'Asked for a quote', nextStep: 'Send quote', nextDate: '2026-11-05' }),
    );
    const history = unwrap(server.apiHistory(id));
    expect(history.interactions.map((i) => [i.date, i.type])).toEqual([
      ['2026-11-02', 'Call'],
      ['2026-10-01', 'Meeting'],
    ]);
    const client = unwrap(server.apiGetClient(id));
    expect(client.values['Last contact']).toBe('2026-11-02');
    expect(client.values['Next action date']).toBe('2026-11-05');
    expect(history.changes.some((c) => c.field === 'Last contact' && c.source === 'interaction')).toBe(true);
  });

  it('logging reads key columns, not the Clients and Interactions tabs: the client by TextFinder, the new ID checked against the ID column', () => {
    server.menuSetUp();
    const ids = Array.from({ length: 12 }, (_, i) => addClient({ 'First name': `Ion ${i}`, Company: `Firma ${i}` }));
    for (const id of ids) unwrap(server.apiLogInteraction({ clientId: id, type: 'Call', result: 'x'.repeat(20) }));
    const cells = (tab: string) => emu().readSheet(tab).length * emu().readSheet(tab)[0].length;
    const before = emu().readSheet('Interactions').length;
    emu().calls.reset();
    const logged = unwrap(server.apiLogInteraction({ clientId: ids[5], type: 'Meeting', result: '=IMPORTXML("x")' }));
    const read = emu().cost.snapshot().cellsRead;
    // The old code read both tabs whole (Clients 13 rows × its width, Interactions 13 × 10) besides the save of Last contact.
    expect(read).toBeLessThan(cells('Clients') + cells('Interactions') / 2);
    const rows = emu().readSheet('Interactions');
    expect(rows.length).toBe(before + 1);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(rows.length - 1);
    expect(rows.at(-1)!.slice(0, 2)).toEqual([logged.id, ids[5]]);
    expect(rows.at(-1)).toContain('=IMPORTXML("x")');
    expect(server.apiLogInteraction({ clientId: 'C-NOPE', type: 'Call' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(server.apiLogInteraction({ clientId: ids[5].toLowerCase(), type: 'Call' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it("lists the user's due and overdue next steps and drops one marked done", () => {
    server.menuSetUp();
    const id = addClient({ 'First name': 'Ana', Company: 'Agro Vest' });
    const due = unwrap(server.apiLogInteraction({ clientId: id, type: 'Call', nextStep: 'Call back', nextDate: '2020-01-15' }));
    unwrap(server.apiLogInteraction({ clientId: id, type: 'Call', nextStep: 'Later', nextDate: '2099-01-01' }));
    unwrap(server.apiLogInteraction({ clientId: id, type: 'Call', nextStep: 'Not mine', nextDate: '2020-01-01', manager: 'boris@example.com' }));
    const list = unwrap(server.apiDueList());
    expect(list.map((d) => d.nextStep)).toEqual(['Call back']);
    expect(list[0]).toMatchObject({ clientName: 'Ana', manager: ADMIN });
    expect(list[0].overdueDays).toBeGreaterThan(365);
    unwrap(server.apiMarkDone(due.id));
    expect(unwrap(server.apiDueList())).toEqual([]);
  });

  it('rejects an unknown type, a bad date, an unknown client and hostile text without writing', () => {
    server.menuSetUp();
    const id = addClient({ 'First name': 'Eve' });
    const before = rowsOf(emu(), 'Interactions').length;
    for (const input of [
      { clientId: id, type: 'Telepathy' },
      { clientId: id, type: 'Call', date: '31.02.2024' },
      { clientId: 'C-NOPE', type: 'Call' },
      { clientId: id, type: 'Call', result: 'x'.repeat(50_001) },
    ]) {
      expect(server.apiLogInteraction(input).ok, JSON.stringify(input).slice(0, 60)).toBe(false);
    }
    expect(rowsOf(emu(), 'Interactions')).toHaveLength(before);
    const hostile = unwrap(server.apiLogInteraction({ clientId: id, type: 'Email', result: '=IMPORTXML("x")<script>' }));
    expect(hostile.result).toBe('=IMPORTXML("x")<script>');
    expect(emu().inspectSheet('Interactions').formulas.flat().filter(Boolean)).toEqual([]);
  });

  it('moves a client between stages in one call, audited and shown in the history', () => {
    server.menuSetUp();
    const id = addClient({ 'First name': 'Olga', Stage: 'Cold' });
    const client = unwrap(server.apiGetClient(id));
    const outcome = unwrap(server.apiSetStage(id, 'Hot', client.updated));
    expect(outcome.status === 'saved' && outcome.client.values.Stage).toBe('Hot');
    const change = unwrap(server.apiHistory(id)).changes.find((c) => c.field === 'Stage' && c.newValue === 'Hot');
    expect(change).toMatchObject({ oldValue: 'Cold', source: 'stage' });
    expect(server.apiSetStage(id, 'Boiling').ok).toBe(false);
  });
});
