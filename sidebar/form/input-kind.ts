/** Which control edits a field: decided by its type, and by the value so an odd legacy value is never hidden. */
import type { FieldDef } from '../../src/core/schema/field';

export type InputKind = 'text' | 'textarea' | 'email' | 'tel' | 'url' | 'date' | 'decimal' | 'select' | 'tags' | 'checkbox' | 'person';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function inputKind(field: FieldDef, value: string): InputKind {
  switch (field.type) {
    case 'email':
      return 'email';
    case 'phone':
      return 'tel';
    case 'url':
      return 'url';
    // A date picker cannot show "next spring" or "31.02.2024": such a cell stays editable as text.
    case 'date':
      return value === '' || ISO_DAY.test(value) ? 'date' : 'text';
    case 'number':
    case 'money':
      return 'decimal';
    case 'choice':
      return field.options.length ? 'select' : 'text';
    case 'tags':
      return 'tags';
    case 'checkbox':
      return 'checkbox';
    case 'person':
      return 'person';
    default:
      return field.key === 'notes' || value.includes('\n') ? 'textarea' : 'text';
  }
}
