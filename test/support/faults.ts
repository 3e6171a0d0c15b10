/**
 * Fault enumeration: record the sequence of service calls an operation
 * makes, then re-run it once per call with a fault injected exactly there.
 */
import type { Emulator } from '../../emulator';

export interface CallSite {
  /** Position in the operation's call sequence, 1-based. */
  index: number;
  key: string;
  /** Which occurrence of `key` this is, 1-based (what faults.failOn counts). */
  nth: number;
}

export function recordCalls(emu: Emulator, work: () => void): CallSite[] {
  const sites: CallSite[] = [];
  const seen = new Map<string, number>();
  const stop = emu.calls.onCall((key) => {
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    sites.push({ index: sites.length + 1, key, nth });
  });
  try {
    work();
  } finally {
    stop();
  }
  return sites;
}

/** Calls that can change the spreadsheet or the world: where a fault hurts. */
export function isWrite(key: string): boolean {
  return /\.(set|insert|delete|clear|append|protect|hide|add|remove|create|send|put|deleteRows|copyTo|moveTo)/.test(key) || key.endsWith('.sendEmail');
}
