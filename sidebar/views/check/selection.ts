/** Which fixes the user accepted: whole groups and single problems; a problem of an accepted group counts once. */
import type { CheckDto } from '../../../src/server';

export interface Accepted {
  groups: ReadonlySet<string>;
  ids: ReadonlySet<string>;
  /** Fixes of accepted groups the user reviewed and left out. */
  excluded: ReadonlySet<string>;
}

export const NOTHING_ACCEPTED: Accepted = { groups: new Set(), ids: new Set(), excluded: new Set() };

/** Whether Apply would write this fix. */
export function isAccepted(accepted: Accepted, problem: { id: string; group?: string }): boolean {
  if (problem.group && accepted.groups.has(problem.group)) return !accepted.excluded.has(problem.id);
  return accepted.ids.has(problem.id);
}

/** Ticking or unticking one fix: inside an accepted group it is left out (or back in), elsewhere accepted on its own. */
export function acceptOne(accepted: Accepted, problem: { id: string; group?: string }, on: boolean): Accepted {
  if (problem.group && accepted.groups.has(problem.group)) return { ...accepted, excluded: toggle(accepted.excluded, problem.id, !on) };
  return { ...accepted, ids: toggle(accepted.ids, problem.id, on) };
}

/** The left-out fixes still worth sending: those of groups still accepted. */
export function excludedToSend(check: CheckDto, accepted: Accepted): string[] {
  return check.problems.filter((p) => p.group && accepted.groups.has(p.group) && accepted.excluded.has(p.id)).map((p) => p.id);
}

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
  n -= excludedToSend(check, accepted).length;
  for (const p of check.problems) if (p.group && accepted.ids.has(p.id) && !accepted.groups.has(p.group)) n++;
  return n;
}

/** The single ids still worth sending: those outside the accepted groups. */
export function idsToSend(check: CheckDto, accepted: Accepted): string[] {
  return check.problems.filter((p) => p.group && accepted.ids.has(p.id) && !accepted.groups.has(p.group)).map((p) => p.id);
}
