import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyFixes } from '../../../src/core/validate/fixes';
import { checkData } from '../../../src/core/validate/check-data';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import { isDate } from '../../../src/core/values';

const ctx = { defaultCountry: 'RU' as const, today: new Date(2025, 5, 15) };
const header = ['ID', 'First name', 'Last name', 'Email', 'Phone', 'Birthday', 'Stage'];
const rows = () => [
  ['c1', 'ИВАН', ' petrov ', 'Ivan@Mail.RU ', '8 916 123-45-67', '14.03.1985', 'hot'],
  ['c2', 'Anna-Maria', 'Popescu', 'anna@gmial.com', '+40 721 234 567', '', 'Warm'],
];

describe('suggested fixes', () => {
  it('proposes phones, names, emails, dates and option spellings', () => {
    const report = checkData(DEFAULT_FIELDS, header, rows(), ctx);
    const fixes = Object.fromEntries(report.problems.filter((p) => p.fix !== undefined).map((p) => [p.id, p.fix]));
    expect(fixes['c1|First name']).toBe('Иван');
    expect(fixes['c1|Last name']).toBe('Petrov');
    expect(fixes['c1|Email']).toBe('ivan@mail.ru');
    expect(fixes['c1|Phone']).toBe('+7 916 123 45 67');
    expect(isDate(fixes['c1|Birthday'])).toBe(true);
    expect(fixes['c1|Stage']).toBe('Hot');
    expect(fixes['c2|Email']).toBe('anna@gmail.com');
    // Already fine: mixed-case hyphenated name, international phone.
    expect(fixes['c2|First name']).toBeUndefined();
    expect(fixes['c2|Phone']).toBeUndefined();
  });
});

describe('applyFixes', () => {
  it('changes nothing without an accepted fix', () => {
    const original = rows();
    const report = checkData(DEFAULT_FIELDS, header, original, ctx);
    const result = applyFixes(original, report.problems, new Set());
    expect(result.changes).toEqual([]);
    expect(result.rows).toEqual(rows());
  });

  it('never applies a fix that was not accepted, whichever subset is accepted', () => {
    const original = rows();
    const report = checkData(DEFAULT_FIELDS, header, original, ctx);
    const ids = report.problems.filter((p) => p.fix !== undefined).map((p) => p.id);
    fc.assert(
      fc.property(fc.subarray(ids), (acceptedIds) => {
        const accepted = new Set(acceptedIds);
        const result = applyFixes(original, report.problems, accepted);
        expect(result.changes.map((c) => `${c.clientId}|${c.column}`).sort()).toEqual([...acceptedIds].sort());
        // Every cell not accepted is exactly as it was.
        result.rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (!accepted.has(`${original[r][0]}|${header[c]}`)) expect(cell).toBe(original[r][c]);
          }),
        );
        expect(original).toEqual(rows());
      }),
    );
  });

  it('lists each change with its old and new value for the audit log', () => {
    const original = rows();
    const report = checkData(DEFAULT_FIELDS, header, original, ctx);
    const result = applyFixes(original, report.problems, new Set(['c1|Phone', 'c2|Email']));
    expect(result.changes).toEqual([
      { row: 2, rowIndex: 0, column: 'Phone', columnIndex: 4, clientId: 'c1', oldValue: '8 916 123-45-67', newValue: '+7 916 123 45 67' },
      { row: 3, rowIndex: 1, column: 'Email', columnIndex: 3, clientId: 'c2', oldValue: 'anna@gmial.com', newValue: 'anna@gmail.com' },
    ]);
    expect(result.rows[1]).toBe(original[1] === result.rows[1] ? original[1] : result.rows[1]);
    expect(original[0][4]).toBe('8 916 123-45-67');
  });

  it('finds rows by ID after a sort and skips cells edited since the check', () => {
    const original = rows();
    const report = checkData(DEFAULT_FIELDS, header, original, ctx);
    const sorted = [original[1].slice(), original[0].slice()];
    sorted[1][1] = 'Иван Иванович'; // someone edited the first name meanwhile
    const result = applyFixes(sorted, report.problems, new Set(['c1|First name', 'c1|Email']), { idColumn: 0 });
    expect(result.rows[1][3]).toBe('ivan@mail.ru');
    expect(result.rows[1][1]).toBe('Иван Иванович');
    expect(result.changes.map((c) => [c.row, c.column])).toEqual([[3, 'Email']]);
    expect(result.skipped.map((s) => s.id)).toEqual(['c1|First name']);
  });

  it('skips a fix for a client that is gone', () => {
    const original = rows();
    const report = checkData(DEFAULT_FIELDS, header, original, ctx);
    const result = applyFixes([original[1]], report.problems, new Set(['c1|Email']), { idColumn: 0 });
    expect(result.changes).toEqual([]);
    expect(result.skipped[0].reason).toContain('c1');
  });
});
