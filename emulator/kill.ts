/**
 * Kills without exceptions: Apps Script ends an execution that runs past its
 * limit (6 minutes, 30 s for simple triggers) between two service calls, with
 * no catch and no finally running on Google's side. The emulator imitates it:
 * before the n-th counted call the state is frozen (a serialize()-level copy),
 * a sentinel that is not an Error is thrown, and every later call of the dead
 * execution throws it too. Whatever catch/finally blocks then do is lost,
 * because the harness carries on from the frozen copy (createEmulator({ state })),
 * where no lock is held.
 */
import type { EmulatorState } from './state';

/** What a killed execution throws: deliberately not an Error, so `instanceof Error` handlers do not mistake it for a service error. */
export class ExecutionKilled {
  readonly killed = true;
  constructor(readonly atCall: number) {}
  toString(): string {
    return `Execution killed before service call ${this.atCall} (emulated time limit)`;
  }
}

export function isKill(value: unknown): value is ExecutionKilled {
  return value instanceof ExecutionKilled;
}

export class KillSwitch {
  private remaining = 0;
  private callsSeen = 0;
  private frozen: EmulatorState | null = null;

  constructor(private readonly freeze: () => EmulatorState) {}

  /** Arms the kill: the n-th counted call from now (1-based) never happens. */
  killBefore(n: number): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`killBefore: n must be a positive integer, got ${n}`);
    this.remaining = n;
    this.callsSeen = 0;
    this.frozen = null;
  }

  /** The state at the instant of the kill, or null while the execution lives. */
  state(): EmulatorState | null {
    return this.frozen;
  }

  /** Runs before every counted call: throws once the execution is dead. */
  readonly gate = (): void => {
    if (this.frozen) throw new ExecutionKilled(this.callsSeen);
    if (this.remaining === 0) return;
    this.callsSeen++;
    if (this.callsSeen < this.remaining) return;
    this.remaining = 0;
    this.frozen = this.freeze();
    throw new ExecutionKilled(this.callsSeen);
  };
}
