/**
 * Issue #14: registers that cut "Sir John Starkey, 1st Baronet" into first and
 * last name by position leave "sir" / "baronet" in those fields. A title is not
 * a name: two different baronets must not match on it, and the full name,
 * where there is one, says who the person is.
 */
import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../src/core/dedupe/engine';
import { prepareRecord } from '../../../src/core/dedupe/features';
import { isOnlyTitles } from '../../../src/core/normalize/name';

function proposed(a: Record<string, string>, b: Record<string, string>) {
  const { pairs } = findDuplicates([
    { id: 'a', ...a },
    { id: 'b', ...b },
  ]);
  return pairs.find((p) => [p.a, p.b].sort().join('+') === 'a+b');
}

describe('a name field that is only a title', () => {
  it.each([
    ['sir', true],
    ['1st bt.', true],
    ['Baronet', true],
    ['rt. rev.', true],
    ['Sir John', false],
    ['', false],
    ['=HYPERLINK("x")', false],
    ['😀', false],
  ])('isOnlyTitles(%j) is %j', (text, only) => {
    expect(isOnlyTitles(text)).toBe(only);
  });

  it('does not propose two different baronets born the same day on "sir" and "baronet"', () => {
    const pair = proposed(
      { firstName: 'sir', lastName: 'baronet', fullName: 'sir jeremiah colman, 1st baronet', birthDate: '1859-04-24' },
      { firstName: 'sir', lastName: 'baronet', fullName: 'sir lees knowles, 1st baronet', birthDate: '1859-04-24' },
    );
    expect(pair).toBeUndefined();
  });

  it('reads the person from the full name and still proposes the same baronet', () => {
    const a = { firstName: 'sir', lastName: 'baronet', fullName: 'sir john starkey, 1st baronet', birthDate: '1859-03-01' };
    const b = { firstName: 'john', lastName: 'starkey', fullName: 'john starkey', birthDate: '1859-03-01' };
    expect(prepareRecord({ id: 'a', ...a }).first?.raw).toBe('john');
    expect(prepareRecord({ id: 'a', ...a }).last?.raw).toBe('starkey');
    const pair = proposed(a, b);
    expect(pair?.score).toBeGreaterThan(0.9);
    expect(pair?.reasons.join('; ')).toMatch(/same first name.*same last name|same last name.*same first name/);
  });

  it('keeps a record whose every name word is a title without a name', () => {
    const r = prepareRecord({ id: 'x', firstName: '1st', lastName: 'bt.', fullName: '1st bt.' });
    expect(r.first).toBeUndefined();
    expect(r.last).toBeUndefined();
  });
});
