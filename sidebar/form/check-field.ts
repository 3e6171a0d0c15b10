/**
 * Client-side validation with the server's own validators, so the user sees
 * the same message before saving that the server would give after. The
 * server stays authoritative: where the browser lacks what the server knows
 * (the base's default country), the check is left to the server.
 */
import type { FieldDef } from '../../src/core/schema/field';
import { parsePhone, type CountryCode } from '../../src/core/normalize/phone';
import { validateValue } from '../../src/core/validate/value';
import type { ProblemKind } from '../../src/core/validate/problem';
import { cellText, isDate } from '../../src/core/values';

export interface CheckContext {
  defaultCountry?: CountryCode;
  today?: Date;
}

export interface FieldProblem {
  kind: ProblemKind;
  message: string;
  /** A likely fix, as text ('' when none). */
  suggestion: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function suggestionText(value: unknown): string {
  if (value === undefined) return '';
  if (isDate(value)) return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  return cellText(value);
}

/** "2024-05-31" as a local Date at midnight, the way date validators compare days. */
export function localDay(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

/** A national number ("8 916 123-45-67") needs the base's default country, which only the server knows here. */
function needsServerCountry(field: FieldDef, raw: string, ctx: CheckContext): boolean {
  if (field.type !== 'phone' || ctx.defaultCountry) return false;
  const text = raw.trim();
  if (text.startsWith('+') || text.startsWith('00')) return false;
  const parsed = parsePhone(text);
  return !parsed.ok && parsed.reason === 'invalid';
}

export function checkField(field: FieldDef, raw: string, ctx: CheckContext): FieldProblem | null {
  if (needsServerCountry(field, raw, ctx)) return null;
  const checked = validateValue(field, raw, ctx);
  if (checked.ok) return null;
  return { kind: checked.kind, message: checked.message, suggestion: suggestionText(checked.suggestion) };
}

/** Problems of the named fields, keyed by field name. */
export function checkFields(
  fields: readonly FieldDef[],
  values: Record<string, string>,
  names: readonly string[],
  ctx: CheckContext,
): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    if (!names.includes(field.name)) continue;
    const problem = checkField(field, values[field.name] ?? '', ctx);
    if (problem) problems[field.name] = problem;
  }
  return problems;
}
