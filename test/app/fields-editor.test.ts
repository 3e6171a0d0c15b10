/**
 * The sidebar's Fields editor over the emulator: admins only (on the server),
 * a preview of what Apply fields changes in Clients, then Apply: a renamed
 * field keeps its column's data, a new field gets a column, a reorder and a
 * type change are written to Fields, a stale editor is refused.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import type { EditedField } from '../../src/server';
import { HOSTILE } from '../support/hostile';
import { rowsOf, unwrap, useEmulator } from '../support/emulated';
import { setUpBase, writeClients } from './segments/fixtures';

describe('the Fields editor', () => {
  const emu = useEmulator();

  function open(): { fields: EditedField[]; version: string } {
    setUpBase(emu());
    writeClients(emu(), [
      { 'First name': 'Anna', City: 'Chișinău', Stage: 'Cold', Notes: 'first' },
      { 'First name': 'Boris', City: 'Bălți', Stage: 'Hot', Notes: '12' },
      { 'First name': 'Chen', City: 'Chișinău', Stage: 'Warm', Notes: '' },
    ]);
    const dto = unwrap(server.apiFieldsEditor());
    return { fields: dto.fields.map((f) => ({ ...f, was: f.name })), version: dto.version };
  }

  it('previews then applies a rename, a new field, a type change and a reorder; data stays with the renamed column', () => {
    const { fields, version } = open();
    const edited = fields.map((f) => (f.name === 'City' ? { ...f, name: 'Town' } : f.name === 'Notes' ? { ...f, type: 'number' as const } : f));
    const stage = edited.findIndex((f) => f.name === 'Stage');
    const [moved] = edited.splice(stage, 1);
    edited.unshift(moved);
    edited.push({ name: 'Budget', type: 'money', required: false, unique: false, options: [], help: 'Yearly budget' });
    const before = emu().readSheet('Clients');
    const preview = unwrap(server.apiPreviewFields(edited));
    expect(preview).toMatchObject({ added: ['Budget'], renamed: [{ from: 'City', to: 'Town' }], removed: [], reordered: true, errors: [] });
    expect(preview.retyped).toEqual([{ name: 'Notes', from: 'text', to: 'number' }]);
    expect(preview.misfits).toEqual([{ name: 'Notes', count: 1, examples: ['first'] }]);
    // A preview changes nothing.
    expect(emu().readSheet('Clients')).toEqual(before);

    const applied = unwrap(server.apiApplyFieldsEdit(edited, version));
    expect(applied.renamed).toBe(1);
    expect(applied.report.addedColumns).toEqual(['Budget']);
    const clients = rowsOf(emu(), 'Clients');
    expect(clients.map((c) => c.Town)).toEqual(['Chișinău', 'Bălți', 'Chișinău']);
    expect(clients[0]).not.toHaveProperty('City');
    expect(clients[0]).toHaveProperty('Budget', '');
    const tab = rowsOf(emu(), 'Fields');
    expect(tab[0].Name).toBe('Stage');
    expect(tab.find((r) => r.Name === 'Notes')!.Type).toBe('number');
    expect(tab.find((r) => r.Name === 'Budget')!.Help).toBe('Yearly budget');
    expect(unwrap(server.apiBootstrap()).fields.map((f) => f.name)).toContain('Town');
    expect(rowsOf(emu(), 'Audit').some((a) => a.Action === 'edit fields')).toBe(true);
    expect(unwrap(server.apiListSnapshots())[0].reason).toMatch(/editing fields/);
  });

  it('is refused to a manager, on the server, for load, preview and apply', () => {
    const { fields, version } = open();
    const settings = emu()
      .readSheet('Settings')
      .map((r) => (r[0] === 'admins' ? ['admins', 'boss@example.com', r[2]] : r[0] === 'managers' ? ['managers', 'anna@example.com', r[2]] : r));
    emu().writeSheet('Settings', settings);
    const before = emu().readSheet('Fields');
    for (const r of [server.apiFieldsEditor(), server.apiPreviewFields(fields), server.apiApplyFieldsEdit(fields, version)]) {
      expect(r.ok ? '' : r.error.code).toBe('forbidden');
    }
    expect(emu().readSheet('Fields')).toEqual(before);
  });

  it('refuses an editor opened before someone changed Fields, and a duplicate or formula-looking name', () => {
    const { fields, version } = open();
    const tab = emu().readSheet('Fields');
    emu().writeSheet(
      'Fields',
      tab.map((r, i) => (i === 1 ? [r[0], r[1], r[2], r[3], r[4], 'edited by hand', r[6]] : r)),
    );
    const stale = server.apiApplyFieldsEdit(fields, version);
    expect(stale.ok ? '' : stale.error.code).toBe('conflict');
    const fresh = unwrap(server.apiFieldsEditor());
    const twice = [...fresh.fields, { ...fresh.fields[0], was: undefined }];
    expect(unwrap(server.apiPreviewFields(twice)).errors.length).toBeGreaterThan(0);
    const formula = HOSTILE.find(([l]) => l === 'formula')![1];
    const bad = [...fresh.fields, { name: formula, type: 'text' as const, required: false, unique: false, options: [], help: '' }];
    expect(unwrap(server.apiPreviewFields(bad)).errors.join(' ')).toMatch(/looks like a formula/);
    const r = server.apiApplyFieldsEdit(bad, fresh.version);
    expect(r.ok ? '' : r.error.code).toBe('validation');
  });

  it('keeps HTML and emoji in a field name and help as plain text', () => {
    const { fields, version } = open();
    const html = HOSTILE.find(([l]) => l === 'html')![1];
    const emoji = HOSTILE.find(([l]) => l === 'emoji')![1];
    unwrap(server.apiApplyFieldsEdit([...fields, { name: emoji, type: 'text', required: false, unique: false, options: [], help: html }], version));
    const row = rowsOf(emu(), 'Fields').find((r) => r.Name === emoji)!;
    expect(row.Help).toBe(html);
    expect(emu().readSheet('Clients')[0]).toContain(emoji);
  });
});
