/**
 * An in-memory stand-in for the Apps Script services ClientBase uses. Every
 * service call through `globals` is counted and can be made to fail; the
 * direct accessors (readSheet, writeSheet, inspectSheet, …) are not counted.
 * See emulator/README.md for the contract and what is not emulated.
 */
import { CallRecorder } from './calls';
import { type ContextSpec, contextGuard, type ExecutionContext, resolveContext } from './context';
import { type Execution, type InterleaveOptions, type InterleaveReport, Scheduler } from './scheduler';
import { checkScope, grantedScopes, type Manifest } from './scopes';
import { CostMeter, type CostSnapshot } from './cost';
import { type GridRect, rectA1 } from './spreadsheet/a1';
import { ChartsService, chartSpecs, type ChartSpec } from './spreadsheet/charts';
import { SheetsEnv } from './spreadsheet/env';
import { type SheetModel, SpreadsheetModel } from './spreadsheet/model';
import { SpreadsheetApp } from './spreadsheet/spreadsheet';
import { newUiLog, type MenuItem, type UiResponse } from './spreadsheet/ui';
import { CacheService, type CacheStores } from './services/cache';
import { HtmlService } from './services/html';
import { LockService, LockState } from './services/lock';
import { Logger } from './services/logger';
import { MailApp, type MailState, type SentMail } from './services/mail';
import { PropertiesService, type PropertyStores } from './services/properties';
import { ScriptApp, type TriggerState, type TriggerType } from './services/script-app';
import { Session } from './services/session';
import { Utilities } from './services/utilities';
import { decode, encode, restoreSpreadsheet, spreadsheetToState, type EmulatorState } from './state';
import { isDateValue } from './time';
import { KillSwitch } from './kill';
import { insertSheetRow, sortSheetRows } from './person';

export type { EmulatorState } from './state';
export type { CostSnapshot } from './cost';
export { COST, modelledMs } from './cost';
export type { SentMail } from './services/mail';
export type { MenuItem, UiResponse } from './spreadsheet/ui';
export type { FormulaContext } from './formula/context';
export type { ContextSpec, ExecutionContext, ExecutionKind } from './context';
export type { Manifest } from './scopes';
export type { Execution, ExecutionOutcome, InterleaveOptions, InterleaveReport } from './scheduler';
export { ExecutionKilled, isKill } from './kill';
export type { ChartSpec } from './spreadsheet/charts';

export interface EmulatorOptions {
  /** Active user's email, default 'owner@example.com'. */
  user?: string;
  /** Session.getActiveUserLocale(), default 'en'. */
  locale?: string;
  /** Spreadsheet and script time zone, default 'Europe/Moscow'. */
  timeZone?: string;
  /** MailApp.getRemainingDailyQuota() at start, default 100. */
  mailQuota?: number;
  /** HtmlService files by name, e.g. { Sidebar: '<html>…' }. */
  files?: Record<string, string>;
  /** Restores what serialize() returned. */
  state?: EmulatorState;
  /** Clock for Session/Utilities/MailApp stamps, TODAY() and cache expiry, default () => new Date(). */
  now?: () => Date;
  /** Name of the menu createAddonMenu() builds, default 'ClientBase'. */
  addonName?: string;
  /** Called with each Logger.log line (e.g. console.log in the playground). */
  onLog?: (line: string) => void;
  /** appsscript.json whose oauthScopes are granted; default the project's own, so every test is strict. */
  manifest?: Manifest;
  /** Granted scopes instead of the manifest's; 'all' grants every scope (a test that needs it says why). */
  scopes?: readonly string[] | 'all';
}

export interface EmulatorGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  Charts: GoogleAppsScript.Charts.Charts;
}

export interface EmulatorUi {
  menus: { name: string; items: MenuItem[]; addon?: true }[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; modal: boolean }[];
  alerts: { title?: string; prompt: string; buttons?: string; kind: 'alert' | 'prompt'; answer: string }[];
  toasts: { message: string; title?: string; timeoutSeconds?: number }[];
  /**
   * Queues answers for alert()/prompt(): 'YES' | 'NO' | 'OK' | 'CANCEL' | 'CLOSE' or prompt text, or
   * `{ button, text }` for a prompt answered with both. Default: OK/YES.
   */
  respondWith(...responses: UiResponse[]): void;
}

export interface SheetInspection {
  formulas: string[][];
  notes: string[][];
  numberFormats: string[][];
  validations: ({ criteria: string; args: unknown[]; allowInvalid: boolean; helpText: string } | null)[][];
  hiddenRows: number[];
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  hidden: boolean;
  protections: { type: 'SHEET' | 'RANGE'; range: string | null; description: string; warningOnly: boolean; editors: string[]; domainEdit: boolean }[];
  /** A1 of cells whose value violates their validation rule. */
  invalidCells: string[];
  backgrounds: string[][];
  /** Conditional format rules as data: `{ criteria, values, format, ranges: [{ sheetId, a1 }] }`. */
  conditionalFormats: unknown[];
  fontWeights: string[][];
  columnWidths: number[];
}

export interface TriggerInfo {
  id: string;
  handler: string;
  type: TriggerType;
  owner: string;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  at?: Date;
}

export interface Emulator {
  globals: EmulatorGlobals;
  /** Assigns the globals onto target (default globalThis); returns a function that restores what was there. */
  install(target?: object): () => void;
  calls: {
    /** 'Range.getValues' (one method) or 'Range' (every method of that class or service). */
    count(key: string): number;
    total(): number;
    snapshot(): Record<string, number>;
    reset(): void;
    /** Listens to each counted call (key), e.g. for a call log. Returns unsubscribe. */
    onCall(listener: (key: string) => void): () => void;
  };
  /**
   * The cost model (emulator/cost.ts): calls, cells read/written/searched,
   * formula work, mails and round trips (counted by the caller playing the
   * browser) since the last `calls.reset()` or `cost.reset()`.
   */
  cost: {
    snapshot(): CostSnapshot;
    modelledMs(): number;
    reset(): void;
    roundTrip(n?: number): void;
    /** Every cell of every sheet's grid (Google's 10 M-cell limit). */
    spreadsheetCells(): number;
  };
  faults: {
    /** Throws Error(error ?? 'Service error (injected)') on the nth call (1-based, from now) of key; one-shot. */
    failOn(key: string, nth: number, error?: string): void;
    clear(): void;
  };
  outbox: SentMail[];
  ui: EmulatorUi;
  locks: {
    holdDocumentLock(): () => void;
    holdScriptLock(): () => void;
    holdUserLock(email?: string): () => void;
  };
  /** The default execution's user (the owner at the keyboard). */
  setUser(email: string): void;
  user(): string;
  /** Runs fn as one execution of the given kind (trigger, web app, …); nested calls see the inner context. */
  runAs<T>(spec: ContextSpec, fn: () => T): T;
  /** The execution running now (the default: the sidebar of `user()`). */
  context(): ExecutionContext;
  /**
   * Runs several executions interleaved at service-call granularity with deferred
   * writes (emulator/scheduler.ts): the others start before the `at`-th call of the
   * first (or where `seed` chooses) and each sees only committed writes.
   */
  interleave(executions: Execution[], options?: InterleaveOptions): InterleaveReport;
  /**
   * What getActiveSheet/getActiveRange/getSelection return; a1 may list several ranges: 'A2:B3,D5'
   * (the last is the active range); `current` is the current cell (default: the first range's top-left).
   */
  setActiveSelection(sheetName: string, a1: string, current?: string): void;
  /** Service errors become instances of this Error class (e.g. a node:vm context's `Error`). */
  useErrorClass(ErrorClass: ErrorConstructor): void;
  /** Moves the emulator's clock forward (cache expiry, TODAY(), stamps). */
  advanceTime(ms: number): void;
  sheetNames(): string[];
  /** Uncounted: the spreadsheet's time zone (what getSpreadsheetTimeZone returns), for the playground's own panels. */
  spreadsheetTimeZone(): string;
  /** Values as getValues() returns them, over the data range ([] for an empty sheet). */
  readSheet(name: string): unknown[][];
  readSheetDisplay(name: string): string[][];
  /** Replaces the sheet's contents with raw values from A1 (strings starting with '=' become formulas), creating it if missing. */
  writeSheet(name: string, rows: unknown[][]): void;
  inspectSheet(name: string): SheetInspection;
  /** The embedded charts of a sheet: type, ranges (A1 with sheet), anchor, options and the ranges' current values. */
  charts(name: string): ChartSpec[];
  serialize(): EmulatorState;
  /**
   * The execution dies before the n-th counted call from now: the state is frozen at that
   * instant (killedState()), an ExecutionKilled sentinel (not an Error) is thrown, and every
   * later call throws it too. Carry on with createEmulator({ state: emu.killedState() }).
   */
  killBefore(n: number): void;
  /** The state frozen by killBefore, or null when no kill happened. */
  killedState(): EmulatorState | null;
  /** Uncounted: a person sorts the data rows (below the header) by a 1-based column; whole rows move with notes and colours. */
  sortSheet(name: string, column: number, ascending?: boolean): void;
  /** Uncounted: a person inserts an empty row before the 1-based row. */
  insertRowAt(name: string, row: number): void;
  triggers(): TriggerInfo[];
  /** Lines Logger.log wrote. */
  logs(): string[];
}

const DEFAULT_USER = 'owner@example.com';
const SPREADSHEET_ID = '1EmuLaTeDsPrEaDsHeEtIdFoRcLiEnTbAsE0000000';

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const state = options.state ? (options.state as EmulatorState) : undefined;
  let user = options.user ?? state?.user ?? DEFAULT_USER;
  const locale = options.locale ?? state?.locale ?? 'en';
  const timeZone = options.timeZone ?? state?.spreadsheet.timeZone ?? 'Europe/Moscow';
  let clockOffset = 0;
  const baseNow = options.now ?? (() => new Date());
  const now = () => new Date(baseNow().getTime() + clockOffset);
  const contexts: ContextSpec[] = [];
  // Resolved once per change of execution or user: the guard asks on every call.
  let resolved: ExecutionContext | undefined;
  const context = (): ExecutionContext => (resolved ??= resolveContext(contexts[contexts.length - 1] ?? { kind: 'sidebar' }, user));
  /** Whose properties, caches, locks, triggers and mail: the effective user. */
  const currentUser = () => context().effectiveUser;
  const granted = grantedScopes(options);

  const model = new SpreadsheetModel(SPREADSHEET_ID, 'Untitled spreadsheet', timeZone, locale, now);
  if (state) restoreSpreadsheet(model, state.spreadsheet);
  else model.addSheet('Sheet1');
  if (options.timeZone) model.timeZone = options.timeZone;

  const uiLog = newUiLog();
  const env = new SheetsEnv(model, uiLog, currentUser, options.addonName ?? 'ClientBase');
  const recorder = new CallRecorder();
  // biome-ignore lint/style/useConst: assigned once the emulator object exists (it serializes itself).
  let self: Emulator;
  const killSwitch = new KillSwitch(() => self.serialize());
  recorder.addGate(killSwitch.gate);
  const meter = new CostMeter(model);
  recorder.onResult(meter.listener);
  const lockState = new LockState();
  const properties: PropertyStores = state ? decode(state.properties) : { script: {}, document: {}, users: {} };
  const cache: CacheStores = state ? decode(state.cache) : { script: {}, document: {}, users: {} };
  const triggerState: TriggerState = state ? decode(state.triggers) : { triggers: [], nextId: 1 };
  const mail: MailState = state ? decode(state.mail) : { outbox: [], remaining: options.mailQuota ?? 100 };
  const logger = new Logger(options.onLog);
  if (state?.log) logger.lines.push(...state.log);

  const raw = {
    SpreadsheetApp: new SpreadsheetApp(env),
    LockService: new LockService(lockState, currentUser),
    PropertiesService: new PropertiesService(properties, currentUser),
    CacheService: new CacheService(cache, currentUser, now),
    ScriptApp: new ScriptApp({ state: triggerState, user: currentUser, now, spreadsheetId: () => model.id, scriptId: '1EmuLaTeDsCrIpTiD' }),
    MailApp: new MailApp(mail, currentUser, now),
    HtmlService: undefined as unknown as HtmlService,
    Session: new Session({ user: currentUser, activeEmail: () => context().activeEmail, locale, timeZone: model.timeZone }),
    Utilities: new Utilities(),
    Logger: logger,
    Charts: new ChartsService(),
  };
  recorder.addGuard((cls, method) => {
    checkScope(granted, cls, method);
    return contextGuard(context(), cls, method);
  });
  const runAs = <T>(spec: ContextSpec, fn: () => T): T => {
    contexts.push({ ...spec });
    resolved = undefined;
    try {
      return fn();
    } finally {
      contexts.pop();
      resolved = undefined;
    }
  };
  const scheduler = new Scheduler(model, lockState, runAs);
  recorder.addGuard((cls, method) => scheduler.guard(cls, method));
  const globals = Object.fromEntries(
    Object.entries(raw)
      .filter(([, v]) => v)
      .map(([k, v]) => [k, recorder.wrap(v)]),
  ) as unknown as EmulatorGlobals;
  raw.HtmlService = new HtmlService(options.files ?? {}, () => ({ ...globals }));
  globals.HtmlService = recorder.wrap(raw.HtmlService) as unknown as GoogleAppsScript.HTML.HtmlService;

  const sheetNamed = (name: string): SheetModel => {
    const sheet = model.sheetByName(name);
    if (!sheet) throw new Error(`Emulator: no sheet named "${name}" (sheets: ${model.sheets.map((s) => s.name).join(', ')})`);
    return sheet;
  };
  const dataRect = (sheet: SheetModel): GridRect | null => {
    const rows = model.lastRow(sheet);
    const cols = model.lastCol(sheet);
    return rows && cols ? { row: 1, col: 1, numRows: rows, numCols: cols } : null;
  };
  /** The box that holds every value, format, note or rule of a sheet. */
  const usedRect = (sheet: SheetModel): GridRect | null => {
    const layers = [sheet.values, sheet.formulas, sheet.formats, sheet.notes, sheet.validations, ...sheet.styles.values()];
    const rows = Math.max(model.lastRow(sheet), ...layers.map((l) => l.lastRow() + 1));
    const cols = Math.max(model.lastCol(sheet), ...layers.map((l) => l.lastCol() + 1));
    return rows && cols ? { row: 1, col: 1, numRows: rows, numCols: cols } : null;
  };

  const ui: EmulatorUi = {
    menus: uiLog.menus,
    sidebars: uiLog.sidebars,
    dialogs: uiLog.dialogs,
    alerts: uiLog.alerts,
    toasts: uiLog.toasts,
    respondWith: (...responses: UiResponse[]) => {
      uiLog.responses.push(...responses.map((r) => (typeof r === 'object' && r !== null ? { button: String(r.button), text: String(r.text) } : String(r))));
    },
  };

  self = {
    globals,
    install(target: object = globalThis) {
      const saved = Object.keys(globals).map((key) => [key, Object.getOwnPropertyDescriptor(target, key)] as const);
      for (const [key, value] of Object.entries(globals)) {
        Object.defineProperty(target, key, { value, configurable: true, writable: true, enumerable: false });
      }
      return () => {
        for (const [key, descriptor] of saved) {
          if (descriptor) Object.defineProperty(target, key, descriptor);
          else delete (target as Record<string, unknown>)[key];
        }
      };
    },
    calls: {
      count: (key) => recorder.count(key),
      total: () => recorder.total(),
      snapshot: () => recorder.snapshot(),
      reset: () => {
        recorder.reset();
        meter.reset();
      },
      onCall: (listener) => recorder.onCall(listener),
    },
    cost: {
      snapshot: () => meter.snapshot(),
      modelledMs: () => meter.modelledMs(),
      reset: () => meter.reset(),
      roundTrip: (n) => meter.roundTrip(n),
      spreadsheetCells: () => meter.spreadsheetCells(),
    },
    faults: {
      failOn: (key, nth, error) => recorder.failOn(key, nth, error),
      clear: () => recorder.clearFaults(),
    },
    outbox: mail.outbox,
    ui,
    locks: {
      holdDocumentLock: () => lockState.hold('document'),
      holdScriptLock: () => lockState.hold('script'),
      holdUserLock: (email?: string) => lockState.hold(`user:${email ?? user}`),
    },
    setUser(email: string) {
      user = String(email);
      resolved = undefined;
    },
    user: () => user,
    runAs,
    context,
    interleave: (executions, options) => scheduler.interleave(executions, options),
    setActiveSelection(sheetName: string, a1: string, current?: string) {
      const sheet = sheetNamed(sheetName);
      const rects = a1.split(',').map((part) => model.resolve(part.trim(), sheet).rect);
      const cell = current === undefined ? undefined : model.resolve(current.trim(), sheet).rect;
      if (cell && !rects.some((r) => cell.row >= r.row && cell.row < r.row + r.numRows && cell.col >= r.col && cell.col < r.col + r.numCols))
        throw new Error(`Emulator: the current cell ${current} is outside the selection ${a1}`);
      model.select(sheet, rects, cell && { row: cell.row, col: cell.col });
    },
    useErrorClass(ErrorClass: ErrorConstructor) {
      recorder.useErrorClass(ErrorClass);
    },
    advanceTime(ms: number) {
      clockOffset += ms;
    },
    sheetNames: () => model.sheets.map((s) => s.name),
    spreadsheetTimeZone: () => model.timeZone,
    readSheet(name: string) {
      const sheet = sheetNamed(name);
      const rect = dataRect(sheet);
      return rect ? model.readValues(sheet, rect) : [];
    },
    readSheetDisplay(name: string) {
      const sheet = sheetNamed(name);
      const rect = dataRect(sheet);
      return rect ? model.readDisplay(sheet, rect) : [];
    },
    writeSheet(name: string, rows: unknown[][]) {
      // A hand edit on Google fires the edit trigger, which the add-on uses to drop what it cached from the sheet; triggers
      // never fire here, so this stand-in for a hand edit evicts the document cache instead (always legal: Cache promises nothing).
      for (const key of Object.keys(cache.document)) delete cache.document[key];
      const sheet = model.sheetByName(name) ?? model.addSheet(name);
      model.clearContents(sheet, { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols });
      const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
      if (rows.length > sheet.maxRows) model.insertRows(sheet, sheet.maxRows + 1, rows.length - sheet.maxRows);
      if (width > sheet.maxCols) model.insertCols(sheet, sheet.maxCols + 1, width - sheet.maxCols);
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v === 'string' && v.length > 1 && v.startsWith('=')) sheet.formulas.set(r, c, v);
          else sheet.values.set(r, c, v === '' || v === null || v === undefined ? undefined : isDateValue(v) ? new Date(v.getTime()) : v);
        }),
      );
      model.touchCells(sheet);
    },
    inspectSheet(name: string): SheetInspection {
      const sheet = sheetNamed(name);
      const rect = usedRect(sheet);
      const grid = <T>(read: (r: GridRect) => T[][]): T[][] => (rect ? read(rect) : []);
      return {
        formulas: grid((r) => model.readLayer(sheet.formulas, r, '')),
        notes: grid((r) => model.readLayer(sheet.notes, r, '')),
        numberFormats: grid((r) => model.readLayer(sheet.formats, r, undefined).map((row) => row.map((f) => f ?? '0.###############'))),
        validations: grid((r) =>
          model.readLayer(sheet.validations, r, undefined).map((row) => row.map((rule) => (rule ? { ...rule, args: rule.args.slice() } : null))),
        ),
        backgrounds: grid((r) => model.readLayer(sheet.style('background'), r, '#ffffff')),
        fontWeights: grid((r) => model.readLayer(sheet.style('fontWeight'), r, 'normal')),
        hiddenRows: sheet.hiddenRows.flatMap((h, i) => (h ? [i + 1] : [])),
        frozenRows: sheet.frozenRows,
        frozenColumns: sheet.frozenCols,
        maxRows: sheet.maxRows,
        maxColumns: sheet.maxCols,
        hidden: sheet.hidden,
        columnWidths: Array.from({ length: sheet.maxCols }, (_, i) => sheet.columnWidths[i] ?? 100),
        protections: model.protections
          .filter((p) => p.sheetId === sheet.id)
          .map((p) => ({
            type: p.type,
            range: p.rect ? rectA1(p.rect) : null,
            description: p.description,
            warningOnly: p.warningOnly,
            editors: p.editors.slice(),
            domainEdit: p.domainEdit,
          })),
        invalidCells: model.invalidCells(sheet),
        conditionalFormats: sheet.conditionalRules.map((rule) => decode(encode(rule))),
      };
    },
    charts: (name: string) => chartSpecs(model, sheetNamed(name)),
    serialize(): EmulatorState {
      return {
        version: 1,
        user,
        locale,
        spreadsheet: spreadsheetToState(model),
        properties: encode(properties) as unknown as PropertyStores,
        cache: encode(cache) as unknown as CacheStores,
        triggers: encode(triggerState) as unknown as EmulatorState['triggers'],
        mail: encode(mail) as unknown as EmulatorState['mail'],
        log: logger.lines.slice(),
      };
    },
    killBefore: (n: number) => killSwitch.killBefore(n),
    killedState: () => killSwitch.state(),
    sortSheet(name: string, column: number, ascending = true) {
      sortSheetRows(model, sheetNamed(name), column, ascending);
    },
    insertRowAt(name: string, row: number) {
      insertSheetRow(model, sheetNamed(name), row);
    },
    triggers: () =>
      triggerState.triggers.map((t) => {
        const info: TriggerInfo = { id: t.id, handler: t.handler, type: t.type, owner: t.owner };
        if (t.everyMinutes !== undefined) info.everyMinutes = t.everyMinutes;
        if (t.everyHours !== undefined) info.everyHours = t.everyHours;
        if (t.everyDays !== undefined) info.everyDays = t.everyDays;
        if (t.at !== undefined) info.at = new Date(t.at.getTime());
        return info;
      }),
    logs: () => logger.lines.slice(),
  };
  return self;
}
