import { describe, expect, it } from 'vitest';
import { fitCell, MAX_CELL_CHARS } from '../../../src/core/sheet/cell-limit';

const marker = (total: number) => ` [${total}]`;

describe('fitCell', () => {
  it('keeps text that fits and shortens longer text to exactly the limit with its marker', () => {
    expect(fitCell('x'.repeat(MAX_CELL_CHARS), marker)).toHaveLength(MAX_CELL_CHARS);
    const long = fitCell('x'.repeat(60_000), marker);
    expect(long).toHaveLength(MAX_CELL_CHARS);
    expect(long.endsWith(' [60000]')).toBe(true);
  });

  it('never cuts an emoji in half', () => {
    const text = `${'x'.repeat(9)}${'😀'.repeat(10)}`;
    const fitted = fitCell(text, () => '…', 13);
    expect(fitted).toBe(`${'x'.repeat(9)}😀…`);
    expect(fitCell(text, () => '…', 11)).toBe(`${'x'.repeat(9)}…`);
  });
});
