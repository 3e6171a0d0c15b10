/**
 * LockService. Another process holding a lock is simulated by tests through
 * `hold()`, or is a real execution of the scheduler (emulator/scheduler.ts):
 * a lock belongs to the execution that took it (`current()`).
 */
import { SERVICE } from '../calls';

/** 'none', 'other' (a test's hold()) or the id of the execution holding it. */
type Holder = string;

export class LockState {
  private holders = new Map<string, Holder>();
  /** The running execution's id; the scheduler replaces it. */
  current: () => string = () => 'script';

  /** Scopes held by an execution (the scheduler releases them when it ends). */
  heldBy(execution: string): string[] {
    return [...this.holders].filter(([, h]) => h === execution).map(([scope]) => scope);
  }

  holder(scope: string): Holder {
    return this.holders.get(scope) ?? 'none';
  }

  set(scope: string, holder: Holder): void {
    this.holders.set(scope, holder);
  }

  /** Simulates another execution holding the lock until the returned function is called. */
  hold(scope: string): () => void {
    if (this.holder(scope) !== 'none') throw new Error(`Emulator: the ${scope} lock is already held`);
    this.set(scope, 'other');
    return () => {
      if (this.holder(scope) === 'other') this.set(scope, 'none');
    };
  }
}

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export class Lock implements GoogleAppsScript.Lock.Lock {
  readonly [SERVICE] = 'Lock';
  constructor(
    private state: LockState,
    private scope: string,
  ) {}

  hasLock(): boolean {
    return this.state.holder(this.scope) === this.state.current();
  }

  releaseLock(): void {
    if (this.hasLock()) this.state.set(this.scope, 'none');
  }

  tryLock(timeoutInMillis: number): boolean {
    checkTimeout(timeoutInMillis, 'tryLock');
    const holder = this.state.holder(this.scope);
    if (holder !== 'none' && holder !== this.state.current()) return false;
    this.state.set(this.scope, this.state.current());
    return true;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }
}

function checkTimeout(ms: unknown, method: string): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms))
    throw new Error(`The parameters (${typeof ms}) don't match the method signature for LockService.Lock.${method}.`);
  if (ms < 0 || ms > 300_000) throw new Error(`Invalid argument: timeoutInMillis (${ms}): must be between 0 and 300000.`);
}

export class LockService implements GoogleAppsScript.Lock.LockService {
  readonly [SERVICE] = 'LockService';
  constructor(
    private state: LockState,
    private user: () => string,
  ) {}

  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return new Lock(this.state, 'document') as unknown as GoogleAppsScript.Lock.Lock;
  }

  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return new Lock(this.state, 'script') as unknown as GoogleAppsScript.Lock.Lock;
  }

  getUserLock(): GoogleAppsScript.Lock.Lock {
    return new Lock(this.state, `user:${this.user()}`) as unknown as GoogleAppsScript.Lock.Lock;
  }
}
