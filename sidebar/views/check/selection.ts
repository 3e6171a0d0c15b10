/** Which fixes the user accepted: whole groups and single problems; a problem of an accepted group counts once. */
import type { CheckDto } from '../../../src/server';

export interface Accepted {
  groups: ReadonlySet<string>;
  ids: ReadonlySet<string>;
}

export const NOTHING_ACCEPTED: Accepted = { groups: new Set(), ids: new Set() };

export function toggle<T>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(item);
  else next.delete(item);
  return next;
}

/** How many fixes Apply would write, as far as the sidebar knows. */
export function acceptedCount(check: CheckDto, accepted: Accepted): number {
  let n = 0;
  for (const g of check.groups) if (accepted.groups.has(g.key)) n += g.count;
  for (const p of check.problems) if (p.group && accepted.ids.has(p.id) && !accepted.groups.has(p.group)) n++;
  return n;
}

/** The single ids still worth sending: those outside the accepted groups. */
export function idsToSend(check: CheckDto, accepted: Accepted): string[] {
  return check.problems.filter((p) => p.group && accepted.ids.has(p.id) && !accepted.groups.has(p.group)).map((p) => p.id);
}
