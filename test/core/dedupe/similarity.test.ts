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

describe('editDistance fast paths', () => {
  it('gives within one edit the answer of the full alignment, for strings of one length (phones, codes)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '7', 'a', 'b'), maxLength: 12 }), fc.nat(), fc.nat(), (a, i, j) => {
        // Neighbours of a: one substitution, one adjacent swap, or a random other string of the same length.
        const chars = a.split('');
        if (chars.length >= 2) {
          const k = i % (chars.length - 1);
          if (j % 3 === 0) [chars[k], chars[k + 1]] = [chars[k + 1], chars[k]];
          else if (j % 3 === 1) chars[k] = chars[k] === '0' ? '1' : '0';
          else chars.reverse();
        }
        const b = chars.join('');
        const full = Math.min(editDistance(a, b, 20), 2);
        expect(editDistance(a, b, 1)).toBe(full);
        expect(editDistance(a, b, 0)).toBe(Math.min(full, 1));
      }),
      { seed: 14, numRuns: 500 },
    );
  });

  it('gives the answer of a plain full alignment within every limit (the band never cuts a path that stays within it)', () => {
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      return d[a.length][b.length];
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.', '7'), maxLength: 14 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
        expect(editDistance(a, b, limit)).toBe(Math.min(osa(a, b), limit + 1));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('reuses its rows safely for long and then short strings', () => {
    expect(editDistance('x'.repeat(200) + 'a', 'x'.repeat(200) + 'b', 3)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('ab', 'ba', 3)).toBe(1);
  });
});

describe('letterSet', () => {
  it('is the sorted distinct letters for plain and other letters alike', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'z', 'q', 'ʃ', 'é'), maxLength: 10 }), (w) => {
        expect(letterSet(w)).toBe(Array.from(new Set(w)).sort().join(''));
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});
