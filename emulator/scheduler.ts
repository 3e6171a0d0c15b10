/**
 * Several executions over one spreadsheet, with deferred writes.
 *
 * Model (snapshot and replay, deterministic): the first execution runs; before
 * one of its service calls (chosen by `at` or a seeded generator) it is
 * suspended and another execution runs to completion, seeing only what was
 * committed; then the first resumes with its own pending writes laid over
 * what the other committed. A write is committed (visible to other
 * executions) by SpreadsheetApp.flush() or the end of its execution, never by
 * Lock.releaseLock() (stricter reading: the Lock and flush pages recommend
 * flushing before releasing, they do not promise the release flushes):
 * - developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()
 * - developers.google.com/apps-script/reference/lock/lock#releaseLock()
 * Another execution never starts while the first holds a lock: on Google it
 * would wait for the lock, which a suspended execution cannot model; it
 * starts at the first call after the release instead. Properties, caches,
 * mail and triggers are not deferred (their services apply at once).
 */
import type { ContextSpec } from './context';
import type { LockState } from './services/lock';
import type { SheetModel, SpreadsheetModel } from './spreadsheet/model';
import { Layer } from './spreadsheet/layer';
import { cloneSheet, decode, encode, type Json } from './state';
import { isDateValue } from './time';

/**
 * The spreadsheet at one instant, kept in memory (taken at every flush and
 * every switch): sheets copied as a serialize/restore round trip would leave
 * them, sharing the stored validation rules (never mutated once stored).
 */
export interface BookState {
  sheets: SheetModel[];
  nextSheetId: number;
  nextProtectionId: number;
  protections: Json;
}

export function snapshotBook(model: SpreadsheetModel): BookState {
  return {
    sheets: model.sheets.map((sheet) => cloneSheet(sheet, 'snapshot', true)),
    nextSheetId: model.nextSheetId,
    nextProtectionId: model.nextProtectionId,
    protections: encode(model.protections),
  };
}

export interface Execution {
  /** For the report, e.g. 'sidebar save by Ann'. */
  name?: string;
  /** The context it runs in (default: the sidebar of the emulator's user). */
  as?: ContextSpec;
  run: () => unknown;
}

export interface InterleaveOptions {
  /** Before which service call (1-based) of the first execution each other one starts; beyond its last call: after it. */
  at?: number[];
  /** Chooses the switch points instead (deterministic per seed). */
  seed?: number;
  /**
   * Lenient: Lock.releaseLock() commits like flush. Give the reason (a test
   * waiting for a fix elsewhere); the strict default commits only on flush or at the end.
   */
  releaseFlushes?: string;
}

export interface ExecutionOutcome {
  name: string;
  result?: unknown;
  /** The message of what it threw, if it threw. */
  error?: string;
  calls: number;
}

export interface InterleaveReport {
  /** Where each later execution actually started (call number of the first), for reproducing a failure. */
  switchAt: number[];
  outcomes: ExecutionOutcome[];
}

interface Running {
  id: string;
  calls: number;
  base: BookState;
}

export class Scheduler {
  private committed: BookState | null = null;
  private stack: Running[] = [];
  private pending: { index: number; exec: Execution }[] = [];
  private due: number[] = [];
  private rng: (() => number) | null = null;
  private switchAt: number[] = [];
  private outcomes: ExecutionOutcome[] = [];
  private releaseFlushes = false;
  private nextId = 1;

  constructor(
    private model: SpreadsheetModel,
    private locks: LockState,
    private runAs: <T>(spec: ContextSpec, fn: () => T) => T,
  ) {}

  interleave(executions: Execution[], options: InterleaveOptions = {}): InterleaveReport {
    if (this.committed) throw new Error('Emulator: interleave() cannot be nested');
    if (executions.length === 0) return { switchAt: [], outcomes: [] };
    this.committed = snapshotBook(this.model);
    this.pending = executions.slice(1).map((exec, i) => ({ index: i + 1, exec }));
    this.due = options.at ? options.at.slice() : [];
    this.rng = options.at ? null : mulberry32(options.seed ?? 1);
    this.switchAt = [];
    this.outcomes = new Array(executions.length);
    this.releaseFlushes = Boolean(options.releaseFlushes);
    this.arrived = false;
    try {
      this.execute(executions[0], 0);
      const first = this.outcomes[0];
      while (this.pending.length) {
        const next = this.pending.shift()!;
        this.switchAt.push(first.calls + 1);
        this.execute(next.exec, next.index);
      }
      return { switchAt: this.switchAt.slice(), outcomes: this.outcomes.slice() };
    } finally {
      this.committed = null;
      this.pending = [];
      this.stack = [];
    }
  }

  /** Consulted before every service call (a CallGuard). */
  guard(cls: string, method: string): undefined {
    if (!this.committed) return undefined;
    const top = this.stack[this.stack.length - 1];
    if (!top) return undefined;
    top.calls++;
    if (this.stack.length === 1) this.maybeSwitch(top);
    const key = `${cls}.${method}`;
    if (key === 'SpreadsheetApp.flush' || (this.releaseFlushes && key === 'Lock.releaseLock')) this.commit(top);
    return undefined;
  }

  /** The next execution has arrived and waits for the first to hold no lock. */
  private arrived = false;

  private maybeSwitch(first: Running): void {
    if (!this.pending.length) return;
    if (!this.arrived) {
      this.arrived = this.rng ? this.rng() < 0.15 : this.due.length > 0 && first.calls >= this.due[0];
      if (!this.arrived) return;
    }
    // On Google it would wait for the lock; here it starts at the first call after the release.
    if (this.locks.heldBy(first.id).length) return;
    this.arrived = false;
    if (!this.rng) this.due.shift();
    const next = this.pending.shift()!;
    this.switchAt.push(first.calls);
    this.suspendAndRun(first, next.exec, next.index);
    // Several may be due before the same call.
    if (!this.rng) this.maybeSwitch(first);
  }

  private suspendAndRun(first: Running, exec: Execution, index: number): void {
    const working = snapshotBook(this.model);
    restoreInPlace(this.model, this.committed!);
    this.execute(exec, index);
    applyPending(this.model, first.base, working);
    first.base = this.committed!;
  }

  private commit(running: Running): void {
    this.committed = snapshotBook(this.model);
    running.base = this.committed;
  }

  private execute(exec: Execution, index: number): void {
    const running: Running = { id: `execution-${this.nextId++}`, calls: 0, base: this.committed! };
    const outcome: ExecutionOutcome = { name: exec.name ?? `execution ${index + 1}`, calls: 0 };
    this.outcomes[index] = outcome;
    const previous = this.locks.current;
    this.locks.current = () => running.id;
    this.stack.push(running);
    try {
      outcome.result = this.runAs(exec.as ?? { kind: 'sidebar' }, exec.run);
    } catch (error) {
      outcome.error = error instanceof Error ? error.message : String(error);
    } finally {
      // The end of an execution commits its writes and releases its locks.
      this.commit(running);
      for (const scope of this.locks.heldBy(running.id)) this.locks.set(scope, 'none');
      this.stack.pop();
      this.locks.current = previous;
      outcome.calls = running.calls;
    }
  }
}

/** Replaces the model's contents with a state, keeping each sheet's object (scripts hold Sheets and Ranges on them). */
export function restoreInPlace(model: SpreadsheetModel, state: BookState): void {
  const byId = new Map(model.sheets.map((s) => [s.id, s]));
  model.sheets = state.sheets.map((sheetState) => {
    const fresh = cloneSheet(sheetState, 'restored', true);
    const existing = byId.get(sheetState.id);
    if (!existing) return fresh;
    Object.assign(existing, fresh);
    return existing;
  });
  model.nextSheetId = state.nextSheetId;
  model.nextProtectionId = state.nextProtectionId;
  model.protections = decode(state.protections);
  model.touch();
}

const LAYERS = ['values', 'formulas', 'formats', 'notes', 'validations'] as const;
const SCALARS = ['name', 'maxRows', 'maxCols', 'frozenRows', 'frozenCols', 'hidden', 'tabColor'] as const;
const ARRAYS = ['hiddenRows', 'columnWidths', 'filter', 'conditionalRules'] as const;
const NO_CELLS = new Layer<unknown>();

/**
 * Lays an execution's pending writes (working minus base) over the model, cell
 * by cell. Limit: rows inserted or deleted by the suspended execution merge as
 * cell overwrites, not as shifts. `working` is the suspended execution's own
 * copy, taken for this merge: its cells and arrays move into the model as they are.
 */
export function applyPending(model: SpreadsheetModel, base: BookState, working: BookState): void {
  const baseById = new Map(base.sheets.map((s) => [s.id, s]));
  const workingIds = new Set(working.sheets.map((s) => s.id));
  for (const W of working.sheets) {
    const B = baseById.get(W.id);
    const live = model.sheets.find((s) => s.id === W.id);
    if (!B) {
      if (!live) model.sheets.push(cloneSheet(W, 'restored', true));
      continue;
    }
    if (!live) continue;
    for (const name of LAYERS) diffLayer(B[name] as Layer<unknown>, W[name] as Layer<unknown>, live[name] as Layer<unknown>);
    for (const style of new Set([...W.styles.keys(), ...B.styles.keys()]))
      diffLayer(B.styles.get(style) ?? NO_CELLS, W.styles.get(style) ?? NO_CELLS, live.style(style));
    const target = live as unknown as Record<string, unknown>;
    for (const key of SCALARS) if (W[key] !== B[key]) target[key] = W[key];
    for (const key of ARRAYS) if (JSON.stringify(W[key]) !== JSON.stringify(B[key])) target[key] = W[key];
  }
  model.sheets = model.sheets.filter((s) => workingIds.has(s.id) || !baseById.has(s.id));
  if (JSON.stringify(working.protections) !== JSON.stringify(base.protections)) model.protections = decode(working.protections);
  model.nextSheetId = Math.max(model.nextSheetId, working.nextSheetId);
  model.nextProtectionId = Math.max(model.nextProtectionId, working.nextProtectionId);
  model.touch();
}

function diffLayer(base: Layer<unknown>, working: Layer<unknown>, live: Layer<unknown>): void {
  const rows = Math.max(base.rows.length, working.rows.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(base.rows[r]?.length ?? 0, working.rows[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const w = working.get(r, c);
      if (!same(base.get(r, c), w)) live.set(r, c, w);
    }
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isDateValue(a) && isDateValue(b)) return a.getTime() === b.getTime();
  if (typeof a === 'object' && typeof b === 'object' && a && b) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/** A small seeded generator (mulberry32): the same seed gives the same interleaving. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
