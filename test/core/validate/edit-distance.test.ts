import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closest, editDistance } from '../../../src/core/validate/edit-distance';

describe('editDistance', () => {
  it('counts edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('телефон', 'телефн')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('hto', 'hot')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
  });
  it('stops above the limit but never reports less than the truth', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const full = editDistance(a, b);
        const bounded = editDistance(a, b, max);
        expect(bounded).toBe(full <= max ? full : max + 1);
        expect(editDistance(b, a)).toBe(full);
      }),
    );
  });
  it('finds the closest candidate within the limit', () => {
    expect(closest('hto', ['Cold', 'Hot'], (s) => s.toLowerCase(), 2)).toBe('Hot');
    expect(closest('zzzz', ['Cold', 'Hot'], (s) => s.toLowerCase(), 1)).toBeUndefined();
  });
});
