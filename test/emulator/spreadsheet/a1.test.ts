import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetters, parseA1, quoteSheetName, rectA1, resolveA1 } from '../../../emulator/spreadsheet/a1';

describe('A1 notation', () => {
  it('column letters round-trip', () => {
    expect([columnLetters(1), columnLetters(26), columnLetters(27), columnLetters(702), columnLetters(703)]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    fc.assert(fc.property(fc.integer({ min: 1, max: 18278 }), (n) => columnIndex(columnLetters(n)) === n));
  });

  it('parses cells, ranges, open ends, whole rows/columns and sheet names', () => {
    expect(parseA1('B3')).toEqual({ sheet: undefined, startRow: 3, endRow: 3, startCol: 2, endCol: 2 });
    expect(parseA1('$A$1:$C$2')).toMatchObject({ startRow: 1, endRow: 2, startCol: 1, endCol: 3 });
    expect(parseA1('C5:A1')).toMatchObject({ startRow: 1, endRow: 5, startCol: 1, endCol: 3 });
    expect(parseA1('A2:A')).toEqual({ sheet: undefined, startRow: 2, startCol: 1, endCol: 1 });
    expect(parseA1('B:D')).toEqual({ sheet: undefined, startCol: 2, endCol: 4 });
    expect(parseA1('2:4')).toEqual({ sheet: undefined, startRow: 2, endRow: 4 });
    expect(parseA1("'Client''s list'!A1").sheet).toBe("Client's list");
    expect(parseA1('Clients!B2:B1000')).toMatchObject({ sheet: 'Clients', startRow: 2, endRow: 1000 });
  });

  it.each(['', 'A0', '1', 'A', 'A1:B2:C3', 'hello world', '=A1', 'A1B2'])('refuses %j', (text) => {
    expect(() => parseA1(text)).toThrow('Range not found');
  });

  it('resolves open ends to the sheet edge and prints back', () => {
    expect(resolveA1(parseA1('A2:B'), 1000, 26)).toEqual({ row: 2, col: 1, numRows: 999, numCols: 2 });
    expect(rectA1(resolveA1(parseA1('3:3'), 1000, 26))).toBe('A3:Z3');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        (row, col, numRows, numCols) => {
          const rect = { row, col, numRows, numCols };
          expect(resolveA1(parseA1(rectA1(rect)), 1e6, 1e4)).toEqual(rect);
        },
      ),
    );
  });

  it('quotes sheet names that need it', () => {
    expect(quoteSheetName('Clients')).toBe('Clients');
    expect(quoteSheetName('My clients')).toBe("'My clients'");
    expect(quoteSheetName("O'Neil")).toBe("'O''Neil'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('Клиенты')).toBe("'Клиенты'");
  });
});
