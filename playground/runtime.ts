/**
 * The built add-on running in Node: dist/Code.js evaluated in a bare node:vm
 * context whose only globals are the emulator's Apps Script services, console
 * and Logger, called the way google.script.run calls it.
 */
import vm from 'node:vm';
import { format } from 'node:util';
import { rawOf } from '../emulator/calls.ts';
import { resolveContext, type ContextSpec } from '../emulator/context.ts';
import { createEmulator, type Emulator, type EmulatorState } from '../emulator/index.ts';
import { onlyReads as onlyReadCalls } from './service-calls.ts';
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
  /** The spreadsheet's locale (File ▸ Settings), e.g. ru_RU; a saved state keeps its own. */
  locale?: string;
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
  /** How many of `alerts`, from the first, the page already showed while asking (the questions answered and the alerts before them). */
  alertsShown?: number;
  /**
   * The sheet the call brought to the front (Sheet.activate, setActiveSheet, a new sheet…), as
   * Sheets would show it; absent when the call left the active sheet alone.
   */
  activated?: string;
}

/** A dialog the add-on opened that waits for the person at the keyboard (Ui.prompt, or Ui.alert with a choice). */
export interface Question {
  kind: 'alert' | 'prompt';
  title?: string;
  prompt: string;
  /** The ButtonSet name (OK, OK_CANCEL, YES_NO, YES_NO_CANCEL); absent: OK. */
  buttons?: string;
}

/** How the person answered a Question: the button pressed and, for a prompt, the text typed. */
export interface Answer {
  button: string;
  text?: string;
}

/**
 * An interactive call either ran to its end, or stopped at a question nobody has answered yet
 * (with the dialogs shown before it, and whether it had changed anything by then).
 */
export type InteractiveResult = { done: CallResult } | { asking: Question; shownBefore: Question[]; wrote: boolean };

export interface Runtime {
  readonly emulator: Emulator;
  /** The top-level functions of the bundle: the only names `call` accepts. */
  functionNames(): string[];
  has(name: string): boolean;
  call(functionName: string, args?: unknown[]): CallResult;
  /**
   * A menu item chosen by a person: its prompts and choice alerts take the given answers in
   * order; at the first one past them the execution stops (every later service call throws),
   * as a dialog blocks on Google until answered. Nothing is recorded for a stopped call.
   */
  callAnswering(functionName: string, answers: readonly Answer[]): InteractiveResult;
  /** A trigger handler run with an event object (not JSON: it holds a Range) in the given execution context. */
  fire(handler: string, event: Record<string, unknown>, as: ContextSpec): CallResult;
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
/** Thrown into the bundle while a dialog waits: not an Error, so the emulator passes it through as it does a kill. */
const AWAITING_ANSWER = Object.freeze({ awaitingAnswer: true });
const BUTTON_SETS = new Set(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
const EVENT_GLOBAL = '__playgroundEvent';

/** alert/prompt's three forms: (prompt), (prompt, buttons), (title, prompt, buttons). */
function questionOf(kind: Question['kind'], a: unknown, b: unknown, c: unknown): Question {
  if (c !== undefined) return { kind, title: String(a), prompt: String(b), buttons: String(c) };
  if (typeof b === 'string' && BUTTON_SETS.has(b)) return { kind, prompt: String(a), buttons: b };
  return { kind, prompt: String(a) };
}

/** Only a prompt or an alert offering a choice waits for the person; a plain alert's answer is always OK. */
const waitsForPerson = (q: Question): boolean => q.kind === 'prompt' || (q.buttons !== undefined && q.buttons !== 'OK');

export function createRuntime(options: RuntimeOptions): Runtime {
  let clockOffset = options.clockOffsetMs ?? 0;
  const emulator = createEmulator({
    user: options.user,
    state: options.state,
    timeZone: options.timeZone,
    ...(options.locale ? { locale: options.locale } : {}),
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
  let asking:
    | { answers: readonly Answer[]; used: number; question?: Question; countsAtQuestion?: Record<string, number>; alertsBefore: number; shownThrough: number }
    | undefined;
  // Once a dialog waits, the execution is frozen there: any further service call throws.
  emulator.calls.onCall(() => {
    if (asking?.question) throw AWAITING_ANSWER;
  });
  const answeringUi = (ui: GoogleAppsScript.Base.Ui): GoogleAppsScript.Base.Ui =>
    new Proxy(ui, {
      get(target, prop) {
        const member = Reflect.get(target, prop, target) as unknown;
        if ((prop !== 'alert' && prop !== 'prompt') || typeof member !== 'function') return member;
        return (a: unknown, b?: unknown, c?: unknown): unknown => {
          const state = asking;
          const call = (): unknown =>
            (member as (...x: unknown[]) => unknown).apply(
              target,
              [a, b, c].filter((x) => x !== undefined),
            );
          if (!state) return call();
          if (state.question) throw AWAITING_ANSWER;
          const question = questionOf(prop, a, b, c);
          if (!waitsForPerson(question)) return call();
          const answer = state.answers[state.used];
          if (!answer) {
            state.question = question;
            state.countsAtQuestion = emulator.calls.snapshot();
            throw AWAITING_ANSWER;
          }
          state.used++;
          emulator.ui.respondWith(prop === 'prompt' ? { button: answer.button, text: answer.text ?? '' } : answer.button);
          const value = call();
          state.shownThrough = emulator.ui.alerts.length - state.alertsBefore;
          return value;
        };
      },
    });
  const spreadsheetApp = new Proxy(emulator.globals.SpreadsheetApp, {
    get(target, prop) {
      const member = Reflect.get(target, prop, target) as unknown;
      if (prop !== 'getUi' || typeof member !== 'function') return member;
      return () => answeringUi((member as () => GoogleAppsScript.Base.Ui).call(target));
    },
  });
  const sandbox: Record<string, unknown> = {
    ...emulator.globals,
    __playgroundNow: () => Date.now() + clockOffset,
    SpreadsheetApp: spreadsheetApp,
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

  /** Runs one execution and records what it did, unless `keep` says afterwards that it leaves no trace. */
  function recorded(functionName: string, run: () => CallResult, keep: () => boolean = () => true, alertsShown = (): number => 0): CallResult {
    const calls = emulator.calls.snapshot();
    const mailBefore = emulator.outbox.length;
    const ui = emulator.ui;
    const uiBefore = { alerts: ui.alerts.length, toasts: ui.toasts.length, sidebars: ui.sidebars.length, dialogs: ui.dialogs.length };
    const activeBefore = activeSheetName(emulator);
    logs = [];
    const started = performance.now();
    const result = run();
    if (!keep()) {
      // What a stopped execution showed was never seen: the rerun shows it again.
      ui.alerts.length = uiBefore.alerts;
      ui.toasts.length = uiBefore.toasts;
      ui.sidebars.length = uiBefore.sidebars;
      ui.dialogs.length = uiBefore.dialogs;
      return result;
    }
    const after = emulator.calls.snapshot();
    const serviceCalls = callsBetween(calls, after);
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
      ...(alertsShown() > 0 ? { alertsShown: alertsShown() } : {}),
      ...(activated ? { activated: activeAfter } : {}),
    };
    options.onCall?.(last);
    return result;
  }

  const known = (functionName: string): boolean => typeof functionName === 'string' && functions.has(functionName);
  const notFound = (functionName: string): CallResult => ({ ok: false, error: `Script function not found: ${String(functionName).slice(0, 100)}` });

  function call(functionName: string, args: unknown[] = []): CallResult {
    return recorded(functionName, () => (known(functionName) ? invoke(functionName, args) : notFound(functionName)));
  }

  function callAnswering(functionName: string, answers: readonly Answer[]): InteractiveResult {
    if (!known(functionName)) return { done: call(functionName, []) };
    const callsBefore = emulator.calls.snapshot();
    const state: NonNullable<typeof asking> = { answers, used: 0, alertsBefore: emulator.ui.alerts.length, shownThrough: 0 };
    let shownBefore: Question[] = [];
    asking = state;
    try {
      const result = recorded(
        functionName,
        () => {
          const ran = invoke(functionName, []);
          shownBefore = emulator.ui.alerts.slice(state.alertsBefore).map(({ kind, title, prompt, buttons }) => ({ kind, title, prompt, buttons }));
          return ran;
        },
        // A stopped execution is not history: the rerun with the answer will be.
        () => state.question === undefined,
        () => state.shownThrough,
      );
      if (!state.question) return { done: result };
    } finally {
      asking = undefined;
    }
    const made = callsBetween(callsBefore, state.countsAtQuestion ?? callsBefore);
    return { asking: state.question, shownBefore, wrote: !onlyReadCalls(made) };
  }

  function fire(handler: string, event: Record<string, unknown>, as: ContextSpec): CallResult {
    return recorded(handler, () => {
      if (!known(handler)) return notFound(handler);
      return emulator.runAs(as, () => {
        // The event is handed over as an object, as Google does: it carries a live Range.
        sandbox[EVENT_GLOBAL] = event;
        try {
          const value = new vm.Script(`${handler}(globalThis.${EVENT_GLOBAL})`, { filename: `trigger:${handler}` }).runInContext(context, { timeout });
          return { ok: true, value: value === undefined ? null : throughWire(value, 'result') } as CallResult;
        } catch (error) {
          return { ok: false, error: messageOf(error) } as CallResult;
        } finally {
          delete sandbox[EVENT_GLOBAL];
        }
      });
    });
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
    callAnswering,
    fire,
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

function callsBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const made: Record<string, number> = {};
  for (const [key, count] of Object.entries(after)) {
    const n = count - (before[key] ?? 0);
    if (n > 0) made[key] = n;
  }
  return made;
}

/** The event's e.user: the editor as Google shows them to the script in that context ('' when hidden). */
export function eventUser(as: ContextSpec, defaultUser: string): { getEmail(): string } {
  const email = resolveContext(as, defaultUser).activeEmail;
  return { getEmail: () => email };
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
