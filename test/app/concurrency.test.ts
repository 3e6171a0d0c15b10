import { describe, expect, it, vi } from 'vitest';
import * as server from '../../src/server';
import { ADMIN, rowsOf, unwrap, useEmulator } from '../support/emulated';

function makeManager(emu: ReturnType<ReturnType<typeof useEmulator>>, email: string) {
  emu.writeSheet(
    'Settings',
    emu.readSheet('Settings').map((r) => (r[0] === 'managers' ? ['managers', email, r[2]] : r)),
  );
}

describe('two people at once', () => {
  const emu = useEmulator();

  it('two sidebars editing one client: the second is refused, reloads, and both changes survive', () => {
    server.menuSetUp();
    makeManager(emu(), 'boris@example.com');
    const created = unwrap(server.apiSaveClient({ values: { 'First name': 'Ana', Company: 'Agro Vest' } }));
    if (created.status !== 'saved') throw new Error('not saved');
    const loadedByAnna = created.client;
    const loadedByBoris = unwrap(server.apiGetClient(loadedByAnna.id));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_000);
    unwrap(server.apiSaveClient({ id: loadedByAnna.id, values: { City: 'Iași' }, expectedUpdated: loadedByAnna.updated }));
    emu().setUser('boris@example.com');
    const stale = server.apiSaveClient({ id: loadedByBoris.id, values: { Position: 'Director' }, expectedUpdated: loadedByBoris.updated });
    expect(stale.ok || stale.error.code).toBe('conflict');
    const reloaded = unwrap(server.apiGetClient(loadedByBoris.id));
    vi.setSystemTime(Date.now() + 3_000);
    unwrap(server.apiSaveClient({ id: reloaded.id, values: { Position: 'Director' }, expectedUpdated: reloaded.updated }));
    vi.useRealTimers();
    expect(rowsOf(emu(), 'Clients')[0]).toMatchObject({ City: 'Iași', Position: 'Director', 'Updated by': 'boris@example.com' });
  });

  it('while another execution holds the document lock, a save answers "busy" and writes nothing', () => {
    server.menuSetUp();
    const release = emu().locks.holdDocumentLock();
    const result = server.apiSaveClient({ values: { 'First name': 'Ana' } });
    expect(result.ok || result.error.code).toBe('busy');
    expect(rowsOf(emu(), 'Clients')).toHaveLength(0);
    release();
    expect(server.apiSaveClient({ values: { 'First name': 'Ana' } }).ok).toBe(true);
  });

  it('a hand edit of the sheet after the sidebar loaded the client makes the sidebar edit a conflict', () => {
    server.menuSetUp();
    const created = unwrap(server.apiSaveClient({ values: { 'First name': 'Ana', City: 'Cluj' } }));
    if (created.status !== 'saved') throw new Error('not saved');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_000);
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
    const cityColumn = (emu().readSheet('Clients')[0] as string[]).indexOf('City') + 1;
    const cell = sheet.getRange(2, cityColumn);
    cell.setValue('Iași');
    server.onEditInstalled({ range: cell, oldValue: 'Cluj', value: 'Iași', user: { getEmail: () => 'boris@example.com' } } as never);
    const result = server.apiSaveClient({ id: created.client.id, values: { City: 'Brașov' }, expectedUpdated: created.client.updated });
    vi.useRealTimers();
    expect(result.ok || result.error.code).toBe('conflict');
    expect(rowsOf(emu(), 'Clients')[0].City).toBe('Iași');
    expect(rowsOf(emu(), 'Audit').at(-1)).toMatchObject({ Action: 'cell edit', User: 'boris@example.com', 'Old value': 'Cluj', 'New value': 'Iași' });
    expect(ADMIN).not.toBe('boris@example.com');
  });
});
