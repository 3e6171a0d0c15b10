import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

function setup() {
  const emu = createEmulator();
  const { SpreadsheetApp } = emu.globals;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  return { emu, SpreadsheetApp, sheet };
}

describe('DataValidationBuilder and DataValidation', () => {
  it('reports criteria type, values, allowInvalid and help text like Apps Script', () => {
    const { SpreadsheetApp } = setup();
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['Hot', 'Cold'], false).setAllowInvalid(false).setHelpText('Pick a stage').build();
    expect(rule.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Hot', 'Cold'], false]);
    expect(rule.getAllowInvalid()).toBe(false);
    expect(rule.getHelpText()).toBe('Pick a stage');
  });

  it('defaults: allowInvalid true, dropdown shown', () => {
    const { SpreadsheetApp } = setup();
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['a']).build();
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule.getCriteriaValues()).toEqual([['a'], true]);
  });

  it('copy() gives a builder that changes a copy, not the original', () => {
    const { SpreadsheetApp } = setup();
    const rule = SpreadsheetApp.newDataValidation().requireNumberBetween(1, 10).setAllowInvalid(false).build();
    const changed = rule.copy().requireNumberGreaterThanOrEqualTo(0).build();
    expect(rule.getCriteriaType()).toBe('NUMBER_BETWEEN');
    expect(changed.getCriteriaType()).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(changed.getAllowInvalid()).toBe(false);
  });

  it('build() without criteria throws', () => {
    const { SpreadsheetApp } = setup();
    expect(() => SpreadsheetApp.newDataValidation().build()).toThrow();
  });

  it('rejects a non-Date for date criteria and a non-number for number criteria', () => {
    const { SpreadsheetApp } = setup();
    expect(() => SpreadsheetApp.newDataValidation().requireDateAfter('2024-01-01' as unknown as Date)).toThrow("don't match the method signature");
    expect(() => SpreadsheetApp.newDataValidation().requireNumberBetween('1' as unknown as number, 2)).toThrow("don't match the method signature");
  });

  it('set/get/clear on ranges; each cell gets the rule', () => {
    const { SpreadsheetApp, sheet } = setup();
    const rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
    sheet.getRange('A2:A4').setDataValidation(rule);
    const rules = sheet.getRange('A1:A4').getDataValidations();
    expect(rules.map((r) => r[0]?.getCriteriaType() ?? null)).toEqual([null, 'CHECKBOX', 'CHECKBOX', 'CHECKBOX']);
    sheet.getRange('A3').clearDataValidations();
    expect(sheet.getRange('A3').getDataValidation()).toBeNull();
    expect(sheet.getRange('A4').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
  });
});

describe('writes into validated cells', () => {
  it('a value breaking a reject-input rule throws the real message and writes nothing of that call', () => {
    const { emu, SpreadsheetApp, sheet } = setup();
    sheet.getRange('B2:B').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Hot', 'Cold']).setAllowInvalid(false).build());
    sheet.getRange('A1:B1').setValues([['Name', 'Stage']]);
    expect(() =>
      sheet.getRange('A2:B3').setValues([
        ['Ann', 'Hot'],
        ['Bob', 'Warm'],
      ]),
    ).toThrow('The data you entered in cell B3 violates the data validation rules set on this cell.');
    expect(emu.readSheet('Sheet1')).toEqual([['Name', 'Stage']]);
  });

  it('checks parsed values: "TRUE" satisfies a checkbox, "yes" does not', () => {
    const { SpreadsheetApp, sheet } = setup();
    sheet.getRange('A1:A2').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build());
    sheet.getRange('A1').setValue('TRUE');
    expect(sheet.getRange('A1').getValue()).toBe(true);
    expect(() => sheet.getRange('A2').setValue('yes')).toThrow('cell A2 violates');
  });

  it('clearing a validated cell is always allowed', () => {
    const { SpreadsheetApp, sheet } = setup();
    sheet.getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireTextIsEmail().setAllowInvalid(false).build());
    sheet.getRange('A1').setValue('ann@example.com');
    sheet.getRange('A1').setValue('');
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it.each([
    ['requireTextIsEmail', (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireTextIsEmail(), 'ann@example.com', 'ann@'],
    ['requireTextIsUrl', (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireTextIsUrl(), 'https://example.com/x', 'not a url'],
    ['requireNumberBetween', (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireNumberBetween(1, 5), 3, 6],
    ['requireNumberGreaterThanOrEqualTo', (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireNumberGreaterThanOrEqualTo(0), 0, -1],
    ['requireNumberLessThanOrEqualTo', (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireNumberLessThanOrEqualTo(10), '10', '11'],
    ['requireDate', (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireDate(), '2024-01-31', 'tomorrow'],
    [
      'requireDateAfter',
      (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireDateAfter(new Date('2024-01-01T00:00:00Z')),
      new Date('2024-02-01T00:00:00Z'),
      new Date('2023-12-01T00:00:00Z'),
    ],
    [
      'requireDateBefore',
      (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireDateBefore(new Date('2024-01-01T00:00:00Z')),
      new Date('2023-02-01T00:00:00Z'),
      new Date('2024-12-01T00:00:00Z'),
    ],
    ['requireValueInList', (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireValueInList(['Да', 'Nu']), 'Да', 'да?'],
  ])('%s accepts a good value and rejects a bad one', (_name, build, good, bad) => {
    const { SpreadsheetApp, sheet } = setup();
    sheet.getRange('A1').setDataValidation(build(SpreadsheetApp.newDataValidation()).setAllowInvalid(false).build());
    sheet.getRange('A1').setValue(good);
    expect(() => sheet.getRange('A1').setValue(bad)).toThrow('violates the data validation rules');
  });

  it('requireValueInRange checks against the current values of the range', () => {
    const { emu, SpreadsheetApp, sheet } = setup();
    emu.writeSheet('Lists', [['Call'], ['Meeting']]);
    const options = SpreadsheetApp.getActive().getSheetByName('Lists')!.getRange('A1:A10');
    sheet.getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInRange(options).setAllowInvalid(false).build());
    sheet.getRange('A1').setValue('Meeting');
    expect(() => sheet.getRange('A1').setValue('Letter')).toThrow('violates');
    expect(sheet.getRange('A1').getDataValidation()!.getCriteriaValues()[0].getA1Notation()).toBe('A1:A10');
  });

  it('with allowInvalid the value is written and listed as invalid', () => {
    const { emu, SpreadsheetApp, sheet } = setup();
    sheet.getRange('C2:C3').setDataValidation(SpreadsheetApp.newDataValidation().requireTextIsEmail().setAllowInvalid(true).build());
    sheet.getRange('C2:C3').setValues([['ok@example.com'], ['=HYPERLINK("x")<script>']]);
    expect(sheet.getRange('C2').getValue()).toBe('ok@example.com');
    sheet.getRange('C3').setValue('<img src=x onerror=alert(1)>');
    expect(sheet.getRange('C3').getValue()).toBe('<img src=x onerror=alert(1)>');
    expect(emu.inspectSheet('Sheet1').invalidCells).toEqual(['C3']);
  });

  it('insertCheckboxes sets a checkbox rule and unchecked values', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').insertCheckboxes();
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[false], [false]]);
    expect(sheet.getRange('A1').getDataValidation()!.getCriteriaType()).toBe('CHECKBOX');
    expect(() => sheet.getRange('A1').setValue('maybe')).toThrow('violates');
  });

  it('appendRow honours validation too and leaves no half row', () => {
    const { emu, SpreadsheetApp, sheet } = setup();
    sheet.getRange('B1:B').setDataValidation(SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).build());
    expect(() => sheet.appendRow(['Ann', -5])).toThrow('cell B1 violates');
    expect(emu.readSheet('Sheet1')).toEqual([]);
  });
});
