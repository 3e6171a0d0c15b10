/**
 * The plan's share of the hourly trigger: start this account's due scheduled
 * mailings; if this account is the runner, send the morning digests and
 * start today's occasions. Runs as the trigger's owner (time-driven: no
 * active user, no UI).
 */
import { hasRole } from '../../core/settings/roles';
import { loadBase } from '../base';
import { sendDigests, type DigestOutcome } from './digest';
import { runOccasions, type OccasionRun } from './occasions';
import { readPlanData } from './plan-data';
import { touchRunner } from './runner';
import { startDueSchedules, type StartedSchedule } from './schedules';
import { readPlan } from './store';

export interface PlanTickOutcome {
  started: StartedSchedule[];
  digests: DigestOutcome;
  occasions: OccasionRun[];
  /** This account runs digests and occasions. */
  runner: boolean;
}

export function planTickRun(): PlanTickOutcome {
  const base = loadBase();
  const records = readPlan();
  const me = base.user.toLowerCase();
  const runner = !!records.runner && records.runner.email.toLowerCase() === me;
  const outcome: PlanTickOutcome = { started: [], digests: { sent: [], skipped: [] }, occasions: [], runner };
  const hasSchedules = records.schedules.some((s) => (s.state === 'scheduled' || s.state === 'starting') && s.by.toLowerCase() === me);
  if (!runner && !hasSchedules) return outcome;
  // A runner removed from the managers sends nothing (and is reported by runnerStatus until someone takes over).
  // Digests first: a few mails a day should not wait behind a long mailing's quota.
  if (runner && records.runner && hasRole(base.role, 'manager')) {
    touchRunner(records.runner);
    const data = readPlanData(base);
    outcome.digests = sendDigests(base, records, data);
    outcome.occasions = runOccasions(base, records, data);
  }
  if (hasSchedules) outcome.started = startDueSchedules(readPlan(), base);
  return outcome;
}
