/**
 * The sheet side of Check data: write the report tab in one write and the
 * marks in one read and one write of backgrounds and notes. Calls depend on
 * the number of columns at most, never on rows.
 */
import type { CheckProblem, CheckReport } from '../../core/validate/check-data';
import { TAB } from '../../core/schema/tabs';
import { FIRST_DATA_ROW, findSheet } from '../../gas/sheets';
import { languageOfTab } from '../../gas/tab-keys';
import { problemText } from '../../core/i18n/check-words';
import type { Lang } from '../../core/i18n/lang';
import { applyColumnFormats, ensureTab } from '../../gas/tabs';
import { cellKey, planMarks, type MarkPlan } from './marks';
import { readReport, REPORT_FORMATS, REPORT_HEADER, REPORT_WIDTH, reportValues, type ReadReport } from './report';

/** Replaces the report tab's contents: one setValues (plus one insertRows when the report outgrows the tab). */
export function writeReport(report: CheckReport, checkedAt: Date): void {
  const { sheet } = ensureTab(TAB.checks, { header: REPORT_HEADER, formats: REPORT_FORMATS.slice(0, REPORT_HEADER.length) });
  const previous = sheet.getLastRow();
  // Written in the tab's language (Проблема, Итог…) and read back in any of them.
  const values = reportValues(report, checkedAt, previous, languageOfTab(sheet));
  const maxRows = sheet.getMaxRows();
  if (maxRows < values.length) sheet.insertRowsAfter(maxRows, values.length - maxRows);
  if (sheet.getMaxColumns() < REPORT_WIDTH) sheet.insertColumnsAfter(sheet.getMaxColumns(), REPORT_WIDTH - sheet.getMaxColumns());
  // Formats again every time: someone may have reformatted the tab, and text must stay text.
  applyColumnFormats(sheet, REPORT_FORMATS);
  sheet.getRange(1, 1, values.length, REPORT_WIDTH).setValues(values);
}

/** The report tab as it is called now (Проверка данных in a base set up in Russian, or a name given by hand). */
export function reportTabName(): string {
  return findSheet(TAB.checks)?.getName() ?? TAB.checks;
}

export function readLastReport(): ReadReport | null {
  const sheet = findSheet(TAB.checks);
  if (!sheet) return null;
  return readReport(sheet.getDataRange().getValues());
}

/** Problem messages per cell of the data block (rows and columns 0-based, below the header). */
export function problemsByCell(problems: readonly CheckProblem[], lang: Lang = 'en'): Map<string, string[]> {
  const byCell = new Map<string, string[]>();
  for (const p of problems) {
    if (p.rowIndex < 0 || p.columnIndex < 0) continue;
    const key = cellKey(p.rowIndex, p.columnIndex);
    const text = problemText(p, lang);
    const list = byCell.get(key);
    if (list) {
      if (!list.includes(text)) list.push(text);
    } else byCell.set(key, [text]);
  }
  return byCell;
}

/**
 * Marks exactly the cells with problems and clears the add-on's earlier
 * marks everywhere else in the data block (`rows` × `columns` below the
 * header). Two reads and at most two writes.
 */
export function writeMarks(rows: number, columns: number, problems: readonly CheckProblem[]): MarkPlan | null {
  const sheet = findSheet(TAB.clients);
  if (!sheet || rows <= 0 || columns <= 0) return null;
  const range = sheet.getRange(FIRST_DATA_ROW, 1, rows, columns);
  const plan = planMarks(range.getBackgrounds(), range.getNotes(), problemsByCell(problems, languageOfTab(sheet)));
  if (plan.changed) {
    // Notes first: should the second write fail, a note without its colour is still recognised as ours next time.
    range.setNotes(plan.notes);
    range.setBackgrounds(plan.backgrounds);
  }
  return plan;
}
