import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS, IDENTITY_KEYS, defaultField } from '../../../src/core/schema/defaults';
import { DEFAULT_COMPANY_FIELDS } from '../../../src/core/companies/company-fields';
import { FIELD_KEYS, STAGES, SYSTEM_COLUMNS } from '../../../src/core/schema/field';
import { nameKey } from '../../../src/core/schema/name-key';
import { fieldsToRows, parseFieldsTab, rowsOfOtherTables } from '../../../src/core/schema/fields-tab';

describe('DEFAULT_FIELDS', () => {
  it('gives every field key exactly one field, with a distinct name and English help', () => {
    // Sector is a company's field only; every other key is a client's.
    expect(DEFAULT_FIELDS.map((f) => f.key).sort()).toEqual(FIELD_KEYS.filter((k) => k !== 'sector').sort());
    expect(DEFAULT_COMPANY_FIELDS.map((f) => f.key)).toContain('sector');
    expect(new Set(DEFAULT_FIELDS.map((f) => nameKey(f.name))).size).toBe(DEFAULT_FIELDS.length);
    for (const f of DEFAULT_FIELDS) {
      expect(f.help.length).toBeGreaterThan(5);
      expect(SYSTEM_COLUMNS.map(nameKey)).not.toContain(nameKey(f.name));
    }
  });

  it('offers the stages, roles, genders and sources as choices', () => {
    const options = (name: string) => DEFAULT_FIELDS.find((f) => f.name === name)?.options;
    expect(options('Stage')).toEqual([...STAGES]);
    expect(options('Contact role')).toEqual(['Decision maker', 'Influencer', 'Buyer / enquirer', 'Other']);
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

  it('keeps client and company fields in one Fields tab, each read for its own table', () => {
    const rows = [...fieldsToRows(DEFAULT_FIELDS), ...fieldsToRows(DEFAULT_COMPANY_FIELDS, 'Companies').slice(1)];
    expect(parseFieldsTab(rows).fields).toEqual(DEFAULT_FIELDS);
    expect(parseFieldsTab(rows, 'Companies')).toEqual({ fields: DEFAULT_COMPANY_FIELDS, errors: [] });
    expect(rowsOfOtherTables(rows)).toHaveLength(DEFAULT_COMPANY_FIELDS.length);
    // A base made before Companies has no Table column: every row is a client field, no company field.
    const old = fieldsToRows(DEFAULT_FIELDS).map((r) => r.slice(0, 8));
    expect(parseFieldsTab(old).fields).toEqual(DEFAULT_FIELDS);
    expect(parseFieldsTab(old, 'Companies').fields).toEqual([]);
    // The table may be written in the sheet's language; an unknown one is reported, not taken as Clients.
    const header = rows[0];
    const local = parseFieldsTab(
      [header, ['Отрасль', 'text', '', '', '', '', '', '', 'Компании'], ['X', 'text', '', '', '', '', '', '', '=Deals()']],
      'Companies',
    );
    expect(local.fields.map((f) => f.name)).toEqual(['Отрасль']);
    const clients = parseFieldsTab([header, ['X', 'text', '', '', '', '', '', '', '=Deals()']]);
    expect(clients.fields).toEqual([]);
    expect(clients.errors[0].message).toContain('is not a table');
  });

  it('hands out copies', () => {
    const stage = defaultField('stage');
    stage?.options.push('Changed');
    expect(defaultField('stage')?.options).toEqual([...STAGES]);
  });
});
