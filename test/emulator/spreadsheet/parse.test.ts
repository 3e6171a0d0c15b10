import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputToCell, parseInput } from '../../../emulator/spreadsheet/parse';

const tz = 'Europe/Moscow';

describe('parseInput', () => {
  it('numbers written as text come back as the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const parsed = parseInput(String(n), tz);
        expect(parsed.value).toBe(Object.is(n, -0) ? 0 : n);
      }),
    );
  });

  it('text starting with an apostrophe is always text, without the apostrophe', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(parseInput(`'${s}`, tz)).toEqual({ value: s });
      }),
    );
  });

  it('anything starting with "=" (and longer) is a formula', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (s) => {
        expect(parseInput(`=${s}`, tz).formula).toBe(`=${s}`);
      }),
    );
  });

  it('plain text stays as written', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё ]{0,30}$/), (s) => {
        fc.pre(!/^\s*(true|false)\s*$/i.test(s));
        expect(parseInput(s, tz).value).toBe(s);
      }),
    );
  });

  it('dates get a format matching how they were typed', () => {
    expect(parseInput('2024-01-31', tz).format).toBe('yyyy-mm-dd');
    expect(parseInput('1/31/2024', tz).format).toBe('M/d/yyyy');
    expect((parseInput('2024-01-31 13:45', tz).value as Date).toISOString()).toBe('2024-01-31T10:45:00.000Z');
    expect(parseInput('13/31/2024', tz).value).toBe('13/31/2024');
    expect(parseInput('2023-02-29', tz).value).toBe('2023-02-29');
  });

  it('whitespace-only text and empty strings', () => {
    expect(parseInput('', tz).value).toBe('');
    expect(parseInput('   ', tz).value).toBe('   ');
  });
});

describe('inputToCell', () => {
  it('keeps JS values and maps null/undefined to empty', () => {
    expect(inputToCell(null, tz, false)).toEqual({ value: '' });
    expect(inputToCell(undefined, tz, false)).toEqual({ value: '' });
    expect(inputToCell(NaN, tz, false)).toEqual({ value: '#NUM!' });
    expect(inputToCell({ toString: () => '42' }, tz, false)).toEqual({ value: 42 });
    expect(inputToCell('42', tz, true)).toEqual({ value: '42' });
  });
});
