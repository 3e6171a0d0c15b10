import { describe, expect, it } from 'vitest';
import { inputKind } from '../../../sidebar/form/input-kind';
import type { FieldDef, FieldType } from '../../../src/core/schema/field';

const f = (type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({ name: 'X', type, required: false, options: [], unique: false, help: '', ...extra });

describe('inputKind', () => {
  it('gives each field type its control', () => {
    expect(inputKind(f('text'), '')).toBe('text');
    expect(inputKind(f('text', { key: 'notes' }), '')).toBe('textarea');
    expect(inputKind(f('email'), '')).toBe('email');
    expect(inputKind(f('phone'), '')).toBe('tel');
    expect(inputKind(f('url'), '')).toBe('url');
    expect(inputKind(f('date'), '2024-05-31')).toBe('date');
    expect(inputKind(f('number'), '')).toBe('decimal');
    expect(inputKind(f('money'), '1 234,50')).toBe('decimal');
    expect(inputKind(f('choice', { options: ['A'] }), '')).toBe('select');
    expect(inputKind(f('tags'), '')).toBe('tags');
    expect(inputKind(f('checkbox'), '')).toBe('checkbox');
    expect(inputKind(f('person'), '')).toBe('person');
  });

  it('never hides a value the control could not show', () => {
    expect(inputKind(f('date'), 'next spring')).toBe('text');
    expect(inputKind(f('date'), '2024-05-31T10:00:00.000Z')).toBe('text');
    expect(inputKind(f('choice'), 'anything')).toBe('text');
    expect(inputKind(f('text'), 'line one\nline two')).toBe('textarea');
  });
});
