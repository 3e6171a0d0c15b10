import { describe, expect, it } from 'vitest';
import { a1Of, columnName, moved, rangesA1, rectOf, within } from '../../playground/page/selection.ts';

describe("the grid's selection, written as the emulator's range list takes it", () => {
  it('spans two corners in either order, and writes one cell as a cell', () => {
    expect(rectOf({ row: 5, col: 3 }, { row: 2, col: 1 })).toEqual({ top: 2, left: 1, bottom: 5, right: 3 });
    expect(rangesA1([rectOf({ row: 3, col: 2 }, { row: 5, col: 2 }), rectOf({ row: 8, col: 2 }, { row: 8, col: 2 })])).toBe('B3:B5,B8');
    expect(a1Of({ row: 1, col: 28 })).toBe('AB1');
    expect(columnName(26)).toBe('Z');
    expect(columnName(703)).toBe('AAA');
  });

  it('moves one step per arrow and tells whether a cell is selected', () => {
    expect(moved({ row: 2, col: 2 }, 'ArrowUp')).toEqual({ row: 1, col: 2 });
    expect(moved({ row: 2, col: 2 }, 'ArrowRight')).toEqual({ row: 2, col: 3 });
    expect(moved({ row: 2, col: 2 }, 'Home')).toEqual({ row: 2, col: 2 });
    expect(within([rectOf({ row: 2, col: 1 }, { row: 4, col: 3 })], { row: 3, col: 3 })).toBe(true);
    expect(within([rectOf({ row: 2, col: 1 }, { row: 4, col: 3 })], { row: 5, col: 1 })).toBe(false);
  });
});
