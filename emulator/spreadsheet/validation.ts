/** SpreadsheetApp.newDataValidation(): the builder and the built rule. */
import { SERVICE } from '../calls';
import { LIMITS } from '../limits';
import { isDateValue } from '../time';
import { quoteSheetName, rectA1 } from './a1';
import type { SheetsEnv } from './env';
import { ServiceError } from './model';
import { copyRule, type CriteriaName, CRITERIA, type RangeRef, type RuleData } from './rules';

type GRule = GoogleAppsScript.Spreadsheet.DataValidation;
type GBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

/** Criteria values as getCriteriaValues returns them (ranges as Range objects, dates copied). */
function publicArgs(env: SheetsEnv, rule: RuleData): any[] {
  return rule.args.map((arg, i) => {
    if (rule.criteria === 'VALUE_IN_RANGE' && i === 0) {
      const ref = arg as RangeRef;
      const sheet = env.model.sheetById(ref.sheetId);
      if (!sheet) return null;
      const { rect } = env.model.resolve(ref.a1, sheet);
      return env.range(sheet, rect);
    }
    if (isDateValue(arg)) return new Date(arg.getTime());
    return Array.isArray(arg) ? arg.slice() : arg;
  });
}

export class DataValidation implements Pick<GRule, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'> {
  readonly [SERVICE] = 'DataValidation';

  constructor(
    private env: SheetsEnv,
    readonly rule: RuleData,
  ) {}

  copy(): GBuilder {
    return this.env.validationBuilder(copyRule(this.rule));
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getCriteriaType(): GCriteria {
    return this.rule.criteria as unknown as GCriteria;
  }

  getCriteriaValues(): any[] {
    return publicArgs(this.env, this.rule);
  }

  getHelpText(): string {
    return this.rule.helpText;
  }
}

type BuilderMethod = Exclude<keyof GBuilder, 'requireDate' | never> | 'requireDate';

export class DataValidationBuilder implements Pick<GBuilder, BuilderMethod> {
  readonly [SERVICE] = 'DataValidationBuilder';
  private rule: RuleData | null;
  private allowInvalid = true;
  private helpText = '';

  constructor(
    private env: SheetsEnv,
    from?: RuleData,
  ) {
    this.rule = from ? copyRule(from) : null;
    if (from) {
      this.allowInvalid = from.allowInvalid;
      this.helpText = from.helpText;
    }
  }

  private self(): GBuilder {
    return this as unknown as GBuilder;
  }

  private set(criteria: CriteriaName, args: unknown[]): GBuilder {
    this.rule = { criteria, args, allowInvalid: this.allowInvalid, helpText: this.helpText };
    return this.self();
  }

  private date(value: unknown, method: string): Date {
    if (!isDateValue(value))
      throw new ServiceError(`The parameters (${typeof value}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.${method}.`);
    return new Date(value.getTime());
  }

  private number(value: unknown, method: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new ServiceError(`The parameters (${typeof value}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.${method}.`);
    return value;
  }

  build(): GRule {
    if (!this.rule) throw new ServiceError('You must specify a criteria for the data validation rule.');
    return this.env.validation({ ...copyRule(this.rule), allowInvalid: this.allowInvalid, helpText: this.helpText });
  }

  copy(): GBuilder {
    const copy = new DataValidationBuilder(this.env, this.rule ?? undefined);
    copy.allowInvalid = this.allowInvalid;
    copy.helpText = this.helpText;
    return copy as unknown as GBuilder;
  }

  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }

  getCriteriaType(): GCriteria {
    return (this.rule?.criteria ?? null) as unknown as GCriteria;
  }

  getCriteriaValues(): any[] {
    return this.rule ? publicArgs(this.env, this.rule) : [];
  }

  getHelpText(): string | null {
    return this.helpText || null;
  }

  setAllowInvalid(allowInvalidData: boolean): GBuilder {
    this.allowInvalid = Boolean(allowInvalidData);
    return this.self();
  }

  setHelpText(helpText: string): GBuilder {
    this.helpText = String(helpText);
    return this.self();
  }

  withCriteria(criteria: GCriteria, args: any[]): GBuilder {
    const name = String(criteria) as CriteriaName;
    if (!CRITERIA.includes(name)) throw new ServiceError(`Invalid argument: criteria`);
    return this.set(name, args.slice());
  }

  requireCheckbox(checkedValue?: any, uncheckedValue?: any): GBuilder {
    const args = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.set('CHECKBOX', args);
  }

  requireDate(): GBuilder {
    return this.set('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: GoogleAppsScript.Base.Date): GBuilder {
    return this.set('DATE_AFTER', [this.date(date, 'requireDateAfter')]);
  }

  requireDateBefore(date: GoogleAppsScript.Base.Date): GBuilder {
    return this.set('DATE_BEFORE', [this.date(date, 'requireDateBefore')]);
  }

  requireDateBetween(start: GoogleAppsScript.Base.Date, end: GoogleAppsScript.Base.Date): GBuilder {
    return this.set('DATE_BETWEEN', [this.date(start, 'requireDateBetween'), this.date(end, 'requireDateBetween')]);
  }

  requireDateNotBetween(start: GoogleAppsScript.Base.Date, end: GoogleAppsScript.Base.Date): GBuilder {
    return this.set('DATE_NOT_BETWEEN', [this.date(start, 'requireDateNotBetween'), this.date(end, 'requireDateNotBetween')]);
  }

  requireDateEqualTo(date: GoogleAppsScript.Base.Date): GBuilder {
    return this.set('DATE_EQUAL_TO', [this.date(date, 'requireDateEqualTo')]);
  }

  requireDateOnOrAfter(date: GoogleAppsScript.Base.Date): GBuilder {
    return this.set('DATE_ON_OR_AFTER', [this.date(date, 'requireDateOnOrAfter')]);
  }

  requireDateOnOrBefore(date: GoogleAppsScript.Base.Date): GBuilder {
    return this.set('DATE_ON_OR_BEFORE', [this.date(date, 'requireDateOnOrBefore')]);
  }

  requireFormulaSatisfied(formula: string): GBuilder {
    return this.set('CUSTOM_FORMULA', [String(formula)]);
  }

  requireNumberBetween(start: number, end: number): GBuilder {
    return this.set('NUMBER_BETWEEN', [this.number(start, 'requireNumberBetween'), this.number(end, 'requireNumberBetween')]);
  }

  requireNumberNotBetween(start: number, end: number): GBuilder {
    return this.set('NUMBER_NOT_BETWEEN', [this.number(start, 'requireNumberNotBetween'), this.number(end, 'requireNumberNotBetween')]);
  }

  requireNumberEqualTo(number: number): GBuilder {
    return this.set('NUMBER_EQUAL_TO', [this.number(number, 'requireNumberEqualTo')]);
  }

  requireNumberNotEqualTo(number: number): GBuilder {
    return this.set('NUMBER_NOT_EQUAL_TO', [this.number(number, 'requireNumberNotEqualTo')]);
  }

  requireNumberGreaterThan(number: number): GBuilder {
    return this.set('NUMBER_GREATER_THAN', [this.number(number, 'requireNumberGreaterThan')]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): GBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [this.number(number, 'requireNumberGreaterThanOrEqualTo')]);
  }

  requireNumberLessThan(number: number): GBuilder {
    return this.set('NUMBER_LESS_THAN', [this.number(number, 'requireNumberLessThan')]);
  }

  requireNumberLessThanOrEqualTo(number: number): GBuilder {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [this.number(number, 'requireNumberLessThanOrEqualTo')]);
  }

  requireTextContains(text: string): GBuilder {
    return this.set('TEXT_CONTAINS', [String(text)]);
  }

  requireTextDoesNotContain(text: string): GBuilder {
    return this.set('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }

  requireTextEqualTo(text: string): GBuilder {
    return this.set('TEXT_EQUAL_TO', [String(text)]);
  }

  requireTextIsEmail(): GBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): GBuilder {
    return this.set('TEXT_IS_VALID_URL', []);
  }

  requireValueInList(values: string[], showDropdown = true): GBuilder {
    if (!Array.isArray(values))
      throw new ServiceError(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.`);
    if (values.length > LIMITS.dropdownItems)
      throw new ServiceError(
        `The data validation rule has more items than the limit of ${LIMITS.dropdownItems}. Use the "Dropdown from a range" criteria instead.`,
      );
    return this.set('VALUE_IN_LIST', [values.map((v) => String(v)), Boolean(showDropdown)]);
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): GBuilder {
    const { sheet, rect } = this.env.rangeTarget(range);
    const ref: RangeRef = { sheetId: sheet.id, a1: `${quoteSheetName(sheet.name)}!${rectA1(rect)}` };
    return this.set('VALUE_IN_RANGE', [ref, Boolean(showDropdown)]);
  }
}
