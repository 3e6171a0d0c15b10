/**
 * Morning e-mails: each manager listed in digestManagers gets, once a day
 * from digestHour on, their overdue and due next steps and what the plan
 * holds for today. The day's ledger is written before each send, so a
 * trigger that runs twice (or is killed and runs again) mails nobody twice;
 * a send that fails is taken off the ledger to be tried next hour.
 */
import { escapeHtml } from '../../core/mail/render';
import { composeDigest, type DigestStep } from '../../core/plan/digest';
import { LANGS, type Lang } from '../../core/plan/occasion';
import { withDocumentLock } from '../../gas/lock';
import { remainingDailyQuota, sendMail } from '../../gas/mail';
import { now } from '../../gas/session';
import { wallClock } from '../../gas/wall-clock';
import type { Base } from '../base';
import type { PlanData } from './plan-data';
import { readPlan, saveDigestDay, type PlanRecords } from './store';

export interface DigestOutcome {
  sent: string[];
  /** Managers skipped today: nothing due, or no mail quota left. */
  skipped: { manager: string; reason: 'nothing' | 'quota' | 'failed' }[];
}

function langOf(base: Base): Lang {
  const l = base.settings.language as Lang;
  return (LANGS as readonly string[]).includes(l) ? l : 'en';
}

/** A manager's open next steps due today or earlier. */
export function stepsFor(manager: string, data: PlanData, today: string): DigestStep[] {
  const me = manager.toLowerCase();
  return data.steps
    .filter((s) => !s.done && s.nextDate && s.nextDate <= today && s.manager.toLowerCase() === me)
    .map((s) => ({
      client: data.clients.get(s.clientId)?.label ?? s.clientId,
      step: s.step || s.type,
      date: s.nextDate,
      overdueDays: Math.round((Date.parse(today) - Date.parse(s.nextDate)) / 86_400_000),
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Today's scheduled mailings of a manager, as lines of the digest. */
function plannedFor(manager: string, plan: PlanRecords, today: string): string[] {
  const me = manager.toLowerCase();
  return plan.schedules
    .filter((s) => s.by.toLowerCase() === me && s.localDay === today && s.state !== 'cancelled')
    .map((s) => `${s.campaign} (${s.template}) ${s.localTime}`);
}

export function sendDigests(base: Base, plan: PlanRecords, data: PlanData): DigestOutcome {
  const outcome: DigestOutcome = { sent: [], skipped: [] };
  const managers = base.settings.digestManagers;
  if (managers.length === 0) return outcome;
  const clock = wallClock(now(), base.timeZone);
  if (clock.hour < base.settings.digestHour) return outcome;
  const today = clock.day;
  const lang = langOf(base);
  for (const manager of managers) {
    if ((plan.digests[today] ?? []).includes(manager)) continue;
    const steps = stepsFor(manager, data, today);
    const planned = plannedFor(manager, plan, today);
    if (steps.length === 0 && planned.length === 0) {
      outcome.skipped.push({ manager, reason: 'nothing' });
      continue;
    }
    if (remainingDailyQuota() < 1) {
      outcome.skipped.push({ manager, reason: 'quota' });
      break;
    }
    // Marked first, under the lock and re-read: two runs of the trigger never both send.
    const claimed = withDocumentLock(() => {
      const done = readPlan().digests[today] ?? [];
      if (done.includes(manager)) return false;
      saveDigestDay(today, [...done, manager]);
      return true;
    });
    plan.digests[today] = [...(plan.digests[today] ?? []), manager];
    if (!claimed) continue;
    const mail = composeDigest({ manager, day: today, steps, planned }, lang);
    try {
      sendMail({
        to: manager,
        subject: mail.subject,
        textBody: mail.body,
        htmlBody: `<div style="white-space:pre-wrap;font-family:sans-serif">${escapeHtml(mail.body)}</div>`,
        name: base.settings.senderName || 'ClientBase',
      });
      outcome.sent.push(manager);
    } catch (err) {
      // MailApp refuses before sending (bad address, quota): nothing went out, so next hour may try again.
      withDocumentLock(() =>
        saveDigestDay(
          today,
          (readPlan().digests[today] ?? []).filter((m) => m !== manager),
        ),
      );
      outcome.skipped.push({ manager, reason: 'failed' });
      console.warn(`ClientBase: morning e-mail to ${manager} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return outcome;
}
