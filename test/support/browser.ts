/**
 * The real-browser harness: Debian's Chromium (never a downloaded one) driven
 * by playwright-core against a playground that runs the built add-on
 * (dist/Code.js, dist/Sidebar.html) over the emulator.
 *
 * One playground and one browser per test file:
 *
 *   const pg = usePlayground();            // beforeAll / afterAll
 *   describeBrowser('…', () => { it('…', async () => { const page = await pg().page(); … }, BROWSER_TIMEOUT); });
 *
 * Without /usr/bin/chromium the browser suites are skipped with a loud
 * warning; with CI=true they fail instead, so a CI machine cannot pass by
 * silently testing nothing.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type BrowserContext, type Dialog, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoBase } from '../../playground/demo/seed.ts';
import { bundlePage } from '../../playground/page-assets.ts';
import type { CallResult } from '../../playground/runtime.ts';
import type { SeedSource } from '../../playground/seeding.ts';
import { createPlaygroundServer, listen } from '../../playground/server.ts';
import { createSession, type Session } from '../../playground/session.ts';

import { BROWSER_TIMEOUT, CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

export { BROWSER_TIMEOUT, CHROMIUM_ARGS, CHROMIUM_PATH };
/** Per wait for something to appear in the page. */
export const UI_TIMEOUT = 20_000;

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const MISSING = `${CHROMIUM_PATH} not found — apt-get install chromium`;

// ---- skip logic ------------------------------------------------------------------------------

export const chromiumPresent = (): boolean => existsSync(CHROMIUM_PATH);
const onCi = (): boolean => process.env.CI === 'true';

let warned = false;
function warnSkipped(): void {
  if (warned) return;
  warned = true;
  const line = '!'.repeat(78);
  console.warn(`\n${line}\n!!  BROWSER TESTS SKIPPED: ${MISSING}\n!!  (set CI=true to make this a failure)\n${line}\n`);
}

/**
 * `describe` for a browser suite. Chromium present: runs. Missing on CI
 * (CI=true): one failing test says what to install. Missing elsewhere: a loud
 * warning and the suite is skipped.
 */
export function describeBrowser(name: string, body: () => void): void {
  if (chromiumPresent()) {
    describe(name, body);
  } else if (onCi()) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`BROWSER TESTS CANNOT RUN on CI: ${MISSING}`);
      });
    });
  } else {
    warnSkipped();
    describe.skip(name, body);
  }
}

// ---- the playground in a browser -------------------------------------------------------------

export interface BrowserPlayground {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly session: Session;
  /** The browser: a context of its own (a fresh profile), in the run's shared Chromium or one started for this file. */
  readonly context: BrowserContext;
  /** Dialogs (alert, confirm, prompt) any page of this playground opened: hostile input must open none. */
  readonly dialogs: string[];
  /** Page errors (uncaught exceptions) of any page. */
  readonly pageErrors: string[];
  /** A new tab in the shared context, with the dialog and error guards attached. */
  newPage(path?: string): Promise<Page>;
  /** The main page (the playground at "/"), opened once and reused by the file's tests. */
  page(): Promise<Page>;
  /** A server function called as google.script.run calls it (a colleague's action, behind the page's back). */
  run(fn: string, args?: unknown[]): Promise<CallResult>;
  /** Switches the user the add-on sees, as the page's "Acting as" does. */
  actAs(email: string): Promise<void>;
}

export interface PlaygroundOptions {
  /** What the playground starts from; the full demo base by default. */
  seed?: () => SeedSource;
  /** Browser locale (navigator.language); en-US by default. */
  locale?: string;
  /** Lines the page shows above the grid, as `npm start -- --import` passes what it read. */
  notices?: string[];
}

interface Started {
  playground: BrowserPlayground;
  close(): Promise<void>;
}

/**
 * The demo base as the add-on adopted it, saved once per build and demo data: adopting 302 clients
 * takes seconds, and nine browser files each started from it. The key covers everything the state
 * depends on (the bundle, the manifest's time zone, the demo rows, which are dated from today).
 */
function adoptedDemoState(): string {
  const key = createHash('sha256')
    .update(readFileSync(join(DIST, 'Code.js')))
    .update(readFileSync(join(DIST, 'appsscript.json')))
    .update(JSON.stringify(demoBase()))
    .digest('hex')
    .slice(0, 20);
  const path = join(tmpdir(), `clientbase-demo-state-${key}.json`);
  // The state file is written through a rename, so a file that exists is whole.
  if (!existsSync(path)) createSession({ distDir: DIST, stateFile: path, seed: () => demoBase(), reset: true });
  return path;
}

async function startPlayground(options: PlaygroundOptions): Promise<Started> {
  if (!existsSync(join(DIST, 'Code.js')) || !existsSync(join(DIST, 'Sidebar.html'))) {
    throw new Error('dist/ is missing: run "npx tsx scripts/build.ts" (npm test builds first)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'clientbase-browser-'));
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  let shared: Browser | undefined;
  const close = async (): Promise<void> => {
    await context?.close().catch(() => {});
    // Disconnects from the run's Chromium; it keeps running for the other files.
    await shared?.close().catch(() => {});
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server!.close(resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const stateFile = join(dir, 'state.json');
    if (!options.seed) copyFileSync(adoptedDemoState(), stateFile);
    const session = createSession({
      distDir: DIST,
      stateFile,
      seed: options.seed ?? (() => demoBase()),
      reset: options.seed !== undefined,
      persist: false,
      ...(options.notices ? { notices: options.notices } : {}),
    });
    server = createPlaygroundServer(session, await bundlePage());
    const port = await listen(server, 0);
    const url = `http://127.0.0.1:${port}`;
    const look = { locale: options.locale ?? 'en-US', viewport: { width: 1400, height: 900 } };
    const endpoint = inject('chromiumEndpoint');
    if (endpoint) {
      shared = await chromium.connect(endpoint, { timeout: BROWSER_TIMEOUT });
      context = await shared.newContext(look);
    } else {
      // Playwright passes the fresh profile directory to Chromium as --user-data-dir.
      context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
        headless: true,
        timeout: BROWSER_TIMEOUT,
        ...look,
      });
    }
    context.setDefaultTimeout(UI_TIMEOUT);
    context.setDefaultNavigationTimeout(BROWSER_TIMEOUT);
    const dialogs: string[] = [];
    const pageErrors: string[] = [];
    let main: Page | undefined;

    const post = async (path: string, body: unknown): Promise<unknown> => {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const reply = (await response.json()) as { error?: string };
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}: ${reply.error ?? ''}`);
      return reply;
    };

    const playground: BrowserPlayground = {
      url,
      session,
      context,
      dialogs,
      pageErrors,
      async newPage(path = '/') {
        const page = await context!.newPage();
        page.on('dialog', (dialog: Dialog) => {
          dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          void dialog.dismiss().catch(() => {});
        });
        page.on('pageerror', (error) => pageErrors.push(error.message));
        await page.goto(`${url}${path}`);
        return page;
      },
      async page() {
        if (!main || main.isClosed()) {
          main = await playground.newPage('/');
          await waitForGrid(main);
        }
        return main;
      },
      run: (fn, args = []) => post('/api/run', { fn, args }) as Promise<CallResult>,
      async actAs(email) {
        await post('/api/user', { email });
      },
    };
    return { playground, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Starts a playground and Chromium for the test file (beforeAll) and closes
 * both (afterAll). Call at the top of a `describeBrowser` body.
 */
export function usePlayground(options: PlaygroundOptions = {}): () => BrowserPlayground {
  let started: Started | undefined;
  beforeAll(async () => {
    started = await startPlayground(options);
  }, BROWSER_TIMEOUT * 2);
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || context.task.fails || !started) return;
    // What the user would have seen when it failed: one screenshot per open tab, kept after the run.
    const dir = mkdtempSync(join(tmpdir(), 'clientbase-failure-'));
    const pages = started.playground.context.pages().filter((p) => p.url() !== 'about:blank');
    const shots = await Promise.all(
      pages.map(async (p, i) => {
        const path = join(dir, `${i}-${new URL(p.url()).pathname.replace(/\W+/g, '_') || 'page'}.png`);
        await p.screenshot({ path, fullPage: false }).catch(() => {});
        return path;
      }),
    );
    console.warn(`screenshots of "${context.task.name}": ${shots.join(', ')}`);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await started?.close();
  }, BROWSER_TIMEOUT);
  return () => {
    if (!started) throw new Error('usePlayground: the playground did not start (see beforeAll)');
    return started.playground;
  };
}

/** Unwraps a google.script.run-style reply whose value is itself a Result, failing the test otherwise. */
export function okValue<T>(reply: CallResult): T {
  if (!reply.ok) throw new Error(`the call failed: ${reply.error}`);
  const inner = reply.value as { ok?: boolean; value?: T; error?: { message?: string } };
  if (inner && typeof inner === 'object' && 'ok' in inner) {
    if (!inner.ok) throw new Error(`the server refused: ${inner.error?.message ?? JSON.stringify(inner)}`);
    return inner.value as T;
  }
  return reply.value as T;
}

/** What apiSaveClient answers with (src/server.ts). */
export interface SavedClient {
  id: string;
  values: Record<string, string>;
  updated: string;
  updatedBy: string;
}

/**
 * Adds a client through the server, as a colleague's sidebar would, behind
 * this page's back: a fixture, or the "someone else" of a conflict.
 */
export async function addClientDirectly(playground: BrowserPlayground, values: Record<string, string>): Promise<SavedClient> {
  const outcome = okValue<{ status: string; client?: SavedClient }>(await playground.run('apiSaveClient', [{ values, acknowledgeDuplicates: true }]));
  if (outcome.status !== 'saved' || !outcome.client) throw new Error(`the fixture client was not saved: ${JSON.stringify(outcome)}`);
  return outcome.client;
}

/**
 * Puts a value into one cell behind the page's back, through the emulator's
 * SpreadsheetApp (a fixture). To type as a user does, click the grid cell and
 * use the keyboard: that path checks data validation and fires the edit
 * trigger. Here nothing is checked, so give it a value the cell's dropdown offers.
 * `row` is 1-based with the header row 1; the column is found by its header.
 * No onEdit trigger fires. Refresh the page's grid afterwards to see it.
 */
export function typeIntoCell(playground: BrowserPlayground, sheetName: string, header: string, row: number, value: string): void {
  const sheet = playground.session.runtime().emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) throw new Error(`no sheet named "${sheetName}"`);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getDisplayValues()[0];
  const column = headers.indexOf(header) + 1;
  if (column < 1) throw new Error(`${sheetName} has no column "${header}" (headers: ${headers.join(', ')})`);
  sheet.getRange(row, column).setValue(value);
}

// ---- the page: grid, tabs, menu ------------------------------------------------------------

/** Waits until the grid shows a sheet (the header row at least). */
export async function waitForGrid(page: Page): Promise<void> {
  await page.locator('#grid tbody tr[data-row]').first().waitFor();
}

/** The sheet shown in the grid, as the user sees it: row 1 is the sheet's header row (the empty rows and columns past the data left out). */
export async function gridRows(page: Page): Promise<string[][]> {
  return page
    .locator('#grid tbody')
    .evaluate((body) => [...body.querySelectorAll('tr:not(.pad)')].map((tr) => [...tr.querySelectorAll('td:not(.pad)')].map((td) => td.textContent ?? '')));
}

/** The grid's header row (row 1 of the sheet). */
export async function gridHeaders(page: Page): Promise<string[]> {
  return (await gridRows(page))[0] ?? [];
}

/**
 * The grid cell under a header in a sheet row (1-based; the header row is 1).
 * The column is looked up by its header text when the locator is used, so a moved column still works.
 * Rows scrolled far out of view are in the document (text, marks, tooltips) but not displayed, as
 * a user cannot click them either: `showGridRow` first to click one.
 */
export function gridCell(page: Page, header: string, row: number): Locator {
  const grid = '//table[@id="grid"]/tbody';
  const column = `count(${grid}/tr[@data-row="1"]/td[normalize-space(.)=${xpathString(header)}]/preceding-sibling::td) + 1`;
  const headerExists = `${grid}/tr[@data-row="1"]/td[normalize-space(.)=${xpathString(header)}]`;
  return page.locator(`xpath=${grid}/tr[@data-row="${row}"]/td[${column}][${headerExists}]`);
}

/** Scrolls the grid to a sheet row (1-based), as a user does before clicking one of its cells. */
export async function showGridRow(page: Page, row: number): Promise<void> {
  await page.evaluate((r) => (window as unknown as { playgroundShowRow(row: number): void }).playgroundShowRow(r), row);
  await page.locator(`#grid tbody tr[data-row="${row}"]`).waitFor();
}

/** Sheet row numbers (1-based) whose cell under `header` has exactly this text. */
export async function gridRowsWhere(page: Page, header: string, text: string): Promise<number[]> {
  const rows = await gridRows(page);
  const column = rows[0]?.indexOf(header) ?? -1;
  if (column < 0) throw new Error(`the grid has no column "${header}" (headers: ${rows[0]?.join(', ')})`);
  return rows.flatMap((row, i) => (i > 0 && row[column] === text ? [i + 1] : []));
}

/** The text under `header` in the first row whose `keyHeader` cell is `key` (undefined: no such row). */
export async function gridValue(page: Page, keyHeader: string, key: string, header: string): Promise<string | undefined> {
  const rows = await gridRows(page);
  const keyColumn = rows[0]?.indexOf(keyHeader) ?? -1;
  const column = rows[0]?.indexOf(header) ?? -1;
  if (keyColumn < 0 || column < 0) throw new Error(`the grid has no column "${keyColumn < 0 ? keyHeader : header}"`);
  return rows.slice(1).find((row) => row[keyColumn] === key)?.[column];
}

/** Waits until the grid row keyed by `key` shows `expected` under `header` (the page refreshes after each sidebar call). */
export async function expectGridValue(page: Page, keyHeader: string, key: string, header: string, expected: string): Promise<void> {
  await expect.poll(() => gridValue(page, keyHeader, key, header), { timeout: UI_TIMEOUT }).toBe(expected);
}

/**
 * Fetches the spreadsheet again, as clicking the current sheet's tab does:
 * for changes made behind the page's back (another tab's sidebar, the API).
 */
export async function refreshGrid(page: Page): Promise<void> {
  const fetched = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/state', { timeout: UI_TIMEOUT });
  await page.locator('#tabs button.active').click();
  await fetched;
}

/** Shows another tab of the spreadsheet and waits for its grid. */
export async function showSheet(page: Page, name: string): Promise<void> {
  await page.locator('#tabs').getByRole('button', { name, exact: true }).click();
  await expect.poll(() => page.locator('#grid-note').textContent(), { timeout: UI_TIMEOUT }).toMatch(new RegExp(`^${escapeRegExp(name)}:`));
}

/** Opens the ClientBase menu and clicks an item. */
export async function chooseMenu(page: Page, caption: string): Promise<void> {
  // The page redraws the menu bar (closing an open menu) each time the sidebar polls the
  // server, about every 2 s (a reported bug): try again if it closed under the click.
  // The playground runs in this test's own Node process: while it runs the chosen item the
  // click's acknowledgement waits, so a click is given time enough not to be repeated.
  for (let attempt = 1; ; attempt++) {
    const menu = await openMenu(page);
    try {
      await menu.getByRole('button', { name: caption, exact: true }).click({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

/** Opens the ClientBase menu (unless it is open) and returns its list of items. */
export async function openMenu(page: Page): Promise<Locator> {
  const items = page.locator('#menus .menu.open ul');
  if (!(await items.isVisible())) await page.locator('#menus').getByRole('button', { name: 'ClientBase', exact: true }).click();
  await items.waitFor();
  return items;
}

// ---- the sidebar -----------------------------------------------------------------------------

/** The sidebar inside the page's side panel. */
export const sidebarFrame = (page: Page): FrameLocator => page.frameLocator('#sidebar-frame');

/**
 * ClientBase ▸ Open sidebar, then waits until the new sidebar has booted (its
 * Client tab shows; pass its label when the sidebar is not in English).
 */
export async function openSidebar(page: Page, clientTab = 'Client'): Promise<FrameLocator> {
  // Wait for the new sidebar document: the previous one may still be on screen for a moment.
  const loaded = page.waitForEvent('framenavigated', {
    predicate: (f) => f.parentFrame() === page.mainFrame() && new URL(f.url()).pathname === '/sidebar',
    timeout: UI_TIMEOUT,
  });
  await chooseMenu(page, 'Open sidebar');
  await loaded;
  const frame = sidebarFrame(page);
  await frame.getByRole('tab', { name: clientTab, exact: true }).waitFor();
  return frame;
}

/**
 * Chooses a ClientBase menu item that opens the sidebar on one of its views
 * (Mail merge, Check data, Snapshots…) and waits until the new sidebar shows
 * that view's tab selected. Returns the sidebar.
 */
export async function openSidebarVia(page: Page, caption: string, viewTab: string): Promise<FrameLocator> {
  const loaded = page.waitForEvent('framenavigated', {
    predicate: (f) => f.parentFrame() === page.mainFrame() && new URL(f.url()).pathname === '/sidebar',
    timeout: UI_TIMEOUT,
  });
  await chooseMenu(page, caption);
  await loaded;
  const frame = sidebarFrame(page);
  await frame.getByRole('tab', { name: viewTab, exact: true, selected: true }).waitFor();
  return frame;
}

/** The playground's own alert box (what Ui.alert shows): waits for it, returns its text and closes it with OK. */
export async function takeAlert(page: Page): Promise<string> {
  const modal = page.locator('#modal');
  await modal.waitFor({ state: 'visible' });
  const text = (await page.locator('#modal-text').textContent()) ?? '';
  await page.locator('#modal-ok').click();
  await modal.waitFor({ state: 'hidden' });
  return text;
}

/** One mail of the page's Outbox panel, as listed (newest first). */
export interface OutboxEntry {
  to: string;
  subject: string;
}

/** The Outbox panel's list (newest first) and the total it states in its heading. */
export async function outbox(page: Page): Promise<{ total: number; mails: OutboxEntry[] }> {
  const count = (await page.locator('#outbox-count').textContent()) ?? '';
  const mails = await page
    .locator('#outbox li button')
    .evaluateAll((buttons) => buttons.map((b) => ({ to: b.children[0]?.textContent ?? '', subject: b.children[1]?.textContent ?? '' })));
  return { total: Number(/\((\d+)\)/.exec(count)?.[1] ?? 0), mails };
}

/** The sheet tab names in the page's tab strip, in order. */
export async function sheetTabs(page: Page): Promise<string[]> {
  return page.locator('#tabs button').allTextContents();
}

/**
 * Switches an open sidebar to one of its views by its label: its tab when the
 * tab bar has one, otherwise through the ⋮ More menu (views used now and
 * then: Segments, Check data, Snapshots…). Waits until its tab is selected.
 */
export async function chooseSidebarView(sidebar: FrameLocator | Page, label: string): Promise<void> {
  const tab = sidebar.getByRole('tab', { name: label, exact: true });
  if ((await tab.count()) > 0) {
    await tab.click();
  } else {
    const more = sidebar.locator('details:has(> summary[aria-label="More"])');
    await more.locator('summary').click();
    await more.getByRole('button', { name: label, exact: true }).click();
  }
  await sidebar.getByRole('tab', { name: label, exact: true, selected: true }).waitFor();
}

/** The sidebar alone in its own tab (a colleague's sidebar), booted. */
export async function openStandaloneSidebar(playground: BrowserPlayground): Promise<Page> {
  const page = await playground.newPage('/sidebar');
  await page.getByRole('tab', { name: 'Client', exact: true }).waitFor();
  return page;
}

type Scope = Page | FrameLocator;

/** The search results list of the sidebar. */
export const searchResults = (scope: Scope): Locator => scope.getByRole('listbox', { name: 'Search results' });

/** Types into "Find a client", clicks the first hit whose text matches and waits for its card. */
export async function searchAndOpen(scope: Scope, query: string, hit: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: 'Find a client' }).fill(query);
  await searchResults(scope).getByRole('option', { name: hit }).first().click();
  await scope.getByRole('group', { name: 'Stage' }).waitFor();
}

/** Clicks "New client" and waits for the empty form. */
export async function startNewClient(scope: Scope): Promise<void> {
  await scope.getByRole('button', { name: 'New client', exact: true }).click();
  await expect.poll(() => cardTitle(scope).textContent(), { timeout: UI_TIMEOUT }).toBe('New client');
}

/** Fills form fields by their Fields names. */
export async function fillFields(scope: Scope, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await field(scope, name).fill(value);
}

/** The open card's title (the client's name, or "New client"). */
export const cardTitle = (scope: Scope): Locator => scope.locator('#cb-card-title');

/** The card's polite status line (saved, reloaded, stage set…). */
export const cardNotice = (scope: Scope): Locator => scope.locator('.card > .notice');

/** Waits until the card's status line matches and returns its text. */
export async function waitForNotice(scope: Scope, expected: RegExp): Promise<string> {
  await expect.poll(async () => (await cardNotice(scope).textContent()) ?? '', { timeout: UI_TIMEOUT }).toMatch(expected);
  return (await cardNotice(scope).textContent()) ?? '';
}

/** A form field by its Fields name. */
export const field = (scope: Scope, name: string): Locator => scope.locator('.client-form').getByLabel(name, { exact: true });

// ---- small things --------------------------------------------------------------------------

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function xpathString(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  return `concat('${text.split("'").join(`', "'", '`)}')`;
}

/** The sidebar's language, chosen as a person does: ⋮, then the Language list at the bottom of its menu. */
export async function chooseLanguage(frame: FrameLocator, label: string): Promise<void> {
  await frame.locator('.more-menu > summary').click();
  await frame.locator('#cb-lang').selectOption({ label });
  if (await frame.locator('.more-menu[open]').count()) await frame.locator('.more-menu > summary').click();
}
