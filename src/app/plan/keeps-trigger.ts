/**
 * The hourly trigger is shared: mailings in progress, scheduled mailings,
 * occasions and morning digests all run from the one `mailingTick` (an editor
 * add-on may hold one time-driven trigger per user per document). A mailing
 * that finishes must not take the trigger away from the plan.
 */
import { removeTriggers } from '../../gas/triggers';
import { readPlan } from './store';

/** This account still has plan work for the trigger: a schedule of its own waiting, or it runs digests and occasions. */
export function planKeepsTrigger(user: string): boolean {
  const me = user.toLowerCase();
  const plan = readPlan();
  if (plan.runner && plan.runner.email.toLowerCase() === me) return true;
  return plan.schedules.some((s) => (s.state === 'scheduled' || s.state === 'starting') && s.by.toLowerCase() === me);
}

/** Removes the trigger unless the plan still needs it; only then, so the common case costs one properties read. */
export function releaseTickTrigger(handler: string, user: string): void {
  if (!planKeepsTrigger(user)) removeTriggers(handler);
}
