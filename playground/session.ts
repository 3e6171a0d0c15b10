/**
 * One playground: the runtime, where its state is saved, who it acts as and
 * which sheet the page is looking at. Every change is saved to the state file
 * at once, so stopping the server loses nothing.
 */
import { rawOf } from '../emulator/calls.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_USER, PLAYGROUND_USERS } from './demo/names.ts';
import type { EmulatorState } from '../emulator/index.ts';
import { dateToSerial } from '../emulator/spreadsheet/format.ts';
import { isDate } from '../src/core/values.ts';
import { createRuntime, eventUser, type Answer, type CallRecord, type CallResult, type Question, type Runtime, type RuntimeFiles } from './runtime.ts';
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
  /**
   * false: keep the state in memory only. Browser tests run a throwaway playground, and writing
   * its 1.2 MB state after every action was a fifth of their time. Default true.
   */
  persist?: boolean;
  /** Lines the page shows above the grid (what an import read: the file, its encoding, problem rows). */
  notices?: readonly string[];
}

export interface FiredTrigger {
  handler: string;
  ok: boolean;
  error?: string;
}

/** What a person's typing into a cell came to, as Sheets shows it. */
export type EditOutcome =
  /** Written; `invalid` when a warning-only rule flags it (the red corner mark); what the edit triggers did. */
  | { status: 'written'; invalid?: string; triggers: FiredTrigger[] }
  /** A reject-input rule refused it: nothing written, no trigger ran. */
  | { status: 'refused'; message: string };

/** A menu item run by a person: it ended, or waits for the answer to a dialog (shown after the ones before it). */
export type MenuOutcome =
  | { status: 'done'; result: CallResult; seq: number }
  | { status: 'asking'; question: Question; shownBefore: Question[]; answered: number };

export interface Session {
  runtime(): Runtime;
  user(): string;
  run(fn: string, args: unknown[]): CallResult;
  /**
   * A menu item chosen in the page: its prompts and choice alerts take `answers` in order; past
   * them the call stops at the next dialog and the base is as it was before the call.
   */
  runMenu(fn: string, answers: readonly Answer[]): MenuOutcome;
  /** The selection: one or more A1 ranges separated by commas (Ctrl+click adds one), the first cell of the last being the current cell. */
  select(sheet: string, a1: string, current?: string): void;
  /**
   * A hand edit of one cell, typed like in Sheets ("1234" is a number, "=…" a formula): the
   * cell's data validation applies, then the edit triggers fire with Google's event object.
   */
  edit(sheet: string, a1: string, value: string): EditOutcome;
  setUser(email: string): void;
  reset(): SeedReport;
  /** `withGrid` false: everything but the grid (after a call that changed nothing, the page keeps the grid it has). */
  view(sheet?: string, withGrid?: boolean): PlaygroundView;
  /** Changes whenever the base may have changed (a write by anyone, a reset, the clock). */
  revision(): number;
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
const MAX_RANGES = 50;
const A1_CELL = /^\$?[A-Z]{1,3}\$?\d{1,7}$/;
const A1_RANGE = /^\$?[A-Z]{1,3}\$?\d{1,7}(:\$?[A-Z]{1,3}\$?\d{1,7})?$/;

/**
 * e.value / e.oldValue as the event carries them: text, numbers as their digits, booleans
 * TRUE/FALSE, dates as their serial number (unconfirmed on a reference page: the add-on must not
 * take them for readable dates either way).
 */
function eventValue(value: unknown, timeZone: string): string {
  if (isDate(value)) return String(dateToSerial(value, timeZone));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

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
  // Bumped whenever the base may have changed (every save point): the page fetches the grid again only then.
  let revision = 0;
  const save = (): void => {
    revision++;
    if (options.persist !== false) writeState();
  };
  const writeState = (): void => savePlayground(options.stateFile, { version: 1, user, emulator: runtime.serialize() });
  const openMenu = (): void => {
    if (!runtime.has('onOpen')) return;
    const opened = runtime.call('onOpen', [{}]);
    if (!opened.ok) log(`warning: onOpen failed: ${opened.error}`);
  };
  /** Back to a state taken before a call, keeping what the page has already been shown (menus, sidebars, alerts). */
  const restore = (state: EmulatorState): void => {
    const shown = runtime.emulator.ui;
    const next = createRuntime({ files, user, timeZone: files.timeZone, state, onCall: remember });
    for (const key of ['menus', 'sidebars', 'dialogs', 'alerts', 'toasts'] as const) (next.emulator.ui[key] as unknown[]).push(...shown[key]);
    runtime = next;
    revision++;
  };
  const seed = (): SeedReport => {
    user = DEFAULT_USER;
    viewed = undefined;
    history = [];
    runtime = fresh();
    const report = seedPlayground(runtime, options.seed());
    for (const warning of report.warnings) log(`warning: ${warning}`);
    log(
      report.adoptedBy === 'waiting for your confirmation'
        ? `read ${report.clients} clients: open the sidebar to confirm the proposed column mapping`
        : `seeded ${report.clients} clients, ${report.interactions} interactions, ${report.purchases} purchases (adopted by the ${report.adoptedBy})`,
    );
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

  /**
   * What Sheets does after a person's edit: the simple onEdit (if the bundle has one) in
   * AuthMode.LIMITED, then each installable edit trigger of this spreadsheet as its creator,
   * each with the event object of developers.google.com/apps-script/guides/triggers/events#edit.
   */
  const fireEditTriggers = (sheet: string, a1: string, oldValue: unknown, newValue: unknown): FiredTrigger[] => {
    const emu = runtime.emulator;
    const fired: FiredTrigger[] = [];
    const handlers: { handler: string; as: Parameters<Runtime['fire']>[2]; authMode: string; triggerUid?: string }[] = [];
    if (runtime.has('onEdit')) handlers.push({ handler: 'onEdit', as: { kind: 'simpleTrigger', user }, authMode: 'LIMITED' });
    for (const trigger of emu.triggers()) {
      if (trigger.type !== 'ON_EDIT' || !runtime.has(trigger.handler)) continue;
      handlers.push({ handler: trigger.handler, as: { kind: 'installableTrigger', user, owner: trigger.owner }, authMode: 'FULL', triggerUid: trigger.id });
    }
    for (const { handler, as, authMode, triggerUid } of handlers) {
      // Built from the counted services, as the script's own objects: what the handler does with them is counted.
      const source = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
      const event: Record<string, unknown> = {
        authMode,
        range: source.getSheetByName(sheet)?.getRange(a1),
        source,
        user: eventUser(as, user),
        // Absent rather than empty when the cell was empty before, or emptied.
        ...(newValue === '' ? {} : { value: eventValue(newValue, source.getSpreadsheetTimeZone()) }),
        ...(oldValue === '' ? {} : { oldValue: eventValue(oldValue, source.getSpreadsheetTimeZone()) }),
        ...(triggerUid ? { triggerUid } : {}),
      };
      const result = runtime.fire(handler, event, as);
      fired.push({ handler, ok: result.ok, ...(result.ok ? {} : { error: result.error }) });
    }
    return fired;
  };

  return {
    runtime: () => runtime,
    revision: () => revision,
    user: () => user,
    advanceClock(ms) {
      runtime.advanceClock(ms);
      clockOffsetMs = runtime.clockOffset();
      revision++;
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
    runMenu(fn, answers) {
      // Taken before the call: a dialog reached after a write must find the base as it was when the rerun starts.
      const before = runtime.serialize();
      const outcome = runtime.callAnswering(fn, answers);
      if ('done' in outcome) {
        const record = runtime.lastCall();
        if (!record || !onlyReads(record.serviceCalls)) save();
        return { status: 'done', result: outcome.done, seq: sequence };
      }
      if (outcome.wrote) restore(before);
      return { status: 'asking', question: outcome.asking, shownBefore: outcome.shownBefore, answered: answers.length };
    },
    select(sheet, a1, current) {
      if (!runtime.emulator.sheetNames().includes(sheet)) throw new Error(`no sheet named "${sheet}"`);
      const parts = a1.split(',');
      if (parts.length > MAX_RANGES || !parts.every((part) => A1_RANGE.test(part))) throw new Error(`"${a1.slice(0, 80)}" is not a list of A1 cells or ranges`);
      if (current !== undefined && !A1_CELL.test(current)) throw new Error(`"${current.slice(0, 80)}" is not an A1 cell`);
      runtime.emulator.setActiveSelection(sheet, a1, current);
      viewed = sheet;
      save();
    },
    edit(sheet, a1, value) {
      if (!runtime.emulator.sheetNames().includes(sheet)) throw new Error(`no sheet named "${sheet}"`);
      if (!A1_CELL.test(a1)) throw new Error(`"${a1}" is not an A1 cell`);
      if (value.length > MAX_CELL) throw new Error(`a cell holds at most ${MAX_CELL} characters`);
      const emu = runtime.emulator;
      // The user's own typing, not the add-on's: straight to the emulated spreadsheet, uncounted, outside any add-on call.
      const book = rawOf(rawOf(emu.globals.SpreadsheetApp).getActiveSpreadsheet());
      const target = book.getSheetByName(sheet);
      if (!target) throw new Error(`no sheet named "${sheet}"`);
      const cell = rawOf(rawOf(target).getRange(a1));
      const old = cell.getValue();
      const rule = cell.getDataValidation();
      try {
        cell.setValue(value);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!/violates the data validation rules/.test(message)) throw error;
        // Sheets answers a rejected entry with the rule's help text when it has one.
        return { status: 'refused', message: rule?.getHelpText() || message };
      }
      const invalid = emu.inspectSheet(sheet).invalidCells.some(
        (entry) =>
          entry
            .replace(/^'?[^!]*'?!/, '')
            .split(/[:\s]/)[0]
            .replace(/\$/g, '') === a1.replace(/\$/g, ''),
      );
      const triggers = fireEditTriggers(sheet, a1, old, cell.getValue());
      save();
      return {
        status: 'written',
        ...(invalid ? { invalid: `Invalid: ${rule?.getHelpText() || "the value breaks the cell's data validation rule"}` } : {}),
        triggers,
      };
    },
    setUser(email) {
      const clean = email.trim();
      if (clean === '' || clean.length > MAX_EMAIL || !/^[^\s@<>]+@[^\s@<>]+$/.test(clean)) throw new Error('the user must be an e-mail address');
      user = clean;
      runtime.setUser(clean);
      save();
    },
    reset: () => seed(),
    view(sheet, withGrid = true) {
      const names = runtime.emulator.sheetNames();
      const wanted = [sheet, viewed, TAB.clients, names[0]].find((n): n is string => n !== undefined && names.includes(n));
      if (wanted) viewed = wanted;
      return {
        user,
        users: PLAYGROUND_USERS,
        sheets: names,
        notices: [...(options.notices ?? [])],
        // No Clients tab yet: Set up stopped at the proposed mapping, which the sidebar shows for confirmation.
        awaitingSetUp: !names.includes(TAB.clients),
        revision,
        ...(wanted ? { viewing: wanted } : {}),
        ...(wanted && withGrid ? { sheet: sheetView(runtime, wanted) } : {}),
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
