/**
 * Roles and identity as a team would test them: who may edit the admin-only
 * tabs after roles change, what an emptied admins cell means, who may set
 * up again, who may hand a client to someone else, who a hidden editor is,
 * and that a stale save is refused even within the same second.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as server from '../../src/server';
import { ADMIN, rowsOf, unwrap, useEmulator } from '../support/emulated';
import { HOSTILE } from '../support/hostile';

const BOSS = 'boss@example.com';
const BORIS = 'boris@example.com';

function ss() {
  return SpreadsheetApp.getActiveSpreadsheet();
}

describe('roles and identity', () => {
  const emu = useEmulator();
  afterEach(() => vi.useRealTimers());

  const editors = (tab: string) =>
    (
      emu()
        .inspectSheet(tab)
        .protections.find((p) => p.type === 'SHEET' && !p.warningOnly)?.editors ?? []
    )
      .slice()
      .sort();

  /** Types a value into Settings the way a person does, and lets the installable edit trigger see it. */
  function editSetting(key: string, value: string, by = ADMIN) {
    const rows = emu().readSheet('Settings');
    const row = rows.findIndex((r) => r[0] === key) + 1;
    const cell = ss().getSheetByName('Settings')!.getRange(row, 2);
    const oldValue = cell.getValue();
    cell.setValue(value);
    server.onEditInstalled({ range: cell, oldValue, value, user: { getEmail: () => by } } as never);
  }

  function setSettingQuietly(key: string, value: string) {
    emu().writeSheet(
      'Settings',
      emu()
        .readSheet('Settings')
        .map((r) => (r[0] === key ? [key, value, r[2]] : r)),
    );
  }

  function add(values: Record<string, string>) {
    const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
    if (outcome.status !== 'saved') throw new Error('not saved');
    return outcome.client;
  }

  it('a demoted admin loses edit rights on Settings and Fields as soon as the admins cell changes', () => {
    server.menuSetUp();
    editSetting('admins', `${ADMIN}, ${BOSS}`);
    expect(editors('Settings')).toEqual([ADMIN, BOSS]);
    expect(editors('Fields')).toEqual([ADMIN, BOSS]);
    editSetting('admins', ADMIN);
    expect(editors('Settings')).toEqual([ADMIN]);
    expect(editors('Fields')).toEqual([ADMIN]);
  });

  it('opening the spreadsheet brings the protections in line with roles changed while nobody ran the add-on', () => {
    server.menuSetUp();
    setSettingQuietly('admins', `${ADMIN}, ${BOSS}`);
    server.onOpen();
    expect(editors('Settings')).toEqual([ADMIN, BOSS]);
    setSettingQuietly('admins', ADMIN);
    server.onOpen();
    expect(editors('Settings')).toEqual([ADMIN]);
  });

  it('an emptied admins cell leaves only the person who set the base up as admin, not everyone', () => {
    server.menuSetUp();
    setSettingQuietly('admins', '');
    setSettingQuietly('managers', BORIS);
    emu().setUser(BORIS);
    expect(unwrap(server.apiBootstrap()).role).toBe('manager');
    emu().setUser('stranger@example.com');
    expect(unwrap(server.apiBootstrap()).role).toBe('reader');
    server.menuApplyFields();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Only an admin/);
    emu().setUser(ADMIN);
    expect(unwrap(server.apiBootstrap()).role).toBe('admin');
    server.onOpen();
    expect(editors('Settings')).toEqual([ADMIN]);
  });

  it('a reader cannot reset Fields through Set up when Clients is missing; an admin gets Clients back from the same Fields', () => {
    server.menuSetUp();
    const fields = ss().getSheetByName('Fields')!;
    fields.getRange(fields.getLastRow() + 1, 1, 1, 2).setValues([['Loyalty card', 'text']]);
    const before = emu().readSheet('Fields');
    ss().deleteSheet(ss().getSheetByName('Clients')!);
    emu().setUser('reader@example.com');
    const refused = server.apiSetUp();
    expect(refused.ok || refused.error.code).toBe('forbidden');
    server.menuSetUp();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Only an admin/);
    expect(emu().readSheet('Fields')).toEqual(before);
    expect(ss().getSheetByName('Clients')).toBeNull();
    emu().setUser(ADMIN);
    unwrap(server.apiSetUp());
    expect(emu().readSheet('Fields')).toEqual(before);
    expect(emu().readSheet('Clients')[0]).toContain('Loyalty card');
  });

  it('a manager may put only themselves in Manager; handing a client over or taking another’s needs an admin', () => {
    server.menuSetUp();
    setSettingQuietly('managers', BORIS);
    const annas = add({ Company: 'Anna Co' });
    emu().setUser(BORIS);
    const forOther = server.apiSaveClient({ values: { Company: 'New', Manager: ADMIN }, acknowledgeDuplicates: true });
    expect(forOther.ok || forOther.error.code).toBe('forbidden');
    expect(forOther.ok ? '' : forOther.error.fields?.Manager).toMatch(/Only an admin/);
    const mine = add({ Company: 'Boris Co', Manager: BORIS });
    expect(mine.values.Manager).toBe(BORIS);
    expect(add({ Company: 'Default' }).values.Manager).toBe(BORIS);
    const takeOver = server.apiSaveClient({ id: annas.id, values: { Manager: BORIS }, expectedUpdated: annas.updated });
    expect(takeOver.ok || takeOver.error.code).toBe('forbidden');
    const handOver = server.apiSaveClient({ id: mine.id, values: { Manager: ADMIN }, expectedUpdated: mine.updated });
    expect(handOver.ok || handOver.error.code).toBe('forbidden');
    // Other edits of someone else's client are still a manager's job.
    unwrap(server.apiSaveClient({ id: annas.id, values: { City: 'Iași', Manager: ADMIN }, expectedUpdated: annas.updated }));
    emu().setUser(ADMIN);
    const fresh = unwrap(server.apiGetClient(annas.id));
    unwrap(server.apiSaveClient({ id: annas.id, values: { Manager: BORIS }, expectedUpdated: fresh.updated }));
    expect(unwrap(server.apiGetClient(annas.id)).values.Manager).toBe(BORIS);
  });

  it.each(HOSTILE)('%s typed into Manager by a manager is refused and nothing is written', (_label, value) => {
    server.menuSetUp();
    setSettingQuietly('managers', BORIS);
    emu().setUser(BORIS);
    const result = server.apiSaveClient({ values: { Company: 'X', Manager: value }, acknowledgeDuplicates: true });
    if (value.trim() === '') {
      expect(result.ok).toBe(true);
      expect(rowsOf(emu(), 'Clients')[0].Manager).toBe(BORIS);
      return;
    }
    expect(result.ok).toBe(false);
    expect(rowsOf(emu(), 'Clients')).toHaveLength(0);
  });

  it('a hand edit by someone whose email is hidden is audited as unknown, never as the trigger owner', () => {
    server.menuSetUp();
    const client = add({ Company: 'Acme' });
    const header = emu().readSheet('Clients')[0] as string[];
    const cell = ss()
      .getSheetByName('Clients')!
      .getRange(2, header.indexOf('City') + 1);
    cell.setValue('Chișinău');
    // The installable trigger runs as its creator; Google hides the editor's email from it (consumer accounts, other domains).
    emu().runAs({ kind: 'installableTrigger', owner: emu().user(), user: 'ion@gmail.com' }, () =>
      server.onEditInstalled({ range: cell, oldValue: '', value: 'Chișinău', user: { getEmail: () => '' } } as never),
    );
    const audit = rowsOf(emu(), 'Audit').at(-1)!;
    expect(audit).toMatchObject({ Action: 'cell edit', 'Client ID': client.id, User: 'unknown (email hidden)' });
    expect(rowsOf(emu(), 'Clients')[0]['Updated by']).toBe('unknown (email hidden)');
  });

  it('an edit without the version it was made on is refused; a new client needs none', () => {
    server.menuSetUp();
    const client = add({ Company: 'Acme' });
    const blind = server.apiSaveClient({ id: client.id, values: { City: 'Iași' } });
    expect(blind.ok || blind.error.code).toBe('bad_input');
    expect(rowsOf(emu(), 'Clients')[0].City).toBe('');
    const blindDelete = server.apiDeleteClient(client.id);
    expect(blindDelete.ok || blindDelete.error.code).toBe('bad_input');
    expect(rowsOf(emu(), 'Clients')).toHaveLength(1);
  });

  it('a stale save made within the same second as the change it would overwrite is refused', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T10:00:00.250Z'));
    server.menuSetUp();
    const client = add({ Company: 'Acme' });
    const loadedByAnna = unwrap(server.apiGetClient(client.id));
    const loadedByBoris = unwrap(server.apiGetClient(client.id));
    vi.setSystemTime(new Date('2026-03-02T10:00:00.700Z'));
    unwrap(server.apiSaveClient({ id: client.id, values: { City: 'Iași' }, expectedUpdated: loadedByAnna.updated }));
    const stale = server.apiSaveClient({ id: client.id, values: { City: 'Cluj' }, expectedUpdated: loadedByBoris.updated });
    expect(stale.ok || stale.error.code).toBe('conflict');
    expect(rowsOf(emu(), 'Clients')[0].City).toBe('Iași');
    // A hand edit in that same second moves the version too.
    const afterSave = unwrap(server.apiGetClient(client.id));
    const header = emu().readSheet('Clients')[0] as string[];
    const cell = ss()
      .getSheetByName('Clients')!
      .getRange(2, header.indexOf('Notes') + 1);
    cell.setValue('typed');
    server.onEditInstalled({ range: cell, oldValue: '', value: 'typed', user: { getEmail: () => BORIS } } as never);
    const overwrite = server.apiSaveClient({ id: client.id, values: { Notes: 'mine' }, expectedUpdated: afterSave.updated });
    expect(overwrite.ok || overwrite.error.code).toBe('conflict');
  });

  it.each<readonly [string, string]>([['spaces', '   '], ...HOSTILE])('apiSetStage with the client ID %s adds no client', (_label, id) => {
    server.menuSetUp();
    const result = server.apiSetStage(id, 'Hot', '');
    expect(result.ok).toBe(false);
    expect(rowsOf(emu(), 'Clients')).toHaveLength(0);
    expect(rowsOf(emu(), 'Audit').filter((r) => r.Action === 'add')).toHaveLength(0);
  });
});
