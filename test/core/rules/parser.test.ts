import { describe, expect, it } from 'vitest';
import { parseRule, RULE_LIMITS } from '../../../src/core/rules/parser';
import type { RuleAst } from '../../../src/core/rules/ast';
import { pointAt } from '../../../src/core/rules/errors';

const FIELDS = ['ID', 'First name', 'Stage', 'Region', 'City', 'Gender', 'Last contact', 'E-mail', 'Opt out', 'Телефон', 'Address 2'];

function ok(text: string, fields = FIELDS): RuleAst {
  const r = parseRule(text, fields);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.rule;
}
function error(text: string, fields = FIELDS) {
  const r = parseRule(text, fields);
  if (r.ok) throw new Error(`${text} parsed`);
  return r.error;
}

describe('parseRule: the examples from the issue', () => {
  it('Stage = "Hot" and Region = "St. Petersburg"', () => {
    expect(ok('Stage = "Hot" and Region = "St. Petersburg"')).toEqual({
      kind: 'and',
      items: [
        { kind: 'compare', operand: { kind: 'field', name: 'Stage' }, op: '=', value: { type: 'text', value: 'Hot' } },
        // a place: every spelling of it (src/core/rules/places.ts)
        { kind: 'matches', operand: { kind: 'field', name: 'Region' }, pattern: expect.stringContaining('санкт-петербург') },
      ],
    });
  });

  it('Last purchase within 30 days and "Spent 30d" > 500 (measures, unquoted multi-word name)', () => {
    expect(ok('Last purchase within 30 days and "Spent 30d" > 500')).toEqual({
      kind: 'and',
      items: [
        { kind: 'withinLast', operand: { kind: 'measure', measure: 'lastPurchase', name: 'Last purchase' }, period: { amount: 30, unit: 'day' } },
        { kind: 'compare', operand: { kind: 'measure', measure: 'spentWithin', days: 30, name: 'Spent 30d' }, op: '>', value: { type: 'number', value: 500 } },
      ],
    });
  });

  it('Spent 30d unquoted, any N, and the plain measures', () => {
    expect(ok('Spent 30d > 500')).toMatchObject({ operand: { measure: 'spentWithin', days: 30 } });
    expect(ok('"spent 7D" >= 1')).toMatchObject({ operand: { measure: 'spentWithin', days: 7 } });
    expect(ok('Spent > 0')).toMatchObject({ operand: { measure: 'spent' } });
    expect(ok('purchases = 0')).toMatchObject({ operand: { measure: 'purchases' } });
  });

  it('Stage = "VIP" and ("Last contact" is empty or "Last contact" more than 90 days ago)', () => {
    expect(ok('Stage = "VIP" and ("Last contact" is empty or "Last contact" more than 90 days ago)')).toEqual({
      kind: 'and',
      items: [
        { kind: 'compare', operand: { kind: 'field', name: 'Stage' }, op: '=', value: { type: 'text', value: 'VIP' } },
        {
          kind: 'or',
          items: [
            { kind: 'empty', operand: { kind: 'field', name: 'Last contact' } },
            { kind: 'moreThanAgo', operand: { kind: 'field', name: 'Last contact' }, period: { amount: 90, unit: 'day' } },
          ],
        },
      ],
    });
  });
});

describe('parseRule: operators and values', () => {
  const stage = { kind: 'field', name: 'Stage' } as const;
  it('desugars != / <>, is not empty, before and after', () => {
    expect(ok('Stage != "Hot"')).toEqual({ kind: 'not', item: { kind: 'compare', operand: stage, op: '=', value: { type: 'text', value: 'Hot' } } });
    expect(ok('Stage <> "Hot"')).toEqual(ok('Stage != "Hot"'));
    expect(ok('Stage is not empty')).toEqual({ kind: 'not', item: { kind: 'empty', operand: stage } });
    expect(ok('"Last contact" before 2025-01-01')).toMatchObject({
      kind: 'compare',
      op: '<',
      value: { type: 'date', year: 2025, month: 1, day: 1, serial: 45658 },
    });
    expect(ok('"Last contact" after "2025-01-01"')).toMatchObject({ kind: 'compare', op: '>', value: { serial: 45658 } });
  });

  it('reads contains, starts with, in, not in, and text/number/date/boolean values', () => {
    expect(ok('City contains "peter"')).toEqual({ kind: 'contains', operand: { kind: 'field', name: 'City' }, value: 'peter' });
    expect(ok('City starts with "St"')).toMatchObject({ kind: 'startsWith', value: 'St' });
    expect(ok('Stage in ("Hot", "VIP", 3, 2025-02-01, true)')).toMatchObject({
      kind: 'in',
      values: [
        { type: 'text', value: 'Hot' },
        { type: 'text', value: 'VIP' },
        { type: 'number', value: 3 },
        { type: 'date', serial: 45689 },
        { type: 'boolean', value: true },
      ],
    });
    expect(ok('Stage not in ("Lost")')).toMatchObject({ kind: 'not', item: { kind: 'in' } });
    expect(ok('"Opt out" = FALSE')).toMatchObject({ value: { type: 'boolean', value: false } });
    expect(ok('Stage = -12.5')).toMatchObject({ value: { type: 'number', value: -12.5 } });
  });

  it('reads every relative date form', () => {
    expect(ok('"Last contact" within last 2 weeks')).toMatchObject({ kind: 'withinLast', period: { amount: 2, unit: 'week' } });
    expect(ok('"Last contact" within the last 1 year')).toMatchObject({ kind: 'withinLast', period: { amount: 1, unit: 'year' } });
    expect(ok('"Last contact" within 30 days')).toMatchObject({ kind: 'withinLast', period: { amount: 30, unit: 'day' } });
    expect(ok('"Last contact" within next 7 days')).toMatchObject({ kind: 'withinNext', period: { amount: 7, unit: 'day' } });
    expect(ok('"Last contact" more than 6 months ago')).toMatchObject({ kind: 'moreThanAgo', period: { amount: 6, unit: 'month' } });
    expect(ok('"Last contact" less than 3 days ago')).toMatchObject({ kind: 'withinLast', period: { amount: 3, unit: 'day' } });
  });

  it('unescapes \\" and doubled quotes, keeps line breaks and emoji', () => {
    expect(ok('City = "say \\"hi\\""')).toMatchObject({ value: { value: 'say "hi"' } });
    expect(ok('City = "say ""hi"""')).toMatchObject({ value: { value: 'say "hi"' } });
    expect(ok('City = "a\\\\b"')).toMatchObject({ value: { value: 'a\\b' } });
    expect(ok('City = "line\nbreak 😀"')).toMatchObject({ value: { value: 'line\nbreak 😀' } });
  });

  it('matches field names ignoring case and spacing, quoted or not, in any script', () => {
    expect(ok('stage = "x"')).toMatchObject({ operand: { name: 'Stage' } });
    expect(ok('"FIRST   name" = "x"')).toMatchObject({ operand: { name: 'First name' } });
    expect(ok('first name = "x"')).toMatchObject({ operand: { name: 'First name' } });
    expect(ok('ТЕЛЕФОН contains "921"')).toMatchObject({ operand: { name: 'Телефон' } });
    expect(ok('E-mail is empty')).toMatchObject({ operand: { name: 'E-mail' } });
    expect(ok('Address 2 is empty')).toMatchObject({ operand: { name: 'Address 2' } });
  });

  it('gives a sheet column precedence over a measure of the same name', () => {
    expect(ok('Spent > 1', [...FIELDS, 'Spent'])).toMatchObject({ operand: { kind: 'field', name: 'Spent' } });
  });

  it('binds and tighter than or, not tighter than and; keywords in any case', () => {
    expect(ok('Stage = "a" or Stage = "b" AND City = "c"')).toMatchObject({ kind: 'or', items: [{ kind: 'compare' }, { kind: 'and' }] });
    expect(ok('NOT Stage = "a" and City = "c"')).toMatchObject({ kind: 'and', items: [{ kind: 'not' }, { kind: 'compare' }] });
    expect(ok('not not Stage is empty')).toMatchObject({ kind: 'not', item: { kind: 'not', item: { kind: 'empty' } } });
  });
});

describe('parseRule: errors point at the problem', () => {
  it('suggests the closest field for an unknown one', () => {
    expect(error('Stge = "Hot"')).toEqual({ message: 'Unknown field "Stge" at 1 — did you mean "Stage"?', position: 0, length: 4 });
    expect(error('Stage = "Hot" and Regoin = "X"')).toMatchObject({
      message: 'Unknown field "Regoin" at 19 — did you mean "Region"?',
      position: 18,
      length: 6,
    });
    expect(error('"Last purchse" within 30 days').message).toContain('did you mean "Last purchase"?');
    expect(error('Last contcat within 30 days')).toMatchObject({ position: 0, length: 12 });
    expect(error('Zzzzzzzz = 1').message).toBe('Unknown field "Zzzzzzzz" at 1');
  });

  it('explains missing quotes, operators, values, parentheses and trailing text', () => {
    expect(error('Stage = Hot')).toMatchObject({ message: 'Put text values in double quotes at 9: "Hot"', position: 8, length: 3 });
    expect(error('Stage "Hot"').message).toMatch(/^Expected an operator after "Stage" at 7/);
    expect(error('Stage =')).toMatchObject({ message: 'Expected a value after "=" at 8, found the end of the rule', position: 7 });
    expect(error('(Stage = "a"')).toMatchObject({ message: 'Missing ")" for the "(" at 1', position: 0 });
    expect(error('Stage = "a")')).toMatchObject({ message: 'Unmatched ")" at 12', position: 11 });
    expect(error('Stage = "a" City = "b"').message).toBe('Unexpected "City" at 13: join conditions with "and" or "or"');
    expect(error('Stage > "a"').message).toMatch(/needs a number or a date/);
    expect(error('Stage is full').message).toMatch(/Expected "empty"/);
    expect(error('"Last contact" within 30 lightyears').message).toMatch(/Expected days, weeks, months or years/);
    expect(error('"Last contact" before 2025-02-30').message).toMatch(/not a date/);
    expect(error('"Last contact" after "soon"').message).toMatch(/needs a date/);
    expect(error("Stage = 'Hot'").message).toMatch(/double quotes/);
    expect(error('Stage = “Hot”').message).toMatch(/straight double quotes/);
    expect(error('Stage ! "x"').message).toMatch(/write !=/);
    expect(error('Stage in "x"').message).toMatch(/Expected "\(" after "in"/);
  });

  it('rejects empty and wrong-typed input with a message', () => {
    expect(error('').message).toMatch(/empty/);
    expect(error('   \n ').message).toMatch(/empty/);
    expect(parseRule(42 as unknown as string, FIELDS)).toMatchObject({ ok: false, error: { message: 'The rule must be text' } });
    expect(parseRule('Stage = "x"', [null, 5, ''] as unknown as string[]).ok).toBe(false);
  });

  it('an unterminated string points at its opening quote', () => {
    expect(error('Stage = "a" and City = "x')).toMatchObject({ position: 23, length: 2 });
    expect(error('Stage = "Hot')).toMatchObject({ message: 'Unterminated text starting at 9: add the closing "', position: 8, length: 4 });
  });

  it('formula syntax is not a rule', () => {
    expect(error('=IMPORTXML("http://evil", "//a")').message).toBe('A rule is not a formula: start with a field name, for example Stage = "Hot"');
    expect(error('=HYPERLINK("x")').position).toBe(0);
    expect(error('+1').message).toMatch(/Unknown field "\+1"/);
    expect(error('@x = 1').message).toMatch(/Unknown field "@x"/);
    expect(error('<img src=x onerror=alert(1)>').message).toMatch(/Expected a field name at 1/);
  });
});

describe('parseRule: hostile rules get an error, never a crash', () => {
  it('50,001 characters', () => {
    const e = error('Stage = "' + 'x'.repeat(50_001) + '"');
    expect(e.message).toMatch(/too long: 50011 characters, the limit is 10000/);
    expect(e.position).toBe(RULE_LIMITS.length);
  });

  it('10,000 nested parentheses, 3,000 within the length limit, and 2,400 nots', () => {
    const tenThousand = '('.repeat(10_000) + 'Stage = "x"' + ')'.repeat(10_000);
    expect(error(tenThousand).message).toMatch(/too long/);
    const deep = '('.repeat(3_000) + 'Stage = "x"' + ')'.repeat(3_000);
    expect(error(deep)).toMatchObject({ message: expect.stringMatching(/Too deeply nested at 65/), position: 64 });
    expect(error('not '.repeat(2_400) + 'Stage is empty').message).toMatch(/Too deeply nested/);
    expect(ok('('.repeat(60) + 'Stage = "x"' + ')'.repeat(60))).toMatchObject({ kind: 'compare' });
  });

  it('too many conditions', () => {
    const many = Array.from({ length: 400 }, (_, i) => `Stage = "${i}"`).join(' or ');
    expect(error(many).message).toMatch(/Too many conditions .* the limit is 300/);
  });

  it('emoji, mixed scripts and control characters', () => {
    expect(error('😀 = "x"').message).toMatch(/Unknown field "😀"/);
    expect(error('Stаge = "x"').message).toContain('did you mean "Stage"?'); // Cyrillic а
    expect(ok('City = "Санкт-Peterburg 😀"')).toMatchObject({ value: { value: 'Санкт-Peterburg 😀' } });
    expect(error('Stage = "x" \u0000').message).toMatch(/Unexpected/);
  });

  it('never throws on random text', () => {
    const alphabet = [
      'Stage',
      ' ',
      '"',
      '(',
      ')',
      '=',
      '!=',
      'and',
      'or',
      'not',
      'in',
      ',',
      'is',
      'empty',
      '5',
      '2025-01-01',
      'within',
      'days',
      '\\',
      'й',
      '😀',
    ];
    let seed = 7;
    for (let n = 0; n < 2_000; n++) {
      let text = '';
      const len = (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 14;
      for (let i = 0; i < len; i++) text += alphabet[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length] + ' ';
      const r = parseRule(text, FIELDS);
      if (!r.ok) {
        expect(r.error.position).toBeGreaterThanOrEqual(0);
        expect(r.error.position).toBeLessThanOrEqual(text.length);
        expect(r.error.message.length).toBeGreaterThan(5);
      }
    }
  });
});

describe('pointAt', () => {
  it('puts carets under the offending text', () => {
    expect(pointAt('Stge = "Hot"', { message: '', position: 0, length: 4 })).toBe('Stge = "Hot"\n^^^^');
    expect(pointAt('Stage = "a" or Regoin = 1', { message: '', position: 15, length: 6 })).toBe('Stage = "a" or Regoin = 1\n               ^^^^^^');
  });

  it('shows the right line of a multi-line rule and a window of a long one', () => {
    expect(pointAt('Stage = "a"\nor Cty = 1', { message: '', position: 15, length: 3 })).toBe('or Cty = 1\n   ^^^');
    const long = 'x'.repeat(5_000) + 'BAD' + 'y'.repeat(5_000);
    const [line, carets] = pointAt(long, { message: '', position: 5_000, length: 3 }).split('\n');
    expect(line.length).toBe(200);
    expect(line.slice(carets.indexOf('^'), carets.indexOf('^') + 3)).toBe('BAD');
  });
});
