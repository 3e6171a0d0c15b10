/** The form's values as plain strings keyed by field name, and what a save sends. */
import type { FieldDef, FieldKey } from '../../src/core/schema/field';

export type FormValues = Record<string, string>;

/** A new client's form: empty but for the defaults Fields gives (Stage: Cold). */
export function blankValues(fields: readonly FieldDef[]): FormValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.default ?? '']));
}

export function fromClient(fields: readonly FieldDef[], values: Record<string, string>): FormValues {
  return Object.fromEntries(fields.map((f) => [f.name, values[f.name] ?? '']));
}

/** Fields whose value differs from what was loaded, in form order. */
export function changedFields(fields: readonly FieldDef[], loaded: FormValues, current: FormValues): string[] {
  return fields.filter((f) => (current[f.name] ?? '') !== (loaded[f.name] ?? '')).map((f) => f.name);
}

export function pick(values: FormValues, names: readonly string[]): FormValues {
  return Object.fromEntries(names.map((n) => [n, values[n] ?? '']));
}

export function nonBlankNames(fields: readonly FieldDef[], values: FormValues): string[] {
  return fields.filter((f) => (values[f.name] ?? '').trim() !== '').map((f) => f.name);
}

/**
 * After someone else's save: their version underneath, the user's own edits
 * on top, so nothing the user typed is lost. `theirChanges` names the fields
 * they changed, for the user to review.
 */
export function rebase(
  fields: readonly FieldDef[],
  before: FormValues,
  fresh: FormValues,
  current: FormValues,
): { values: FormValues; theirChanges: string[] } {
  const values: FormValues = {};
  const theirChanges: string[] = [];
  for (const { name } of fields) {
    const mine = (current[name] ?? '') !== (before[name] ?? '');
    values[name] = mine ? (current[name] ?? '') : (fresh[name] ?? '');
    if ((fresh[name] ?? '') !== (before[name] ?? '')) theirChanges.push(name);
  }
  return { values, theirChanges };
}

const IDENTITY: readonly FieldKey[] = ['firstName', 'lastName', 'company', 'email', 'phone'];

/** Enough typed to look for duplicates: any name, company, email or phone. */
export function hasIdentity(fields: readonly FieldDef[], values: FormValues): boolean {
  return fields.some((f) => ((f.key && IDENTITY.includes(f.key)) || f.type === 'email' || f.type === 'phone') && (values[f.name] ?? '').trim().length >= 2);
}

export function fieldByKey(fields: readonly FieldDef[], key: FieldKey): FieldDef | undefined {
  return fields.find((f) => f.key === key);
}

/** How a client is named in headings: first and last name, else company. */
export function displayName(fields: readonly FieldDef[], values: FormValues): string {
  const get = (key: FieldKey) => {
    const f = fieldByKey(fields, key);
    return f ? (values[f.name] ?? '').trim() : '';
  };
  return [get('firstName'), get('lastName')].filter(Boolean).join(' ') || get('company');
}
