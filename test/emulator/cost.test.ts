import { describe, expect, it } from 'vitest';
import { COST, createEmulator, modelledMs } from '../../emulator';

function book() {
  const emu = createEmulator();
  emu.install(globalThis);
  emu.writeSheet('Data', [['ID', 'Name'], ...Array.from({ length: 99 }, (_, i) => [`c${i}`, `n${i}`])]);
  return emu;
}

describe('cost meter', () => {
  it('counts the cells a read returns and a write sends, not the calls only', () => {
    const emu = book();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!;
    emu.calls.reset();
    sheet.getDataRange().getValues();
    sheet.getRange(2, 2, 3, 1).setValues([['a'], ['b'], ['c']]);
    sheet.getRange('A1').setValue('x');
    const c = emu.cost.snapshot();
    expect(c.cellsRead).toBe(200);
    expect(c.cellsWritten).toBe(4);
    expect(c.calls).toBe(emu.calls.total());
  });

  it('charges a formula the cells it references, again on each write to a sheet it reads, and on every write when volatile', () => {
    const emu = book();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const other = ss.insertSheet('Other');
    const data = ss.getSheetByName('Data')!;
    emu.calls.reset();
    other.getRange('A1').setFormula('=COUNTA(Data!A2:A)');
    const dataRows = data.getMaxRows() - 1;
    expect(emu.cost.snapshot().formulaWork).toBe(dataRows);
    data.getRange('B2').setValue('y'); // Data changed: the count recalculates
    expect(emu.cost.snapshot().formulaWork).toBe(2 * dataRows);
    other.getRange('C1').setValue('unrelated'); // Other's own cell: COUNTA does not read it
    expect(emu.cost.snapshot().formulaWork).toBe(2 * dataRows);
    other.getRange('B1').setFormula('=TODAY()-Data!B2'); // volatile, one cell
    const before = emu.cost.snapshot().formulaWork;
    other.getRange('D1').setValue('z');
    expect(emu.cost.snapshot().formulaWork - before).toBe(1);
  });

  it('counts round trips only when the browser side says so, and models time from the cited constants', () => {
    const emu = book();
    emu.calls.reset();
    emu.cost.roundTrip();
    // getActiveSpreadsheet, getSheetByName, getRange, getValues
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!.getRange('A1:B10').getValues();
    const c = emu.cost.snapshot();
    expect(c.roundTrips).toBe(1);
    expect(c.localCalls).toBe(3);
    expect(emu.cost.modelledMs()).toBeCloseTo(COST.roundTripMs + 3 * COST.localCallMs + COST.serviceCallMs + 20 * COST.cellReadMs);
    expect(modelledMs(c)).toBe(emu.cost.modelledMs());
  });

  it('counts every cell of every grid for the 10 M-cell limit', () => {
    const emu = createEmulator();
    emu.install(globalThis);
    expect(emu.cost.spreadsheetCells()).toBe(1000 * 26);
    SpreadsheetApp.getActiveSpreadsheet().insertSheet('Two');
    expect(emu.cost.spreadsheetCells()).toBe(2 * 1000 * 26);
  });
});

describe('TextFinder', () => {
  it('finds whole-cell matches in a column, row by row, and charges the searched cells, not cells read', () => {
    const emu = book();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!;
    sheet.getRange('A50').setValue('c7');
    emu.calls.reset();
    const found = sheet.getRange(2, 1, 99, 1).createTextFinder('C7').matchEntireCell(true).findAll();
    expect(found.map((r) => r.getRow())).toEqual([9, 50]);
    const c = emu.cost.snapshot();
    expect(c.cellsSearched).toBe(99);
    expect(c.cellsRead).toBe(0);
  });

  it('without matchEntireCell finds substrings; matchCase makes it case-sensitive; findNext walks', () => {
    book();
    const col = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!.getRange('B2:B100');
    expect(col.createTextFinder('n9').findAll().length).toBe(10); // n9, n90…n98
    expect(col.createTextFinder('N9').matchCase(true).findAll()).toEqual([]);
    const finder = col.createTextFinder('n1').matchEntireCell(true);
    expect(finder.findNext()?.getRow()).toBe(3);
    expect(finder.findNext()).toBeNull();
  });

  it('refuses an empty search', () => {
    book();
    const col = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!.getRange('B2:B100');
    expect(() => col.createTextFinder('')).toThrow(/findText/);
  });
});
