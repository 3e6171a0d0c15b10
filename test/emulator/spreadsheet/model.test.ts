import { describe, expect, it, vi } from 'vitest';
import { createEmulator } from '../../../emulator/index';
import type { FormulaContext } from '../../../emulator/formula/context';

// A stand-in engine so these tests pin the emulator's side (spill, #REF!, re-evaluation),
// not the formula engine: =COPY(range) returns the range, =SPILL(n) n rows, =TODAY() today.
vi.mock('../../../emulator/formula/evaluate', () => ({
  evaluateFormula: (formula: string, ctx: FormulaContext): unknown[][] => {
    const copy = /^=COPY\((.+)\)$/.exec(formula);
    if (copy) return ctx.values(copy[1]);
    const spill = /^=SPILL\((\d+)\)$/.exec(formula);
    if (spill) return Array.from({ length: Number(spill[1]) }, (_, i) => [`r${i + 1}`, i + 1]);
    if (formula === '=TODAY()') return [[ctx.today()]];
    if (formula === '=BOOM()') throw new Error('engine crashed');
    return [['#NAME?']];
  },
}));

function setup() {
  const emu = createEmulator({ now: () => new Date('2024-06-30T22:30:00Z') });
  const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  return { emu, ss, sheet: ss.getSheets()[0] };
}

describe('formulas', () => {
  it('getValues returns the evaluated value; getFormulas the text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=SPILL(1)');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['r1', 1]]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SPILL(1)', '']]);
  });

  it('array results spill right and down, and count for getLastRow', () => {
    const { emu, sheet } = setup();
    sheet.getRange('B2').setValue('=SPILL(3)');
    expect(emu.readSheet('Sheet1')).toEqual([
      ['', '', ''],
      ['', 'r1', 1],
      ['', 'r2', 2],
      ['', 'r3', 3],
    ]);
    expect(sheet.getLastRow()).toBe(4);
  });

  it('#REF! when the spill would overwrite content; recovers when the blocker is cleared', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=SPILL(3)');
    sheet.getRange('B3').setValue('blocker');
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      ['#REF!', ''],
      ['', ''],
      ['', 'blocker'],
    ]);
    sheet.getRange('B3').clearContent();
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      ['r1', 1],
      ['r2', 2],
      ['r3', 3],
    ]);
  });

  it('#REF! when the spill would run off the sheet', () => {
    const { sheet } = setup();
    sheet.getRange('A999').setValue('=SPILL(3)');
    expect(sheet.getRange('A999').getValue()).toBe('#REF!');
  });

  it('reads other sheets through the context and re-evaluates after any write', () => {
    const { emu, sheet } = setup();
    emu.writeSheet('Clients', [['Ann'], ['Bob']]);
    sheet.getRange('A1').setValue("=COPY('Clients'!A1:A2)");
    expect(emu.readSheet('Sheet1')).toEqual([['Ann'], ['Bob']]);
    emu.globals.SpreadsheetApp.getActive().getSheetByName('Clients')!.getRange('A2').setValue('Олена');
    expect(emu.readSheet('Sheet1')).toEqual([['Ann'], ['Олена']]);
  });

  it('TODAY is midnight in the spreadsheet time zone (Moscow is already on July 1st)', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=TODAY()');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2024-06-30T21:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('7/1/2024');
  });

  it('an engine crash becomes #ERROR!, not an exception in the script', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=BOOM()');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
  });

  it('formula text from hostile input is still only a formula (its value is computed, never run)', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=HYPERLINK("javascript:alert(1)","x")');
    expect(sheet.getRange('A1').getValue()).toBe('#NAME?');
  });
});
