import { request } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBase, HOSTILE_TEXT } from '../../playground/demo/seed.ts';
import { DEFAULT_USER } from '../../playground/demo/names.ts';
import { bundlePage } from '../../playground/page-assets.ts';
import { createPlaygroundServer, listen, MAX_BODY_BYTES } from '../../playground/server.ts';
import { createSession, type Session } from '../../playground/session.ts';
import { SHIM_MARKER } from '../../playground/shim.ts';
import type { PlaygroundView } from '../../playground/state-view.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const smallDemo = () => demoBase({ now: new Date('2025-03-10T09:00:00Z'), baseClients: 60, interactions: 40, purchases: 30 });

let dir: string;
let session: Session;
let server: Server;
let port: number;
/** The tabs as seeding left them: tests that write (a saved client) may run before the seeding checks. */
let seeded: Record<'Clients' | 'Interactions' | 'Purchases', unknown[][]>;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function http(method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { Host: `localhost:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const post = (path: string, value: unknown, headers: Record<string, string> = {}) =>
  http('POST', path, { body: JSON.stringify(value), headers: { 'Content-Type': 'application/json', ...headers } });
const state = async (query = ''): Promise<PlaygroundView> => JSON.parse((await http('GET', `/api/state${query}`)).text) as PlaygroundView;

beforeAll(async () => {
  if (!existsSync(join(dist, 'Code.js'))) throw new Error('dist/Code.js is missing: run "npx tsx scripts/build.ts"');
  dir = mkdtempSync(join(tmpdir(), 'playground-'));
  session = createSession({ distDir: dist, stateFile: join(dir, 'state.json'), seed: smallDemo });
  const emu = session.runtime().emulator;
  seeded = { Clients: emu.readSheet('Clients'), Interactions: emu.readSheet('Interactions'), Purchases: emu.readSheet('Purchases') };
  server = createPlaygroundServer(session, await bundlePage());
  port = await listen(server, 0);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('seeding a new playground', () => {
  it('adopts the demo clients (every row gets an ID) and links interactions and purchases to those IDs', () => {
    const clients = seeded.Clients;
    const idColumn = clients[0].indexOf('ID');
    expect(idColumn).toBeGreaterThanOrEqual(0);
    const ids = new Set(clients.slice(1).map((r) => r[idColumn]));
    expect(ids.size).toBe(smallDemo().clients.length - 1);
    expect(ids.has('')).toBe(false);
    for (const tab of ['Interactions', 'Purchases'] as const) {
      const rows = seeded[tab];
      const column = rows[0].indexOf('Client ID');
      expect(rows.length, tab).toBeGreaterThan(1);
      for (const row of rows.slice(1)) expect(ids.has(row[column]), `${tab} ${String(row[column])}`).toBe(true);
    }
  });

  it('saves the state and finds it again on the next start; a reset reseeds', () => {
    const file = join(dir, 'state.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, user: DEFAULT_USER });
    session.runtime().emulator.writeSheet('Scratch', [['kept']]);
    session.run('onOpen', [{}]); // any call saves
    const again = createSession({
      distDir: dist,
      stateFile: file,
      seed: () => {
        throw new Error('must not reseed');
      },
    });
    expect(again.runtime().emulator.readSheet('Scratch')).toEqual([['kept']]);
    const reset = createSession({ distDir: dist, stateFile: join(dir, 'other.json'), seed: smallDemo, reset: true });
    expect(reset.runtime().emulator.sheetNames()).not.toContain('Scratch');
  });

  it('starts over from a new base, saying why, when the state file is damaged', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"version":1,"user":');
    const lines: string[] = [];
    const fresh = createSession({ distDir: dist, stateFile: file, seed: smallDemo, log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/could not be read/);
    expect(fresh.runtime().emulator.sheetNames()).toContain('Clients');
  });
});

describe('the playground server', () => {
  it('serves the page and its script', async () => {
    const page = await http('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<script src="/app.js"></script>');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    const script = await http('GET', '/app.js');
    expect(script.status).toBe(200);
    expect(script.text).toContain('/api/state');
    expect(script.text).not.toMatch(/innerHTML/);
  });

  it('serves the real sidebar with the google.script.run shim first in <head>', async () => {
    const sidebar = await http('GET', '/sidebar');
    expect(sidebar.status).toBe(200);
    const headAt = sidebar.text.search(/<head[^>]*>/i);
    expect(sidebar.text.indexOf(SHIM_MARKER)).toBeGreaterThan(headAt);
    expect(sidebar.text.indexOf(SHIM_MARKER)).toBeLessThan(sidebar.text.indexOf('<script', sidebar.text.indexOf(SHIM_MARKER) + 10));
    expect(sidebar.text).toContain(readFileSync(join(dist, 'Sidebar.html'), 'utf8').slice(-200));
  });

  it('answers /api/state with the sheets, the Clients grid, the menu and the user', async () => {
    const view = await state();
    expect(view.sheets).toEqual(expect.arrayContaining(['Clients', 'Interactions', 'Purchases']));
    expect(view.sheet?.name).toBe('Clients');
    expect(view.sheet!.display[0]).toContain('ID');
    expect(view.sheet!.display.length).toBe(view.sheet!.values.length);
    // Every row of Clients, header included (another test may have saved a client since seeding).
    expect(view.sheet!.totalRows).toBe(session.runtime().emulator.readSheet('Clients').length);
    expect(view.sheet!.totalRows).toBeGreaterThanOrEqual(smallDemo().clients.length);
    expect(view.menus.map((m) => m.name)).toContain('ClientBase');
    expect(view.user).toBe(DEFAULT_USER);
    expect(view.users.map((u) => u.role)).toEqual(expect.arrayContaining(['admin', 'manager', 'reader']));
    // Hostile text travels as data; the page renders it with textContent.
    expect(view.sheet!.display.flat()).toContain(HOSTILE_TEXT);
    const interactions = await state('?sheet=Interactions');
    expect(interactions.sheet?.name).toBe('Interactions');
    const unknown = await state(`?sheet=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(unknown.sheet?.name).toBe('Interactions'); // stays on the sheet being viewed
  });

  it('runs a bundle function through POST /api/run and reports its service calls', async () => {
    const reply = await post('/api/run', { fn: 'onOpen', args: [{}] });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true });
    const view = await state();
    expect(view.calls[0].fn).toBe('onOpen');
    expect(view.calls[0].totalServiceCalls).toBeGreaterThan(0);
    expect(view.calls[0].serviceCalls['Menu.addToUi']).toBe(1);
  });

  it("moves the base's revision on a write, not on the sidebar's read-only polling, and can leave the grid out", async () => {
    const run = async (fn: string, args: unknown[] = []) => JSON.parse((await post('/api/run', { fn, args })).text) as { ok: boolean; revision: number };
    const polled = await run('apiPoll');
    expect(polled.ok).toBe(true);
    expect((await run('apiPoll')).revision).toBe(polled.revision);
    const saved = await run('apiSaveClient', [
      { values: { 'First name': 'Rev', 'Last name': 'Ision', Email: 'rev.ision@example.com' }, acknowledgeDuplicates: true },
    ]);
    expect(saved.revision).toBeGreaterThan(polled.revision);
    const light = await state('?sheet=Clients&grid=0');
    expect(light.sheet).toBeUndefined();
    expect(light.viewing).toBe('Clients');
    expect(light.revision).toBe(saved.revision);
    expect((await state('?sheet=Clients')).sheet!.display.flat()).toContain('Ision');
  });

  it('refuses unknown and hostile function names and bad arguments', async () => {
    for (const fn of ['__ClientBase', 'process', '<img src=x onerror=alert(1)>']) {
      const reply = JSON.parse((await post('/api/run', { fn, args: [] })).text) as { ok: boolean; error: string };
      expect(reply.ok, fn).toBe(false);
    }
    expect((await post('/api/run', { fn: 'onOpen', args: 'x' })).status).toBe(400);
    expect((await post('/api/run', { fn: 42 })).status).toBe(400);
    expect((await post('/api/run', { fn: 'x'.repeat(50_001) })).status).toBe(400);
    expect((await post('/api/run', [1, 2])).status).toBe(400);
  });

  it('selects a cell and switches the user', async () => {
    expect((await post('/api/select', { sheet: 'Clients', a1: 'B7' })).status).toBe(200);
    expect((await post('/api/select', { sheet: 'Nope', a1: 'B7' })).status).toBe(400);
    expect((await post('/api/select', { sheet: 'Clients', a1: '=A1' })).status).toBe(400);
    expect((await post('/api/user', { email: 'viewer@example.com' })).status).toBe(200);
    expect((await state()).user).toBe('viewer@example.com');
    expect((await post('/api/user', { email: '<img src=x onerror=alert(1)>' })).status).toBe(400);
    expect((await post('/api/user', { email: DEFAULT_USER })).status).toBe(200);
  });

  it('refuses requests that do not name localhost, or come from another site', async () => {
    const foreign = await http('GET', '/api/state', { headers: { Host: 'evil.example.com' } });
    expect(foreign.status).toBe(403);
    const rebound = await http('GET', '/', { headers: { Host: `attacker.test:${port}` } });
    expect(rebound.status).toBe(403);
    const crossSite = await post('/api/run', { fn: 'onOpen', args: [] }, { Origin: 'https://evil.example.com' });
    expect(crossSite.status).toBe(403);
    const sameSite = await post('/api/run', { fn: 'onOpen', args: [] }, { Origin: `http://localhost:${port}` });
    expect(sameSite.status).toBe(200);
  });

  it('refuses an oversize body, a body that is not JSON and a form post', async () => {
    const big = JSON.stringify({ fn: 'onOpen', args: ['x'.repeat(MAX_BODY_BYTES)] });
    const reply = await http('POST', '/api/run', { body: big, headers: { 'Content-Type': 'application/json' } }).catch((e: Error) => ({
      status: -1,
      text: e.message,
    }));
    expect([413, -1]).toContain(reply.status); // the server may close the socket after answering
    expect((await http('POST', '/api/run', { body: '{"fn":', headers: { 'Content-Type': 'application/json' } })).status).toBe(400);
    expect((await http('POST', '/api/run', { body: 'fn=onOpen', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect((await http('GET', '/nowhere')).status).toBe(404);
  });
});
