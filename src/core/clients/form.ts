/**
 * Validation of what the sidebar form sends: every field is checked by its
 * own validator, all errors are reported at once, and nothing is written
 * unless every field is valid.
 */
import type { FieldDef } from '../schema/field';
import { nameKey } from '../schema/name-key';
import type { CellValue } from '../values';

export type FieldCheck = { ok: true; value: CellValue } | { ok: false; message: string; kind?: string };
export type FieldValidator = (field: FieldDef, raw: string) => FieldCheck;

export const MAX_CELL_TEXT = 50_000;

export type FormCheck = { ok: true; values: Map<string, CellValue> } | { ok: false; errors: Record<string, string>; kinds: Record<string, string> };

/**
 * `isNew`: a new client must satisfy every required field; an edit checks
 * only the fields it sends (a partial edit never blanks the others).
 */
export function checkForm(fields: readonly FieldDef[], input: Record<string, unknown>, validate: FieldValidator, isNew: boolean): FormCheck {
  const byKey = new Map(fields.map((f) => [nameKey(f.name), f]));
  const errors: Record<string, string> = {};
  const kinds: Record<string, string> = {};
  const values = new Map<string, CellValue>();
  for (const [name, raw] of Object.entries(input)) {
    const field = byKey.get(nameKey(name));
    if (!field) {
      errors[name] = `"${name.slice(0, 60)}" is not a field of this base`;
      continue;
    }
    if (raw !== null && raw !== undefined && typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      errors[field.name] = `${field.name}: expected text, got ${Array.isArray(raw) ? 'a list' : typeof raw}`;
      continue;
    }
    const text = raw === null || raw === undefined ? '' : String(raw);
    if (text.length > MAX_CELL_TEXT) {
      errors[field.name] = `${field.name} is too long (${text.length} characters; a cell holds at most ${MAX_CELL_TEXT})`;
      continue;
    }
    const checked = validate(field, text);
    if (checked.ok) values.set(field.name, checked.value);
    else {
      errors[field.name] = checked.message;
      if (checked.kind) kinds[field.name] = checked.kind;
    }
  }
  if (isNew) {
    for (const field of fields) {
      if (field.required && !values.has(field.name) && !errors[field.name]) {
        const checked = validate(field, '');
        if (!checked.ok) {
          errors[field.name] = checked.message;
          if (checked.kind) kinds[field.name] = checked.kind;
        }
      }
    }
  }
  return Object.keys(errors).length ? { ok: false, errors, kinds } : { ok: true, values };
}
