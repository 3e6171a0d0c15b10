/**
 * Writing the Dashboard tab: cells (values and formulas, one call per block),
 * number formats, and embedded charts through Sheet.newChart() (scope
 * spreadsheets.currentonly). The only code naming the Charts service.
 * Calls depend on the number of tables and charts, never on rows.
 */
import { spreadsheet } from './sheets';

export interface DashboardChartSpec {
  type: 'COLUMN' | 'BAR' | 'LINE' | 'PIE';
  /** A1 ranges on the dashboard sheet. */
  ranges: string[];
  anchor: { row: number; col: number };
  options: Record<string, unknown>;
}

/** The tab, created when missing; otherwise cleared of contents, formats and charts (the add-on owns it). */
export function freshDashboardSheet(name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = spreadsheet();
  const sheet = ss.getSheetByName(name);
  if (!sheet) return ss.insertSheet(name);
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  return sheet;
}

/** A new tab has 26 columns; the tables side by side (the deals ones last) need more. */
export function ensureColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, columns: number): void {
  const max = sheet.getMaxColumns();
  if (max < columns) sheet.insertColumnsAfter(max, columns - max);
}

export function writeCells(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, col: number, values: unknown[][]): void {
  if (values.length === 0 || values[0].length === 0) return;
  sheet.getRange(row, col, values.length, values[0].length).setValues(values);
}

export function writeFormula(sheet: GoogleAppsScript.Spreadsheet.Sheet, a1: string, formula: string): void {
  sheet.getRange(a1).setFormula(formula);
}

export function setFormats(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, col: number, numRows: number, formats: string[]): void {
  sheet.getRange(row, col, numRows, formats.length).setNumberFormats(Array.from({ length: numRows }, () => formats.slice()));
}

export function boldRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, col: number, width: number): void {
  sheet.getRange(row, col, 1, width).setFontWeight('bold');
}

export function insertCharts(sheet: GoogleAppsScript.Spreadsheet.Sheet, charts: readonly DashboardChartSpec[]): void {
  for (const spec of charts) {
    let builder = sheet.newChart().setChartType(Charts.ChartType[spec.type]).setPosition(spec.anchor.row, spec.anchor.col, 0, 0);
    for (const a1 of spec.ranges) builder = builder.addRange(sheet.getRange(a1));
    for (const [option, value] of Object.entries(spec.options)) builder = builder.setOption(option, value);
    sheet.insertChart(builder.build());
  }
}

/** Brings the tab to the front with the range selected (Sheets scrolls to it). */
export function showRange(sheet: GoogleAppsScript.Spreadsheet.Sheet, a1: string): void {
  sheet.activate();
  sheet.getRange(a1).activate();
}
