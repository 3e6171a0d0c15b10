/**
 * What the sidebar's Check view receives: counts per kind, fixes grouped the
 * way the user accepts them, and the first problems in sheet order. Plain
 * JSON (dates as ISO strings), small whatever the size of the base.
 */
import type { CheckProblem, CheckReport } from '../../core/validate/check-data';
import { PROBLEM_LABELS, shown } from '../../core/validate/problem';
import { fixGroupKey, fixGroups, fixText, kindCounts } from './report';

/** Problems sent to the sidebar; the tab lists them all. */
export const PROBLEMS_SHOWN = 300;
const EXAMPLES_PER_GROUP = 3;

export interface CheckProblemDto {
  id: string;
  /** Sheet row; 0 when the problem is a missing column. */
  row: number;
  column: string;
  value: string;
  problem: string;
  kind: string;
  kindLabel: string;
  fix?: string;
  clientId?: string;
  /** The fix group it belongs to (FixGroupDto.key), when it has a fix. */
  group?: string;
}

export interface FixGroupDto {
  key: string;
  label: string;
  kind: string;
  count: number;
  examples: { value: string; fix: string }[];
}

export interface CheckDto {
  /** ISO time of the check the report tab holds. */
  checkedAt: string;
  checkedRows: number;
  total: number;
  kinds: { kind: string; label: string; count: number }[];
  groups: FixGroupDto[];
  /** The first PROBLEMS_SHOWN problems in sheet order. */
  problems: CheckProblemDto[];
  /** Problems found now whose cell differs from what the report tab shows: check again to fix them. */
  changedSinceCheck: number;
  reportTab: string;
}

export function problemDto(p: CheckProblem): CheckProblemDto {
  const dto: CheckProblemDto = {
    id: p.id,
    row: p.rowIndex >= 0 ? p.row : 0,
    column: p.column,
    value: shown(p.value, 200),
    problem: p.problem,
    kind: p.kind,
    kindLabel: PROBLEM_LABELS[p.kind] ?? p.kind,
  };
  if (p.fix !== undefined) dto.fix = shown(fixText(p.fix), 200);
  if (p.clientId) dto.clientId = p.clientId;
  const group = fixGroupKey(p);
  if (group) dto.group = group;
  return dto;
}

export function checkDto(report: CheckReport, checkedAt: Date, reportTab: string, changedSinceCheck = 0): CheckDto {
  const groups = fixGroups(report.problems);
  const examples = new Map<string, { value: string; fix: string }[]>();
  for (const p of report.problems) {
    const key = fixGroupKey(p);
    if (!key) continue;
    const list = examples.get(key) ?? [];
    if (list.length < EXAMPLES_PER_GROUP) list.push({ value: shown(p.value, 80), fix: shown(fixText(p.fix), 80) });
    examples.set(key, list);
  }
  return {
    checkedAt: checkedAt.toISOString(),
    checkedRows: report.checkedRows,
    total: report.problems.length,
    kinds: kindCounts(report),
    groups: groups.map((g) => ({ ...g, examples: examples.get(g.key) ?? [] })),
    problems: report.problems.slice(0, PROBLEMS_SHOWN).map(problemDto),
    changedSinceCheck,
    reportTab,
  };
}
