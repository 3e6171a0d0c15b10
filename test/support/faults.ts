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

export interface AllOrNothingCase {
  /** A fresh spreadsheet ready for the operation; returns a function that removes its globals. */
  fresh: () => { emu: Emulator; uninstall: () => void };
  /** The operation; it may throw or report failure in its own way. */
  run: (emu: Emulator) => void;
  /** Whether the operation finished (read from the spreadsheet or its answer). */
  finished: (emu: Emulator) => boolean;
  /** Tabs that must be exactly as before when it did not finish. */
  tabs: string[];
}

/**
 * For every service call the operation makes, a fresh spreadsheet with a fault
 * injected at exactly that call: either the operation finishes, or every
 * listed tab is exactly as it was and running it again finishes.
 * Returns how many runs failed and were rolled back.
 */
export function expectAllOrNothing(c: AllOrNothingCase, check: (ok: boolean, message: string) => void): number {
  const probe = c.fresh();
  let sites: CallSite[];
  try {
    sites = recordCalls(probe.emu, () => c.run(probe.emu));
    check(c.finished(probe.emu), 'the operation finishes without faults');
  } finally {
    probe.uninstall();
  }
  let rolledBack = 0;
  for (const site of sites) {
    const { emu, uninstall } = c.fresh();
    try {
      const before = c.tabs.map((t) => JSON.stringify(emu.readSheet(t)));
      emu.faults.failOn(site.key, site.nth, `injected at ${site.index} ${site.key}`);
      try {
        c.run(emu);
      } catch {
        // Judged by the spreadsheet below.
      }
      emu.faults.clear();
      if (c.finished(emu)) continue;
      rolledBack++;
      c.tabs.forEach((t, i) => check(JSON.stringify(emu.readSheet(t)) === before[i], `${t} unchanged after a fault at call ${site.index} (${site.key})`));
      c.run(emu);
      check(c.finished(emu), `a retry finishes after a fault at call ${site.index} (${site.key})`);
    } finally {
      uninstall();
    }
  }
  return rolledBack;
}
