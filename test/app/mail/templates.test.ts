import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { rowsOf, unwrap, useEmulator } from '../../support/emulated';
import { setUpWithClients, people } from './fixture';

describe('templates', () => {
  const emu = useEmulator();

  it('lists the sample template and saves a new one, audited', () => {
    setUpWithClients(emu(), people(2));
    const names = unwrap(server.apiListTemplates()).map((t) => t.name);
    expect(names).toEqual(['Welcome', 'Spring']);
    const saved = unwrap(server.apiSaveTemplate({ name: 'Autumn', subject: 'Hi {{First name}}', body: 'Autumn news' }));
    expect(saved.created).toBe(true);
    expect(saved.warnings).toEqual([]);
    expect(rowsOf(emu(), 'Templates').map((r) => r.Name)).toEqual(['Welcome', 'Spring', 'Autumn']);
    expect(rowsOf(emu(), 'Audit').some((r) => r.Action === 'add template' && r.Field === 'Autumn')).toBe(true);
  });

  it('updates a template found by name ignoring case, in place', () => {
    setUpWithClients(emu(), people(1));
    const saved = unwrap(server.apiSaveTemplate({ name: ' spring ', subject: 'New subject', body: 'New body' }));
    expect(saved.created).toBe(false);
    expect(saved.template.name).toBe('Spring');
    const rows = rowsOf(emu(), 'Templates');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ Name: 'Spring', Subject: 'New subject', Body: 'New body' });
  });

  it('saves a placeholder that names no field but reports it with the closest field name', () => {
    setUpWithClients(emu(), people(1));
    const saved = unwrap(server.apiSaveTemplate({ name: 'Typo', subject: 'Hi {{Frist name}}', body: 'In {{Citty}} and {{Zodiac sign}}' }));
    expect(saved.warnings.map((w) => [w.placeholder, w.suggestion])).toEqual([
      ['Frist name', 'First name'],
      ['Citty', 'City'],
      ['Zodiac sign', undefined],
    ]);
    expect(saved.warnings[0].message).toContain('did you mean {{First name}}');
  });

  it('refuses a broken placeholder with the position and saves nothing', () => {
    setUpWithClients(emu(), people(1));
    const before = emu().readSheet('Templates');
    const result = server.apiSaveTemplate({ name: 'Broken', subject: 'Hi', body: 'Dear {{First name,\nhello' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.fields?.body).toMatch(/line 1, column 6/);
    expect(emu().readSheet('Templates')).toEqual(before);
  });

  it.each([
    [{ name: '=HYPERLINK("http://x","y")', subject: 's', body: 'b' }, 'name'],
    [{ name: '+1', subject: 's', body: 'b' }, 'name'],
    [{ name: '', subject: 's', body: 'b' }, 'name'],
    [{ name: 'Ok', subject: 's', body: 'x'.repeat(50_001) }, 'body'],
    [{ name: 'Ok', subject: 42, body: 'b' }, 'subject'],
    [{ name: 'Ok', subject: 'line\nbreak', body: 'b' }, 'subject'],
    [{ name: 'Ok', subject: '', body: 'b' }, 'subject'],
  ])('rejects %j with a message on %s', (input, field) => {
    setUpWithClients(emu(), people(1));
    const result = server.apiSaveTemplate(input as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error.fields ?? {})).toContain(field);
  });

  it('keeps formula-looking, HTML and emoji text in subject and body exactly', () => {
    setUpWithClients(emu(), people(1));
    const text = { name: 'Hostile Ёлка 🎄', subject: '=HYPERLINK("http://evil","x") <img src=x onerror=alert(1)>', body: '-1 @x +7 🎄 Привет mixed Latin' };
    unwrap(server.apiSaveTemplate(text));
    const row = rowsOf(emu(), 'Templates').find((r) => r.Name === text.name)!;
    expect(row).toMatchObject({ Subject: text.subject, Body: text.body });
    expect(emu().inspectSheet('Templates').formulas.flat().filter(Boolean)).toEqual([]);
  });

  it('is refused to a reader', () => {
    setUpWithClients(emu(), people(1));
    emu().setUser('reader@example.com');
    const result = server.apiSaveTemplate({ name: 'X', subject: 's', body: 'b' });
    expect(result.ok || result.error.code).toBe('forbidden');
  });
});
