/**
 * LockService. The emulator runs one execution at a time, so "another
 * process" holding a lock is simulated by tests through `hold()`.
 */
import { SERVICE } from '../calls';

type Holder = 'none' | 'script' | 'other';

export class LockState {
  private holders = new Map<string, Holder>();

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
    return this.state.holder(this.scope) === 'script';
  }

  releaseLock(): void {
    if (this.hasLock()) this.state.set(this.scope, 'none');
  }

  tryLock(timeoutInMillis: number): boolean {
    checkTimeout(timeoutInMillis, 'tryLock');
    if (this.state.holder(this.scope) === 'other') return false;
    this.state.set(this.scope, 'script');
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
