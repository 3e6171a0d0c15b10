/**
 * The segments `Set up` creates: one per sales stage, and Active / Passive by
 * purchase recency. Rules are written in the rule language, so users can read
 * and change them in `Segments` like their own.
 */
import { AppFailure } from '../result';

export interface BuiltinSegment {
  name: string;
  rule: string;
  description: string;
}

export interface BuiltinSettings {
  /** A client is active with a purchase in the last `activeDays` days (default 90). */
  activeDays: number;
  /** Header of the stage column (default "Stage"). */
  stageField?: string;
}

export const DEFAULT_ACTIVE_DAYS = 90;
const BY_STAGE = [
  ['Cold', 'Contacts who have not shown interest yet'],
  ['Warm', 'Contacts who showed interest'],
  ['Hot', 'Contacts ready to buy'],
  ['VIP', 'The most valuable clients'],
] as const;

export function builtinSegments(settings: BuiltinSettings = { activeDays: DEFAULT_ACTIVE_DAYS }): BuiltinSegment[] {
  const days = settings.activeDays;
  if (!Number.isInteger(days) || days < 1 || days > 36_500) {
    throw new AppFailure('bad_input', `The active window must be a whole number of days from 1 to 36500, got ${String(days)}`);
  }
  const stage = quoteName(settings.stageField ?? 'Stage');
  return [
    ...BY_STAGE.map(([name, description]) => ({ name, rule: `${stage} = "${name}"`, description: `${description} (stage ${name})` })),
    {
      name: 'Active',
      rule: `"Last purchase" within last ${days} days`,
      description: `Bought in the last ${days} days`,
    },
    {
      name: 'Passive',
      rule: `"Last purchase" more than ${days} days ago`,
      description: `Bought before, but not in the last ${days} days`,
    },
  ];
}

/** A field name as a rule writes it: in quotes, with quotes inside doubled. */
export function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
