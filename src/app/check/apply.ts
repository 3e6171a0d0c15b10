/**
 * Apply fixes: write the suggested fixes the user accepted, and only those.
 * The check runs again on a fresh read, so problem ids refer to the sheet as
 * it is now; a fix is applied only when its cell still holds the value the
 * report tab showed the user, never over a formula. A snapshot of Clients
 * comes first; a failed write puts back what it had written, so Clients is
 * either fully fixed and audited or unchanged.
 */
import { auditRows, type AuditEntry } from '../../core/audit/entry';
import { Columns } from '../../core/clients/columns';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import type { CellChange } from '../../core/sheet/write-plan';
import type { CheckProblem } from '../../core/validate/check-data';
import { applyFixes } from '../../core/validate/fixes';
import { isDate, type CellValue } from '../../core/values';
import { toSheetDay } from '../../gas/dates';
import { withDocumentLock } from '../../gas/lock';
import { writeChangesById } from '../../gas/rows-by-id';
import { appendRows, readEditableTable, type EditableTable } from '../../gas/sheets';
import { now } from '../../gas/session';
import { loadBase, requireRole, type Base } from '../base';
import { readImages, writeGuarded } from '../snapshots';
import { checkDto, type CheckDto } from './dto';
import { readLastReport, reportTabName } from './grid';
import { fixGroupKey } from './report';
import { checkClients, publishCheck } from './run';

export interface FixSelection {
  /** Problem ids (CheckProblemDto.id) accepted one by one. */
  ids?: string[];
  /** Fix groups (FixGroupDto.key) accepted as a whole. */
  groups?: string[];
  /** Problem ids of accepted groups the user reviewed and left out. */
  excluded?: string[];
}

export interface ApplyFixesDto {
  applied: number;
  /** Accepted fixes not applied, with the reason (first 50). */
  skipped: { id: string; reason: string }[];
  skippedCount: number;
  /** The snapshot taken before writing; '' when nothing was written. */
  snapshotId: string;
  /** The check after the fixes. */
  check: CheckDto;
  /**
   * Whether the report tab and the marks show that check. When not (a write
   * failed after the fixes were saved and audited), the old report stays and
   * its fixed cells read as changed, so nothing is fixed twice: check again.
   */
  reportUpdated: boolean;
}

const MAX_SELECTION = 500_000;
const SKIPPED_SHOWN = 50;

function stringSet(list: unknown, label: string): Set<string> {
  if (list === undefined || list === null) return new Set();
  if (!Array.isArray(list)) throw new AppFailure('bad_input', `${label} must be a list.`);
  if (list.length > MAX_SELECTION) throw new AppFailure('bad_input', `Too many ${label} (${list.length}); accept fixes by group instead.`);
  return new Set(list.filter((x): x is string => typeof x === 'string' && x.length <= 2000));
}

/** The accepted problems that may be fixed, and why the others may not. */
function choose(
  problems: readonly CheckProblem[],
  selection: { ids: Set<string>; groups: Set<string>; excluded: Set<string> },
  seen: Map<string, string>,
  table: EditableTable,
) {
  const chosen: CheckProblem[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const p of problems) {
    if (p.fix === undefined || p.rowIndex < 0) continue;
    const group = fixGroupKey(p);
    if (!selection.ids.has(p.id) && !(group && selection.groups.has(group) && !selection.excluded.has(p.id))) continue;
    if (seen.get(p.id) !== p.value) skipped.push({ id: p.id, reason: `${p.column} in row ${p.row} changed since the check; check again to see its fix` });
    else if (table.formulas[p.rowIndex]?.[p.columnIndex]) skipped.push({ id: p.id, reason: `${p.column} in row ${p.row} holds a formula; fix it by hand` });
    else chosen.push(p);
  }
  return { chosen, skipped };
}

/** Every block and the audit inside one guarded write: a failure or a kill leaves Clients as it was. */
function writeAll(base: Base, table: EditableTable, idColumn: number, changes: readonly CellChange[], audit: unknown[][], reason: string): string {
  try {
    return writeGuarded(base, 'apply fixes', readImages([TAB.clients]), reason, (snapshotId) => {
      writeChangesById(TAB.clients, table, idColumn, changes);
      appendRows(TAB.audit, audit);
      return snapshotId;
    });
  } catch (err) {
    if (err instanceof AppFailure) throw err;
    const cause = err instanceof Error ? err.message : String(err);
    throw new AppFailure('internal', `Applying the fixes failed (${cause}); nothing was changed. Try again.`);
  }
}

export function applyAcceptedFixes(selection: FixSelection): ApplyFixesDto {
  if (!selection || typeof selection !== 'object') throw new AppFailure('bad_input', 'No fixes were chosen.');
  const accepted = { ids: stringSet(selection.ids, 'ids'), groups: stringSet(selection.groups, 'groups'), excluded: stringSet(selection.excluded, 'excluded') };
  const base = loadBase();
  requireRole(base, 'manager', 'apply fixes to clients');
  return withDocumentLock(() => {
    const table = readEditableTable(TAB.clients);
    if (!table) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
    const last = readLastReport();
    if (!last) throw new AppFailure('not_found', 'There is no report to fix from. Run ClientBase ▸ Check data first.');
    const report = checkClients(base, table);
    const { chosen, skipped } = choose(report.problems, accepted, last.seen, table);
    const cols = new Columns(table.header);
    const idColumn = cols.indexOf('ID');
    const fixed = applyFixes(table.rows, chosen, new Set(chosen.map((p) => p.id)), { idColumn });
    skipped.push(...fixed.skipped);
    const stamp = now();
    const sheetValue = (v: CellValue): CellValue => (isDate(v) ? toSheetDay(v, base.timeZone) : v);

    const changes: CellChange[] = [];
    const audit: AuditEntry[] = [];
    const rows = table.rows.slice() as unknown[][];
    const touched = new Set<number>();
    const put = (row: number, column: number, value: unknown) => {
      if (!touched.has(row)) {
        rows[row] = rows[row].slice();
        touched.add(row);
      }
      rows[row][column] = value;
      changes.push({ row, column, value });
    };
    for (const c of fixed.changes) {
      const value = sheetValue(c.newValue);
      put(c.rowIndex, c.columnIndex, value);
      audit.push({
        time: stamp,
        user: base.user,
        action: 'edit',
        clientId: c.clientId ?? '',
        field: c.column,
        oldValue: c.oldValue,
        newValue: value,
        source: 'fix',
      });
    }
    if (changes.length === 0) {
      return {
        applied: 0,
        skipped: skipped.slice(0, SKIPPED_SHOWN),
        skippedCount: skipped.length,
        snapshotId: '',
        check: checkDto(report, last.checkedAt ?? stamp, reportTabName()),
        reportUpdated: true,
      };
    }
    // A fixed client counts as updated: a sidebar form opened before the fix must not write the old value back.
    for (const row of [...touched]) {
      for (const [name, value] of [
        ['Updated', stamp],
        ['Updated by', base.user],
      ] as const) {
        const i = cols.indexOf(name);
        if (i >= 0 && !table.formulas[row]?.[i]) put(row, i, value);
      }
    }
    const snapshotId = writeAll(base, table, idColumn, changes, auditRows(audit, base.timeZone), `before applying ${fixed.changes.length} suggested fixes`);

    const after = checkClients(base, { header: table.header, rows });
    let reportUpdated = true;
    try {
      reportUpdated = publishCheck(after, { sheetRows: table.rows.length, width: table.header.length }, stamp).marksWritten;
    } catch (err) {
      console.error(`ClientBase saved the fixes but could not update the report: ${err instanceof Error ? err.message : String(err)}`);
      reportUpdated = false;
    }
    return {
      applied: fixed.changes.length,
      skipped: skipped.slice(0, SKIPPED_SHOWN),
      skippedCount: skipped.length,
      snapshotId,
      check: checkDto(after, stamp, reportTabName()),
      reportUpdated,
    };
  });
}
