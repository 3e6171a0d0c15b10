import { describe, expect, it } from 'vitest';
import { checkField, checkFields, localDay } from '../../../sidebar/form/check-field';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import type { FieldDef } from '../../../src/core/schema/field';

const field = (name: string) => DEFAULT_FIELDS.find((f) => f.name === name)!;
const today = localDay('2024-05-31');

describe('checkField', () => {
  it('accepts formula-looking, HTML, mixed-script and emoji text in a text field as text', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-1', '@x', '<img src=x onerror=alert(1)>', 'Aлександр (Latin A)', 'Анна 😀']) {
      expect(checkField(field('First name'), text, { today })).toBeNull();
    }
  });

  it('refuses text longer than a cell with the server’s message', () => {
    const problem = checkField(field('Notes'), 'x'.repeat(50_001), { today });
    expect(problem?.kind).toBe('too_long');
    expect(problem?.message).toMatch(/50,001 characters is longer than a cell can hold/);
  });

  it('gives a required field’s message for an empty value and none for an optional one', () => {
    const required: FieldDef = { ...field('First name'), required: true };
    expect(checkField(required, '   ', { today })?.kind).toBe('required');
    expect(checkField(field('First name'), '', { today })).toBeNull();
  });

  it('suggests a fix where the core validator has one', () => {
    const problem = checkField(field('Email'), 'anna@gmial.com', { today });
    expect(problem?.kind).toBe('invalid_email');
    expect(problem?.suggestion).toBe('anna@gmail.com');
  });

  it('turns a date suggestion into yyyy-mm-dd text', () => {
    const birthday: FieldDef = { ...field('Birthday'), type: 'date' };
    expect(checkField(birthday, '2030-01-01', { today })?.message).toMatch(/in the future/);
    expect(checkField(birthday, '31.02.2024', { today })?.kind).toBe('invalid_date');
    expect(checkField(birthday, '1985-03-14', { today })).toBeNull();
  });

  it('leaves a national phone number to the server when the browser does not know the default country', () => {
    expect(checkField(field('Phone'), '8 (916) 123-45-67', { today })).toBeNull();
    expect(checkField(field('Phone'), '8 (916) 123-45-67', { today, defaultCountry: 'RU' })).toBeNull();
    expect(checkField(field('Phone'), '123-45', { today, defaultCountry: 'RU' })?.kind).toBe('invalid_phone');
  });

  it('still refuses what no country makes a phone', () => {
    expect(checkField(field('Phone'), 'call me', { today })?.kind).toBe('invalid_phone');
    expect(checkField(field('Phone'), '12', { today })?.kind).toBe('invalid_phone');
    expect(checkField(field('Phone'), '+7 916 12', { today })?.kind).toBe('invalid_phone');
  });

  it('checks choices against the options, ignoring case', () => {
    expect(checkField(field('Stage'), 'hot', { today })).toBeNull();
    expect(checkField(field('Stage'), 'Hott', { today })?.suggestion).toBe('Hot');
  });
});

describe('checkFields', () => {
  it('checks only the named fields and keys problems by field name', () => {
    const values = { Email: 'bad', Phone: 'also bad', 'First name': 'Anna' };
    expect(Object.keys(checkFields(DEFAULT_FIELDS, values, ['Email', 'First name'], { today }))).toEqual(['Email']);
    expect(Object.keys(checkFields(DEFAULT_FIELDS, values, ['Email', 'Phone'], { today }))).toEqual(['Email', 'Phone']);
  });
});

describe('localDay', () => {
  it('reads yyyy-mm-dd as local midnight and rejects anything else', () => {
    const d = localDay('2024-02-29')!;
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2024, 1, 29, 0]);
    expect(localDay('29.02.2024')).toBeUndefined();
    expect(localDay('')).toBeUndefined();
  });
});
