/**
 * Counting and fault injection for every emulated service call.
 *
 * Service objects are plain classes tagged with SERVICE (their Apps Script
 * class name). `CallRecorder.wrap` hands out a Proxy per object that counts
 * `<Class>.<method>`, throws injected faults, wraps service objects a method
 * returns and unwraps proxies passed back as arguments, so implementations
 * only ever see their own raw objects.
 */

export const SERVICE = Symbol('emulator.service');

export interface ServiceObject {
  readonly [SERVICE]: string;
}

/**
 * Property names that libraries probe on any object (promise detection, test
 * printers, JSON): they read as undefined instead of "not implemented".
 */
const PROBED = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'constructor',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
  'inspect',
  'toString',
  'valueOf',
  'length',
  'prototype',
  '__proto__',
  'hasOwnProperty',
]);

/**
 * Runs before a call reaches its service: throws to refuse it (a missing
 * scope, a context that forbids it), returns `{ result }` to answer for the
 * service (a web app's null active spreadsheet), or undefined to let it run.
 */
export type CallGuard = (cls: string, method: string) => { result: unknown } | undefined;
export type ResultListener = (key: string, target: ServiceObject, args: unknown[], result: unknown) => void;

interface Fault {
  key: string;
  at: number;
  message: string;
}

/** Every proxy handed out, to its raw object (shared by all recorders: keys are proxies). */
const proxyTargets = new WeakMap<object, object>();

/** The raw service object behind a proxy found nested in a plain argument (e.g. mail attachments). */
export function rawOf<T>(value: T): T {
  return typeof value === 'object' && value !== null ? ((proxyTargets.get(value) as T | undefined) ?? value) : value;
}

function isServiceObject(value: unknown): value is ServiceObject {
  return typeof value === 'object' && value !== null && SERVICE in value;
}

export class CallRecorder {
  private counts = new Map<string, number>();
  private classTotals = new Map<string, number>();
  private faults: Fault[] = [];
  private proxies = new WeakMap<object, object>();
  private listeners: ((key: string) => void)[] = [];
  private resultListeners: ResultListener[] = [];
  private ErrorClass: ErrorConstructor | undefined;
  private guards: CallGuard[] = [];
  private gates: (() => void)[] = [];

  /** Adds a guard consulted before every counted call (see CallGuard). */
  addGuard(guard: CallGuard): void {
    this.guards.push(guard);
  }

  /** Runs before each counted call, before it is counted (the kill switch): a throw means the call never happened. */
  addGate(gate: () => void): void {
    this.gates.push(gate);
  }

  /**
   * Makes service errors instances of another realm's Error (a node:vm
   * context's), so `e instanceof Error` holds in the script as on Google.
   */
  useErrorClass(ErrorClass: ErrorConstructor): void {
    this.ErrorClass = ErrorClass;
  }

  private rethrow(error: unknown): never {
    const Target = this.ErrorClass;
    // A kill sentinel (not an Error) passes through untouched.
    if (!Target || !(error instanceof Error)) throw error;
    const original: Error = error;
    if ((original as unknown) instanceof Target) throw original;
    const converted = new Target(original.message);
    if (original.name !== 'Error') converted.name = original.name;
    throw converted;
  }

  count(key: string): number {
    return key.includes('.') ? (this.counts.get(key) ?? 0) : (this.classTotals.get(key) ?? 0);
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.classTotals.clear();
  }

  /** Called with each counted key, for the playground's call log. */
  onCall(listener: (key: string) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Called after each counted call succeeds, with the raw object, the unwrapped arguments and the raw result (the cost meter's feed). */
  onResult(listener: ResultListener): () => void {
    this.resultListeners.push(listener);
    return () => {
      this.resultListeners = this.resultListeners.filter((l) => l !== listener);
    };
  }

  failOn(key: string, nth: number, message = 'Service error (injected)'): void {
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`failOn: nth must be a positive integer, got ${nth}`);
    this.faults.push({ key, at: this.count(key) + nth, message });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** The counted proxy for a service object (the same proxy every time). */
  wrap<T>(value: T): T {
    if (Array.isArray(value)) {
      // Copy only arrays that hold service objects (getSheets, getDataValidations), not value grids.
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (typeof item !== 'object' || item === null) continue;
        const wrapped = this.wrap(item);
        if (wrapped !== item) {
          copy ??= value.slice();
          copy[i] = wrapped;
        }
      }
      return (copy ?? value) as T;
    }
    if (!isServiceObject(value)) return value;
    const existing = this.proxies.get(value);
    if (existing) return existing as T;
    const proxy = new Proxy(value, {
      get: (target, prop, receiver) => this.get(target, prop, receiver),
    });
    this.proxies.set(value, proxy);
    proxyTargets.set(proxy, value);
    return proxy;
  }

  /** The raw object behind a proxy (or the value itself). */
  unwrap<T>(value: T): T {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      // Copy only when something inside is a proxy: 2D value arrays pass through untouched.
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        const raw = this.unwrap(item);
        if (raw !== item) {
          copy ??= value.slice();
          copy[i] = raw;
        }
      }
      return (copy ?? value) as T;
    }
    return rawOf(value);
  }

  private record(cls: string, key: string): void {
    for (const gate of this.gates) gate();
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.classTotals.set(cls, (this.classTotals.get(cls) ?? 0) + 1);
    for (const listener of this.listeners) listener(key);
    const due = this.faults.findIndex((f) => f.at === this.count(f.key) && (f.key === key || f.key === cls));
    if (due >= 0) {
      const [fault] = this.faults.splice(due, 1);
      throw new Error(fault.message);
    }
  }

  private get(target: ServiceObject, prop: string | symbol, receiver: unknown): unknown {
    if (typeof prop === 'symbol') return Reflect.get(target, prop, receiver);
    const cls = target[SERVICE];
    if (prop in Object.prototype) return Reflect.get(target, prop, receiver);
    if (!(prop in target)) {
      if (PROBED.has(prop)) return undefined;
      return () => {
        throw new Error(`Emulator: ${cls}.${prop} is not implemented`);
      };
    }
    const member = Reflect.get(target, prop, target);
    if (typeof member !== 'function' || prop === 'constructor') return member;
    // Members starting with '_' are emulator internals, invisible to scripts.
    if (prop.startsWith('_'))
      return () => {
        throw new Error(`Emulator: ${cls}.${prop} is not implemented`);
      };
    const key = `${cls}.${prop}`;
    const recorder = this;
    const counted = function (this: unknown, ...args: unknown[]): unknown {
      try {
        let answered: { result: unknown } | undefined;
        for (const guard of recorder.guards) {
          const answer = guard(cls, prop);
          answered ??= answer;
        }
        recorder.record(cls, key);
        const rawArgs = args.map((a) => recorder.unwrap(a));
        const result = answered ? answered.result : (member as (...a: unknown[]) => unknown).apply(target, rawArgs);
        for (const listener of recorder.resultListeners) listener(key, target, rawArgs, result);
        return recorder.wrap(result);
      } catch (error) {
        return recorder.rethrow(error);
      }
    };
    Object.defineProperty(counted, 'name', { value: prop });
    return counted;
  }
}
