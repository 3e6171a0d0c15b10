/**
 * Two Apps Script executions interleaved over one emulator, at call
 * granularity. Each execution is its own load of dist/Code.js (its own module
 * state, as on Google, where executions share nothing but the services), and
 * while one runs inside another's call, the locks the outer one holds belong
 * to "another process". A stand-in until the emulator schedules executions
 * itself.
 */
import vm from 'node:vm';
import type { Emulator } from '../../emulator';
import { rawOf } from '../../emulator/calls';
import { readDist } from './bundle';

export interface Execution {
  /** Calls a top-level function; arguments pass as they are (an edit event holds a Range). */
  call<T = unknown>(name: string, ...args: unknown[]): T;
}

export function newExecution(emu: Emulator): Execution {
  const context = vm.createContext({ ...emu.globals, console });
  vm.runInContext(readDist('Code.js'), context, { filename: 'Code.js' });
  return {
    call<T>(name: string, ...args: unknown[]): T {
      return (context[name] as (...a: unknown[]) => T)(...args);
    },
  };
}

type Holder = 'none' | 'script' | 'other';
interface RawLockState {
  holder(scope: string): Holder;
  set(scope: string, holder: Holder): void;
}

/** Runs `work` as another execution: locks held now are seen as held by someone else, then handed back. */
export function asOtherExecution<T>(emu: Emulator, work: () => T): T {
  const state = (rawOf(emu.globals.LockService) as unknown as { state: RawLockState }).state;
  const scopes = ['document', 'script', `user:${emu.user()}`];
  const flipped = scopes.filter((s) => state.holder(s) === 'script');
  for (const s of flipped) state.set(s, 'other');
  try {
    return work();
  } finally {
    for (const s of flipped) state.set(s, 'script');
  }
}

/** Runs `other` once, right before the nth call of `key` made from now on (the call's arguments are already computed). */
export function interleaveAt(emu: Emulator, key: string, nth: number, other: () => void): { ran: () => boolean; stop: () => void } {
  let seen = 0;
  let ran = false;
  let inside = false;
  const stop = emu.calls.onCall((k) => {
    if (inside || ran || k !== key) return;
    seen++;
    if (seen !== nth) return;
    inside = true;
    try {
      asOtherExecution(emu, other);
    } finally {
      inside = false;
      ran = true;
    }
  });
  return { ran: () => ran, stop };
}

/** How many times `key` is called while `work` runs. */
export function countCalls(emu: Emulator, key: string, work: () => void): number {
  let n = 0;
  const stop = emu.calls.onCall((k) => {
    if (k === key) n++;
  });
  try {
    work();
  } finally {
    stop();
  }
  return n;
}
