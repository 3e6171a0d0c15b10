/**
 * The built add-on running in Node: dist/Code.js evaluated in a bare node:vm
 * context whose only globals are the emulator's Apps Script services, console
 * and Logger, called the way google.script.run calls it.
 */
import vm from 'node:vm';
import { format } from 'node:util';
import { rawOf } from '../emulator/calls.ts';
import { createEmulator, type Emulator, type EmulatorState } from '../emulator/index.ts';
import { throughWire, WireError } from './wire.ts';

export interface RuntimeFiles {
  code: string;
  sidebarHtml: string;
}

export interface RuntimeOptions {
  state?: EmulatorState;
  files: RuntimeFiles;
  user?: string;
  timeZone?: string;
  /** A call running longer than this is stopped (an endless loop must not hang the playground). */
  callTimeoutMs?: number;
  /** Told about every call once it is recorded. */
  onCall?: (record: CallRecord) => void;
  /** The playground clock's lead over real time (see advanceClock). */
  clockOffsetMs?: number;
}

export type CallResult = { ok: true; value: unknown } | { ok: false; error: string };

type Outbox = Emulator['outbox'];
type Ui = Emulator['ui'];

/** What one call did, for the playground's "Service calls" and "Outbox" panels. */
export interface CallRecord {
  fn: string;
  ok: boolean;
  error?: string;
  /** Service calls made, per `Service.method`. */
  serviceCalls: Record<string, number>;
  totalServiceCalls: number;
  mail: Outbox;
  alerts: Ui['alerts'];
  toasts: Ui['toasts'];
  sidebars: Ui['sidebars'];
  dialogs: Ui['dialogs'];
  logs: string[];
  ms: number;
  /**
   * The sheet the call brought to the front (Sheet.activate, setActiveSheet, a new sheet…), as
   * Sheets would show it; absent when the call left the active sheet alone.
   */
  activated?: string;
}

export interface Runtime {
  readonly emulator: Emulator;
  /** The top-level functions of the bundle: the only names `call` accepts. */
  functionNames(): string[];
  has(name: string): boolean;
  call(functionName: string, args?: unknown[]): CallResult;
  lastCall(): CallRecord | undefined;
  setUser(email: string): void;
  serialize(): EmulatorState;
  /** Moves the clock the bundle and the emulator see (new Date(), Date.now(), stamps, quotas) forward. */
  advanceClock(ms: number): void;
  /** How far the clock runs ahead of real time, in ms. */
  clockOffset(): number;
  /** Fires every time-driven trigger once, as its owner (AuthMode.FULL, no UI), as Google would at its next run. */
  runTimeTriggers(): { handler: string; owner: string; ok: boolean; error?: string }[];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Service methods that make a sheet the active one. */
const ACTIVATING = /\.(activate\w*|setActive\w*|setCurrentCell|insertSheet|duplicateActiveSheet)$/;
const DEFAULT_CALL_TIMEOUT_MS = 30_000;

export function createRuntime(options: RuntimeOptions): Runtime {
  let clockOffset = options.clockOffsetMs ?? 0;
  const emulator = createEmulator({
    user: options.user,
    state: options.state,
    timeZone: options.timeZone,
    files: { Sidebar: options.files.sidebarHtml },
    now: () => new Date(Date.now() + clockOffset),
  });
  if (options.user) emulator.setUser(options.user);
  const timeout = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;

  let logs: string[] = [];
  const log =
    (level: string) =>
    (...parts: unknown[]): void => {
      logs.push(`${level === 'log' ? '' : `${level}: `}${format(...parts)}`);
    };
  const sandbox: Record<string, unknown> = {
    ...emulator.globals,
    __playgroundNow: () => Date.now() + clockOffset,
    console: { log: log('log'), info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') },
  };
  const context = vm.createContext(sandbox, { name: 'ClientBase Code.js', codeGeneration: { strings: true, wasm: false } });
  // Service errors must be Errors of the script's own realm, as they are on Apps Script.
  emulator.useErrorClass(vm.runInContext('Error', context) as ErrorConstructor);
  const globalNames = (): string[] => vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[];

  // The bundle's own Date follows the playground clock: new Date() and Date.now() read it, every other form is untouched.
  vm.runInContext(
    `(function (RealDate, now) {
      function ClockDate() {
        if (!new.target) return new RealDate(now()).toString();
        return arguments.length === 0 ? new RealDate(now()) : new (Function.prototype.bind.apply(RealDate, [null].concat([].slice.call(arguments))))();
      }
      ClockDate.prototype = RealDate.prototype;
      ClockDate.now = now;
      ClockDate.parse = RealDate.parse;
      ClockDate.UTC = RealDate.UTC;
      globalThis.Date = ClockDate;
    })(Date, __playgroundNow);`,
    context,
  );
  const before = new Set(globalNames());
  new vm.Script(options.files.code, { filename: 'Code.js' }).runInContext(context, { timeout });
  const functions = new Set(globalNames().filter((name) => !before.has(name) && IDENTIFIER.test(name) && typeof sandbox[name] === 'function'));

  let last: CallRecord | undefined;

  function call(functionName: string, args: unknown[] = []): CallResult {
    const calls = emulator.calls.snapshot();
    const mailBefore = emulator.outbox.length;
    const ui = emulator.ui;
    const uiBefore = { alerts: ui.alerts.length, toasts: ui.toasts.length, sidebars: ui.sidebars.length, dialogs: ui.dialogs.length };
    const activeBefore = activeSheetName(emulator);
    logs = [];
    const started = performance.now();
    const known = typeof functionName === 'string' && functions.has(functionName);
    const result: CallResult = known ? invoke(functionName, args) : { ok: false, error: `Script function not found: ${String(functionName).slice(0, 100)}` };
    const after = emulator.calls.snapshot();
    const serviceCalls: Record<string, number> = {};
    for (const [key, count] of Object.entries(after)) {
      const made = count - (calls[key] ?? 0);
      if (made > 0) serviceCalls[key] = made;
    }
    const activeAfter = activeSheetName(emulator);
    // Activating the sheet that is already active still brings it to the front (the page may show another).
    const activated = activeAfter !== undefined && (activeAfter !== activeBefore || Object.keys(serviceCalls).some((key) => ACTIVATING.test(key)));
    last = {
      fn: String(functionName).slice(0, 100),
      ok: result.ok,
      ...(result.ok ? {} : { error: result.error }),
      serviceCalls,
      totalServiceCalls: Object.values(serviceCalls).reduce((a, b) => a + b, 0),
      mail: emulator.outbox.slice(mailBefore),
      alerts: ui.alerts.slice(uiBefore.alerts),
      toasts: ui.toasts.slice(uiBefore.toasts),
      sidebars: ui.sidebars.slice(uiBefore.sidebars),
      dialogs: ui.dialogs.slice(uiBefore.dialogs),
      logs,
      ms: Math.round(performance.now() - started),
      ...(activated ? { activated: activeAfter } : {}),
    };
    options.onCall?.(last);
    return result;
  }

  function invoke(functionName: string, args: unknown[]): CallResult {
    let json: string;
    try {
      if (!Array.isArray(args)) throw new WireError('arguments must be an array');
      json = JSON.stringify(throughWire(args, 'argument'));
    } catch (error) {
      return { ok: false, error: messageOf(error) };
    }
    try {
      // The name is one of the bundle's own top-level functions (checked above) and the
      // arguments travel as a JSON string literal parsed inside the VM, so nothing from
      // the request is ever evaluated as code.
      const script = new vm.Script(`${functionName}.apply(undefined, JSON.parse(${JSON.stringify(json)}))`, { filename: `call:${functionName}` });
      const value = script.runInContext(context, { timeout });
      return { ok: true, value: throughWire(value, 'result') };
    } catch (error) {
      return { ok: false, error: messageOf(error) };
    }
  }

  return {
    emulator,
    functionNames: () => [...functions].sort(),
    has: (name) => functions.has(name),
    call,
    lastCall: () => last,
    setUser: (email) => emulator.setUser(email),
    serialize: () => emulator.serialize(),
    advanceClock(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error('the clock only moves forward');
      clockOffset += ms;
    },
    clockOffset: () => clockOffset,
    runTimeTriggers() {
      return emulator
        .triggers()
        .filter((t) => t.type === 'CLOCK' && functions.has(t.handler))
        .map((t) => {
          const result = emulator.runAs({ kind: 'timeDriven', owner: t.owner }, () => call(t.handler, []));
          return { handler: t.handler, owner: t.owner, ok: result.ok, ...(result.ok ? {} : { error: result.error }) };
        });
    },
  };
}

/**
 * The active sheet's name, read from the raw service objects beside the counting proxies, so
 * looking neither shows in a call's service counts nor trips a fault a test injected.
 */
function activeSheetName(emulator: Emulator): string | undefined {
  try {
    const book = rawOf(rawOf(emulator.globals.SpreadsheetApp).getActiveSpreadsheet());
    return rawOf(book.getActiveSheet()).getName();
  } catch {
    return undefined;
  }
}

/** Errors may come from the VM's realm: no instanceof. */
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = String((error as { message: unknown }).message);
    return message || String(error);
  }
  return String(error);
}
