import { describe, expect, it } from 'vitest';
import { checkData } from '../../../src/core/validate/check-data';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import type { FieldDef } from '../../../src/core/schema/field';
import { proposeSheetMapping } from '../../../src/core/schema/header-map';
import { isDate } from '../../../src/core/values';

const today = new Date(2025, 5, 15);
const ctx = { defaultCountry: 'RU' as const, today };
const header = ['ID', 'First name', 'Last name', 'Company', 'Email', 'Phone', 'Stage', 'Birthday', 'Unknown column'];

describe('checkData', () => {
  it('reports each kind of problem on its sheet row and column', () => {
    const rows = [
      ['c1', 'Anna', 'Petrova', '', 'anna@mail.ru', '+7 916 123-45-67', 'Hot', '14.03.1985', 'whatever'],
      ['c2', 'Ivan', '', '', 'ivan@gmial.com', 'call me', 'Hto', '31.02.2024', ''],
      ['c3', '', '', '', '', '', '', '', 'only extra data'],
    ];
    const report = checkData(DEFAULT_FIELDS, header, rows, ctx);
    const at = (row: number, column: string) => report.problems.filter((p) => p.row === row && p.column === column).map((p) => p.kind);
    expect(at(2, 'Birthday')).toEqual(['format']);
    expect(at(3, 'Email')).toEqual(['invalid_email']);
    expect(at(3, 'Phone')).toEqual(['invalid_phone']);
    expect(at(3, 'Stage')).toEqual(['not_an_option']);
    expect(at(3, 'Birthday')).toEqual(['invalid_date']);
    expect(at(4, 'First name')).toEqual(['no_name']);
    expect(report.problems.some((p) => p.column === 'Unknown column')).toBe(false);
    expect(report.checkedRows).toBe(3);
    expect(report.summary).toEqual({ format: 1, invalid_email: 1, invalid_phone: 1, not_an_option: 1, invalid_date: 1, no_name: 1 });
    const email = report.problems.find((p) => p.kind === 'invalid_email');
    expect(email).toMatchObject({ clientId: 'c2', value: 'ivan@gmial.com', fix: 'ivan@gmail.com' });
  });

  it('reports missing required values', () => {
    const fields: FieldDef[] = DEFAULT_FIELDS.map((f) => (f.key === 'email' ? { ...f, required: true } : f));
    const report = checkData(
      fields,
      ['First name', 'Email'],
      [
        ['Anna', ''],
        ['Olga', 'olga@x.ru'],
      ],
      ctx,
    );
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ row: 2, column: 'Email', problem: 'Email is required', kind: 'required' });
  });

  it('reports a required field with no column once, not once per row', () => {
    const fields: FieldDef[] = DEFAULT_FIELDS.map((f) => (f.key === 'phone' ? { ...f, required: true } : f));
    const report = checkData(
      fields,
      ['First name'],
      Array.from({ length: 100 }, () => ['Anna']),
      ctx,
    );
    expect(report.problems.filter((p) => p.kind === 'required')).toHaveLength(1);
  });

  it('reports every row of a duplicate in a unique column, whatever the case or Gmail dots', () => {
    const rows = [
      ['a', 'Anna.P@gmail.com'],
      ['b', 'x@y.ru'],
      ['c', 'annap@GMAIL.com'],
      ['d', ' anna.p@gmail.com '],
    ];
    const report = checkData(DEFAULT_FIELDS, ['First name', 'Email'], rows, ctx);
    const duplicates = report.problems.filter((p) => p.kind === 'duplicate');
    expect(duplicates.map((p) => p.row)).toEqual([2, 4, 5]);
    expect(duplicates[0].problem).toContain('rows 4, 5');
  });

  it('does not flag repeats in non-unique columns or blank unique cells', () => {
    const rows = [
      ['Anna', '', '+7 916 123-45-67'],
      ['Boris', '', '+7 916 123-45-67'],
    ];
    const report = checkData(DEFAULT_FIELDS, ['First name', 'Email', 'Phone'], rows, ctx);
    expect(report.problems).toEqual([]);
  });

  it('skips blank rows and counts only rows with data', () => {
    const report = checkData(DEFAULT_FIELDS, ['First name'], [['Anna'], ['', ''], [], ['Olga']], ctx);
    expect(report.checkedRows).toBe(2);
    expect(report.problems).toEqual([]);
  });

  it('uses an adoption mapping: original headers, rows below a title line, full-name columns', () => {
    const sheet = [
      ['Клиенты 2024'],
      [],
      ['ФИО', 'Тел.', 'Эл. почта'],
      ['ИВАНОВ ИВАН', '8 916 123 45 67', 'IVAN@MAIL.RU'],
      ['', '', ''],
      ['', '+7 916 000 00 00', 'x@y.ru'],
    ];
    const mapping = proposeSheetMapping(sheet, DEFAULT_FIELDS);
    expect(mapping.headerRow).toBe(2);
    const report = checkData(DEFAULT_FIELDS, sheet[2], sheet.slice(3), { ...ctx, mapping });
    const byCell = Object.fromEntries(report.problems.map((p) => [`${p.row} ${p.column} ${p.kind}`, p.fix]));
    expect(byCell).toEqual({
      '4 ФИО format': 'Иванов Иван',
      '4 Тел. format': '+7 916 123 45 67',
      '4 Эл. почта format': 'ivan@mail.ru',
      '6 Тел. invalid_phone': undefined,
      '6 ФИО no_name': undefined,
    });
  });

  it('survives hostile cells and keeps formula-looking text as text', () => {
    const hostile = ['=HYPERLINK("http://evil","x")', '<img src=x onerror=alert(1)>', 'x'.repeat(50_001), '😀 Ёжик Popescu', '+1', '-1', '@x'];
    const rows = hostile.map((v) => [v, v, v, v, v, v]);
    const report = checkData(DEFAULT_FIELDS, ['First name', 'Notes', 'Email', 'Phone', 'Stage', 'Birthday'], rows, ctx);
    const notes = report.problems.filter((p) => p.column === 'Notes');
    expect(notes.map((p) => p.kind)).toEqual(['too_long']);
    expect(report.problems.filter((p) => p.column === 'Email' && p.kind !== 'too_long').every((p) => p.kind === 'invalid_email')).toBe(true);
    expect(report.problems.every((p) => p.value.length <= 1000)).toBe(true);
  });

  it('reports wrong-typed cells: a date in an email column, a number in a choice column', () => {
    const report = checkData(DEFAULT_FIELDS, ['First name', 'Email', 'Stage'], [['A', new Date(2024, 0, 1), 3]], ctx);
    expect(report.problems.map((p) => [p.column, p.kind, p.value])).toEqual([
      ['Email', 'invalid_email', '2024-01-01'],
      ['Stage', 'not_an_option', '3'],
    ]);
  });

  it('suggests real dates for text dates', () => {
    const report = checkData(DEFAULT_FIELDS, ['First name', 'Last contact'], [['A', '01.02.2024']], ctx);
    const fix = report.problems[0].fix;
    expect(isDate(fix) && [fix.getFullYear(), fix.getMonth(), fix.getDate()]).toEqual([2024, 1, 1]);
  });

  it('checks 50,000 rows × 25 columns with work proportional to the cells', () => {
    const fields = DEFAULT_FIELDS;
    const headerRow = fields.map((f) => f.name).concat(['Extra 1', 'Extra 2']);
    const rows = Array.from({ length: 50_000 }, (_, i) =>
      headerRow.map((h) => {
        switch (h) {
          case 'Email':
            return `client${i}@example.com`;
          case 'Phone':
            return i % 10 === 0 ? `+7 916 ${String(1000000 + i).slice(-7)}` : '';
          case 'Stage':
            return ['Cold', 'Warm', 'Hot'][i % 3];
          case 'Birthday':
            return i % 7 === 0 ? new Date(1980, i % 12, 1 + (i % 28)) : '';
          case 'First name':
            return `Name${i}`;
          case 'Opt-out':
            return i % 2 === 0;
          default:
            return '';
        }
      }),
    );
    const report = checkData(fields, headerRow, rows, ctx);
    expect(report.checkedRows).toBe(50_000);
    expect(report.summary.duplicate ?? 0).toBe(0);
  });
});

describe("phones read in the client's own country", () => {
  it('accepts a national number when the row names its country, and flags it under the default country', () => {
    const fields = DEFAULT_FIELDS;
    const header = ['ID', 'First name', 'Phone', 'Country'];
    const rows = [
      ['C-1', 'Oliver', '07480 932306', 'United Kingdom'],
      ['C-2', 'Olena', '067 123 4567', 'Україна'],
      ['C-3', 'Ion', '0721 234 567', 'RO'],
      ['C-4', 'Olga', '07480 932306', ''],
    ];
    const report = checkData(fields, header, rows, { defaultCountry: 'RU' });
    const phoneProblems = report.problems.filter((p) => p.kind === 'invalid_phone').map((p) => p.clientId);
    expect(phoneProblems).toEqual(['C-4']);
    const fixes = Object.fromEntries(report.problems.filter((p) => p.kind === 'format' && p.column === 'Phone').map((p) => [p.clientId, p.fix]));
    expect(fixes).toMatchObject({ 'C-1': '+44 7480 932306', 'C-2': '+380 67 123 4567', 'C-3': '+40 721 234 567' });
  });
});
