/**
 * The `Check data` tab: one row a problem (Row, Column, Value, Problem,
 * Suggested fix, Client ID) and, two columns to the right, a summary block
 * (when, how many rows, counts per kind and per fix). Pure: builds the
 * values to write and reads back what the user saw, so Apply fixes can tell
 * a cell that changed since the check.
 */
import type { CheckProblem, CheckReport } from '../../core/validate/check-data';
import { fixId, reportValue } from '../../core/validate/fixes';
import { PROBLEM_LABELS, type ProblemKind } from '../../core/validate/problem';
import { TAB, TAB_HEADERS } from '../../core/schema/tabs';
import { CHECK_KINDS, CHECKED_AT_LABELS, checkWords, fixGroupText, problemText } from '../../core/i18n/check-words';
import type { Lang } from '../../core/i18n/lang';
import { canonicalHeaders, localHeaders } from '../../core/i18n/sheet-words';
import { cellText, type CellValue } from '../../core/values';

export const REPORT_HEADER = TAB_HEADERS['Check data'];
/** Problems listed in the tab; beyond this the summary says how many more there are. */
export const REPORT_LIMIT = 100_000;
/** Report columns, then one empty column, then the summary block. */
export const SUMMARY_COLUMN = REPORT_HEADER.length + 2;
export const REPORT_WIDTH = SUMMARY_COLUMN + 1;
/** Column formats: text everywhere (a value like "=HYPERLINK(…)" stays text), whole numbers for Row. */
export const REPORT_FORMATS: readonly (string | undefined)[] = [...REPORT_HEADER.map((h) => (h === 'Row' ? '0' : '@')), '@', '@', undefined];

export interface FixGroup {
  key: string;
  label: string;
  kind: ProblemKind;
  count: number;
}

/** Fixes the user accepts together: one formatting reason of one column, or one kind of invalid value in one column. */
export function fixGroupKey(problem: Pick<CheckProblem, 'kind' | 'column' | 'problem' | 'fix'>): string | undefined {
  if (problem.fix === undefined) return undefined;
  return problem.kind === 'format' ? `format|${problem.problem}` : `${problem.kind}|${problem.column}`;
}

export function fixGroupLabel(problem: Pick<CheckProblem, 'kind' | 'column' | 'problem'>): string {
  return problem.kind === 'format' ? problem.problem : `${problem.column}: ${PROBLEM_LABELS[problem.kind]}`;
}

export function fixGroups(problems: readonly CheckProblem[]): FixGroup[] {
  const groups = new Map<string, FixGroup>();
  for (const p of problems) {
    const key = fixGroupKey(p);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { key, label: fixGroupLabel(p), kind: p.kind, count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export function kindCounts(report: CheckReport): { kind: ProblemKind; label: string; count: number }[] {
  return (Object.entries(report.summary) as [ProblemKind, number][])
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => ({ kind, label: PROBLEM_LABELS[kind] ?? kind, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export function fixText(fix: CellValue | undefined): string {
  if (fix === undefined) return '';
  if (typeof fix === 'boolean') return fix ? 'TRUE' : 'FALSE';
  return reportValue(fix);
}

/** The one-paragraph summary shown in the alert after Check data, in the user's language. */
export function summaryText(report: CheckReport, tab: string, lang: Lang = 'en'): string {
  const w = checkWords(lang);
  const total = report.problems.length;
  if (total === 0) return w.noProblems(report.checkedRows);
  const lines = [w.found(report.checkedRows, total), ''];
  for (const k of kindCounts(report)) lines.push(`${CHECK_KIND(lang, k.kind, k.label)}: ${k.count}`);
  const groups = fixGroups(report.problems);
  const fixable = groups.reduce((n, g) => n + g.count, 0);
  if (fixable > 0) lines.push('', w.fixable(fixable));
  lines.push('', w.listedIn(tab));
  if (total > REPORT_LIMIT) lines.push(w.firstOnly(REPORT_LIMIT));
  return lines.join('\n');
}

const CHECK_KIND = (lang: Lang, kind: ProblemKind, label: string): string => CHECK_KINDS[lang]?.[kind] ?? label;

/**
 * Every cell of the tab from A1, `height` rows tall (at least the report's
 * own height): rows below the new report are blanked, so one write replaces
 * the previous report whatever its length.
 */
export function reportValues(report: CheckReport, checkedAt: Date, height: number, lang: Lang = 'en'): unknown[][] {
  const w = checkWords(lang);
  const header = localHeaders(REPORT_HEADER, lang);
  const listed = report.problems.slice(0, REPORT_LIMIT);
  const summary: unknown[][] = [
    [w.summary, w.count],
    [w.checkedAt, checkedAt],
    [w.rowsChecked, report.checkedRows],
    [w.problems, report.problems.length],
  ];
  if (listed.length < report.problems.length) summary.push([w.listed, listed.length]);
  summary.push(['', '']);
  for (const k of kindCounts(report)) summary.push([CHECK_KIND(lang, k.kind, k.label), k.count]);
  const groups = fixGroups(report.problems);
  if (groups.length) {
    summary.push(['', ''], [w.fixes, groups.reduce((n, g) => n + g.count, 0)]);
    for (const g of groups) summary.push([fixGroupText(g, lang), g.count]);
  }
  const rows = Math.max(height, listed.length + 1, summary.length);
  const out: unknown[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = new Array(REPORT_WIDTH).fill('');
    if (r === 0) header.forEach((h, i) => (line[i] = h));
    else if (r <= listed.length) {
      const p = listed[r - 1];
      line[0] = p.rowIndex >= 0 ? p.row : '';
      line[1] = p.column;
      line[2] = p.value;
      line[3] = problemText(p, lang);
      line[4] = fixText(p.fix);
      line[5] = p.clientId ?? '';
    }
    if (r < summary.length) {
      line[SUMMARY_COLUMN - 1] = summary[r][0];
      line[SUMMARY_COLUMN] = summary[r][1];
    }
    out[r] = line;
  }
  return out;
}

export interface ReadReport {
  /** Problem id → the cell value as the report showed it. */
  seen: Map<string, string>;
  checkedAt?: Date;
}

/** What the last check showed, from the tab's values (getValues of its data range). */
export function readReport(values: readonly (readonly unknown[])[]): ReadReport | null {
  const [written, ...rows] = values;
  if (!written) return null;
  // A report written in Russian reads back by its English headers.
  const header = canonicalHeaders(
    TAB.checks,
    written.map((h) => cellText(h).trim()),
  );
  if (header[0] !== REPORT_HEADER[0]) return null;
  const col = (name: string) => header.indexOf(name);
  const [rowCol, columnCol, valueCol, idCol] = [col('Row'), col('Column'), col('Value'), col('Client ID')];
  if (rowCol < 0 || columnCol < 0 || valueCol < 0) return null;
  const seen = new Map<string, string>();
  let checkedAt: Date | undefined;
  for (const row of rows) {
    if (CHECKED_AT_LABELS.includes(cellText(row[SUMMARY_COLUMN - 1]))) {
      const at = row[SUMMARY_COLUMN];
      if (Object.prototype.toString.call(at) === '[object Date]') checkedAt = at as Date;
    }
    const column = cellText(row[columnCol]);
    const sheetRow = Number(row[rowCol]);
    if (!column || !Number.isInteger(sheetRow) || sheetRow < 1) continue;
    const clientId = idCol >= 0 ? cellText(row[idCol]).trim() : '';
    seen.set(fixId({ row: sheetRow, column, clientId: clientId || undefined }), cellText(row[valueCol]));
  }
  return { seen, checkedAt };
}
