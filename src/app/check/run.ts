/**
 * `Check data`: read Clients once, check every cell against Fields, replace
 * the report tab and the marks in the grid. Also the read-only view of the
 * last check the sidebar opens on.
 */
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import { checkData, type CheckContext, type CheckReport } from '../../core/validate/check-data';
import type { CheckProblem } from '../../core/validate/check-data';
import { findSheet, tableFromValues } from '../../gas/sheets';
import { withDocumentLock } from '../../gas/lock';
import { now } from '../../gas/session';
import { loadBase, requireRole, type Base } from '../base';
import { checkDto, type CheckDto } from './dto';
import { readLastReport, reportTabName, writeMarks, writeReport } from './grid';

export interface ClientsBlock {
  header: string[];
  /** Data rows, trailing blank rows dropped. */
  rows: unknown[][];
  /** Rows below the header in the sheet's data range (blank ones included): the block marks are cleared in. */
  sheetRows: number;
  width: number;
}

export function readClientsBlock(): ClientsBlock {
  const sheet = findSheet(TAB.clients);
  if (!sheet) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
  const values = sheet.getDataRange().getValues();
  const table = tableFromValues(TAB.clients, values);
  return { header: table.header, rows: table.rows, sheetRows: Math.max(values.length - 1, 0), width: values[0]?.length ?? 0 };
}

export function checkContext(base: Base): CheckContext {
  return { defaultCountry: base.settings.defaultCountry, today: now() };
}

export function checkClients(base: Base, block: Pick<ClientsBlock, 'header' | 'rows'>): CheckReport {
  if (block.header.length === 0) throw new AppFailure('not_found', 'The Clients tab is empty: it has no header row. Run ClientBase ▸ Set up.');
  return checkData(base.fields, block.header, block.rows, checkContext(base));
}

/** Writes the report tab and the marks for a finished check; marks are cosmetic, so their failure is reported, not thrown. */
export function publishCheck(report: CheckReport, block: Pick<ClientsBlock, 'sheetRows' | 'width'>, checkedAt: Date): { marksWritten: boolean } {
  writeReport(report, checkedAt);
  try {
    writeMarks(block.sheetRows, block.width, report.problems);
    return { marksWritten: true };
  } catch (err) {
    console.error(`ClientBase could not mark the cells: ${err instanceof Error ? err.message : String(err)}`);
    return { marksWritten: false };
  }
}

export interface CheckOutcome {
  report: CheckReport;
  dto: CheckDto;
  marksWritten: boolean;
}

/** Writes a report tab and notes on Clients, so readers may look but not run it. */
export function runCheck(): CheckOutcome {
  const base = loadBase();
  requireRole(base, 'manager', 'run Check data (it writes the report tab and marks cells)');
  return withDocumentLock(() => {
    const block = readClientsBlock();
    const report = checkClients(base, block);
    const checkedAt = now();
    const { marksWritten } = publishCheck(report, block, checkedAt);
    return { report, dto: checkDto(report, checkedAt, reportTabName()), marksWritten };
  });
}

/** A report holding only the given problems, counted again. */
export function reportOf(problems: CheckProblem[], checkedRows: number): CheckReport {
  const summary: Record<string, number> = {};
  for (const p of problems) summary[p.kind] = (summary[p.kind] ?? 0) + 1;
  return { problems, summary, checkedRows };
}

/**
 * The last check as the sidebar shows it: the problems of a fresh read that
 * the report tab lists with the same value (those Apply fixes will accept),
 * and how many others there are now. Null before the first check.
 */
export function currentCheck(): CheckDto | null {
  const base = loadBase();
  const last = readLastReport();
  if (!last) return null;
  const block = readClientsBlock();
  const fresh = checkClients(base, block);
  const listed = fresh.problems.filter((p) => p.rowIndex < 0 || last.seen.get(p.id) === p.value);
  return checkDto(reportOf(listed, fresh.checkedRows), last.checkedAt ?? now(), reportTabName(), fresh.problems.length - listed.length);
}
