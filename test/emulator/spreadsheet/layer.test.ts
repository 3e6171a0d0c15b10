import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Layer } from '../../../emulator/spreadsheet/layer';

type Op =
  | { kind: 'span'; r: number; c: number; values: (string | undefined)[] }
  | { kind: 'fill'; r: number; c: number; rows: number; cols: number; value: string | undefined }
  | { kind: 'share'; r: number };

const value = fc.option(fc.constantFrom('a', 'b', ''), { nil: undefined });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('span' as const), r: fc.nat(5), c: fc.nat(5), values: fc.array(value, { maxLength: 6 }) }),
  fc.record({ kind: fc.constant('fill' as const), r: fc.nat(5), c: fc.nat(5), rows: fc.nat(3), cols: fc.nat(4), value }),
  fc.record({ kind: fc.constant('share' as const), r: fc.nat(5) }),
);

/** The rows as a reader sees them, holes and all (a hole and an explicit undefined differ in `in`). */
const shape = (layer: Layer<string>) => layer.rows.map((row) => (row ? Array.from(row, (v, i) => (i in row ? (v ?? '∅') : 'hole')) : null));

describe('Layer.setRowSpan and fill', () => {
  it('leave the layer, and every saved copy sharing its rows, as the same writes cell by cell do', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const bySpan = new Layer<string>();
        const byCell = new Layer<string>();
        const savedSpan: Layer<string>[] = [];
        const savedCell: Layer<string>[] = [];
        for (const o of ops) {
          if (o.kind === 'span') {
            bySpan.setRowSpan(o.r, o.c, o.values.length, (j) => o.values[j]);
            o.values.forEach((v, j) => byCell.set(o.r, o.c + j, v));
          } else if (o.kind === 'fill') {
            bySpan.fill(o.r, o.c, o.rows, o.cols, o.value);
            for (let i = 0; i < o.rows; i++) for (let j = 0; j < o.cols; j++) byCell.set(o.r + i, o.c + j, o.value);
          } else {
            // A saved state takes the row as it is; neither layer may change it in place afterwards.
            for (const [from, into] of [
              [bySpan, savedSpan],
              [byCell, savedCell],
            ] as const) {
              const copy = new Layer<string>();
              if (from.rows[o.r]) copy.rows[o.r] = from.shareRow(o.r);
              into.push(copy);
            }
          }
        }
        expect(shape(bySpan)).toEqual(shape(byCell));
        expect(savedSpan.map(shape)).toEqual(savedCell.map(shape));
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  it('calls valueAt once for each cell, in order', () => {
    const layer = new Layer<string>();
    layer.set(0, 0, 'x');
    const copy = new Layer<string>();
    copy.rows[0] = layer.shareRow(0);
    const asked: number[] = [];
    copy.setRowSpan(0, 0, 4, (j) => {
      asked.push(j);
      return j === 0 ? 'x' : 'y';
    });
    expect(asked).toEqual([0, 1, 2, 3]);
    expect(copy.rows[0]).toEqual(['x', 'y', 'y', 'y']);
    expect(layer.rows[0]).toEqual(['x']);
  });
});
