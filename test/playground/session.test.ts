import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoBase } from '../../playground/demo/seed.ts';
import { csvSource } from '../../playground/seeding.ts';
import { onlyReads } from '../../playground/service-calls.ts';
import { createSession } from '../../playground/session.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const dir = mkdtempSync(join(tmpdir(), 'playground-session-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('onlyReads', () => {
  it('tells read-only service calls from calls that may change the spreadsheet', () => {
    expect(onlyReads({ 'Range.getValues': 2, 'Session.getActiveUser': 1, 'Range.isBlank': 1 })).toBe(true);
    expect(onlyReads({})).toBe(true);
    expect(onlyReads({ 'Range.getValues': 1, 'Range.setValues': 1 })).toBe(false);
    expect(onlyReads({ 'MailApp.sendEmail': 1 })).toBe(false);
    expect(onlyReads({ 'Cache.put': 1 })).toBe(false);
    expect(onlyReads({ 'Range.getter': 1 })).toBe(false); // not a get… method by shape
  });
});

describe('the session', () => {
  it('keeps a history of calls, newest first, each numbered', () => {
    const session = createSession({
      distDir: dist,
      stateFile: join(dir, 'h.json'),
      seed: () => demoBase({ baseClients: 60, interactions: 10, purchases: 10 }),
    });
    session.run('onOpen', [{}]);
    session.run('nope', []);
    const { calls } = session.view();
    expect(calls.map((c) => c.fn).slice(0, 2)).toEqual(['nope', 'onOpen']);
    expect(calls[0].seq).toBe(calls[1].seq + 1);
    expect(calls[0].ok).toBe(false);
  });

  it('rewrites the state file after a call that may change something, not after a read-only one', () => {
    const file = join(dir, 'w.json');
    const session = createSession({ distDir: dist, stateFile: file, seed: () => demoBase({ baseClients: 60, interactions: 10, purchases: 10 }) });
    // A marker in place of the state shows whether the session wrote the file again.
    writeFileSync(file, 'marker');
    session.run('apiActiveClient', []);
    expect(session.view().calls[0]).toMatchObject({ fn: 'apiActiveClient', ok: true });
    expect(readFileSync(file, 'utf8')).toBe('marker');
    session.run('onOpen', [{}]);
    expect(JSON.parse(readFileSync(file, 'utf8')).emulator.spreadsheet.sheets.length).toBeGreaterThan(1);
  });

  it("seeds from a user's CSV export through the add-on's adoption, losing no row, column or hostile text", () => {
    const csv = [
      'Имя;Фамилия;Телефон;E-mail;Город;Любимый цвет',
      'Саша;Иванов;8 (916) 123-45-67;sasha@example.com;Москва;синий',
      '"<img src=x onerror=alert(1)>";"=HYPERLINK(""http://evil"",""x"")";+1;@x;Київ;🚀',
      'Ion;Popescu;;ion@example.com;Chișinău;"roșu; verde"',
    ].join('\r\n');
    const session = createSession({ distDir: dist, stateFile: join(dir, 'csv.json'), seed: () => csvSource(csv), reset: true });
    const rows = session.runtime().emulator.readSheet('Clients');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('ID');
    const text = rows.flat().map(String);
    for (const kept of ['Саша', 'Иванов', '<img src=x onerror=alert(1)>', 'Київ', '🚀', 'Chișinău', 'roșu; verde', 'синий']) expect(text, kept).toContain(kept);
    expect(new Set(rows.slice(1).map((r) => r[rows[0].indexOf('ID')])).size).toBe(3);
  });

  it('refuses an empty CSV with a clear message', () => {
    expect(() => csvSource('')).toThrow(/empty/);
    expect(() => csvSource('\n\n')).toThrow(/empty/);
  });
});
