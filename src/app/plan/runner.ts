/**
 * Digests and occasions need one account's hourly trigger on every day, not
 * one per manager: that account is the runner. A runner who is no longer a
 * manager, or whose trigger stopped (an account removed from the spreadsheet
 * loses its triggers' access), is detected and reported, and any manager can
 * take over with one click.
 */
import { hasRole, roleOf } from '../../core/settings/roles';
import { LATE_AFTER_MS } from '../../core/plan/schedule';
import { withDocumentLock } from '../../gas/lock';
import { now } from '../../gas/session';
import { loadBase, requireRole, setUpBy, type Base } from '../base';
import { ensureSchedulerTrigger } from './trigger-guard';
import { readPlan, saveRunner, type Runner } from './store';

export type RunnerProblem = 'none' | 'not_manager' | 'stopped';

export interface RunnerDto {
  runner: string;
  lastRun: string;
  problem: RunnerProblem | null;
  /** Nobody runs digests and occasions yet though some are set up. */
  needed: boolean;
  isMe: boolean;
}

export function runnerProblem(runner: Runner | null, base: Base, at: Date): RunnerProblem | null {
  if (!runner) return 'none';
  if (!hasRole(roleOf(runner.email, base.settings, setUpBy(base.settings)), 'manager')) return 'not_manager';
  if (at.getTime() - Date.parse(runner.lastRun || runner.since) > LATE_AFTER_MS) return 'stopped';
  return null;
}

export function runnerStatus(base: Base = loadBase()): RunnerDto {
  const plan = readPlan();
  const needed = plan.occasions.length > 0 || base.settings.digestManagers.length > 0;
  const problem = runnerProblem(plan.runner, base, now());
  return {
    runner: plan.runner?.email ?? '',
    lastRun: plan.runner?.lastRun ?? '',
    problem: needed || plan.runner ? problem : null,
    needed,
    isMe: !!plan.runner && plan.runner.email.toLowerCase() === base.user.toLowerCase(),
  };
}

/** This account's hourly trigger sends digests and occasions from now on. */
export function startRunner(): RunnerDto {
  const base = loadBase();
  requireRole(base, 'manager', 'run reminders and occasions');
  ensureSchedulerTrigger();
  const stamp = now().toISOString();
  withDocumentLock(() => saveRunner({ email: base.user, since: stamp, lastRun: stamp }));
  return runnerStatus(base);
}

/** The runner's heartbeat, written each hourly run: a stale one means its trigger stopped. */
export function touchRunner(runner: Runner): void {
  saveRunner({ ...runner, lastRun: now().toISOString() });
}
