import { describe, expect, it } from 'vitest';
import { sheetRuleFor } from '../../../src/core/schema/sheet-rules';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import type { FieldDef, FieldType } from '../../../src/core/schema/field';

const rule = (name: string) => sheetRuleFor(DEFAULT_FIELDS.find((f) => f.name === name) as FieldDef);
const custom = (type: FieldType, options: string[] = []): FieldDef => ({ name: 'X', type, required: false, options, unique: false, help: '' });

describe('sheetRuleFor', () => {
  it('keeps phones, emails, postal codes and text as plain text so Sheets never reinterprets them', () => {
    for (const name of ['Phone', 'Email', 'Postal code', 'Notes', 'First name', 'Tax ID', 'Manager']) expect(rule(name).numberFormat).toBe('@');
  });

  it('gives dropdowns, checkboxes, dates, numbers, emails and links their rules, warning only', () => {
    expect(rule('Stage').validation).toEqual({ kind: 'list', values: ['Cold', 'Warm', 'Hot', 'VIP', 'Lost'] });
    expect(rule('Opt-out').validation).toEqual({ kind: 'checkbox' });
    expect(rule('Birthday')).toMatchObject({ validation: { kind: 'date' }, numberFormat: 'yyyy-mm-dd' });
    expect(sheetRuleFor(custom('money'))).toMatchObject({ validation: { kind: 'number' }, numberFormat: '#,##0.00' });
    expect(rule('Email').validation).toEqual({ kind: 'email' });
    expect(sheetRuleFor(custom('url')).validation).toEqual({ kind: 'url' });
    for (const f of DEFAULT_FIELDS) expect(sheetRuleFor(f).allowInvalid).toBe(true);
  });

  it('puts the help text and the allowed values in the cell help', () => {
    expect(rule('Stage').helpText).toContain('Cold, Warm, Hot, VIP, Lost');
    expect(sheetRuleFor({ ...custom('text'), name: 'Code', required: true, help: 'Internal code' }).helpText).toBe('Code (required). Internal code');
    expect(sheetRuleFor({ ...custom('text'), help: 'h'.repeat(2000) }).helpText.length).toBeLessThanOrEqual(500);
  });

  it('has no list rule for a choice without options or tags', () => {
    expect(sheetRuleFor(custom('choice')).validation).toBeUndefined();
    expect(sheetRuleFor(custom('tags', ['a'])).validation).toBeUndefined();
  });
});
