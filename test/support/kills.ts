/**
 * Kill enumeration: record how many service calls an operation makes, then
 * for each call k a fresh spreadsheet where the execution dies right before
 * call k (emu.killBefore: no catch, no finally, as on Google), the frozen
 * state is carried over into a new execution, the next entry point runs
 * (resume), and the tabs must be consistent and the operation either done or
 * fully rolled back.
 */
import { isKill, type Emulator, type EmulatorState } from '../../emulator';

export interface KillSafeCase {
  /** A spreadsheet ready for the operation (from `state` when given: the state a kill left); installs its globals. */
  fresh: (state?: EmulatorState) => { emu: Emulator; uninstall: () => void };
  /** The operation. */
  run: (emu: Emulator) => void;
  /** What a person does next: open the spreadsheet, any sidebar call, or the operation again. */
  resume: (emu: Emulator) => void;
  /** Problems with the tabs (a row both in Clients and Archive, a lost client, an unaudited change…); [] when consistent. */
  consistent: (emu: Emulator) => string[];
  /** 'done', 'rolled back', or what is wrong. */
  finished: (emu: Emulator) => 'done' | 'rolled back' | string;
  /** Optional: what must work next (a retry, an undo), given the outcome. */
  afterwards?: (emu: Emulator, outcome: 'done' | 'rolled back') => void;
  /** Kill points to try (1-based calls); default every distinct state a kill can leave (see distinctStates). */
  sample?: (keys: readonly string[]) => number[];
}

export interface KillSweep {
  calls: number;
  /** Kill points tried. */
  points: number;
  killed: number;
  done: number;
  rolledBack: number;
}

export function expectKillSafe(c: KillSafeCase, check: (ok: boolean, message: string) => void): KillSweep {
  const probe = c.fresh();
  const keys: string[] = [];
  try {
    const stop = probe.emu.calls.onCall((key) => keys.push(key));
    try {
      c.run(probe.emu);
    } finally {
      stop();
    }
    check(c.finished(probe.emu) === 'done', 'the operation finishes when nothing kills it');
  } finally {
    probe.uninstall();
  }
  const calls = keys.length;
  const points = (c.sample ?? distinctStates)(keys);
  const sweep: KillSweep = { calls, points: points.length, killed: 0, done: 0, rolledBack: 0 };
  for (const k of points) {
    const first = c.fresh();
    let frozen: EmulatorState | null;
    try {
      first.emu.killBefore(k);
      try {
        c.run(first.emu);
      } catch (err) {
        if (!isKill(err) && !first.emu.killedState()) throw err;
      }
      frozen = first.emu.killedState();
    } finally {
      first.uninstall();
    }
    if (!frozen) continue;
    sweep.killed++;
    const next = c.fresh(frozen);
    try {
      c.resume(next.emu);
      const problems = c.consistent(next.emu);
      check(problems.length === 0, `killed before call ${k} of ${calls}: ${problems.join('; ')}`);
      const outcome = c.finished(next.emu);
      check(outcome === 'done' || outcome === 'rolled back', `killed before call ${k} of ${calls}, after resuming: ${outcome}`);
      if (outcome === 'done') sweep.done++;
      else sweep.rolledBack++;
      if (c.afterwards && (outcome === 'done' || outcome === 'rolled back')) c.afterwards(next.emu, outcome);
    } finally {
      next.uninstall();
    }
  }
  return sweep;
}

/** Every call: kill before each one. */
export function everyCall(keys: readonly string[]): number[] {
  return keys.map((_, i) => i + 1);
}

/**
 * A kill before call k freezes what calls 1..k-1 did, and a read changes
 * nothing: killing before the first call and right after each call that can
 * change the spreadsheet, properties, triggers or mail reaches every state a
 * kill anywhere can leave, at a fraction of the runs.
 */
export function distinctStates(keys: readonly string[]): number[] {
  const points = [1];
  keys.forEach((key, i) => {
    if (i + 2 <= keys.length && MUTATES.test(key)) points.push(i + 2);
  });
  return points;
}

/** Method names that change state (set…, insert…, delete…, clear…, append…, remove…, hide…, protect, send…, create…, copyTo, moveTo, sort). */
const MUTATES =
  /\.(set|insert|delete|clear|append|remove|hide|show|protect|send|create|copy|move|sort|add|unhide|activate|new|build|flush|put|trim|merge|break|apply|auto|collapse|expand|group|ungroup|randomize|shift|uncheck|check|release|waitLock|tryLock)/;

/** distinctStates, keeping every `step`-th point plus the last `tail` (where the intent is cleared): for write-heavy operations. */
export function thinnedStates(step: number, tail: number): (keys: readonly string[]) => number[] {
  return (keys) => {
    const all = distinctStates(keys);
    return all.filter((_, i) => i % step === 0 || i >= all.length - tail);
  };
}

export interface ResumeKillSweep {
  /** First kills whose state left an operation half done. */
  firstKills: number;
  /** Resumptions killed in their turn. */
  resumesKilled: number;
  done: number;
  rolledBack: number;
}

/**
 * Kills the operation, then kills the resumption before each of its calls
 * (every distinct state), then resumes once more: the roll-back or
 * completion must survive being interrupted itself. The first kills tried
 * are the last point that leaves an intent pending (the most to undo) and,
 * with `both`, the first such point.
 */
export function expectResumeKillSafe(c: KillSafeCase, check: (ok: boolean, message: string) => void, both = true): ResumeKillSweep {
  const freeze = (state: EmulatorState | undefined, k: number, act: (emu: Emulator) => void): EmulatorState | null => {
    const run = c.fresh(state);
    try {
      run.emu.killBefore(k);
      try {
        act(run.emu);
      } catch (err) {
        if (!isKill(err) && !run.emu.killedState()) throw err;
      }
      return run.emu.killedState();
    } finally {
      run.uninstall();
    }
  };
  const count = (state: EmulatorState | undefined, act: (emu: Emulator) => void): string[] => {
    const probe = c.fresh(state);
    const keys: string[] = [];
    try {
      const stop = probe.emu.calls.onCall((key) => keys.push(key));
      try {
        act(probe.emu);
      } finally {
        stop();
      }
    } finally {
      probe.uninstall();
    }
    return keys;
  };
  // The first and the last kill points that leave an intent pending: the least and the most to take back.
  const points = distinctStates(count(undefined, c.run));
  const firstPending = (order: number[]) => {
    for (const k of order) {
      const state = freeze(undefined, k, c.run);
      if (state?.properties.document['clientbase.intent']) return { k, state };
    }
    return null;
  };
  const latest = firstPending([...points].reverse());
  check(latest !== null, 'some kill leaves the operation half done');
  const earliest = both ? firstPending(points) : null;
  const chosen = [latest, earliest].filter((p, i, all): p is { k: number; state: EmulatorState } => !!p && (i === 0 || p.k !== all[0]?.k));
  const sweep: ResumeKillSweep = { firstKills: chosen.length, resumesKilled: 0, done: 0, rolledBack: 0 };
  for (const first of chosen) {
    const resumeKeys = count(first.state, c.resume);
    // Up to the call that clears the intent: after it the resumption has nothing left to take back.
    const cleared = resumeKeys.indexOf('Properties.deleteProperty') + 1 || resumeKeys.length;
    for (const j of distinctStates(resumeKeys).filter((p) => p <= cleared)) {
      const second = freeze(first.state, j, c.resume);
      if (!second) continue;
      sweep.resumesKilled++;
      const last = c.fresh(second);
      try {
        c.resume(last.emu);
        const at = `killed before call ${first.k}, then its resumption killed before call ${j} of ${resumeKeys.length}`;
        const problems = c.consistent(last.emu);
        check(problems.length === 0, `${at}: ${problems.join('; ')}`);
        const outcome = c.finished(last.emu);
        check(outcome === 'done' || outcome === 'rolled back', `${at}, after resuming again: ${outcome}`);
        if (outcome === 'done') sweep.done++;
        else sweep.rolledBack++;
        if (c.afterwards && (outcome === 'done' || outcome === 'rolled back')) c.afterwards(last.emu, outcome);
      } finally {
        last.uninstall();
      }
    }
  }
  return sweep;
}
