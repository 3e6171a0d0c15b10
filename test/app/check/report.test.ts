import { describe, expect, it } from 'vitest';
import { fixGroupKey, fixGroups, readReport, REPORT_HEADER, REPORT_LIMIT, REPORT_WIDTH, reportValues, summaryText } from '../../../src/app/check/report';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import { checkData } from '../../../src/core/validate/check-data';

const header = ['ID', 'Created', 'Updated', 'Updated by', ...DEFAULT_FIELDS.map((f) => f.name)];
const row = (values: Record<string, unknown>) => header.map((h) => values[h] ?? '');
const at = new Date('2026-01-15T10:00:00Z');

function messyReport() {
  return checkData(
    DEFAULT_FIELDS,
    header,
    [
      row({ ID: 'C1', 'First name': 'ИВАН', Phone: '8 916 123-45-67', Email: 'A@Example.com' }),
      row({ ID: 'C2', 'First name': 'мария', Phone: '8 916 765-43-21', Email: 'not an email' }),
      row({ 'First name': 'Anna', Phone: '=HYPERLINK("http://evil","x")' }),
    ],
    { defaultCountry: 'RU' },
  );
}

describe('the report tab', () => {
  it('lists every problem under the fixed header, with the summary block to the right', () => {
    const report = messyReport();
    const values = reportValues(report, at, 0);
    expect(values[0].slice(0, REPORT_HEADER.length)).toEqual([...REPORT_HEADER]);
    expect(values.every((r) => r.length === REPORT_WIDTH)).toBe(true);
    const listed = values.slice(1, 1 + report.problems.length);
    expect(listed.map((r) => r[1])).toEqual(report.problems.map((p) => p.column));
    const formula = listed.find((r) => String(r[2]).startsWith('=HYPERLINK'));
    expect(formula?.[5]).toBe('');
    const summary = values.map((r) => [r[REPORT_WIDTH - 2], r[REPORT_WIDTH - 1]]);
    expect(summary).toContainEqual(['Problems', report.problems.length]);
    expect(summary).toContainEqual(['Checked at', at]);
  });

  it('blanks the rows of a longer previous report so one write replaces it', () => {
    const values = reportValues(messyReport(), at, 40);
    expect(values).toHaveLength(40);
    expect(values[39].every((v) => v === '')).toBe(true);
  });

  it('reads back what the user saw, by client ID or by row when there is none', () => {
    const report = messyReport();
    const read = readReport(reportValues(report, at, 0));
    expect(read?.checkedAt).toEqual(at);
    for (const p of report.problems.filter((x) => x.rowIndex >= 0)) expect(read?.seen.get(p.id)).toBe(p.value);
    expect([...read!.seen.keys()].some((id) => id.startsWith('row 4|'))).toBe(true);
  });

  it('lists at most REPORT_LIMIT problems and says so in the summary', () => {
    const report = messyReport();
    const many = { ...report, problems: Array.from({ length: REPORT_LIMIT + 5 }, (_, i) => ({ ...report.problems[0], row: i + 2, rowIndex: i })) };
    const values = reportValues(many, at, 0);
    expect(values).toHaveLength(REPORT_LIMIT + 1);
    expect(values.map((r) => [r[REPORT_WIDTH - 2], r[REPORT_WIDTH - 1]])).toContainEqual(['Listed in this tab', REPORT_LIMIT]);
  });

  it('is not taken for a report when the tab holds something else', () => {
    expect(readReport([])).toBeNull();
    expect(
      readReport([
        ['Name', 'Count'],
        ['x', 1],
      ]),
    ).toBeNull();
  });

  it('groups fixes by column and reason, the way they are accepted', () => {
    const groups = fixGroups(messyReport().problems);
    expect(groups.find((g) => g.label === 'First name: name not capitalised')?.count).toBe(2);
    expect(groups.find((g) => g.label === 'Phone: not in international format')?.count).toBe(2);
    expect(fixGroupKey({ kind: 'invalid_email', column: 'Email', problem: 'x', fix: undefined })).toBeUndefined();
  });

  it('sums it up in a few lines and says when the tab cannot list everything', () => {
    const report = messyReport();
    const text = summaryText(report, 'Check data');
    expect(text).toMatch(/^Checked 3 clients: \d+ problems\./);
    expect(text).toContain('can be fixed automatically');
    const many = { ...report, problems: Array.from({ length: REPORT_LIMIT + 1 }, () => report.problems[0]) };
    expect(summaryText(many, 'Check data')).toContain(`first ${REPORT_LIMIT}`);
    expect(summaryText({ problems: [], summary: {}, checkedRows: 5 }, 'Check data')).toBe('Checked 5 clients: no problems found.');
  });
});
