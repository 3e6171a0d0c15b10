import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

function setup() {
  const emu = createEmulator();
  const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  return { emu, ss, sheet };
}

describe('Sheet size and content bounds', () => {
  it('a new sheet has 1000 rows and 26 columns, and no content', () => {
    const { sheet } = setup();
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([1000, 26, 0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  it('getLastRow/getLastColumn/getDataRange follow content', () => {
    const { sheet } = setup();
    sheet.getRange('C5').setValue('x');
    sheet.getRange('A2').setValue(0);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    sheet.getRange('C5').clearContent();
    expect(sheet.getLastRow()).toBe(2);
  });

  it('appendRow writes after the last row, parses input and grows a full sheet', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1000').setValue('last');
    sheet.appendRow(['=1+1', '42', "'42"]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange('A1001:C1001').getFormulas()).toEqual([['=1+1', '', '']]);
    expect(sheet.getRange('B1001:C1001').getValues()).toEqual([[42, '42']]);
    expect(emu.readSheet('Sheet1')).toHaveLength(1001);
  });

  it('appendRow wider than the sheet adds columns', () => {
    const { sheet } = setup();
    sheet.appendRow(Array.from({ length: 30 }, (_, i) => i));
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getRange(1, 30).getValue()).toBe(29);
  });
});

describe('inserting and deleting rows and columns', () => {
  it('insertRowsAfter shifts content down and inherits formats and validation from the row above', () => {
    const { emu, sheet } = setup();
    const rule = emu.globals.SpreadsheetApp.newDataValidation().requireCheckbox().build();
    sheet.getRange('A1:B2').setValues([
      ['h1', 'h2'],
      ['a', true],
    ]);
    sheet.getRange('B2').setDataValidation(rule).setNumberFormat('@');
    sheet.insertRowsAfter(1, 2);
    expect(emu.readSheet('Sheet1')).toEqual([
      ['h1', 'h2'],
      ['', ''],
      ['', ''],
      ['a', true],
    ]);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.insertRowsAfter(4, 1);
    expect(sheet.getRange('B5').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    expect(sheet.getRange('B5').getNumberFormat()).toBe('@');
    expect(sheet.getRange('B5').getValue()).toBe('');
  });

  it('insertRows / insertRowBefore / deleteRow / deleteRows', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1:A4').setValues([[1], [2], [3], [4]]);
    sheet.insertRowBefore(1);
    sheet.insertRows(3, 1);
    expect(emu.readSheet('Sheet1').map((r) => r[0])).toEqual(['', 1, '', 2, 3, 4]);
    sheet.deleteRow(1);
    sheet.deleteRows(2, 1);
    expect(emu.readSheet('Sheet1').map((r) => r[0])).toEqual([1, 2, 3, 4]);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1, 1000)).toThrow('not possible to delete all non-frozen rows');
  });

  it('columns insert and delete', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.insertColumnsAfter(1, 1);
    sheet.insertColumnBefore(1);
    expect(emu.readSheet('Sheet1')).toEqual([['', 'a', '', 'b', 'c']]);
    expect(sheet.getMaxColumns()).toBe(28);
    sheet.deleteColumns(1, 1);
    sheet.deleteColumn(2);
    expect(emu.readSheet('Sheet1')).toEqual([['a', 'b', 'c']]);
  });

  it('range protections move with inserted rows', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A5:B6').protect().setDescription('Audit');
    sheet.insertRowsBefore(2, 3);
    expect(emu.inspectSheet('Sheet1').protections).toMatchObject([{ type: 'RANGE', range: 'A8:B9', description: 'Audit' }]);
  });
});

describe('frozen, hidden, widths, tabs', () => {
  it('frozen rows and columns', () => {
    const { emu, sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expect(emu.inspectSheet('Sheet1').frozenRows).toBe(1);
    expect(() => sheet.setFrozenRows(-1)).toThrow();
  });

  it('hide and show rows; hidden rows move with inserts', () => {
    const { emu, sheet } = setup();
    sheet.hideRows(3, 2);
    expect([sheet.isRowHiddenByUser(2), sheet.isRowHiddenByUser(3), sheet.isRowHiddenByUser(4)]).toEqual([false, true, true]);
    sheet.insertRowBefore(1);
    expect(emu.inspectSheet('Sheet1').hiddenRows).toEqual([4, 5]);
    sheet.showRows(4);
    expect(emu.inspectSheet('Sheet1').hiddenRows).toEqual([5]);
    expect(sheet.isRowHiddenByFilter(5)).toBe(false);
  });

  it('hide and show sheets; the last visible sheet cannot be hidden', () => {
    const { ss, sheet } = setup();
    expect(() => sheet.hideSheet()).toThrow('not possible to hide all the sheets');
    const other = ss.insertSheet('Other');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    other.showSheet();
    expect(other.isSheetHidden()).toBe(false);
  });

  it('column widths, auto-resize, tab color', () => {
    const { sheet } = setup();
    expect(sheet.getColumnWidth(1)).toBe(100);
    sheet.setColumnWidths(1, 2, 240);
    expect(sheet.getColumnWidth(2)).toBe(240);
    sheet.getRange('C1').setValue('a much longer piece of text than the default width allows');
    sheet.autoResizeColumns(3, 1);
    expect(sheet.getColumnWidth(3)).toBeGreaterThan(100);
    sheet.setTabColor('#ff0000');
    expect(sheet.getTabColor()).toBe('#ff0000');
  });

  it('clear and clearContents', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1').setNumberFormat('0.00').setValue(5);
    sheet.clearContents();
    expect(emu.readSheet('Sheet1')).toEqual([]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.00');
    sheet.clear();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });

  it('filters: one per sheet, sort reorders rows under the header', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      ['Name', 'N'],
      ['b', 2],
      ['a', 1],
    ]);
    const filter = sheet.getRange('A1:B3').createFilter();
    expect(() => sheet.getRange('A1:B3').createFilter()).toThrow("You can't create a filter in a sheet that already has a filter.");
    filter.sort(1, true);
    expect(emu.readSheet('Sheet1')).toEqual([
      ['Name', 'N'],
      ['a', 1],
      ['b', 2],
    ]);
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe('A1:B3');
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
  });

  it('setName checks for clashes', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Clients');
    expect(() => sheet.setName('clients')).toThrow('A sheet with the name "clients" already exists. Please enter another name.');
    sheet.setName('Старт');
    expect(ss.getSheetByName('Старт')).not.toBeNull();
  });
});
