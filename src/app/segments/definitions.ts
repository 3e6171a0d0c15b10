/**
 * The rows of the Segments tab (Name, Rule, Description, Count, Refreshed)
 * and what each one means against the current Clients header: a parsed rule,
 * or an error that says what is wrong and where. One bad row never stops the
 * others.
 */
import { Columns } from '../../core/clients/columns';
import type { RuleAst } from '../../core/rules/ast';
import { pointAt } from '../../core/rules/errors';
import { parseRule, type RuleOptions } from '../../core/rules/parser';
import { AppFailure } from '../../core/result';
import { TAB, TAB_HEADERS } from '../../core/schema/tabs';
import { cellText, isDate, type CellValue } from '../../core/values';
import { findSheet, tableFromValues } from '../../gas/sheets';

export interface SegmentRow {
  /** 0-based data row: sheet row `index + 2`. */
  index: number;
  name: string;
  rule: string;
  description: string;
  /** When the refresh last wrote its tab (ISO), or ''. */
  refreshed: string;
  /** The Columns cell: which Clients columns its tab shows ('' = the default; core/segments/tab-columns.ts). */
  columns: string;
  /** What its live Count formula shows now, when that is a number (Sheets computed it over the same tabs). */
  liveCount?: number;
}

export interface SegmentsTab {
  header: string[];
  rows: SegmentRow[];
  /** 0-based columns of Count and Refreshed, where the refresh writes. */
  countColumn: number;
  refreshedColumn: number;
  ruleColumn: number;
  nameColumn: number;
  /** -1 when the tab has no Description column. */
  descriptionColumn: number;
  /** Data rows in the tab, blank ones included. */
  rowCount: number;
  /** The tab itself, so a write under the same lock need not look it up again. */
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

export type CheckedSegment = SegmentRow & ({ ok: true; ast: RuleAst } | { ok: false; error: string; duplicate?: boolean });

/** Longest name shown back in messages; longer names are kept in the tab as they are. */
const SHOWN_NAME = 80;

export function shownName(name: string): string {
  return name.length > SHOWN_NAME ? `${name.slice(0, SHOWN_NAME)}…` : name;
}

/** The Segments tab in one batched read (values: Count's formulas are the add-on's own, rewritten whole). Blank rows are skipped; rows keep their sheet position. */
export function readSegmentsTab(): SegmentsTab {
  const sheet = findSheet(TAB.segments);
  if (!sheet) throw new AppFailure('not_found', 'The Segments tab is missing. Run ClientBase ▸ Set up.');
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const table = tableFromValues(TAB.segments, values);
  const header = table.header.length ? table.header : [...TAB_HEADERS.Segments];
  const cols = new Columns(header);
  const column = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new AppFailure('not_found', `The Segments tab has no "${name}" column. Its header must be ${TAB_HEADERS.Segments.join(', ')}.`);
    return i;
  };
  const nameColumn = column('Name');
  const ruleColumn = column('Rule');
  const descriptionColumn = cols.indexOf('Description');
  const refreshedColumn = column('Refreshed');
  const countColumn = column('Count');
  // Optional: a Segments tab made before segment tabs had chosen columns has none.
  const columnsColumn = cols.indexOf('Columns');
  const rows: SegmentRow[] = [];
  table.rows.forEach((row, index) => {
    const name = cellText(row[nameColumn]).trim();
    const rule = cellText(row[ruleColumn]);
    if (name === '' && rule.trim() === '') return;
    const refreshed = row[refreshedColumn];
    rows.push({
      index,
      name,
      rule,
      description: descriptionColumn < 0 ? '' : cellText(row[descriptionColumn]),
      refreshed: isDate(refreshed) ? refreshed.toISOString() : '',
      columns: columnsColumn < 0 ? '' : cellText(row[columnsColumn]),
      ...(typeof row[countColumn] === 'number' && Number.isFinite(row[countColumn]) ? { liveCount: row[countColumn] as number } : {}),
    });
  });
  return {
    header,
    rows,
    countColumn,
    refreshedColumn,
    ruleColumn,
    nameColumn,
    descriptionColumn,
    rowCount: table.rows.length,
    sheet,
  };
}

/** The rule's error with the caret line under the offending text, as shown in a note or the sidebar. */
export function describeRuleError(rule: string, error: { message: string; position: number; length: number }): string {
  return `${error.message}\n${pointAt(rule, error)}`;
}

/** Parses a rule against the Clients header; throws a validation failure carrying the message and caret. */
export function parseOrFail(rule: string, clientsHeader: readonly string[], options?: RuleOptions): RuleAst {
  const parsed = parseRule(typeof rule === 'string' ? rule : (undefined as unknown as string), [...clientsHeader], options);
  if (!parsed.ok) throw new AppFailure('validation', describeRuleError(String(rule ?? ''), parsed.error), { rule: parsed.error.message });
  return parsed.rule;
}

/** Each row parsed against the Clients header; a missing or repeated name is an error of that row. */
export function checkSegments(rows: readonly SegmentRow[], clientsHeader: readonly string[], options?: RuleOptions): CheckedSegment[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    if (row.name === '') return { ...row, ok: false, error: 'This segment has no name: write one in the Name column.' };
    const key = row.name.toLowerCase();
    if (seen.has(key))
      return { ...row, ok: false, duplicate: true, error: `Another segment above is also named "${shownName(row.name)}": give each segment its own name.` };
    seen.add(key);
    const parsed = parseRule(row.rule, [...clientsHeader], options);
    if (!parsed.ok) return { ...row, ok: false, error: describeRuleError(row.rule, parsed.error) };
    return { ...row, ok: true, ast: parsed.rule };
  });
}

export function findSegment(rows: readonly SegmentRow[], name: string): SegmentRow | undefined {
  const key = String(name ?? '')
    .trim()
    .toLowerCase();
  return key === '' ? undefined : rows.find((r) => r.name.toLowerCase() === key);
}
