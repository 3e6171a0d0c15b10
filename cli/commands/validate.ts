/**
 * `clientbase validate FILE.csv [--json] [--fields FIELDS.csv] [--default-country RU]`
 *
 * The same checks as `ClientBase ▸ Check data`, on a CSV export: the header
 * is found (title lines above it are skipped) and mapped to fields exactly as
 * adoption would propose, then every row is checked. Exit code 0 when clean,
 * 1 when problems were found, 2 on a usage error (missing or unreadable file).
 */
import { isSupportedCountry } from 'libphonenumber-js/min';
import { readInput, type CliIo, commandArgs, usageError as reportUsage } from '../io';
import { CsvError, parseCsv, raggedRows, type RaggedRow } from '../../src/core/csv/parse';
import type { CountryCode } from '../../src/core/normalize/phone';
import { DEFAULT_FIELDS } from '../../src/core/schema/defaults';
import type { FieldDef } from '../../src/core/schema/field';
import { parseFieldsTab } from '../../src/core/schema/fields-tab';
import { detectHeaderRow, proposeMapping, type HeaderMapping } from '../../src/core/schema/header-map';
import { checkData, type CheckReport } from '../../src/core/validate/check-data';
import { PROBLEM_LABELS, shown, type ProblemKind } from '../../src/core/validate/problem';
import { formatDate } from '../../src/core/validate/parse-date';
import { isDate, type CellValue } from '../../src/core/values';

const USAGE = `usage: clientbase validate FILE.csv [--json] [--fields FIELDS.csv] [--default-country RU]
  --json             print the report as JSON instead of a table
  --fields FILE      the field set, as a CSV in the Fields-tab layout (Name, Type, Required, Options, Unique, Help, Key)
  --default-country  country of phone numbers written without a country code (ISO code, e.g. RU, UA, RO, GB)
exit code: 0 no problems, 1 problems found, 2 usage error
`;

const KNOWN_OPTIONS = new Set(['json', 'fields', 'default-country', 'help']);

const SPEC = { name: 'validate', usage: USAGE, flags: ['json'], known: KNOWN_OPTIONS };

function usageError(io: CliIo, message: string): number {
  return reportUsage(io, SPEC, message);
}

/** Bidirectional overrides can make a terminal line lie about its content; shown() handles control characters. */
function safe(value: unknown, max: number): string {
  return shown(value, max).replace(/[\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

/**
 * Parses the CSV with the delimiter that gives the widest header: the parser's
 * own guess looks at the first line only, which may be a title above the header.
 */
function parseTable(text: string): string[][] {
  const sample = text.split(/\r?\n/, 30).join('\n');
  const candidates = [',', ';', '\t'].filter((d) => sample.includes(d));
  let best = parseCsv(text);
  let bestWidth = headerWidth(best);
  for (const delimiter of candidates) {
    let rows: string[][];
    try {
      rows = parseCsv(text, delimiter);
    } catch {
      continue;
    }
    const width = headerWidth(rows);
    if (width > bestWidth) {
      best = rows;
      bestWidth = width;
    }
  }
  return best;
}

function headerWidth(rows: string[][]): number {
  const header = rows[detectHeaderRow(rows)] ?? [];
  return header.filter((c) => c.trim() !== '').length;
}

function readFields(io: CliIo, path: string): { ok: true; fields: FieldDef[] } | { ok: false; message: string } {
  const input = readInput(io, path);
  if (!input.ok) return { ok: false, message: `--fields: ${input.message}` };
  let rows: string[][];
  try {
    rows = parseCsv(input.text);
  } catch (err) {
    return { ok: false, message: `--fields: ${path} is not a readable CSV: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = parseFieldsTab(rows);
  for (const error of parsed.errors) io.stderr(`clientbase validate: ${path}: ${error.message}\n`);
  if (parsed.fields.length === 0) return { ok: false, message: `--fields: ${path} defines no usable field` };
  return { ok: true, fields: parsed.fields };
}

const fixText = (fix: CellValue | undefined): string | number | boolean | undefined => (fix === undefined ? undefined : isDate(fix) ? formatDate(fix) : fix);

function describeColumn(column: HeaderMapping['columns'][number]): string {
  const header = `"${safe(column.header, 40)}"`;
  if (!column.field) return `${header} (kept as an extra column)`;
  if (column.splitFullName) return `${header} → ${column.field} + last name (full name, split)`;
  return `${header} → ${column.field}${column.confidence === 'exact' ? '' : ` (${column.confidence})`}`;
}

function pad(text: string, width: number): string {
  const length = Array.from(text).length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

function renderTable(file: string, mapping: HeaderMapping, report: CheckReport, ragged: readonly RaggedRow[]): string {
  const lines: string[] = [];
  const count = report.problems.length + ragged.length;
  lines.push(
    `${safe(file, 200)}: header on row ${mapping.headerRow + 1}, ${report.checkedRows} client rows checked, ${count} problem${count === 1 ? '' : 's'}`,
  );
  if (ragged.length > 0) {
    lines.push(
      `Rows that do not match the header (${ragged.length}): an unquoted delimiter or a missing value shifts every later value; quote such values and check these rows:`,
    );
    for (const r of ragged.slice(0, 50)) lines.push(`  row ${r.row}: ${r.fields} values for ${r.expected} columns`);
    if (ragged.length > 50) lines.push(`  … and ${ragged.length - 50} more`);
  }
  lines.push('Columns:');
  for (const column of mapping.columns) if (column.header.trim() !== '') lines.push(`  ${describeColumn(column)}`);
  if (report.problems.length > 0) {
    const table = report.problems.map((p) => [
      String(p.row),
      safe(p.column, 24),
      safe(p.value, 30),
      safe(p.problem, 100),
      p.fix === undefined ? '' : safe(fixText(p.fix), 30),
    ]);
    const head = ['Row', 'Column', 'Value', 'Problem', 'Suggested fix'];
    const widths = head.map((h, i) => Math.max(Array.from(h).length, ...table.map((r) => Array.from(r[i]).length)));
    lines.push('');
    lines.push(
      head
        .map((h, i) => pad(h, widths[i]))
        .join('  ')
        .trimEnd(),
    );
    for (const row of table)
      lines.push(
        row
          .map((c, i) => pad(c, widths[i]))
          .join('  ')
          .trimEnd(),
      );
  }
  lines.push('');
  lines.push('Summary:');
  const kinds = Object.keys(report.summary) as ProblemKind[];
  if (kinds.length === 0) lines.push('  no problems');
  for (const kind of kinds) lines.push(`  ${PROBLEM_LABELS[kind] ?? kind}: ${report.summary[kind]}`);
  return lines.join('\n') + '\n';
}

function renderJson(file: string, mapping: HeaderMapping, report: CheckReport, ragged: readonly RaggedRow[]): string {
  return (
    JSON.stringify(
      {
        file,
        headerRow: mapping.headerRow + 1,
        columns: mapping.columns,
        checkedRows: report.checkedRows,
        malformedRows: ragged,
        summary: report.summary,
        problems: report.problems.map((p) => ({
          row: p.row,
          column: p.column,
          value: p.value,
          problem: p.problem,
          kind: p.kind,
          ...(p.fix === undefined ? {} : { fix: fixText(p.fix) }),
          ...(p.clientId ? { clientId: p.clientId } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = commandArgs(argv, io, SPEC);
  if (typeof args === 'number') return args;
  const { options } = args;

  let defaultCountry: CountryCode | undefined;
  if (options['default-country'] !== undefined) {
    const code = options['default-country'].trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code) || !isSupportedCountry(code)) {
      return usageError(io, `--default-country must be a two-letter country code such as RU, UA, RO or GB, got "${safe(options['default-country'], 20)}"`);
    }
    defaultCountry = code as CountryCode;
  }
  let fields = DEFAULT_FIELDS;
  if (options.fields !== undefined) {
    if (options.fields.trim() === '') return usageError(io, '--fields needs a file');
    const read = readFields(io, options.fields);
    if (!read.ok) return usageError(io, read.message);
    fields = read.fields;
  }

  const file = args.file;
  const input = readInput(io, file);
  if (!input.ok) return usageError(io, input.message);
  let rows: string[][];
  try {
    rows = parseTable(input.text);
  } catch (err) {
    const message = err instanceof CsvError || err instanceof Error ? err.message : String(err);
    return usageError(io, `${safe(file, 200)} is not a readable CSV: ${message}`);
  }
  if (rows.length === 0) return usageError(io, `${safe(file, 200)} is empty`);

  const headerRow = detectHeaderRow(rows);
  const mapping = proposeMapping(rows[headerRow], fields, headerRow);
  const report = checkData(fields, rows[headerRow], rows.slice(headerRow + 1), { defaultCountry, mapping, today: new Date() });
  const ragged = raggedRows(rows, headerRow);
  io.stdout(options.json ? renderJson(file, mapping, report, ragged) : renderTable(file, mapping, report, ragged));
  return report.problems.length + ragged.length > 0 ? 1 : 0;
}
