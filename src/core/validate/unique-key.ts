/**
 * When two values of a unique field are "the same": one mailbox for emails
 * (Gmail dots and +tags ignored), one instant for dates, text ignoring case
 * and extra spaces. Check data and the sidebar's save use this one rule.
 */
import { emailKey } from '../normalize/email';
import type { FieldDef } from '../schema/field';
import { cellText, isDate } from '../values';
import { tidySpaces } from './name-case';

export function uniqueValueKey(field: FieldDef, value: unknown): string {
  if (field.type === 'email') return emailKey(value) ?? cellText(value);
  if (isDate(value)) return `date:${value.getTime()}`;
  if (typeof value === 'string') return tidySpaces(value).toLowerCase();
  return `${typeof value}:${String(value)}`;
}
