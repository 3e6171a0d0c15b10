/**
 * When a client was last contacted and by whom: shown before a call is
 * logged, and used by the mailing pre-flight to leave out clients contacted
 * within Settings' contactPauseDays.
 */
import { daysBetween, type ContactPause, type LastContact } from '../../core/plan/contact-pause';
import { formatDay } from '../../gas/dates';
import { now } from '../../gas/session';
import { loadBase, type Base } from '../base';
import { lastContacts, readSteps, type StepRow } from './plan-data';

export interface LastContactDto extends LastContact {
  daysAgo: number;
  /** Within the team's pause: a mailing would leave this client out (or warn). */
  recent: boolean;
  pauseDays: number;
}

export function contactPauseOf(base: Base): ContactPause {
  return { days: base.settings.contactPauseDays, mode: base.settings.contactPauseMode };
}

/** Every client's latest contact: one read of Interactions. */
export function readLastContacts(base: Base): Map<string, LastContact> {
  const found = new Map<string, LastContact>();
  for (const [id, c] of lastContacts(readSteps(base))) found.set(id, { date: c.date, by: c.manager, type: c.type });
  return found;
}

export function lastContactOf(clientId: unknown): LastContactDto | null {
  const base = loadBase();
  return withPause(base, readLastContacts(base).get(String(clientId ?? '')));
}

/**
 * The same answer from the client's own interactions the card already read
 * (apiOpenClient): no second read of Interactions while opening a card.
 */
export function lastContactAmong(base: Base, interactions: readonly { date: string; manager: string; type: string }[]): LastContactDto | null {
  const steps: StepRow[] = interactions.map((i) => ({
    id: '',
    clientId: 'this',
    date: i.date,
    type: i.type,
    manager: i.manager.trim(),
    step: '',
    nextDate: '',
    done: false,
  }));
  const found = lastContacts(steps).get('this');
  return withPause(base, found && { date: found.date, by: found.manager, type: found.type });
}

function withPause(base: Base, contact: LastContact | undefined): LastContactDto | null {
  if (!contact) return null;
  const today = formatDay(now(), base.timeZone);
  const daysAgo = daysBetween(contact.date, today);
  const pause = contactPauseOf(base);
  return { ...contact, daysAgo, recent: pause.days > 0 && daysAgo >= 0 && daysAgo < pause.days, pauseDays: pause.days };
}
