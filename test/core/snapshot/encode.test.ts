import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunk, decodeImages, encodeImages, imageOf } from '../../../src/core/snapshot/encode';

describe('snapshot images', () => {
  it('round-trips values, dates and formulas through text', () => {
    const date = new Date('2024-02-29T21:00:00.000Z');
    const image = imageOf(
      'Clients',
      [
        ['ID', 'Born', 'Len'],
        ['C-1', date, 3],
      ],
      [
        ['', '', ''],
        ['', '', '=LEN(A2)'],
      ],
      ['@', 'yyyy-mm-dd', '0'],
    );
    const [back] = decodeImages(encodeImages([image]));
    expect(back.cells[1][1]).toEqual(date);
    expect(back.cells[1][2]).toBe('=LEN(A2)');
    expect(back.formulaCells).toEqual([[1, 2]]);
    expect(back.columnFormats).toEqual(['@', 'yyyy-mm-dd', '0']);
  });

  it('keeps text that looks like a tagged date as text', () => {
    const image = imageOf('T', [['{"$date":"x"}', '<img src=x onerror=alert(1)>']], [['', '']], []);
    expect(decodeImages(encodeImages([image]))[0].cells).toEqual(image.cells);
  });

  it('splits into chunks that a cell can hold and joins back to the same text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.integer({ min: 1, max: 300 }), (text, size) => {
        const parts = chunk(text, size);
        expect(parts.every((p) => p.length <= size)).toBe(true);
        expect(parts.join('')).toBe(text);
      }),
    );
  });
});
