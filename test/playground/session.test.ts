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

  it("seeds from a user's CSV export through the add-on's adoption once the mapping is confirmed, losing no row, column or hostile text", () => {
    const csv = [
      'Имя;Фамилия;Телефон;E-mail;Город;Любимый цвет',
      'Саша;Иванов;8 (916) 123-45-67;sasha@example.com;Москва;синий',
      '"<img src=x onerror=alert(1)>";"=HYPERLINK(""http://evil"",""x"")";+1;@x;Київ;🚀',
      'Ion;Popescu;;ion@example.com;Chișinău;"roșu; verde"',
    ].join('\r\n');
    const session = createSession({ distDir: dist, stateFile: join(dir, 'csv.json'), seed: () => csvSource(csv), reset: true });
    // Nothing is adopted yet: Set up found the list and opened the sidebar on the proposed mapping.
    const emu = session.runtime().emulator;
    expect(emu.sheetNames()).not.toContain('Fields');
    expect(emu.ui.sidebars.length).toBeGreaterThan(0);
    expect(okValue(session.run('apiBootstrap', []))).toMatchObject({ view: 'adopt' });
    const proposal = okValue(session.run('apiProposeAdoption', []));
    okValue(session.run('apiAdopt', [proposal]));
    const rows = session.runtime().emulator.readSheet('Clients');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('ID');
    const text = rows.flat().map(String);
    for (const kept of ['Саша', 'Иванов', '<img src=x onerror=alert(1)>', 'Київ', '🚀', 'Chișinău', 'roșu; verde', 'синий']) expect(text, kept).toContain(kept);
    expect(new Set(rows.slice(1).map((r) => r[rows[0].indexOf('ID')])).size).toBe(3);
  });

  it('warns about CSV rows that do not match the header instead of importing them silently shifted', () => {
    const lines: string[] = [];
    createSession({
      distDir: dist,
      stateFile: join(dir, 'ragged.json'),
      seed: () => csvSource('Name,Email,City\nAnna,anna@x.ro,Iași\nPetrov, Ivan,ivan@x.ru,Moscow\n'),
      reset: true,
      log: (line) => lines.push(line),
    });
    expect(lines.join('\n')).toMatch(/warning: 1 row does not match the header.*row 3 has 4 values for 3 columns/);
  });

  it('refuses an empty CSV with a clear message', () => {
    expect(() => csvSource('')).toThrow(/empty/);
    expect(() => csvSource('\n\n')).toThrow(/empty/);
  });
});

function okValue(result: { ok: boolean; value?: unknown; error?: string }): unknown {
  if (!result.ok) throw new Error(`call failed: ${result.error}`);
  const answer = result.value as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!answer.ok) throw new Error(`refused: ${answer.error?.message}`);
  return answer.value;
}
