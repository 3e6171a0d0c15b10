import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fieldsToRows, parseFieldsTab, splitOptions } from '../../../src/core/schema/fields-tab';
import { TAB_HEADERS } from '../../../src/core/schema/tabs';
import { FIELD_TYPES, type FieldDef } from '../../../src/core/schema/field';

const header = [...TAB_HEADERS.Fields];

describe('parseFieldsTab', () => {
  it('reads a hand-edited tab: yes/no in several languages, options on lines or commas, keys', () => {
    const { fields, errors } = parseFieldsTab([
      header,
      ['Имя', 'text', 'да', '', 'нет', 'Как зовут', 'firstName'],
      ['Email', 'email', true, '', 'TRUE', '', ''],
      ['Stage', 'Choice', 'FALSE', 'Cold\nWarm\nHot, really', '', '', 'stage'],
      ['Size', 'dropdown', '0', 'S, M, L, m', '', '', ''],
      ['Budget', 'currency', 'no', '', '1', '', ''],
    ]);
    expect(errors).toEqual([]);
    expect(fields.map((f) => [f.name, f.type, f.required, f.unique, f.key])).toEqual([
      ['Имя', 'text', true, false, 'firstName'],
      ['Email', 'email', true, true, 'email'],
      ['Stage', 'choice', false, false, 'stage'],
      ['Size', 'choice', false, false, undefined],
      ['Budget', 'money', false, true, undefined],
    ]);
    expect(fields[2].options).toEqual(['Cold', 'Warm', 'Hot, really']);
    expect(fields[3].options).toEqual(['S', 'M', 'L']);
  });

  it('reads columns by header even when the team reordered them', () => {
    const { fields, errors } = parseFieldsTab([
      ['Type', 'Name', 'Key', 'Options', 'Required', 'Unique', 'Help'],
      ['phone', 'Mobile', 'phone', '', 'yes', '', 'Cell'],
    ]);
    expect(errors).toEqual([]);
    expect(fields[0]).toEqual({ name: 'Mobile', type: 'phone', required: true, options: [], unique: false, help: 'Cell', key: 'phone' });
  });

  it('reports each bad row with its sheet row number and still parses the rest', () => {
    const { fields, errors } = parseFieldsTab([
      header,
      ['Good', 'text'],
      ['Bad type', 'spreadsheet'],
      ['good', 'text'],
      ['', 'text', 'yes'],
      ['ID', 'text'],
      ['Updated by', 'text'],
      ['=HYPERLINK("x")', 'text'],
      ['+1', 'text'],
      ['Mood', 'choice', '', ''],
      ['x'.repeat(101), 'text'],
      ['Tab\u0007bell', 'text'],
      ['Also good', 'number', 'perhaps'],
      [],
      ['', '', '', '', '', '', ''],
    ]);
    expect(fields.map((f) => f.name)).toEqual(['Good', 'Also good']);
    expect(errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(errors[0].message).toBe('Fields row 3: "spreadsheet" is not a field type; use one of ' + FIELD_TYPES.join(', '));
    expect(errors[1].message).toContain('repeats the field on row 2');
    expect(errors[2].message).toContain('name is empty');
    expect(errors[3].message).toContain('manages');
    expect(errors[5].message).toContain('formula');
    expect(errors[7].message).toContain('no options');
    expect(errors[10].message).toContain('read as no');
  });

  it('keeps an unknown or repeated key as a custom field, with an error', () => {
    const { fields, errors } = parseFieldsTab([
      header,
      ['A', 'text', '', '', '', '', 'nonsense'],
      ['Mail', 'email', '', '', '', '', 'email'],
      ['Mail 2', 'email', '', '', '', '', 'email'],
    ]);
    expect(fields.map((f) => f.key)).toEqual([undefined, 'email', undefined]);
    expect(errors.map((e) => e.row)).toEqual([2, 4]);
  });

  it('infers the key of a field named like a default field, unless another row claims it', () => {
    const { fields } = parseFieldsTab([header, ['Телефон', 'phone'], ['E-mail', 'email'], ['Work email', 'email', '', '', '', '', 'email']]);
    expect(fields.map((f) => f.key)).toEqual(['phone', undefined, 'email']);
  });

  it('takes headerless rows in the standard column order', () => {
    const { fields } = parseFieldsTab([['City', 'text', 'no', '', 'no', 'Town', 'city']]);
    expect(fields[0]).toMatchObject({ name: 'City', key: 'city', help: 'Town' });
  });

  it('round-trips any valid field set', () => {
    const option = fc.stringMatching(/^[A-Za-zА-Яа-я0-9][A-Za-zА-Яа-я0-9 ,]{0,10}[A-Za-zА-Яа-я0-9]$/);
    const field = fc.record({
      name: fc.stringMatching(/^[A-Za-zА-Яа-я][A-Za-zА-Яа-я0-9 ]{0,20}[A-Za-zА-Яа-я0-9]$/),
      type: fc.constantFrom(...FIELD_TYPES),
      required: fc.boolean(),
      options: fc.uniqueArray(option, { minLength: 1, maxLength: 5, selector: (o) => o.toLowerCase().replace(/\s+/g, ' ') }),
      unique: fc.boolean(),
      help: fc.string({ maxLength: 20 }).map((s) => s.trim()),
    });
    fc.assert(
      fc.property(fc.uniqueArray(field, { maxLength: 6, selector: (f) => f.name.toLowerCase().replace(/[^a-zа-я0-9]/g, '') }), (defs) => {
        const fields: FieldDef[] = defs.map((f) => ({
          ...f,
          name: f.name.replace(/\s+/g, ' '),
          options: f.type === 'choice' || f.type === 'tags' ? f.options.map((o) => o.replace(/\s+/g, ' ')) : [],
        }));
        const parsed = parseFieldsTab(fieldsToRows(fields));
        const withoutInferredKeys = parsed.fields.map(({ key: _key, ...rest }) => rest);
        const bad = parsed.errors.filter((e) => !e.message.includes('add-on manages'));
        expect(bad).toEqual([]);
        expect(withoutInferredKeys).toEqual(fields.filter((f) => !['id', 'created', 'updated', 'updatedby'].includes(f.name.toLowerCase().replace(/\s/g, ''))));
      }),
    );
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.date()), { maxLength: 8 }), { maxLength: 10 }),
        (rows) => {
          const parsed = parseFieldsTab(rows);
          expect(parsed.fields.length + parsed.errors.length).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('splitOptions', () => {
  it('splits on lines when there are any, else commas, dropping blanks and repeats', () => {
    expect(splitOptions('a, b ,,A, c')).toEqual(['a', 'b', 'c']);
    expect(splitOptions('Cold, icy\r\nWarm\n\nHot')).toEqual(['Cold, icy', 'Warm', 'Hot']);
    expect(splitOptions(undefined)).toEqual([]);
  });
});
