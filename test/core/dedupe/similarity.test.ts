import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, jaroWinkler, letterSet } from '../../../src/core/dedupe/similarity';

describe('jaroWinkler', () => {
  it('matches the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', '')).toBe(0);
  });

  it('is symmetric, in 0..1, and 1 only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1 + 1e-12);
        expect(jaroWinkler(b, a)).toBeCloseTo(s, 12);
        if (a !== b) expect(s).toBeLessThan(1);
      }),
    );
  });

  it('handles long strings without throwing', () => {
    expect(jaroWinkler('x'.repeat(50_001), 'x'.repeat(50_000) + 'y')).toBeGreaterThan(0.99);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one each', () => {
    expect(editDistance('smith', 'smyth')).toBe(1);
    expect(editDistance('smith', 'smiht')).toBe(1);
    expect(editDistance('smith', 'smit')).toBe(1);
    expect(editDistance('19710624', '19710642')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops at the limit', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('is symmetric and zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b, 20);
        expect(editDistance(b, a, 20)).toBe(d);
        expect(d === 0).toBe(a === b);
      }),
    );
  });
});

describe('letterSet', () => {
  it('survives transpositions and doubled letters', () => {
    expect(letterSet('robinson')).toBe(letterSet('robinssno'));
    expect(letterSet('robinson')).toBe(letterSet('rnbinsoo'));
  });
});
