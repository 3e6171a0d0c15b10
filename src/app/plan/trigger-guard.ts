/**
 * The one hourly trigger of this account (shared with mailings in progress):
 * Google allows 20 triggers per user per script
 * (developers.google.com/apps-script/guides/services/quotas) and an editor
 * add-on one time-driven trigger per user per document, at most hourly
 * (developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions).
 */
import { AppFailure } from '../../core/result';
import { ensureHourlyTrigger } from '../../gas/triggers';
import { TICK_HANDLER } from '../mail/mailing';

/** Starts the scheduler's own hourly trigger; a full trigger list is said in words, not as Google's bare error. */
export function ensureSchedulerTrigger(): void {
  try {
    ensureHourlyTrigger(TICK_HANDLER);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/too many triggers/i.test(message)) {
      throw new AppFailure(
        'conflict',
        'Your account already has 20 triggers for this script (Google’s limit per user): delete unused ones in Extensions ▸ Apps Script ▸ Triggers, then schedule again.',
      );
    }
    throw err;
  }
}
