/**
 * Data validation rules as stored data, and the check Sheets applies when a
 * value is written into a validated cell.
 */
import { isDateValue } from '../time';

export const CRITERIA = [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const;

export type CriteriaName = (typeof CRITERIA)[number];

/** A range named by sheet id and A1, so rules survive serialisation. */
export interface RangeRef {
  sheetId: number;
  a1: string;
}

export interface RuleData {
  criteria: CriteriaName;
  /** Criteria values; for VALUE_IN_RANGE the first one is a RangeRef. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_LIKE = /^(?:(?:https?|ftp):\/\/)?[^\s/$.?#]+\.[^\s]+$/i;

function asText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function time(value: unknown): number {
  return isDateValue(value) ? value.getTime() : NaN;
}

/**
 * Whether `value` breaks the rule. Empty cells never do. CUSTOM_FORMULA rules
 * are stored but not enforced (they need relative references).
 */
export function violates(rule: RuleData, value: unknown, rangeValues: (ref: RangeRef) => unknown[][]): boolean {
  if (value === '' || value === null || value === undefined) return false;
  const [a, b] = rule.args;
  const n = typeof value === 'number' ? value : NaN;
  const t = time(value);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return !(a as unknown[]).some((item) => asText(item) === asText(value));
    case 'VALUE_IN_RANGE':
      return !rangeValues(a as RangeRef).some((row) => row.some((item) => item !== '' && asText(item) === asText(value)));
    case 'CHECKBOX':
      return rule.args.length === 0 ? typeof value !== 'boolean' : asText(value) !== asText(a) && asText(value) !== asText(b);
    case 'DATE_IS_VALID_DATE':
      return Number.isNaN(t);
    case 'DATE_AFTER':
      return !(t > time(a));
    case 'DATE_BEFORE':
      return !(t < time(a));
    case 'DATE_ON_OR_AFTER':
      return !(t >= time(a));
    case 'DATE_ON_OR_BEFORE':
      return !(t <= time(a));
    case 'DATE_EQUAL_TO':
      return !(t === time(a));
    case 'DATE_BETWEEN':
      return !(t >= time(a) && t <= time(b));
    case 'DATE_NOT_BETWEEN':
      return !(t < time(a) || t > time(b));
    case 'NUMBER_BETWEEN':
      return !(n >= Number(a) && n <= Number(b));
    case 'NUMBER_NOT_BETWEEN':
      return !(n < Number(a) || n > Number(b));
    case 'NUMBER_EQUAL_TO':
      return !(n === Number(a));
    case 'NUMBER_NOT_EQUAL_TO':
      return !(n !== Number(a)) || Number.isNaN(n);
    case 'NUMBER_GREATER_THAN':
      return !(n > Number(a));
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return !(n >= Number(a));
    case 'NUMBER_LESS_THAN':
      return !(n < Number(a));
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return !(n <= Number(a));
    case 'TEXT_CONTAINS':
      return !asText(value).includes(String(a));
    case 'TEXT_DOES_NOT_CONTAIN':
      return asText(value).includes(String(a));
    case 'TEXT_EQUAL_TO':
      return asText(value) !== String(a);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value !== 'string' || !EMAIL.test(value);
    case 'TEXT_IS_VALID_URL':
      return typeof value !== 'string' || !URL_LIKE.test(value);
    case 'CUSTOM_FORMULA':
      return false;
  }
}

export function copyRule(rule: RuleData): RuleData {
  return { ...rule, args: rule.args.map((a) => (Array.isArray(a) ? a.slice() : isDateValue(a) ? new Date(a.getTime()) : a)) };
}
