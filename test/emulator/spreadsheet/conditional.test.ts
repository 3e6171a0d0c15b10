import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

describe('conditional format rules', () => {
  it('are built, stored on the sheet, read back and survive serialize', () => {
    const emu = createEmulator();
    const { SpreadsheetApp } = emu.globals;
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=AND($H2<>"",$H2<TODAY())')
      .setBackground('#fde0dc')
      .setBold(true)
      .setRanges([sheet.getRange('A2:H')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const [stored] = sheet.getConditionalFormatRules();
    expect(stored.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:H1000']);
    const condition = stored.getBooleanCondition()!;
    expect(condition.getCriteriaType()).toBe('CUSTOM_FORMULA');
    expect(condition.getCriteriaValues()).toEqual(['=AND($H2<>"",$H2<TODAY())']);
    expect([condition.getBackground(), condition.getBold(), condition.getItalic()]).toEqual(['#fde0dc', true, null]);
    const copy = createEmulator({ state: JSON.parse(JSON.stringify(emu.serialize())) });
    expect(copy.inspectSheet('Sheet1').conditionalFormats).toEqual(emu.inspectSheet('Sheet1').conditionalFormats);
    expect(copy.inspectSheet('Sheet1').conditionalFormats).toHaveLength(1);
  });

  it('do not change values or display', () => {
    const emu = createEmulator();
    const { SpreadsheetApp } = emu.globals;
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    sheet.getRange('A1').setValue(5);
    sheet.setConditionalFormatRules([
      SpreadsheetApp.newConditionalFormatRule()
        .whenNumberGreaterThan(1)
        .setFontColor('#ff0000')
        .setRanges([sheet.getRange('A1')])
        .build(),
    ]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('5');
    expect(sheet.getRange('A1').getFontColor()).toBe('#000000');
  });

  it('a rule needs a condition', () => {
    const { globals } = createEmulator();
    expect(() => globals.SpreadsheetApp.newConditionalFormatRule().setBackground('#fff').build()).toThrow('condition');
  });
});
