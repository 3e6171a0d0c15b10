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

/** `column` is 1-based; the rule covers every data row the sheet has now. */
export function applyRuleToColumn(sheet: GoogleAppsScript.Spreadsheet.Sheet, column: number, rule: SheetRule): void {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const range = sheet.getRange(2, column, rows, 1);
  range.setNumberFormat(rule.numberFormat);
  const validation = validationFor(rule);
  if (validation) range.setDataValidation(validation);
  else range.clearDataValidations();
}
