/**
 * Templates live in the Templates tab (Name, Subject, Body), one row each,
 * found by name. Saving validates both parts with parseTemplate and reports
 * placeholders that name no field, with the closest field name.
 */
import { auditRows } from '../../core/audit/entry';
import { Columns } from '../../core/clients/columns';
import { closestField } from '../../core/mail/field-match';
import { compileTemplate } from '../../core/mail/render';
import { MAX_TEMPLATE_CHARS } from '../../core/mail/template';
import { AppFailure } from '../../core/result';
import { TAB, TAB_HEADERS } from '../../core/schema/tabs';
import { TAB_LAYOUTS } from '../../core/schema/tab-layouts';
import { SheetFormula } from '../../core/sheet/literal';
import { cellText } from '../../core/values';
import { withDocumentLock } from '../../gas/lock';
import { appendRows, readEditableTable, readTable, writeBlock, type Table } from '../../gas/sheets';
import { now } from '../../gas/session';
import { ensureTab } from '../../gas/tabs';
import { loadBase, requireRole, type Base } from '../base';
import { checkedName, sameName } from './names';

export interface TemplateDto {
  name: string;
  subject: string;
  body: string;
}

export interface TemplateWarning {
  part: 'subject' | 'body';
  placeholder: string;
  suggestion?: string;
  message: string;
}

export interface SaveTemplateOutcome {
  template: TemplateDto;
  created: boolean;
  /** Placeholders that name no field: saved anyway (a field may come later), but a mailing will not start. */
  warnings: TemplateWarning[];
}

export function templatesFrom(table: Table | null): TemplateDto[] {
  if (!table) return [];
  const cols = new Columns(table.header);
  return table.rows
    .map((row) => ({ name: cellText(cols.get(row, 'Name')).trim(), subject: cellText(cols.get(row, 'Subject')), body: cellText(cols.get(row, 'Body')) }))
    .filter((t) => t.name !== '');
}

export function listTemplates(): TemplateDto[] {
  loadBase();
  return templatesFrom(readTable(TAB.templates));
}

export function findTemplate(templates: readonly TemplateDto[], name: string): TemplateDto {
  const found = templates.find((t) => sameName(t.name, name));
  if (!found) throw new AppFailure('not_found', `There is no template named "${name.slice(0, MAX_NAME_SHOWN)}" in the Templates tab.`);
  return found;
}

const MAX_NAME_SHOWN = 100;

/** Placeholders of a template that no field matches, each with the closest field name if one is close. */
export function unknownPlaceholders(template: Pick<TemplateDto, 'subject' | 'body'>, fieldNames: readonly string[]): TemplateWarning[] {
  const compiled = compileTemplate(template, fieldNames);
  const warnings: TemplateWarning[] = [];
  for (const [part, parsed] of [
    ['subject', compiled.subject],
    ['body', compiled.body],
  ] as const) {
    if (!parsed.ok) continue;
    for (const p of parsed.placeholders) {
      if (compiled.fieldOf.get(p.name) !== undefined || warnings.some((w) => w.placeholder === p.name)) continue;
      const suggestion = closestField(p.name, fieldNames);
      warnings.push({
        part,
        placeholder: p.name,
        ...(suggestion ? { suggestion } : {}),
        message: `{{${p.name}}} names no field` + (suggestion ? `: did you mean {{${suggestion}}}?` : '.'),
      });
    }
  }
  return warnings;
}

/** Field names a placeholder may use: every field plus the system columns. */
export function placeholderFields(base: Base, header: readonly string[] = []): string[] {
  const names = ['ID', ...base.fields.map((f) => f.name)];
  for (const h of header) if (h && !names.includes(h)) names.push(h);
  return names;
}

export function checkTemplateText(input: unknown): TemplateDto {
  const value = (input ?? {}) as Record<string, unknown>;
  const name = checkedName(value.name, 'template');
  const errors: Record<string, string> = {};
  const text = (key: 'subject' | 'body'): string => {
    const raw = value[key];
    if (typeof raw !== 'string') {
      errors[key] = 'Must be text';
      return '';
    }
    if (raw.length > MAX_TEMPLATE_CHARS) errors[key] = `Too long: at most ${MAX_TEMPLATE_CHARS.toLocaleString('en')} characters`;
    return raw;
  };
  const subject = text('subject');
  const body = text('body');
  if (!errors.subject && subject.trim() === '') errors.subject = 'The subject is empty';
  if (!errors.body && body.trim() === '') errors.body = 'The body is empty';
  if (!errors.subject && /[\r\n]/.test(subject)) errors.subject = 'The subject must be one line';
  const compiled = compileTemplate({ subject, body }, []);
  if (!errors.subject && !compiled.subject.ok) errors.subject = compiled.subject.error.message;
  if (!errors.body && !compiled.body.ok) errors.body = compiled.body.error.message;
  if (Object.keys(errors).length > 0) {
    throw new AppFailure('validation', 'The template needs attention; nothing was saved.', errors);
  }
  return { name, subject, body };
}

export function saveTemplate(input: unknown): SaveTemplateOutcome {
  const template = checkTemplateText(input);
  const base = loadBase();
  requireRole(base, 'manager', 'edit mail templates');
  return withDocumentLock(() => {
    ensureTab(TAB.templates, { header: TAB_LAYOUTS[TAB.templates].header, formats: TAB_LAYOUTS[TAB.templates].formats });
    const table = readEditableTable(TAB.templates);
    if (!table) throw new AppFailure('not_found', 'The Templates tab is missing. Run ClientBase ▸ Set up.');
    const cols = new Columns(table.header.length > 0 ? table.header : [...TAB_HEADERS.Templates]);
    const header = table.header.length > 0 ? table.header : [...TAB_HEADERS.Templates];
    const index = table.rows.findIndex((row) => sameName(cols.get(row, 'Name'), template.name));
    const existing = index >= 0 ? table.rows[index] : undefined;
    const row: unknown[] = existing ? existing.slice() : header.map(() => '');
    const written = new Set<number>();
    for (const [column, value] of [
      ['Name', existing ? cellText(cols.get(existing, 'Name')).trim() : template.name],
      ['Subject', template.subject],
      ['Body', template.body],
    ] as const) {
      const i = cols.indexOf(column);
      if (i < 0) throw new AppFailure('not_found', `The Templates tab has no "${column}" column.`);
      row[i] = value;
      written.add(i);
    }
    // Cells outside Name, Subject and Body keep their formulas.
    const out = row.map((v, i) => (existing && !written.has(i) && table.formulas[index]?.[i] ? new SheetFormula(table.formulas[index][i]) : v));
    if (existing) writeBlock(TAB.templates, index + 2, 1, [out]);
    else appendRows(TAB.templates, [out]);
    const before = existing ? templatesFrom({ ...table, rows: [existing] })[0] : undefined;
    appendRows(
      TAB.audit,
      auditRows([
        {
          time: now(),
          user: base.user,
          action: existing ? 'edit template' : 'add template',
          clientId: '',
          field: template.name,
          oldValue: before ? `${before.subject}\n\n${before.body}` : '',
          newValue: `${template.subject}\n\n${template.body}`,
          source: 'sidebar',
        },
      ]),
    );
    const saved = { ...template, name: existing ? cellText(cols.get(existing, 'Name')).trim() : template.name };
    return { template: saved, created: !existing, warnings: unknownPlaceholders(saved, placeholderFields(base)) };
  });
}
