/** Sheet: one tab of the spreadsheet. */
import { SERVICE } from '../calls';
import { SheetCharts } from './charts';
import type { SheetsEnv } from './env';
import { DEFAULT_COLUMN_WIDTH, ServiceError, type SheetModel } from './model';

type G = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

export type SheetMethod =
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getParent'
  | 'getRange'
  | 'getDataRange'
  | 'getRangeList'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'appendRow'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'deleteRow'
  | 'deleteRows'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'hideRows'
  | 'showRows'
  | 'hideRow'
  | 'unhideRow'
  | 'isRowHiddenByUser'
  | 'isRowHiddenByFilter'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'protect'
  | 'getProtections'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'autoResizeColumns'
  | 'autoResizeColumn'
  | 'setTabColor'
  | 'getTabColor'
  | 'getFilter'
  | 'activate'
  | 'getActiveRange'
  | 'setConditionalFormatRules'
  | 'getConditionalFormatRules'
  | 'sort'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'updateChart'
  | 'removeChart';

export class Sheet implements Pick<G, SheetMethod> {
  readonly [SERVICE] = 'Sheet';

  constructor(
    private env: SheetsEnv,
    readonly model: SheetModel,
  ) {}

  private self(): G {
    return this as unknown as G;
  }

  private get book() {
    return this.env.model;
  }

  getName(): string {
    return this.model.name;
  }

  setName(name: string): G {
    this.book.checkSheetName(name, this.model);
    this.model.name = name;
    this.book.touch();
    return this.self();
  }

  getSheetId(): number {
    return this.model.id;
  }

  getIndex(): number {
    return this.book.sheets.indexOf(this.model) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.env.spreadsheet();
  }

  getRange(row: number, column: number, numRows?: number, numColumns?: number): GRange;
  getRange(a1Notation: string): GRange;
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    if (typeof a === 'string') {
      const { sheet, rect } = this.book.resolve(a, this.model);
      return this.env.range(sheet, rect);
    }
    const rect = { row: a, col: column as number, numRows: numRows ?? 1, numCols: numColumns ?? 1 };
    this.book.checkRect(this.model, rect);
    return this.env.range(this.model, rect);
  }

  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    return this.env.rangeList(a1Notations.map((a1) => this.book.resolve(a1, this.model)));
  }

  getDataRange(): GRange {
    return this.env.range(this.model, { row: 1, col: 1, numRows: Math.max(1, this.getLastRow()), numCols: Math.max(1, this.getLastColumn()) });
  }

  getLastRow(): number {
    return this.book.lastRow(this.model);
  }

  getLastColumn(): number {
    return this.book.lastCol(this.model);
  }

  getMaxRows(): number {
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    return this.model.maxCols;
  }

  appendRow(rowContents: any[]): G {
    if (!Array.isArray(rowContents))
      throw new ServiceError('The parameters (' + typeof rowContents + ") don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    if (rowContents.length === 0) return this.self();
    const row = this.getLastRow() + 1;
    const grewRows = row > this.model.maxRows;
    const grewCols = Math.max(0, rowContents.length - this.model.maxCols);
    if (grewRows) this.book.insertRows(this.model, row, 1, row > 1 ? row - 1 : undefined);
    if (grewCols) this.book.insertCols(this.model, this.model.maxCols + 1, grewCols);
    try {
      this.book.writeBlock(this.model, { row, col: 1, numRows: 1, numCols: rowContents.length }, [rowContents]);
    } catch (error) {
      if (grewRows) this.book.deleteRows(this.model, row, 1);
      throw error;
    }
    return this.self();
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.book.insertRows(this.model, rowIndex, numRows, rowIndex > 1 ? rowIndex - 1 : undefined);
  }

  insertRowsAfter(afterPosition: number, howMany: number): G {
    this.checkRowPosition(afterPosition);
    this.book.insertRows(this.model, afterPosition + 1, howMany, afterPosition);
    return this.self();
  }

  insertRowsBefore(beforePosition: number, howMany: number): G {
    this.checkRowPosition(beforePosition);
    this.book.insertRows(this.model, beforePosition, howMany, beforePosition);
    return this.self();
  }

  insertRowAfter(afterPosition: number): G {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowBefore(beforePosition: number): G {
    return this.insertRowsBefore(beforePosition, 1);
  }

  deleteRow(rowPosition: number): G {
    this.book.deleteRows(this.model, rowPosition, 1);
    return this.self();
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.book.deleteRows(this.model, rowPosition, howMany);
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.book.insertCols(this.model, columnIndex, numColumns, columnIndex > 1 ? columnIndex - 1 : undefined);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): G {
    this.checkColPosition(afterPosition);
    this.book.insertCols(this.model, afterPosition + 1, howMany, afterPosition);
    return this.self();
  }

  insertColumnsBefore(beforePosition: number, howMany: number): G {
    this.checkColPosition(beforePosition);
    this.book.insertCols(this.model, beforePosition, howMany, beforePosition);
    return this.self();
  }

  insertColumnAfter(afterPosition: number): G {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumnBefore(beforePosition: number): G {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  deleteColumn(columnPosition: number): G {
    this.book.deleteCols(this.model, columnPosition, 1);
    return this.self();
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.book.deleteCols(this.model, columnPosition, howMany);
  }

  private checkRowPosition(position: number): void {
    if (!Number.isInteger(position) || position < 1 || position > this.model.maxRows) throw new ServiceError('Those rows are out of bounds.');
  }

  private checkColPosition(position: number): void {
    if (!Number.isInteger(position) || position < 1 || position > this.model.maxCols) throw new ServiceError('Those columns are out of bounds.');
  }

  setFrozenRows(rows: number): void {
    if (!Number.isInteger(rows) || rows < 0 || rows >= this.model.maxRows) throw new ServiceError("Sorry, it's not possible to freeze that many rows.");
    this.model.frozenRows = rows;
    this.book.touchLooks();
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    if (!Number.isInteger(columns) || columns < 0 || columns >= this.model.maxCols)
      throw new ServiceError("Sorry, it's not possible to freeze that many columns.");
    this.model.frozenCols = columns;
    this.book.touchLooks();
  }

  getFrozenColumns(): number {
    return this.model.frozenCols;
  }

  private setRowsHidden(rowIndex: number, numRows: number, hidden: boolean): void {
    if (!Number.isInteger(rowIndex) || !Number.isInteger(numRows) || rowIndex < 1 || numRows < 1 || rowIndex + numRows - 1 > this.model.maxRows) {
      throw new ServiceError('Those rows are out of bounds.');
    }
    for (let r = rowIndex - 1; r < rowIndex - 1 + numRows; r++) this.model.hiddenRows[r] = hidden;
    this.book.touchLooks();
  }

  hideRows(rowIndex: number, numRows = 1): void {
    this.setRowsHidden(rowIndex, numRows, true);
  }

  showRows(rowIndex: number, numRows = 1): void {
    this.setRowsHidden(rowIndex, numRows, false);
  }

  hideRow(row: GRange): void {
    const { rect } = this.env.rangeTarget(row);
    this.setRowsHidden(rect.row, rect.numRows, true);
  }

  unhideRow(row: GRange): void {
    const { rect } = this.env.rangeTarget(row);
    this.setRowsHidden(rect.row, rect.numRows, false);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    this.checkRowPosition(rowPosition);
    return this.model.hiddenRows[rowPosition - 1] === true;
  }

  /** Filter criteria are stored, not applied: no row is ever hidden by a filter. */
  isRowHiddenByFilter(rowPosition: number): boolean {
    this.checkRowPosition(rowPosition);
    return false;
  }

  hideSheet(): G {
    if (this.book.sheets.filter((s) => !s.hidden && s !== this.model).length === 0) {
      throw new ServiceError("Sorry, it's not possible to hide all the sheets in a document.");
    }
    this.model.hidden = true;
    this.book.touchLooks();
    return this.self();
  }

  showSheet(): G {
    this.model.hidden = false;
    this.book.touchLooks();
    return this.self();
  }

  isSheetHidden(): boolean {
    return this.model.hidden;
  }

  private all() {
    return { row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxCols };
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): G {
    if (!options?.formatOnly) this.book.clearContents(this.model, this.all());
    if (!options?.contentsOnly) this.book.clearFormats(this.model, this.all());
    return this.self();
  }

  clearContents(): G {
    this.book.clearContents(this.model, this.all());
    return this.self();
  }

  clearFormats(): G {
    this.book.clearFormats(this.model, this.all());
    return this.self();
  }

  clearNotes(): G {
    this.model.notes.clear();
    this.book.touchLooks();
    return this.self();
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const existing = this.book.protections.find((p) => p.type === 'SHEET' && p.sheetId === this.model.id);
    if (existing) return this.env.protection(existing);
    const data = {
      id: this.book.nextProtectionId++,
      type: 'SHEET' as const,
      sheetId: this.model.id,
      description: '',
      warningOnly: false,
      editors: [this.env.user()],
      domainEdit: true,
      unprotected: [],
    };
    this.book.protections.push(data);
    this.book.touchLooks();
    return this.env.protection(data);
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.book.protections.filter((p) => p.sheetId === this.model.id && p.type === String(type)).map((p) => this.env.protection(p));
  }

  setColumnWidth(columnPosition: number, width: number): G {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): G {
    this.checkColPosition(startColumn);
    this.checkColPosition(startColumn + numColumns - 1);
    for (let c = startColumn - 1; c < startColumn - 1 + numColumns; c++) this.model.columnWidths[c] = width;
    this.book.touchLooks();
    return this.self();
  }

  getColumnWidth(columnPosition: number): number {
    this.checkColPosition(columnPosition);
    return this.model.columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Widths from the longest displayed text (7 px a character, like a default 10pt font). */
  autoResizeColumns(startColumn: number, numColumns: number): G {
    this.checkColPosition(startColumn);
    this.checkColPosition(startColumn + numColumns - 1);
    const rows = Math.max(1, this.getLastRow());
    const display = this.book.readDisplay(this.model, { row: 1, col: startColumn, numRows: rows, numCols: numColumns });
    for (let j = 0; j < numColumns; j++) {
      const longest = Math.max(0, ...display.map((row) => row[j].length));
      this.model.columnWidths[startColumn - 1 + j] = Math.max(21, Math.min(longest * 7 + 10, 1000));
    }
    this.book.touchLooks();
    return this.self();
  }

  autoResizeColumn(columnPosition: number): G {
    return this.autoResizeColumns(columnPosition, 1);
  }

  setTabColor(color: string | null): G {
    this.model.tabColor = color;
    this.book.touchLooks();
    return this.self();
  }

  getTabColor(): string | null {
    return this.model.tabColor;
  }

  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this.model.filter ? this.env.filter(this.model) : null;
  }

  activate(): G {
    this.book.select(this.model, [{ row: 1, col: 1, numRows: 1, numCols: 1 }]);
    return this.self();
  }

  getActiveRange(): GRange | null {
    const selection = this.book.selection;
    if (!selection || selection.sheetId !== this.model.id) return this.env.range(this.model, { row: 1, col: 1, numRows: 1, numCols: 1 });
    // "If multiple ranges are selected this method returns only the last selected range" (reference/spreadsheet/sheet#getActiveRange()).
    return this.env.range(this.model, selection.ranges[selection.ranges.length - 1]);
  }

  /** Stored; conditional formats are not applied to display values. */
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.model.conditionalRules = rules.map((rule) => this.env.conditionalRuleTarget(rule));
    this.book.touchLooks();
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.model.conditionalRules.map((data) => this.env.conditionalRule(data));
  }

  sort(columnPosition: number, ascending = true): G {
    const rows = this.getLastRow() - this.model.frozenRows;
    if (rows > 0) {
      this.book.sortRows(this.model, { row: this.model.frozenRows + 1, col: 1, numRows: rows, numCols: Math.max(1, this.getLastColumn()) }, [
        { column: columnPosition, ascending },
      ]);
    }
    return this.self();
  }

  // Charts: emulator/spreadsheet/charts.ts.
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new SheetCharts(this.env, this.model).newChart();
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    new SheetCharts(this.env, this.model).insert(chart);
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return new SheetCharts(this.env, this.model).list();
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    new SheetCharts(this.env, this.model).update(chart);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    new SheetCharts(this.env, this.model).remove(chart);
  }
}
