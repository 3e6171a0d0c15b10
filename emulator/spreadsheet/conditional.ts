/**
 * Conditional format rules: SpreadsheetApp.newConditionalFormatRule() and the
 * built rule. Stored and inspectable, never applied to how cells look.
 */
import { SERVICE } from '../calls';
import { isDateValue } from '../time';
import { quoteSheetName, rectA1 } from './a1';
import type { SheetsEnv } from './env';
import { ServiceError } from './model';
import type { RangeRef } from './rules';

type GRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

export interface ConditionalRuleData {
  criteria: string | null;
  values: unknown[];
  format: {
    background?: string | null;
    fontColor?: string | null;
    bold?: boolean | null;
    italic?: boolean | null;
    strikethrough?: boolean | null;
    underline?: boolean | null;
  };
  ranges: RangeRef[];
}

function copyData(data: ConditionalRuleData): ConditionalRuleData {
  return {
    criteria: data.criteria,
    values: data.values.map((v) => (isDateValue(v) ? new Date(v.getTime()) : v)),
    format: { ...data.format },
    ranges: data.ranges.map((r) => ({ ...r })),
  };
}

function rangesOf(env: SheetsEnv, data: ConditionalRuleData): GoogleAppsScript.Spreadsheet.Range[] {
  return data.ranges.flatMap((ref) => {
    const sheet = env.model.sheetById(ref.sheetId);
    return sheet ? [env.range(sheet, env.model.resolve(ref.a1, sheet).rect)] : [];
  });
}

export class BooleanCondition
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.BooleanCondition,
      'getCriteriaType' | 'getCriteriaValues' | 'getBackground' | 'getFontColor' | 'getBold' | 'getItalic' | 'getStrikethrough' | 'getUnderline'
    >
{
  readonly [SERVICE] = 'BooleanCondition';
  constructor(private data: ConditionalRuleData) {}

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return this.data.criteria as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }

  getCriteriaValues(): any[] {
    return copyData(this.data).values;
  }

  getBackground(): string | null {
    return this.data.format.background ?? null;
  }
  getFontColor(): string | null {
    return this.data.format.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this.data.format.bold ?? null;
  }
  getItalic(): boolean | null {
    return this.data.format.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this.data.format.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this.data.format.underline ?? null;
  }
}

export class ConditionalFormatRule implements Pick<GRule, 'copy' | 'getRanges' | 'getBooleanCondition'> {
  readonly [SERVICE] = 'ConditionalFormatRule';
  constructor(
    private env: SheetsEnv,
    readonly data: ConditionalRuleData,
  ) {}

  copy(): GBuilder {
    return new ConditionalFormatRuleBuilder(this.env, copyData(this.data)) as unknown as GBuilder;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return rangesOf(this.env, this.data);
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return this.data.criteria ? (new BooleanCondition(this.data) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition) : null;
  }
}

type BuilderMethod =
  | 'build'
  | 'copy'
  | 'getRanges'
  | 'getBooleanCondition'
  | 'setRanges'
  | 'setBackground'
  | 'setFontColor'
  | 'setBold'
  | 'setItalic'
  | 'setStrikethrough'
  | 'setUnderline'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenFormulaSatisfied'
  | 'whenTextEqualTo'
  | 'whenTextContains'
  | 'whenTextDoesNotContain'
  | 'whenTextStartsWith'
  | 'whenTextEndsWith'
  | 'whenNumberBetween'
  | 'whenNumberNotBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberNotEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenDateAfter'
  | 'whenDateBefore'
  | 'whenDateEqualTo';

export class ConditionalFormatRuleBuilder implements Pick<GBuilder, BuilderMethod> {
  readonly [SERVICE] = 'ConditionalFormatRuleBuilder';
  private data: ConditionalRuleData;

  constructor(
    private env: SheetsEnv,
    data?: ConditionalRuleData,
  ) {
    this.data = data ?? { criteria: null, values: [], format: {}, ranges: [] };
  }

  private self(): GBuilder {
    return this as unknown as GBuilder;
  }

  private when(criteria: string, values: unknown[]): GBuilder {
    this.data.criteria = criteria;
    this.data.values = values;
    return this.self();
  }

  private style(key: keyof ConditionalRuleData['format'], value: string | boolean | null): GBuilder {
    (this.data.format as Record<string, unknown>)[key] = value;
    return this.self();
  }

  build(): GRule {
    if (!this.data.criteria) throw new ServiceError('You must specify a condition for the conditional format rule.');
    return new ConditionalFormatRule(this.env, copyData(this.data)) as unknown as GRule;
  }

  copy(): GBuilder {
    return new ConditionalFormatRuleBuilder(this.env, copyData(this.data)) as unknown as GBuilder;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return rangesOf(this.env, this.data);
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return this.data.criteria ? (new BooleanCondition(copyData(this.data)) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition) : null;
  }

  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GBuilder {
    this.data.ranges = ranges.map((range) => {
      const { sheet, rect } = this.env.rangeTarget(range);
      return { sheetId: sheet.id, a1: `${quoteSheetName(sheet.name)}!${rectA1(rect)}` };
    });
    return this.self();
  }

  setBackground(color: string | null) {
    return this.style('background', color);
  }
  setFontColor(color: string | null) {
    return this.style('fontColor', color);
  }
  setBold(bold: boolean | null) {
    return this.style('bold', bold);
  }
  setItalic(italic: boolean | null) {
    return this.style('italic', italic);
  }
  setStrikethrough(strikethrough: boolean | null) {
    return this.style('strikethrough', strikethrough);
  }
  setUnderline(underline: boolean | null) {
    return this.style('underline', underline);
  }

  whenCellEmpty() {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string) {
    return this.when('CUSTOM_FORMULA', [String(formula)]);
  }
  whenTextEqualTo(text: string) {
    return this.when('TEXT_EQUAL_TO', [String(text)]);
  }
  whenTextContains(text: string) {
    return this.when('TEXT_CONTAINS', [String(text)]);
  }
  whenTextDoesNotContain(text: string) {
    return this.when('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }
  whenTextStartsWith(text: string) {
    return this.when('TEXT_STARTS_WITH', [String(text)]);
  }
  whenTextEndsWith(text: string) {
    return this.when('TEXT_ENDS_WITH', [String(text)]);
  }
  whenNumberBetween(start: number, end: number) {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberNotBetween(start: number, end: number) {
    return this.when('NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(n: number) {
    return this.when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number) {
    return this.when('NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number) {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number) {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenDateAfter(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate) {
    return this.when('DATE_AFTER', [isDateValue(date) ? new Date(date.getTime()) : String(date)]);
  }
  whenDateBefore(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate) {
    return this.when('DATE_BEFORE', [isDateValue(date) ? new Date(date.getTime()) : String(date)]);
  }
  whenDateEqualTo(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate) {
    return this.when('DATE_EQUAL_TO', [isDateValue(date) ? new Date(date.getTime()) : String(date)]);
  }
}
