/**
 * How an existing list becomes the Clients tab, decided before anything is
 * written: every original column is kept (mapped ones become fields under
 * their own header, the rest extra text fields), default fields the sheet
 * lacks are added as empty columns, and a full-name column is kept while
 * First/Last name columns are filled from it.
 */
import { defaultField, DEFAULT_FIELDS } from './defaults';
import { SYSTEM_COLUMNS, type FieldDef } from './field';
import type { MappedColumn } from './header-map';
import { splitFullName } from './full-name';
import { nameKey } from './name-key';

export interface AdoptionLayout {
  /** Clients header: system columns, original columns, then added ones. */
  header: string[];
  fields: FieldDef[];
  /** For each output column, where its value comes from. */
  sources: ColumnSource[];
}

export type ColumnSource =
  | { kind: 'system'; name: (typeof SYSTEM_COLUMNS)[number] }
  | { kind: 'original'; index: number }
  | { kind: 'split'; index: number; part: 'firstName' | 'lastName' }
  | { kind: 'empty' };

function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted.trim() || 'Column';
  const base = name;
  for (let n = 2; taken.has(nameKey(name)) || nameKey(name) === ''; n++) name = `${base} (${n})`;
  taken.add(nameKey(name));
  return name;
}

export function planAdoption(columns: readonly MappedColumn[], knownFields: readonly FieldDef[] = DEFAULT_FIELDS): AdoptionLayout {
  const taken = new Set<string>(SYSTEM_COLUMNS.map(nameKey));
  const header: string[] = [...SYSTEM_COLUMNS];
  const sources: ColumnSource[] = SYSTEM_COLUMNS.map((name) => ({ kind: 'system', name }));
  const fields: FieldDef[] = [];
  const usedFields = new Set<string>();
  let split: MappedColumn | undefined;

  for (const col of columns) {
    // A full-name column stays as it is (an extra text field); First/Last name are filled from it.
    const template = col.field && !col.splitFullName ? knownFields.find((f) => f.name === col.field) : undefined;
    const fallbackName = col.header.trim() || `Column ${col.index + 1}`;
    // An "ID" column from another system is kept, but must not be taken for ours.
    const wanted = taken.has(nameKey(fallbackName)) ? `${fallbackName} (imported)` : fallbackName;
    const name = uniqueName(wanted, taken);
    header.push(name);
    sources.push({ kind: 'original', index: col.index });
    if (template && !usedFields.has(template.name)) {
      usedFields.add(template.name);
      fields.push({ ...template, name });
    } else {
      fields.push({ name, type: 'text', required: false, options: [], unique: false, help: `Kept from the original column "${col.header.slice(0, 80)}"` });
    }
    if (col.splitFullName && !split) split = col;
  }

  if (split) {
    for (const part of ['firstName', 'lastName'] as const) {
      const field = defaultField(part);
      if (!field || fields.some((f) => f.key === part)) continue;
      const name = uniqueName(field.name, taken);
      header.push(name);
      sources.push({ kind: 'split', index: split.index, part });
      fields.push({ ...field, name });
      usedFields.add(field.name);
    }
  }

  for (const field of knownFields) {
    if (usedFields.has(field.name) || (field.key && fields.some((f) => f.key === field.key))) continue;
    const name = uniqueName(field.name, taken);
    header.push(name);
    sources.push({ kind: 'empty' });
    fields.push({ ...field, name });
  }
  return { header, fields, sources };
}

/** The cells of one output row; `system` fills ID and stamps. */
export function adoptRow(layout: AdoptionLayout, original: readonly unknown[], system: Record<(typeof SYSTEM_COLUMNS)[number], unknown>): unknown[] {
  let parts: ReturnType<typeof splitFullName> | undefined;
  return layout.sources.map((s) => {
    switch (s.kind) {
      case 'system':
        return system[s.name];
      case 'original':
        return original[s.index] ?? '';
      case 'split':
        parts ??= splitFullName(String(original[s.index] ?? ''));
        return parts[s.part];
      case 'empty':
        return '';
    }
  });
}
