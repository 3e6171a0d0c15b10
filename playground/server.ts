/**
 * `npm start`: the built add-on in a browser, with no Google account.
 * A plain node:http server on 127.0.0.1 serving the page, the real sidebar
 * with a google.script.run shim, and a small JSON API over the session.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoBase } from './demo/seed.ts';
import { parseOptions, stateFileName } from './options.ts';
import { bundlePage, type PageAssets } from './page-assets.ts';
import { readImport } from './import-file.ts';
import { csvSource } from './seeding.ts';
import { onlyReads } from './service-calls.ts';
import type { Answer } from './runtime.ts';
import { createSession, type Session } from './session.ts';
import { injectShim } from './shim.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const LOCAL_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
// The sidebar is one self-contained file: inline script and style, nothing fetched but the API.
const SIDEBAR_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** True when the request comes from this machine and names it: guards against DNS rebinding and other sites' pages. */
export function isLocalRequest(req: IncomingMessage): boolean {
  if (!LOCAL_ADDRESSES.has(req.socket.remoteAddress ?? '')) return false;
  const host = hostName(req.headers.host);
  if (!host || !LOCAL_HOSTS.has(host)) return false;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    try {
      const parsed = new URL(origin);
      if (parsed.protocol !== 'http:' || !LOCAL_HOSTS.has(parsed.hostname) || parsed.host !== req.headers.host) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function hostName(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const match = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(host.toLowerCase());
  return match?.[1];
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'send JSON (Content-Type: application/json)');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'the request body must be a JSON object');
  return body as Record<string, unknown>;
}

function stringField(body: Record<string, unknown>, name: string, max = 1000): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '' || value.length > max)
    throw new HttpError(400, `"${name}" must be a non-empty string of at most ${max} characters`);
  return value;
}

const BUTTONS = new Set(['OK', 'CANCEL', 'YES', 'NO', 'CLOSE']);
const MAX_ANSWERS = 20;

/** The answers a person gave to a menu item's dialogs so far: `[{ button, text? }]`. */
function answersField(body: Record<string, unknown>): Answer[] {
  const answers = body.answers ?? [];
  if (!Array.isArray(answers) || answers.length > MAX_ANSWERS) throw new HttpError(400, `"answers" must be an array of at most ${MAX_ANSWERS} answers`);
  return answers.map((answer) => {
    const { button, text } = (answer ?? {}) as { button?: unknown; text?: unknown };
    if (typeof button !== 'string' || !BUTTONS.has(button)) throw new HttpError(400, 'each answer needs a "button": OK, CANCEL, YES, NO or CLOSE');
    if (text !== undefined && (typeof text !== 'string' || text.length > 50_000))
      throw new HttpError(400, 'an answer\'s "text" must be a string of at most 50000 characters');
    return text === undefined ? { button } : { button, text };
  });
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown): void => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

export function createPlaygroundServer(session: Session, page: PageAssets, log: (line: string) => void = () => {}): Server {
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const key = `${req.method} ${url.pathname}`;
    switch (key) {
      case 'GET /':
        return send(res, 200, 'text/html; charset=utf-8', page.html, { 'Content-Security-Policy': PAGE_CSP, 'X-Frame-Options': 'DENY' });
      case 'GET /favicon.ico':
        res.writeHead(204, { 'Cache-Control': 'max-age=86400' });
        return void res.end();
      case 'GET /app.js':
        return send(res, 200, 'text/javascript; charset=utf-8', page.script);
      case 'GET /sidebar':
        return send(res, 200, 'text/html; charset=utf-8', injectShim(session.sidebarHtml()), {
          'Content-Security-Policy': SIDEBAR_CSP,
          'X-Frame-Options': 'SAMEORIGIN',
        });
      case 'GET /dialog': {
        const html = session.dialogHtml();
        if (html === undefined) throw new HttpError(404, 'no dialog has been shown');
        return send(res, 200, 'text/html; charset=utf-8', injectShim(html), { 'Content-Security-Policy': SIDEBAR_CSP, 'X-Frame-Options': 'SAMEORIGIN' });
      }
      case 'GET /api/state':
        return sendJson(res, 200, session.view(url.searchParams.get('sheet') ?? undefined, url.searchParams.get('grid') !== '0'));
      case 'POST /api/run': {
        const body = await readJson(req);
        const fn = stringField(body, 'fn', 200);
        const args = body.args ?? [];
        if (!Array.isArray(args)) throw new HttpError(400, '"args" must be an array');
        const result = session.run(fn, args);
        const record = session.runtime().lastCall();
        // The sidebar's read-only polling would flood the terminal; actions and failures are worth a line.
        if (!result.ok || !record || !onlyReads(record.serviceCalls)) {
          log(`${fn}: ${result.ok ? 'ok' : `failed: ${result.error}`} (${record?.totalServiceCalls ?? 0} service calls)`);
        }
        // The page fetches the grid again only when the base's revision moved (anyone's write) or the
        // call showed something: the sidebar's polling changes nothing, and a sheet of a few hundred
        // rows costs more to send and compare than the call itself.
        return sendJson(res, 200, { ...result, revision: session.revision() });
      }
      case 'POST /api/menu': {
        const body = await readJson(req);
        const fn = stringField(body, 'fn', 200);
        const outcome = session.runMenu(fn, answersField(body));
        if (outcome.status === 'asking') log(`${fn}: waiting for an answer to "${outcome.question.title ?? outcome.question.prompt}"`.slice(0, 200));
        else {
          const record = session.runtime().lastCall();
          log(`${fn}: ${outcome.result.ok ? 'ok' : `failed: ${outcome.result.error}`} (${record?.totalServiceCalls ?? 0} service calls)`);
        }
        return sendJson(res, 200, outcome);
      }
      case 'POST /api/select': {
        const body = await readJson(req);
        try {
          session.select(
            stringField(body, 'sheet', 200),
            stringField(body, 'a1', 1000),
            body.current === undefined ? undefined : stringField(body, 'current', 20),
          );
        } catch (error) {
          throw error instanceof HttpError ? error : new HttpError(400, (error as Error).message);
        }
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /api/edit': {
        const body = await readJson(req);
        const value = body.value;
        if (typeof value !== 'string') throw new HttpError(400, '"value" must be a string');
        let outcome: ReturnType<Session['edit']>;
        try {
          outcome = session.edit(stringField(body, 'sheet', 200), stringField(body, 'a1', 20), value);
        } catch (error) {
          throw error instanceof HttpError ? error : new HttpError(400, (error as Error).message);
        }
        for (const fired of outcome.status === 'written' ? outcome.triggers : []) if (!fired.ok) log(`${fired.handler}: failed: ${fired.error}`);
        return sendJson(res, 200, { ok: true, ...outcome });
      }
      case 'POST /api/user': {
        const body = await readJson(req);
        try {
          session.setUser(stringField(body, 'email', 254));
        } catch (error) {
          throw error instanceof HttpError ? error : new HttpError(400, (error as Error).message);
        }
        return sendJson(res, 200, { ok: true, user: session.user() });
      }
      case 'POST /api/clock': {
        const body = await readJson(req);
        const ms = body.advanceMs;
        // At most a year a step: enough for next year's birthday, never an overflowing Date.
        if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > 366 * 86_400_000) {
          throw new HttpError(400, '"advanceMs" must be a number of milliseconds from 0 to a year');
        }
        const clock = session.advanceClock(ms);
        log(`clock moved ${Math.round(ms / 60_000)} min forward: now ${clock.now}`);
        return sendJson(res, 200, { ok: true, ...clock });
      }
      case 'POST /api/triggers': {
        await readJson(req);
        const ran = session.runTimeTriggers();
        log(`time-driven triggers run: ${ran.map((r) => `${r.handler} as ${r.owner}${r.ok ? '' : ` failed: ${r.error}`}`).join(', ') || 'none'}`);
        return sendJson(res, 200, { ok: true, ran });
      }
      case 'POST /api/reset': {
        await readJson(req);
        const report = session.reset();
        return sendJson(res, 200, { ok: true, report });
      }
      default:
        throw new HttpError(404, `no such page: ${req.method} ${url.pathname}`);
    }
  }

  return createServer((req, res) => {
    if (!isLocalRequest(req)) {
      req.resume();
      return sendJson(res, 403, { ok: false, error: 'the playground answers only to localhost' });
    }
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (status === 413) res.setHeader('Connection', 'close');
      if (!res.headersSent) sendJson(res, status, { ok: false, error: error instanceof Error ? error.message : String(error) });
      else res.end();
      req.resume();
    });
  });
}

/** Listens on 127.0.0.1: the given port, or the first free one from 8080. */
export async function listen(server: Server, port?: number): Promise<number> {
  const tryPort = (p: number): Promise<number> =>
    new Promise((resolvePort, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        server.off('listening', onListening);
        reject(error);
      };
      const onListening = (): void => {
        server.off('error', onError);
        const address = server.address();
        resolvePort(typeof address === 'object' && address ? address.port : p);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, '127.0.0.1');
    });
  if (port !== undefined) return tryPort(port);
  for (let p = 8080; p < 8180; p++) {
    try {
      return await tryPort(p);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  return tryPort(0);
}

async function main(): Promise<void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const options = parseOptions(process.argv.slice(2));
  const log = (line: string): void => console.log(line);
  const imported = options.importFile === undefined ? undefined : readImport(options.importFile, log);
  const importText = imported?.text;
  const seed = importText !== undefined ? () => csvSource(importText) : () => demoBase();
  const notices = imported ? [imported.report.replace(/^importing/, 'Imported'), ...(csvSource(imported.text).warnings ?? [])] : [];
  const session = createSession({
    distDir: join(root, 'dist'),
    stateFile: join(root, '.playground', stateFileName(options)),
    seed,
    // An import replaces whatever was there, like a reset.
    reset: options.reset || importText !== undefined,
    log,
    notices,
  });
  const page = await bundlePage();
  const server = createPlaygroundServer(session, page, log);
  const port = await listen(server, options.port);
  console.log(`ClientBase playground: http://localhost:${port}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
