import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planWrites, type RegionSnapshot } from '../../../src/core/sheet/write-plan';

const region = (values: unknown[][], formulas?: string[][], _plain: number[] = []): RegionSnapshot => ({
  values,
  formulas: formulas ?? values.map((r) => r.map(() => '')),
  firstRow: 2,
});

describe('planWrites', () => {
  it('writes one block for changes in one row, keeping the cells between as they were', () => {
    const blocks = planWrites(
      [
        { row: 0, column: 1, value: 'new' },
        { row: 0, column: 3, value: 5 },
      ],
      region([['a', 'b', 'c', 'd']], undefined, [0, 1, 2, 3]),
    );
    expect(blocks).toEqual([{ row: 2, column: 2, values: [['new', 'c', 5]] }]);
  });

  it('never rewrites an unchanged formula cell: the run is cut around it', () => {
    const blocks = planWrites(
      [
        { row: 0, column: 0, value: 'x' },
        { row: 0, column: 2, value: 'y' },
      ],
      region([['a', 3, 'c']], [['', '=LEN(A2)', '']], [0, 1, 2]),
    );
    expect(blocks).toEqual([
      { row: 2, column: 1, values: [['x']] },
      { row: 2, column: 3, values: [['y']] },
    ]);
  });

  it('hands text over exactly as given: the writer decides per cell whether it needs an apostrophe', () => {
    const [block] = planWrites(
      [
        { row: 0, column: 0, value: '=1+1' },
        { row: 0, column: 2, value: '=1+1' },
      ],
      region([['', '+7 916', '']], undefined, [1]),
    );
    expect(block.values[0]).toEqual(['=1+1', '+7 916', '=1+1']);
  });

  it('uses one block per changed column, however many rows change', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 4999 }), { minLength: 2, maxLength: 300 }), (rows) => {
        const values = Array.from({ length: 5000 }, () => ['a', 'b']);
        const blocks = planWrites(
          rows.map((row) => ({ row, column: 1, value: 'Hot' })),
          region(values, undefined, [0, 1]),
        );
        expect(blocks).toHaveLength(1);
        const written = new Map(blocks[0].values.map((v, i) => [blocks[0].row - 2 + i, v[0]]));
        for (const row of rows) expect(written.get(row)).toBe('Hot');
        for (const [row, v] of written) if (!rows.includes(row)) expect(v).toBe('b');
      }),
      { numRuns: 30 },
    );
  });
});
