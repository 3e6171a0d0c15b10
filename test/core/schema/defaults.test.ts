import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS, IDENTITY_KEYS, defaultField } from '../../../src/core/schema/defaults';
import { FIELD_KEYS, STAGES, SYSTEM_COLUMNS } from '../../../src/core/schema/field';
import { nameKey } from '../../../src/core/schema/name-key';
import { fieldsToRows, parseFieldsTab } from '../../../src/core/schema/fields-tab';

describe('DEFAULT_FIELDS', () => {
  it('gives every field key exactly one field, with a distinct name and English help', () => {
    expect(DEFAULT_FIELDS.map((f) => f.key).sort()).toEqual([...FIELD_KEYS].sort());
    expect(new Set(DEFAULT_FIELDS.map((f) => nameKey(f.name))).size).toBe(DEFAULT_FIELDS.length);
    for (const f of DEFAULT_FIELDS) {
      expect(f.help.length).toBeGreaterThan(5);
      expect(SYSTEM_COLUMNS.map(nameKey)).not.toContain(nameKey(f.name));
    }
  });

  it('offers the stages, roles, genders and sources as choices', () => {
    const options = (name: string) => DEFAULT_FIELDS.find((f) => f.name === name)?.options;
    expect(options('Stage')).toEqual([...STAGES]);
    expect(options('Contact role')).toEqual(['Decision maker', 'Influencer', 'Buyer', 'User']);
    expect(options('Gender')).toEqual(['Female', 'Male']);
    expect(options('Source')).toEqual(['Website', 'Referral', 'Event', 'Cold call', 'Social', 'Other']);
    expect(DEFAULT_FIELDS.find((f) => f.key === 'optOut')?.type).toBe('checkbox');
  });

  it('requires no single name field but a name or a company', () => {
    expect(DEFAULT_FIELDS.filter((f) => f.required)).toEqual([]);
    expect(IDENTITY_KEYS).toEqual(['firstName', 'lastName', 'company']);
  });

  it('survives a round trip through the Fields tab', () => {
    const parsed = parseFieldsTab(fieldsToRows(DEFAULT_FIELDS));
    expect(parsed.errors).toEqual([]);
    expect(parsed.fields).toEqual(DEFAULT_FIELDS);
  });

  it('hands out copies', () => {
    const stage = defaultField('stage');
    stage?.options.push('Changed');
    expect(defaultField('stage')?.options).toEqual([...STAGES]);
  });
});
