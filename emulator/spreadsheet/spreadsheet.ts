/** Spreadsheet (the one bound document) and SpreadsheetApp. */
import { SERVICE } from '../calls';
import { asEnum, Dimension, enumOf, ProtectionType, WrapStrategy } from '../enums';
import { CRITERIA } from './rules';
import type { SheetsEnv } from './env';
import { ServiceError } from './model';
import { Ui } from './ui';

type G = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

export type SpreadsheetMethod =
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getSheetByName'
  | 'getSheets'
  | 'getNumSheets'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getActiveRange'
  | 'getActiveRangeList'
  | 'getSelection'
  | 'getCurrentCell'
  | 'getRange'
  | 'getRangeList'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'toast'
  | 'getSheetById';

export class Spreadsheet implements Pick<G, SpreadsheetMethod> {
  readonly [SERVICE] = 'Spreadsheet';

  constructor(private env: SheetsEnv) {}

  private get book() {
    return this.env.model;
  }

  getId(): string {
    return this.book.id;
  }

  getName(): string {
    return this.book.name;
  }

  rename(newName: string): void {
    this.book.name = String(newName);
    this.book.touch();
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.book.id}/edit`;
  }

  getSheetByName(name: string): GSheet | null {
    const sheet = this.book.sheetByName(name);
    return sheet ? this.env.sheet(sheet) : null;
  }

  getSheetById(id: number): GSheet | null {
    const sheet = this.book.sheetById(id);
    return sheet ? this.env.sheet(sheet) : null;
  }

  getSheets(): GSheet[] {
    return this.book.sheets.map((s) => this.env.sheet(s));
  }

  getNumSheets(): number {
    return this.book.sheets.length;
  }

  insertSheet(): GSheet;
  insertSheet(sheetIndex: number): GSheet;
  insertSheet(sheetName: string): GSheet;
  insertSheet(sheetName: string, sheetIndex: number): GSheet;
  insertSheet(a?: string | number | object, b?: number | object): GSheet {
    const name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : undefined;
    const sheet = this.book.addSheet(name, index);
    this.book.select(sheet, [{ row: 1, col: 1, numRows: 1, numCols: 1 }]);
    return this.env.sheet(sheet);
  }

  deleteSheet(sheet: GSheet): void {
    this.book.deleteSheet(this.env.sheetTarget(sheet));
  }

  getActiveSheet(): GSheet {
    return this.env.sheet(this.book.activeSheet());
  }

  setActiveSheet(sheet: GSheet): GSheet {
    const model = this.env.sheetTarget(sheet);
    this.book.select(model, [{ row: 1, col: 1, numRows: 1, numCols: 1 }]);
    return this.env.sheet(model);
  }

  getActiveRange(): GRange | null {
    const sheet = this.book.activeSheet();
    const ranges = this.book.selection?.ranges ?? [{ row: 1, col: 1, numRows: 1, numCols: 1 }];
    return this.env.range(sheet, ranges[ranges.length - 1]);
  }

  getActiveRangeList(): GoogleAppsScript.Spreadsheet.RangeList | null {
    const sheet = this.book.activeSheet();
    const ranges = this.book.selection?.ranges ?? [{ row: 1, col: 1, numRows: 1, numCols: 1 }];
    return this.env.rangeList(ranges.map((rect) => ({ sheet, rect })));
  }

  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return this.env.selection();
  }

  getCurrentCell(): GRange | null {
    const sheet = this.book.activeSheet();
    const current = this.book.selection?.current ?? { row: 1, col: 1 };
    return this.env.range(sheet, { ...current, numRows: 1, numCols: 1 });
  }

  getRange(a1Notation: string): GRange {
    const { sheet, rect } = this.book.resolve(a1Notation, undefined);
    return this.env.range(sheet, rect);
  }

  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    return this.env.rangeList(a1Notations.map((a1) => this.book.resolve(a1, undefined)));
  }

  getSpreadsheetTimeZone(): string {
    return this.book.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.book.timeZone = timezone;
    this.book.touch();
  }

  getSpreadsheetLocale(): string {
    return this.book.locale;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.env.uiLog.toasts.push({
      message: String(msg),
      ...(title !== undefined ? { title: String(title) } : {}),
      ...(typeof timeoutSeconds === 'number' ? { timeoutSeconds } : {}),
    });
  }
}

type GApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export type SpreadsheetAppMember =
  | 'getActiveSpreadsheet'
  | 'getActive'
  | 'openById'
  | 'getUi'
  | 'flush'
  | 'newDataValidation'
  | 'newConditionalFormatRule'
  | 'getActiveSheet'
  | 'getActiveRange'
  | 'getActiveRangeList'
  | 'getSelection'
  | 'getCurrentCell'
  | 'setActiveSheet'
  | 'DataValidationCriteria'
  | 'ProtectionType'
  | 'Dimension'
  | 'WrapStrategy';

export class SpreadsheetApp implements Pick<GApp, SpreadsheetAppMember> {
  readonly [SERVICE] = 'SpreadsheetApp';
  readonly DataValidationCriteria = asEnum<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>(enumOf(...CRITERIA));
  readonly ProtectionType = asEnum<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(ProtectionType);
  readonly Dimension = asEnum<typeof GoogleAppsScript.Spreadsheet.Dimension>(Dimension);
  readonly WrapStrategy = asEnum<typeof GoogleAppsScript.Spreadsheet.WrapStrategy>(WrapStrategy);
  private ui: Ui;

  constructor(private env: SheetsEnv) {
    this.ui = new Ui(env.uiLog, env.addonName);
  }

  private book(): Spreadsheet {
    return this.env.spreadsheet() as unknown as Spreadsheet;
  }

  getActiveSpreadsheet(): G {
    return this.env.spreadsheet();
  }

  getActive(): G {
    return this.env.spreadsheet();
  }

  openById(id: string): G {
    if (id !== this.env.model.id) throw new ServiceError('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return this.env.spreadsheet();
  }

  getUi(): GoogleAppsScript.Base.Ui {
    return this.ui as unknown as GoogleAppsScript.Base.Ui;
  }

  /** Writes are applied at once here, so flush only counts as a call. */
  flush(): void {}

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.env.validationBuilder();
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.env.conditionalRuleBuilder();
  }

  getActiveSheet(): GSheet {
    return this.book().getActiveSheet();
  }

  getActiveRange(): GRange {
    return this.book().getActiveRange() as GRange;
  }

  getActiveRangeList(): GoogleAppsScript.Spreadsheet.RangeList {
    return this.book().getActiveRangeList() as GoogleAppsScript.Spreadsheet.RangeList;
  }

  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return this.book().getSelection();
  }

  getCurrentCell(): GRange {
    return this.book().getCurrentCell() as GRange;
  }

  setActiveSheet(sheet: GSheet): GSheet {
    return this.book().setActiveSheet(sheet);
  }
}
