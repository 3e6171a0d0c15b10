/**
 * The rule as it is typed, checked in the browser with the same parser the
 * server uses (src/core/rules), against the Clients columns the sidebar
 * knows: the system columns and the fields. The server checks again on
 * preview and save (it also knows extra columns).
 */
import type { Lang } from '../../../src/core/i18n/lang';
import { ruleErrorText } from '../../../src/core/rules/error-words';
import { pointAt } from '../../../src/core/rules/errors';
import { parseRule } from '../../../src/core/rules/parser';
import { SYSTEM_COLUMNS, type FieldDef } from '../../../src/core/schema/field';

export type RuleCheck = { ok: true } | { ok: false; message: string; caret: string };

/** `lang`: the sidebar's language, which the error is worded in. */
export function checkRuleText(rule: string, fields: readonly FieldDef[], lang: Lang = 'en'): RuleCheck {
  // The sidebar does not know the Companies header: any Company.<field> passes here, and the server names an unknown one on preview and save.
  const parsed = parseRule(rule, [...SYSTEM_COLUMNS, ...fields.map((f) => f.name)], { companyFields: 'any', fields });
  return parsed.ok ? { ok: true } : { ok: false, message: ruleErrorText(parsed.error.message, lang), caret: pointAt(rule, parsed.error) };
}
