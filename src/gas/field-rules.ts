/**
 * Applies a field's sheet rule (src/core/schema/sheet-rules.ts) to its
 * column: data validation with help text, and the number format. Two calls
 * per column whatever the number of rows.
 */
import type { SheetRule } from '../core/schema/sheet-rules';

function validationFor(rule: SheetRule): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const v = rule.validation;
  if (!v) return null;
  let builder = SpreadsheetApp.newDataValidation();
  switch (v.kind) {
    case 'list':
      if (v.values.length === 0) return null;
      builder = builder.requireValueInList(v.values, true);
      break;
    case 'checkbox':
      builder = builder.requireCheckbox();
      break;
    case 'date':
      builder = builder.requireDate();
      break;
    case 'number':
      builder = v.min !== undefined ? builder.requireNumberGreaterThanOrEqualTo(v.min) : builder.requireNumberBetween(-1e15, 1e15);
      break;
    case 'email':
      builder = builder.requireTextIsEmail();
      break;
    case 'url':
      builder = builder.requireTextIsUrl();
      break;
  }
  builder = builder.setAllowInvalid(rule.allowInvalid);
  if (rule.helpText) builder = builder.setHelpText(rule.helpText);
  return builder.build();
}

/**
 * Rules for adjacent field columns starting at `firstColumn` (1-based), over
 * every data row: one call for the formats and one for the validations,
 * whatever the number of fields or rows. An empty format keeps the automatic one.
 */
export function applyRules(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstColumn: number, rules: readonly SheetRule[]): void {
  if (rules.length === 0) return;
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const range = sheet.getRange(2, firstColumn, rows, rules.length);
  const formats = rules.map((r) => r.numberFormat || 'General');
  const validations = rules.map(validationFor);
  range.setNumberFormats(Array.from({ length: rows }, () => formats));
  range.setDataValidations(Array.from({ length: rows }, () => validations));
}
