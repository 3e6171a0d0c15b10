import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { DEFAULT_FIELDS } from '../../src/core/schema/defaults';
import { SYSTEM_COLUMNS } from '../../src/core/schema/field';
import { ADMIN, rowsOf, useEmulator } from '../support/emulated';

describe('Set up on a blank spreadsheet', () => {
  const emu = useEmulator();

  it('makes each log tab exactly as wide as its header, so its rows carry no empty grid cells toward the 10 M-cell limit', () => {
    server.menuSetUp();
    for (const tab of ['Interactions', 'Purchases', 'Audit', 'Mailings', 'Archive', 'Segments']) {
      expect(emu().inspectSheet(tab).maxColumns, tab).toBe(emu().readSheet(tab)[0].length);
    }
  });

  it('creates every managed tab with a frozen header row', () => {
    server.menuSetUp();
    const names = emu().sheetNames();
    for (const tab of ['Clients', 'Fields', 'Interactions', 'Purchases', 'Segments', 'Templates', 'Mailings', 'Duplicates', 'Archive', 'Audit', 'Settings']) {
      expect(names).toContain(tab);
      expect(emu().inspectSheet(tab).frozenRows, tab).toBe(1);
    }
    expect(emu().readSheet('Clients')[0]).toEqual([...SYSTEM_COLUMNS, ...DEFAULT_FIELDS.map((f) => f.name)]);
  });

  it('leaves the team on Clients, not on the last tab it inserted', () => {
    server.menuSetUp();
    expect(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName()).toBe('Clients');
  });

  it('formats text-like columns as plain text and puts a dropdown on Stage', () => {
    server.menuSetUp();
    const header = emu().readSheet('Clients')[0] as string[];
    const sheet = emu().inspectSheet('Clients');
    expect(sheet.numberFormats[1][header.indexOf('Phone')]).toBe('@');
    expect(sheet.numberFormats[1][header.indexOf('Email')]).toBe('@');
    const stage = sheet.validations[1][header.indexOf('Stage')] as { criteriaValues?: unknown[] } | null;
    expect(JSON.stringify(stage)).toContain('VIP');
  });

  it('names the person who set it up as the first admin and logs it', () => {
    server.menuSetUp();
    const settings = rowsOf(emu(), 'Settings');
    expect(settings.find((r) => r.Key === 'admins')?.Value).toBe(ADMIN);
    expect(rowsOf(emu(), 'Audit').map((r) => r.Action)).toContain('set up');
  });

  it('lets only admins edit Settings and Fields, and re-applies that when roles change', () => {
    server.menuSetUp();
    const editors = (tab: string) =>
      emu()
        .inspectSheet(tab)
        .protections.find((p) => p.type === 'SHEET' && !p.warningOnly)?.editors ?? [];
    expect(editors('Settings')).toEqual([ADMIN]);
    expect(editors('Fields')).toEqual([ADMIN]);
    emu().writeSheet(
      'Settings',
      emu()
        .readSheet('Settings')
        .map((r) => (r[0] === 'admins' ? ['admins', `${ADMIN}, boss@example.com`, r[2]] : r)),
    );
    server.menuApplyFields();
    expect(editors('Settings').sort()).toEqual([ADMIN, 'boss@example.com']);
  });

  it('protects system tabs and installs the edit trigger once', () => {
    server.menuSetUp();
    expect(emu().inspectSheet('Audit').protections.length).toBeGreaterThan(0);
    expect(
      emu()
        .inspectSheet('Clients')
        .protections.some((p) => p.warningOnly),
    ).toBe(true);
    server.menuSetUp();
    expect(
      emu()
        .triggers()
        .filter((t) => t.handler === 'onEditInstalled'),
    ).toHaveLength(1);
  });

  it('leaves a sheet that already holds a list untouched and opens adoption', () => {
    const list = [
      ['Имя', 'Телефон'],
      ['Анна', '8 916 000-00-00'],
    ];
    emu().writeSheet('Sheet1', list);
    server.menuSetUp();
    expect(emu().readSheet('Sheet1')).toEqual(list);
    expect(emu().sheetNames()).not.toContain('Fields');
    expect(emu().ui.sidebars).toHaveLength(1);
  });
});

describe('Apply fields', () => {
  const emu = useEmulator();

  it('adds a column for a new field and keeps columns whose field was removed', () => {
    server.menuSetUp();
    const fields = emu().readSheet('Fields');
    const withoutNotes = fields.filter((r) => r[0] !== 'Notes');
    emu().writeSheet('Fields', [...withoutNotes, ['Loyalty card', 'text', false, '', true, 'Card number', '']]);
    server.menuApplyFields();
    const header = emu().readSheet('Clients')[0];
    expect(header).toContain('Loyalty card');
    expect(header).toContain('Notes');
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Kept as they are \(no field\): Notes/);
  });

  it('reports a bad Fields row and still applies the others', () => {
    server.menuSetUp();
    const fields = emu().readSheet('Fields');
    emu().writeSheet('Fields', [...fields, ['Budget', 'currency', false, '', false, '', ''], ['VAT', 'text', false, '', false, '', '']]);
    server.menuApplyFields();
    expect(emu().readSheet('Clients')[0]).toContain('VAT');
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Budget|currency/);
  });

  it('is refused to someone who is not an admin', () => {
    server.menuSetUp();
    emu().setUser('reader@example.com');
    server.menuApplyFields();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Only an admin may change fields/);
  });
});
