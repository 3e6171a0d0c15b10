/**
 * The rule as it is typed, checked in the browser with the same parser the
 * server uses (src/core/rules), against the Clients columns the sidebar
 * knows: the system columns and the fields. The server checks again on
 * preview and save (it also knows extra columns).
 */
import { pointAt } from '../../../src/core/rules/errors';
import { parseRule } from '../../../src/core/rules/parser';
import { SYSTEM_COLUMNS, type FieldDef } from '../../../src/core/schema/field';

export type RuleCheck = { ok: true } | { ok: false; message: string; caret: string };

export function checkRuleText(rule: string, fields: readonly FieldDef[]): RuleCheck {
  const parsed = parseRule(rule, [...SYSTEM_COLUMNS, ...fields.map((f) => f.name)]);
  return parsed.ok ? { ok: true } : { ok: false, message: parsed.error.message, caret: pointAt(rule, parsed.error) };
}
