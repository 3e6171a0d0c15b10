/**
 * What the sheet adapter applies to each field's column: the data validation
 * rule, the help text shown on the cell, and the number format.
 *
 * Rules always warn and never reject (`allowInvalid: true`): a rule that
 * rejects would make Sheets refuse edits and paste-ins of existing data, and
 * ClientBase never drops a value — the data check reports it instead.
 * Text-like columns are formatted as plain text ('@') so Sheets never turns
 * "+7 916…" or "00123" into a number or "=…" into a formula.
 */
import type { FieldDef } from './field';
import { MAX_YEAR, MIN_YEAR } from '../validate/parse-date';

export type SheetValidation =
  | { kind: 'list'; values: string[] }
  | { kind: 'checkbox' }
  | { kind: 'date' }
  | { kind: 'number'; min?: number }
  | { kind: 'email' }
  | { kind: 'url' };

export interface SheetRule {
  validation?: SheetValidation;
  allowInvalid: boolean;
  helpText: string;
  /** A Sheets number format pattern; '' leaves the column's automatic format. */
  numberFormat: string;
}

export const PLAIN_TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONEY_FORMAT = '#,##0.00';
/** Sheets caps the help text of a validation rule; longer text is cut with an ellipsis. */
const MAX_HELP = 500;
/** A dropdown longer than this is unusable; the values are still checked by Check data. */
const MAX_LIST_VALUES = 500;

function typeHint(field: FieldDef): string {
  switch (field.type) {
    case 'email':
      return 'An email address, e.g. name@example.com.';
    case 'phone':
      return 'A phone number, best with the country code: +7 916 123-45-67.';
    case 'date':
      return `A date between ${MIN_YEAR} and ${MAX_YEAR}, e.g. 2024-12-31.`;
    case 'number':
      return 'A number.';
    case 'money':
      return 'An amount, e.g. 1234.50.';
    case 'choice':
      return `One of: ${field.options.join(', ')}.`;
    case 'tags':
      return field.options.length ? `Comma-separated, from: ${field.options.join(', ')}.` : 'Comma-separated labels.';
    case 'checkbox':
      return 'Ticked or not.';
    case 'url':
      return 'A web link starting with https://';
    case 'person':
      return 'A team member: name or email.';
    default:
      return '';
  }
}

function helpTextFor(field: FieldDef): string {
  const parts = [field.required ? `${field.name} (required).` : '', field.help.trim(), typeHint(field)].filter(Boolean);
  const text = parts.join(' ');
  return text.length > MAX_HELP ? `${text.slice(0, MAX_HELP - 1)}…` : text;
}

function validationFor(field: FieldDef): SheetValidation | undefined {
  switch (field.type) {
    case 'choice':
      return field.options.length > 0 && field.options.length <= MAX_LIST_VALUES ? { kind: 'list', values: [...field.options] } : undefined;
    case 'checkbox':
      return { kind: 'checkbox' };
    case 'date':
      return { kind: 'date' };
    case 'number':
    case 'money':
      return { kind: 'number' };
    case 'email':
      return { kind: 'email' };
    case 'url':
      return { kind: 'url' };
    default:
      return undefined;
  }
}

function numberFormatFor(field: FieldDef): string {
  switch (field.type) {
    case 'date':
      return DATE_FORMAT;
    case 'money':
      return MONEY_FORMAT;
    case 'number':
    case 'checkbox':
      return '';
    default:
      return PLAIN_TEXT_FORMAT;
  }
}

export function sheetRuleFor(field: FieldDef): SheetRule {
  const validation = validationFor(field);
  const rule: SheetRule = { allowInvalid: true, helpText: helpTextFor(field), numberFormat: numberFormatFor(field) };
  return validation ? { validation, ...rule } : rule;
}
