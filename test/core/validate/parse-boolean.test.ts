import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBoolean } from '../../../src/core/validate/parse-boolean';

describe('parseBoolean', () => {
  it.each([[true], ['TRUE'], ['yes'], ['Да'], [' да '], ['так'], ['DA'], [1], ['1'], ['✓'], ['x']])('reads %s as true', (v) => {
    expect(parseBoolean(v)).toBe(true);
  });
  it.each([[false], ['FALSE'], ['no'], ['нет'], ['ні'], ['nu'], [0], ['0']])('reads %s as false', (v) => {
    expect(parseBoolean(v)).toBe(false);
  });
  it.each([['maybe'], [2], [new Date()], [''], ['=TRUE()'], [null], [{}]])('does not guess %s', (v) => {
    expect(parseBoolean(v)).toBeUndefined();
  });
  it('is stable: a parsed value parses to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.boolean(), fc.integer()), (v) => {
        const parsed = parseBoolean(v);
        if (parsed !== undefined) expect(parseBoolean(parsed)).toBe(parsed);
      }),
    );
  });
});
