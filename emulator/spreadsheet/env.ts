/**
 * Where the spreadsheet facades meet: the model, the UI log, the active user,
 * and factories for facade objects (so facade modules never import each other).
 */
import type { GridRect } from './a1';
import { ConditionalFormatRule, ConditionalFormatRuleBuilder, type ConditionalRuleData } from './conditional';
import { Filter } from './filter';
import type { ProtectionData, SheetModel, SpreadsheetModel } from './model';
import { Protection } from './protection';
import { Range } from './range';
import { RangeList, Selection } from './range-list';
import type { RuleData } from './rules';
import { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';
import type { UiLog } from './ui';
import { DataValidation, DataValidationBuilder } from './validation';

export class SheetsEnv {
  private sheets = new WeakMap<SheetModel, Sheet>();
  private book: Spreadsheet | undefined;

  constructor(
    readonly model: SpreadsheetModel,
    readonly uiLog: UiLog,
    readonly user: () => string,
    readonly addonName: string,
  ) {}

  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.book ??= new Spreadsheet(this);
    return this.book as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  sheet(model: SheetModel): GoogleAppsScript.Spreadsheet.Sheet {
    let facade = this.sheets.get(model);
    if (!facade) this.sheets.set(model, (facade = new Sheet(this, model)));
    return facade as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  range(sheet: SheetModel, rect: GridRect): GoogleAppsScript.Spreadsheet.Range {
    return new Range(this, sheet, rect) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  rangeList(ranges: { sheet: SheetModel; rect: GridRect }[]): GoogleAppsScript.Spreadsheet.RangeList {
    return new RangeList(this, ranges) as unknown as GoogleAppsScript.Spreadsheet.RangeList;
  }

  selection(): GoogleAppsScript.Spreadsheet.Selection {
    return new Selection(this) as unknown as GoogleAppsScript.Spreadsheet.Selection;
  }

  protection(data: ProtectionData): GoogleAppsScript.Spreadsheet.Protection {
    return new Protection(this, data) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  filter(sheet: SheetModel): GoogleAppsScript.Spreadsheet.Filter {
    return new Filter(this, sheet) as unknown as GoogleAppsScript.Spreadsheet.Filter;
  }

  validation(rule: RuleData): GoogleAppsScript.Spreadsheet.DataValidation {
    return new DataValidation(this, rule) as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
  }

  validationBuilder(rule?: RuleData): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new DataValidationBuilder(this, rule) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }

  conditionalRule(data: ConditionalRuleData): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    return new ConditionalFormatRule(this, data) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  }

  conditionalRuleBuilder(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }

  conditionalRuleTarget(rule: unknown): ConditionalRuleData {
    if (!(rule instanceof ConditionalFormatRule)) throw new Error('Invalid argument: rules');
    return rule.data;
  }

  /** The model behind a Range facade passed back by a script (never a proxy: calls.ts unwraps). */
  rangeTarget(range: unknown): { sheet: SheetModel; rect: GridRect } {
    if (!(range instanceof Range)) throw new Error('Invalid argument: range');
    return { sheet: range.sheetModel, rect: range.rect };
  }

  sheetTarget(sheet: unknown): SheetModel {
    if (!(sheet instanceof Sheet)) throw new Error('Invalid argument: sheet');
    return sheet.model;
  }

  ruleTarget(rule: unknown): RuleData | null {
    if (rule === null || rule === undefined) return null;
    if (!(rule instanceof DataValidation)) throw new Error('Invalid argument: rule');
    return rule.rule;
  }
}
