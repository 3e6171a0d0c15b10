/**
 * Formula results are kept between reads and computed again only when an input
 * changed: these tests change an input every way the add-on (or a person) can
 * and read the dependent, so a stale result shows.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

function book(now = new Date('2026-03-18T10:00:00Z')) {
  let clock = now.getTime();
  const emu = createEmulator({ timeZone: 'UTC', now: () => new Date(clock) });
  const ss = () => emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  return { emu, ss, tick: (ms: number) => (clock += ms) };
}

describe('kept formula results', () => {
  it('follow a write to another sheet they read, and ignore writes to sheets they do not', () => {
    const { emu, ss } = book();
    emu.writeSheet('Data', [['Name'], ['Ann'], ['Bob']]);
    emu.writeSheet('Other', [['x']]);
    emu.writeSheet('Seg', [['Name'], ['=ARRAYFORMULA(IFERROR(FILTER(Data!A2:A,LEN(Data!A2:A)>0),""))']]);
    expect(emu.readSheet('Seg')).toEqual([['Name'], ['Ann'], ['Bob']]);
    ss().getSheetByName('Other')!.getRange('A1').setValue('y');
    expect(emu.readSheet('Seg')).toEqual([['Name'], ['Ann'], ['Bob']]);
    ss().getSheetByName('Data')!.getRange('A3').setValue('Cid');
    expect(emu.readSheet('Seg')).toEqual([['Name'], ['Ann'], ['Cid']]);
    ss().getSheetByName('Data')!.getRange('A2:A3').clearContent();
    // No match: IFERROR's "" in the formula's own cell.
    expect(emu.readSheet('Seg')).toEqual([['Name'], ['']]);
  });

  it('a spill grows and shrinks with its input: getLastRow and the cells below follow', () => {
    const { emu, ss } = book();
    emu.writeSheet('Data', [['N'], [1], [2]]);
    emu.writeSheet('Seg', [['=FILTER(Data!A2:A,Data!A2:A>0)']]);
    const seg = () => ss().getSheetByName('Seg')!;
    expect(seg().getLastRow()).toBe(2);
    ss()
      .getSheetByName('Data')!
      .getRange('A4:A6')
      .setValues([[3], [4], [5]]);
    expect(seg().getLastRow()).toBe(5);
    expect(seg().getRange('A1:A5').getValues()).toEqual([[1], [2], [3], [4], [5]]);
    ss()
      .getSheetByName('Data')!
      .getRange('A3:A6')
      .setValues([[0], [0], [0], [0]]);
    expect(seg().getLastRow()).toBe(1);
    expect(seg().getRange('A1:A3').getValues()).toEqual([[1], [''], ['']]);
  });

  it('a formula reading a formula on a third sheet follows the first input', () => {
    const { emu, ss } = book();
    emu.writeSheet('Data', [[2], [3]]);
    emu.writeSheet('Mid', [['=ARRAYFORMULA(Data!A1:A2*10)']]);
    emu.writeSheet('Top', [['=SUM(Mid!A1:A2)', '=COUNTA(Mid!A1:A5)']]);
    expect(emu.readSheet('Top')).toEqual([[50, 2]]);
    ss().getSheetByName('Data')!.getRange('A2').setValue(7);
    expect(emu.readSheet('Top')).toEqual([[90, 2]]);
    // The middle formula itself changes: the top one follows it too.
    ss().getSheetByName('Mid')!.getRange('A1').setFormula('=ARRAYFORMULA(Data!A1:A2*100)');
    expect(emu.readSheet('Top')).toEqual([[900, 2]]);
  });

  it('read in any order (the dependent first, or the middle first), the values agree', () => {
    const { emu, ss } = book();
    emu.writeSheet('Data', [[1]]);
    emu.writeSheet('Mid', [['=Data!A1+1']]);
    emu.writeSheet('Top', [['=Mid!A1+1']]);
    expect(emu.readSheet('Top')).toEqual([[3]]);
    ss().getSheetByName('Data')!.getRange('A1').setValue(10);
    expect(emu.readSheet('Mid')).toEqual([[11]]);
    expect(emu.readSheet('Top')).toEqual([[12]]);
    ss().getSheetByName('Data')!.getRange('A1').setValue(20);
    expect(emu.readSheet('Top')).toEqual([[22]]);
    expect(emu.readSheet('Mid')).toEqual([[21]]);
  });

  it('a write to the formula sheet itself recomputes formulas reading their own cells', () => {
    const { emu, ss } = book();
    emu.writeSheet('U', [[1, '=A1*2', '=B1+A2'], [5]]);
    expect(emu.readSheet('U')[0]).toEqual([1, 2, 7]);
    ss()
      .getSheetByName('U')!
      .getRange('A1:A2')
      .setValues([[4], [6]]);
    expect(emu.readSheet('U')[0]).toEqual([4, 8, 14]);
  });

  it('TODAY() moves with the clock, with or without a write in between', () => {
    const { emu, ss, tick } = book();
    emu.writeSheet('Other', [['x']]);
    emu.writeSheet('T', [['=TODAY()', '=Other!A1']]);
    const first = emu.readSheet('T')[0][0] as number;
    tick(86_400_000);
    ss().getSheetByName('Other')!.getRange('A1').setValue('y');
    expect(emu.readSheet('T')[0]).toEqual([first + 1, 'y']);
    tick(86_400_000);
    expect(emu.readSheet('T')[0][0]).toBe(first + 2);
  });

  it('a formula reading a TODAY() sheet follows the day too', () => {
    const { emu, tick } = book();
    emu.writeSheet('T', [['=TODAY()']]);
    emu.writeSheet('R', [['=T!A1+1']]);
    const first = emu.readSheet('R')[0][0] as number;
    tick(86_400_000);
    expect(emu.readSheet('R')[0][0]).toBe(first + 1);
  });

  it('formats, notes and colours leave results alone; values written over a spill block it', () => {
    const { emu, ss } = book();
    emu.writeSheet('Data', [[1], [2]]);
    emu.writeSheet('S', [['=ARRAYFORMULA(Data!A1:A2+0)']]);
    const s = ss().getSheetByName('S')!;
    expect(s.getRange('A1:A2').getValues()).toEqual([[1], [2]]);
    s.getRange('A1:A2').setNumberFormat('0.00').setBackground('#ff0000').setNote('n');
    expect(s.getRange('A1:A2').getValues()).toEqual([[1], [2]]);
    s.getRange('A2').setValue('typed');
    expect(s.getRange('A1:A2').getValues()).toEqual([['#REF!'], ['typed']]);
    s.getRange('A2').clearContent();
    expect(s.getRange('A1:A2').getValues()).toEqual([[1], [2]]);
  });

  it('renaming, inserting rows into or deleting a sheet a formula reads takes effect', () => {
    const { emu, ss } = book();
    emu.writeSheet('Data', [[1], [2]]);
    emu.writeSheet('S', [['=SUM(Data!A1:A)', '=ROWS(Data!A1:A)']]);
    const rows = ss().getSheetByName('Data')!.getMaxRows();
    expect(emu.readSheet('S')).toEqual([[3, rows]]);
    ss().getSheetByName('Data')!.insertRowsAfter(1, 5);
    expect(emu.readSheet('S')).toEqual([[3, rows + 5]]);
    ss().getSheetByName('Data')!.setName('Renamed');
    expect(emu.readSheet('S')[0][0]).toBe('#REF!');
    ss().getSheetByName('Renamed')!.setName('Data');
    expect(emu.readSheet('S')[0][0]).toBe(3);
    ss().deleteSheet(ss().getSheetByName('Data')!);
    expect(emu.readSheet('S')[0][0]).toBe('#REF!');
    emu.writeSheet('Data', [[40]]);
    expect(emu.readSheet('S')[0][0]).toBe(40);
  });

  it('a sort of the input sheet, and a restored state, are seen', () => {
    const { emu } = book();
    emu.writeSheet('Data', [['h'], [3], [1], [2]]);
    emu.writeSheet('S', [['=Data!A2']]);
    expect(emu.readSheet('S')).toEqual([[3]]);
    emu.sortSheet('Data', 1, true);
    expect(emu.readSheet('S')).toEqual([[1]]);
    const again = createEmulator({ state: emu.serialize(), timeZone: 'UTC' });
    expect(again.readSheet('S')).toEqual([[1]]);
  });

  it('the header above a formula reads without it, and the formula is right when read after', () => {
    const { emu, ss } = book();
    emu.writeSheet('Data', [[1], [2]]);
    emu.writeSheet('S', [['Head'], ['=ARRAYFORMULA(Data!A1:A2*3)']]);
    const s = ss().getSheetByName('S')!;
    expect(s.getRange('A1').getValues()).toEqual([['Head']]);
    ss().getSheetByName('Data')!.getRange('A1').setValue(5);
    expect(s.getRange('A1').getValues()).toEqual([['Head']]);
    expect(s.getRange('A2:A3').getValues()).toEqual([[15], [6]]);
  });

  it('sheets reading each other do not hang, before or after a write', () => {
    const { emu, ss } = book();
    emu.writeSheet('A', [['=B!A1+1']]);
    emu.writeSheet('B', [['=A!A1+1']]);
    expect(typeof emu.readSheet('A')[0][0]).toBe('number');
    expect(typeof emu.readSheet('B')[0][0]).toBe('number');
    ss().getSheetByName('A')!.getRange('B1').setValue(1);
    expect(typeof emu.readSheet('B')[0][0]).toBe('number');
    expect(typeof emu.readSheet('A')[0][0]).toBe('number');
  });
});

describe('saved states share rows with the spreadsheet they copy', () => {
  it('a write after serialize or restore changes only the copy written to', () => {
    const emu = createEmulator({ timeZone: 'UTC' });
    emu.writeSheet('T', [
      ['a', 'b'],
      [1, 2],
    ]);
    const state = emu.serialize();
    const one = createEmulator({ state });
    const two = createEmulator({ state });
    emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T')!.getRange('A2').setValue('orig');
    one.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T')!.getRange('B2').setValue('one');
    two.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T')!.insertColumnBefore(1);
    expect(emu.readSheet('T')).toEqual([
      ['a', 'b'],
      ['orig', 2],
    ]);
    expect(one.readSheet('T')).toEqual([
      ['a', 'b'],
      [1, 'one'],
    ]);
    expect(two.readSheet('T')).toEqual([
      ['', 'a', 'b'],
      ['', 1, 2],
    ]);
    expect(createEmulator({ state }).readSheet('T')).toEqual([
      ['a', 'b'],
      [1, 2],
    ]);
  });
});
