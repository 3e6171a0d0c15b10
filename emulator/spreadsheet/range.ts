/** Range: a rectangle of cells on one sheet. */
import { SERVICE } from '../calls';
import { type GridRect, rectA1 } from './a1';
import type { SheetsEnv } from './env';
import { ServiceError, type SheetModel, type StyleName } from './model';
import { copyRule, type RuleData } from './rules';
import type { Layer } from './layer';
import { TextFinder } from './text-finder';

type G = GoogleAppsScript.Spreadsheet.Range;

export type RangeMethod =
  | 'getValues'
  | 'setValues'
  | 'getValue'
  | 'setValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'setFormulas'
  | 'getFormula'
  | 'setFormula'
  | 'getNumberFormats'
  | 'getNumberFormat'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'setFontColor'
  | 'setFontColors'
  | 'getFontColor'
  | 'setFontStyle'
  | 'setFontSize'
  | 'setFontFamily'
  | 'setBackground'
  | 'setBackgrounds'
  | 'getBackground'
  | 'getBackgrounds'
  | 'setNote'
  | 'setNotes'
  | 'getNote'
  | 'getNotes'
  | 'clearNote'
  | 'setWrap'
  | 'setWraps'
  | 'getWrap'
  | 'setHorizontalAlignment'
  | 'getHorizontalAlignment'
  | 'setVerticalAlignment'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getHeight'
  | 'getWidth'
  | 'getA1Notation'
  | 'getSheet'
  | 'getGridId'
  | 'offset'
  | 'getCell'
  | 'clear'
  | 'clearContent'
  | 'clearFormat'
  | 'clearDataValidations'
  | 'protect'
  | 'createFilter'
  | 'getFilter'
  | 'insertCheckboxes'
  | 'removeCheckboxes'
  | 'activate'
  | 'isBlank'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'sort'
  | 'createTextFinder';

function isMatrix(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

export class Range implements Pick<G, RangeMethod> {
  readonly [SERVICE] = 'Range';

  constructor(
    private env: SheetsEnv,
    readonly sheetModel: SheetModel,
    readonly rect: GridRect,
  ) {}

  private self(): G {
    return this as unknown as G;
  }

  private get model() {
    return this.env.model;
  }

  private cells(): { r: number; c: number; i: number; j: number }[] {
    const out = [];
    for (let i = 0; i < this.rect.numRows; i++)
      for (let j = 0; j < this.rect.numCols; j++) out.push({ r: this.rect.row - 1 + i, c: this.rect.col - 1 + j, i, j });
    return out;
  }

  /** Throws the real messages when a 2D argument does not fit the range. */
  private checkShape(data: unknown, method: string): asserts data is unknown[][] {
    if (!isMatrix(data))
      throw new ServiceError(`The parameters (${data === null ? 'null' : typeof data}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    if (data.length !== this.rect.numRows) {
      throw new ServiceError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.rect.numRows}.`,
      );
    }
    for (const row of data) {
      if (row.length !== this.rect.numCols) {
        throw new ServiceError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.rect.numCols}.`,
        );
      }
    }
  }

  private filled<T>(value: T): T[][] {
    return Array.from({ length: this.rect.numRows }, () => new Array<T>(this.rect.numCols).fill(value));
  }

  private setLayer(layer: Layer<string>, data: unknown[][]): G {
    // Whole-column format grids pass here: plain loops, no cell objects.
    const { row, col, numRows, numCols } = this.rect;
    for (let i = 0; i < numRows; i++) {
      const line = data[i];
      layer.setRowSpan(row - 1 + i, col - 1, numCols, (j) => {
        const v = line[j];
        return v === null || v === undefined || v === '' ? undefined : String(v);
      });
    }
    this.model.touchLooks();
    return this.self();
  }

  private setStyle(name: StyleName, data: unknown[][], method: string): G {
    this.checkShape(data, method);
    return this.setLayer(this.sheetModel.style(name), data);
  }

  private getStyle(name: StyleName, empty: string): string[][] {
    return this.model.readLayer(this.sheetModel.style(name), this.rect, empty);
  }

  // ---- values -----------------------------------------------------------------

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return new TextFinder(this.env, this.sheetModel, this.rect, findText) as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }

  getValues(): any[][] {
    return this.model.readValues(this.sheetModel, this.rect);
  }

  setValues(values: any[][]): G {
    this.checkShape(values, 'setValues');
    this.model.writeBlock(this.sheetModel, this.rect, values);
    return this.self();
  }

  getValue(): any {
    return this.model.readValues(this.sheetModel, { ...this.rect, numRows: 1, numCols: 1 })[0][0];
  }

  setValue(value: any): G {
    this.model.writeBlock(this.sheetModel, this.rect, this.filled(value));
    return this.self();
  }

  getDisplayValues(): string[][] {
    return this.model.readDisplay(this.sheetModel, this.rect);
  }

  getDisplayValue(): string {
    return this.model.readDisplay(this.sheetModel, { ...this.rect, numRows: 1, numCols: 1 })[0][0];
  }

  getFormulas(): string[][] {
    return this.model.readLayer(this.sheetModel.formulas, this.rect, '');
  }

  getFormula(): string {
    return this.sheetModel.formulas.get(this.rect.row - 1, this.rect.col - 1) ?? '';
  }

  setFormulas(formulas: string[][]): G {
    this.checkShape(formulas, 'setFormulas');
    this.model.writeBlock(
      this.sheetModel,
      this.rect,
      formulas.map((row) => row.map((f) => (f === null || f === undefined ? '' : String(f)))),
    );
    return this.self();
  }

  setFormula(formula: string): G {
    this.model.writeBlock(this.sheetModel, this.rect, this.filled(String(formula)));
    return this.self();
  }

  isBlank(): boolean {
    return this.getValues().every((row) => row.every((v) => v === '')) && this.getFormulas().every((row) => row.every((f) => f === ''));
  }

  // ---- formats ------------------------------------------------------------------

  getNumberFormats(): string[][] {
    return this.cells().reduce<string[][]>((out, { r, c, i }) => {
      (out[i] ??= []).push(this.model.numberFormat(this.sheetModel, r, c));
      return out;
    }, []);
  }

  getNumberFormat(): string {
    return this.model.numberFormat(this.sheetModel, this.rect.row - 1, this.rect.col - 1);
  }

  setNumberFormat(numberFormat: string): G {
    return this.setLayer(this.sheetModel.formats, this.filled(numberFormat));
  }

  setNumberFormats(numberFormats: string[][]): G {
    this.checkShape(numberFormats, 'setNumberFormats');
    return this.setLayer(this.sheetModel.formats, numberFormats);
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): G {
    return this.setStyle('fontWeight', this.filled(fontWeight), 'setFontWeight');
  }

  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): G {
    return this.setStyle('fontWeight', fontWeights, 'setFontWeights');
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.getFontWeights()[0][0];
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.getStyle('fontWeight', 'normal') as GoogleAppsScript.Spreadsheet.FontWeight[][];
  }

  setFontColor(color: string | null): G {
    return this.setStyle('fontColor', this.filled(color), 'setFontColor');
  }

  setFontColors(colors: any[][]): G {
    return this.setStyle('fontColor', colors, 'setFontColors');
  }

  getFontColor(): string {
    return this.getStyle('fontColor', '#000000')[0][0];
  }

  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): G {
    return this.setStyle('fontStyle', this.filled(fontStyle), 'setFontStyle');
  }

  setFontSize(size: number): G {
    return this.setStyle('fontSize', this.filled(size), 'setFontSize');
  }

  setFontFamily(fontFamily: string | null): G {
    return this.setStyle('fontFamily', this.filled(fontFamily), 'setFontFamily');
  }

  setBackground(color: string | null): G {
    return this.setStyle('background', this.filled(color), 'setBackground');
  }

  setBackgrounds(color: (string | null)[][]): G {
    return this.setStyle('background', color, 'setBackgrounds');
  }

  getBackground(): string {
    return this.getBackgrounds()[0][0];
  }

  getBackgrounds(): string[][] {
    return this.getStyle('background', '#ffffff');
  }

  setWrap(isWrapEnabled: boolean): G {
    return this.setStyle('wrap', this.filled(isWrapEnabled ? 'true' : null), 'setWrap');
  }

  setWraps(isWrapEnabled: boolean[][]): G {
    this.checkShape(isWrapEnabled, 'setWraps');
    return this.setStyle(
      'wrap',
      isWrapEnabled.map((row) => row.map((w) => (w ? 'true' : null))),
      'setWraps',
    );
  }

  getWrap(): boolean {
    return this.getStyle('wrap', '')[0][0] === 'true';
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): G {
    return this.setStyle('horizontalAlignment', this.filled(alignment === 'normal' ? null : alignment), 'setHorizontalAlignment');
  }

  getHorizontalAlignment(): string {
    return this.getStyle('horizontalAlignment', 'general')[0][0];
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): G {
    return this.setStyle('verticalAlignment', this.filled(alignment), 'setVerticalAlignment');
  }

  // ---- notes --------------------------------------------------------------------

  setNote(note: string | null): G {
    return this.setLayer(this.sheetModel.notes, this.filled(note));
  }

  setNotes(notes: (string | null)[][]): G {
    this.checkShape(notes, 'setNotes');
    return this.setLayer(this.sheetModel.notes, notes);
  }

  getNote(): string {
    return this.sheetModel.notes.get(this.rect.row - 1, this.rect.col - 1) ?? '';
  }

  getNotes(): string[][] {
    return this.model.readLayer(this.sheetModel.notes, this.rect, '');
  }

  clearNote(): G {
    return this.setLayer(this.sheetModel.notes, this.filled(null));
  }

  // ---- geometry -------------------------------------------------------------------

  getRow(): number {
    return this.rect.row;
  }

  getColumn(): number {
    return this.rect.col;
  }

  getNumRows(): number {
    return this.rect.numRows;
  }

  getNumColumns(): number {
    return this.rect.numCols;
  }

  getHeight(): number {
    return this.rect.numRows;
  }

  getWidth(): number {
    return this.rect.numCols;
  }

  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }

  getLastColumn(): number {
    return this.rect.col + this.rect.numCols - 1;
  }

  getA1Notation(): string {
    return rectA1(this.rect);
  }

  getGridId(): number {
    return this.sheetModel.id;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.env.sheet(this.sheetModel);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): G {
    const rect = {
      row: this.rect.row + rowOffset,
      col: this.rect.col + columnOffset,
      numRows: numRows ?? this.rect.numRows,
      numCols: numColumns ?? this.rect.numCols,
    };
    this.model.checkRect(this.sheetModel, rect);
    return this.env.range(this.sheetModel, rect);
  }

  getCell(row: number, column: number): G {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numCols) {
      throw new ServiceError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.env.range(this.sheetModel, { row: this.rect.row + row - 1, col: this.rect.col + column - 1, numRows: 1, numCols: 1 });
  }

  // ---- clearing -------------------------------------------------------------------

  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): G {
    const { contentsOnly, formatOnly, validationsOnly, commentsOnly } = options ?? {};
    const any = contentsOnly || formatOnly || validationsOnly || commentsOnly;
    if (!any || contentsOnly) this.model.clearContents(this.sheetModel, this.rect);
    if (!any || formatOnly) this.model.clearFormats(this.sheetModel, this.rect);
    if (validationsOnly) this.clearDataValidations();
    if (commentsOnly) this.clearNote();
    return this.self();
  }

  clearContent(): G {
    this.model.clearContents(this.sheetModel, this.rect);
    return this.self();
  }

  clearFormat(): G {
    this.model.clearFormats(this.sheetModel, this.rect);
    return this.self();
  }

  // ---- validation -------------------------------------------------------------------

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): G {
    const data = this.env.ruleTarget(rule);
    // Rules are never mutated once stored, so every cell shares one copy.
    const stored = data ? copyRule(data) : undefined;
    this.sheetModel.validations.fill(this.rect.row - 1, this.rect.col - 1, this.rect.numRows, this.rect.numCols, stored);
    this.model.touchLooks();
    return this.self();
  }

  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): G {
    this.checkShape(rules, 'setDataValidations');
    // Every rule is checked before any cell changes; one stored copy per distinct rule (a column
    // passes the same rule for each row), shared like setDataValidation's, as stored rules never change.
    const data = rules.map((row) => row.map((rule) => this.env.ruleTarget(rule)));
    const copies = new Map<RuleData, RuleData>();
    const stored = (rule: RuleData | null): RuleData | undefined => {
      if (!rule) return undefined;
      let copy = copies.get(rule);
      if (!copy) copies.set(rule, (copy = copyRule(rule)));
      return copy;
    };
    const { row, col, numRows, numCols } = this.rect;
    for (let i = 0; i < numRows; i++) this.sheetModel.validations.setRowSpan(row - 1 + i, col - 1, numCols, (j) => stored(data[i][j]));
    this.model.touchLooks();
    return this.self();
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    const rule = this.sheetModel.validations.get(this.rect.row - 1, this.rect.col - 1);
    return rule ? this.env.validation(copyRule(rule)) : null;
  }

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.model
      .readLayer(this.sheetModel.validations, this.rect, undefined)
      .map((row) => row.map((rule) => (rule ? this.env.validation(copyRule(rule)) : null)));
  }

  clearDataValidations(): G {
    this.sheetModel.validations.fill(this.rect.row - 1, this.rect.col - 1, this.rect.numRows, this.rect.numCols, undefined);
    this.model.touchLooks();
    return this.self();
  }

  insertCheckboxes(checkedValue?: any, uncheckedValue?: any): G {
    const args = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    const rule: RuleData = { criteria: 'CHECKBOX', args, allowInvalid: false, helpText: '' };
    for (const { r, c } of this.cells()) {
      this.sheetModel.validations.set(r, c, rule);
      this.sheetModel.formulas.set(r, c, undefined);
      this.sheetModel.values.set(r, c, args.length === 0 ? false : args.length === 2 ? uncheckedValue : undefined);
    }
    this.model.touchCells(this.sheetModel);
    return this.self();
  }

  removeCheckboxes(): G {
    for (const { r, c } of this.cells()) {
      if (this.sheetModel.validations.get(r, c)?.criteria !== 'CHECKBOX') continue;
      this.sheetModel.validations.set(r, c, undefined);
      this.sheetModel.values.set(r, c, undefined);
    }
    this.model.touchCells(this.sheetModel);
    return this.self();
  }

  // ---- sheet features ------------------------------------------------------------------

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const data = {
      id: this.model.nextProtectionId++,
      type: 'RANGE' as const,
      sheetId: this.sheetModel.id,
      rect: { ...this.rect },
      description: '',
      warningOnly: false,
      editors: [this.env.user()],
      domainEdit: true,
      unprotected: [],
    };
    this.model.protections.push(data);
    this.model.touchLooks();
    return this.env.protection(data);
  }

  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    if (this.sheetModel.filter) throw new ServiceError("You can't create a filter in a sheet that already has a filter.");
    this.sheetModel.filter = { rect: { ...this.rect }, criteria: {} };
    this.model.touchLooks();
    return this.env.filter(this.sheetModel);
  }

  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this.sheetModel.filter ? this.env.filter(this.sheetModel) : null;
  }

  activate(): G {
    this.model.select(this.sheetModel, [{ ...this.rect }]);
    return this.self();
  }

  sort(sortSpecObj: any): G {
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((spec: unknown) =>
      typeof spec === 'number'
        ? { column: spec, ascending: true }
        : { column: Number((spec as { column: number }).column), ascending: (spec as { ascending?: boolean }).ascending !== false },
    );
    for (const spec of specs) {
      if (spec.column < this.rect.col || spec.column >= this.rect.col + this.rect.numCols)
        throw new ServiceError(`Sort column ${spec.column} is outside the range.`);
    }
    this.model.sortRows(this.sheetModel, this.rect, specs);
    return this.self();
  }
}
