/**
 * One playground: the runtime, where its state is saved, who it acts as and
 * which sheet the page is looking at. Every change is saved to the state file
 * at once, so stopping the server loses nothing.
 */
import { rawOf } from '../emulator/calls.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_USER, PLAYGROUND_USERS } from './demo/names.ts';
import { createRuntime, type CallRecord, type CallResult, type Runtime, type RuntimeFiles } from './runtime.ts';
import { onlyReads } from './service-calls.ts';
import { seedPlayground, type SeedReport, type SeedSource } from './seeding.ts';
import { loadPlayground, savePlayground } from './state-file.ts';
import { sheetView, sidePanels, type PlaygroundView } from './state-view.ts';
import { TAB } from '../src/core/schema/tabs.ts';

export interface SessionOptions {
  /** Holds Code.js, Sidebar.html and appsscript.json (its time zone becomes the spreadsheet's). */
  distDir: string;
  stateFile: string;
  /** What a new or reset playground starts from. */
  seed: () => SeedSource;
  reset?: boolean;
  log?: (line: string) => void;
}

export interface Session {
  runtime(): Runtime;
  user(): string;
  run(fn: string, args: unknown[]): CallResult;
  select(sheet: string, a1: string): void;
  /** A hand edit of one cell, typed like in Sheets ("1234" is a number, "=…" a formula); validation rules apply. */
  edit(sheet: string, a1: string, value: string): void;
  setUser(email: string): void;
  reset(): SeedReport;
  view(sheet?: string): PlaygroundView;
  /** The HTML of the sidebar last shown by the bundle, or dist/Sidebar.html before any. */
  sidebarHtml(): string;
  dialogHtml(): string | undefined;
  /** Moves the clock forward (the bundle's Date and the emulator's), e.g. to tomorrow 9:00 for a scheduled mailing. */
  advanceClock(ms: number): { offsetMs: number; now: string };
  /** Runs the time-driven triggers once, as Google's next hourly run would. */
  runTimeTriggers(): ReturnType<Runtime['runTimeTriggers']>;
}

const MAX_EMAIL = 254;
/** Sheets' limit for one cell. */
const MAX_CELL = 50_000;
const MAX_HISTORY = 20;

export type SequencedCall = CallRecord & { seq: number };

export function readDist(distDir: string): RuntimeFiles & { timeZone?: string } {
  const read = (name: string): string => {
    try {
      return readFileSync(join(distDir, name), 'utf8');
    } catch {
      throw new Error(`${join(distDir, name)} is missing: run "npm run build" first (npm start does it for you)`);
    }
  };
  const manifest = JSON.parse(read('appsscript.json')) as { timeZone?: unknown };
  return {
    code: read('Code.js'),
    sidebarHtml: read('Sidebar.html'),
    ...(typeof manifest.timeZone === 'string' ? { timeZone: manifest.timeZone } : {}),
  };
}

export function createSession(options: SessionOptions): Session {
  const log = options.log ?? (() => {});
  const files = readDist(options.distDir);
  let user = DEFAULT_USER;
  let viewed: string | undefined;
  let runtime: Runtime;
  let history: SequencedCall[] = [];
  let sequence = 0;

  // Every call the bundle runs (seeding's adoption and onOpen included) shows in the Service calls panel.
  const remember = (record: CallRecord): void => {
    history = [{ ...record, seq: ++sequence }, ...history].slice(0, MAX_HISTORY);
  };
  // The clock's lead survives a reset within one run of the playground, never a restart (the state file keeps times, not the lead).
  let clockOffsetMs = 0;
  const fresh = (): Runtime => createRuntime({ files, user, timeZone: files.timeZone, onCall: remember, clockOffsetMs });
  const save = (): void => savePlayground(options.stateFile, { version: 1, user, emulator: runtime.serialize() });
  const openMenu = (): void => {
    if (!runtime.has('onOpen')) return;
    const opened = runtime.call('onOpen', [{}]);
    if (!opened.ok) log(`warning: onOpen failed: ${opened.error}`);
  };
  const seed = (): SeedReport => {
    user = DEFAULT_USER;
    viewed = undefined;
    history = [];
    runtime = fresh();
    const report = seedPlayground(runtime, options.seed());
    for (const warning of report.warnings) log(`warning: ${warning}`);
    log(`seeded ${report.clients} clients, ${report.interactions} interactions, ${report.purchases} purchases (adopted by the ${report.adoptedBy})`);
    openMenu();
    save();
    return report;
  };

  const loaded = options.reset ? {} : loadPlayground(options.stateFile);
  if (loaded.problem) log(`warning: ${loaded.problem}; starting from a new base`);
  if (loaded.saved) {
    user = loaded.saved.user;
    try {
      runtime = createRuntime({ files, user, timeZone: files.timeZone, state: loaded.saved.emulator, onCall: remember });
      openMenu();
    } catch (error) {
      log(`warning: the saved state could not be restored (${error instanceof Error ? error.message : String(error)}); starting from a new base`);
      seed();
    }
  } else {
    seed();
  }

  return {
    runtime: () => runtime,
    user: () => user,
    advanceClock(ms) {
      runtime.advanceClock(ms);
      clockOffsetMs = runtime.clockOffset();
      return { offsetMs: clockOffsetMs, now: new Date(Date.now() + clockOffsetMs).toISOString() };
    },
    runTimeTriggers() {
      const ran = runtime.runTimeTriggers();
      save();
      return ran;
    },
    run(fn, args) {
      const result = runtime.call(fn, args);
      const record = runtime.lastCall();
      // The sidebar polls every few seconds with read-only calls; rewriting a
      // multi-megabyte state file for each of them would only burn the disk.
      if (!record || !onlyReads(record.serviceCalls)) save();
      return result;
    },
    select(sheet, a1) {
      if (!runtime.emulator.sheetNames().includes(sheet)) throw new Error(`no sheet named "${sheet}"`);
      if (!/^\$?[A-Z]{1,3}\$?\d{1,7}(:\$?[A-Z]{1,3}\$?\d{1,7})?$/.test(a1)) throw new Error(`"${a1}" is not an A1 cell or range`);
      runtime.emulator.setActiveSelection(sheet, a1);
      viewed = sheet;
      save();
    },
    edit(sheet, a1, value) {
      if (!runtime.emulator.sheetNames().includes(sheet)) throw new Error(`no sheet named "${sheet}"`);
      if (!/^\$?[A-Z]{1,3}\$?\d{1,7}$/.test(a1)) throw new Error(`"${a1}" is not an A1 cell`);
      if (value.length > MAX_CELL) throw new Error(`a cell holds at most ${MAX_CELL} characters`);
      // The user's own typing, not the add-on's: straight to the emulated spreadsheet, outside any add-on call.
      const book = rawOf(rawOf(runtime.emulator.globals.SpreadsheetApp).getActiveSpreadsheet());
      const target = book.getSheetByName(sheet);
      if (!target) throw new Error(`no sheet named "${sheet}"`);
      rawOf(rawOf(target).getRange(a1)).setValue(value);
      save();
    },
    setUser(email) {
      const clean = email.trim();
      if (clean === '' || clean.length > MAX_EMAIL || !/^[^\s@<>]+@[^\s@<>]+$/.test(clean)) throw new Error('the user must be an e-mail address');
      user = clean;
      runtime.setUser(clean);
      save();
    },
    reset: () => seed(),
    view(sheet) {
      const names = runtime.emulator.sheetNames();
      const wanted = [sheet, viewed, TAB.clients, names[0]].find((n): n is string => n !== undefined && names.includes(n));
      if (wanted) viewed = wanted;
      return {
        user,
        users: PLAYGROUND_USERS,
        sheets: names,
        ...(wanted ? { sheet: sheetView(runtime, wanted) } : {}),
        ...sidePanels(runtime, history),
      };
    },
    sidebarHtml() {
      const shown = runtime.emulator.ui.sidebars.at(-1)?.html;
      return typeof shown === 'string' && shown.trim() !== '' ? shown : files.sidebarHtml;
    },
    dialogHtml() {
      const shown = runtime.emulator.ui.dialogs.at(-1)?.html;
      return typeof shown === 'string' ? shown : undefined;
    },
  };
}
