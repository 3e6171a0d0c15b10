import { describe, expect, it } from 'vitest';
import { closestField, resolveField, typoDistance } from '../../../src/core/mail/field-match';

const FIELDS = ['ID', 'First name', 'Last name', 'Email', 'Phone', 'City', 'Дата рождения', 'Opt-out'];

describe('resolveField', () => {
  it.each([
    ['First name', 'First name'],
    ['first  name', 'First name'],
    ['FirstName', 'First name'],
    ['first_name', 'First name'],
    ['E-mail', 'Email'],
    [' EMAIL ', 'Email'],
    ['дата  рождения', 'Дата рождения'],
    ['OptOut', 'Opt-out'],
  ])('%j names %j', (placeholder, field) => {
    expect(resolveField(placeholder, FIELDS)).toBe(field);
  });

  it('prefers an exact name over a looser match', () => {
    expect(resolveField('e-mail', ['Email', 'E-mail'])).toBe('E-mail');
  });

  it.each(['Frist name', 'Nickname', '---', '', '<img src=x onerror=alert(1)>', 'constructor', '__proto__'])('finds no field for %j', (placeholder) =>
    expect(resolveField(placeholder, FIELDS)).toBeUndefined(),
  );
});

describe('closestField', () => {
  it.each([
    ['Frist name', 'First name'],
    ['Emial', 'Email'],
    ['Phon', 'Phone'],
    ['Last nmae', 'Last name'],
    ['Cty', 'City'],
    ['Дата рожденья', 'Дата рождения'],
    ['Email address', 'Email'],
  ])('suggests %j → %j', (typo, field) => {
    expect(closestField(typo, FIELDS)).toBe(field);
  });

  it.each(['Discount code', 'Manager', '!!!', 'x'.repeat(50_001)])('suggests nothing for the unrelated %j', (text) => {
    expect(closestField(text, FIELDS)).toBeUndefined();
  });
});

describe('typoDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(typoDistance('frist', 'first')).toBe(1);
    expect(typoDistance('kitten', 'sitting')).toBe(3);
    expect(typoDistance('', 'abc')).toBe(3);
    expect(typoDistance('😀a', 'a😀')).toBe(1);
  });
});
