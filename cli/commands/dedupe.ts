/**
 * `clientbase dedupe FILE.csv [--map csvColumn=field,...] [--threshold T] [--out pairs.jsonl] [--default-country RU] [--companies]`
 *
 * Finds likely duplicate people in a CSV export and writes one JSON object a
 * line: {"a": id, "b": id, "score": s, "why": "..."}. The first column is the
 * id; the other columns are mapped to person fields by their header.
 * With --companies the rows are companies (name, tax ID, address, phone,
 * email, site), compared by `findCompanyDuplicates`.
 */
import { readInput, type CliIo, commandArgs, lineWriter, usageError as reportUsage } from '../io';
import { describeRaggedRows, parseCsv, raggedRows } from '../../src/core/csv/parse';
import { mapColumns, rowToRecord, PERSON_FIELDS, type PersonField } from '../../src/core/dedupe/columns';
import { findDuplicates, explainPair, DEFAULT_POSSIBLE_THRESHOLD, type ScoredPair } from '../../src/core/dedupe/engine';
import type { PersonRecord, CountryCode } from '../../src/core/dedupe/record';
import { findCompanyDuplicates } from '../../src/core/dedupe/company-records';
import { mapCompanyColumns, rowToCompany } from '../../src/core/dedupe/company-columns';

const USAGE = `usage: clientbase dedupe FILE.csv [--map csvColumn=field,...] [--threshold T] [--out pairs.jsonl] [--default-country RU] [--companies]
  --map              map CSV columns to fields: ${PERSON_FIELDS.join(', ')}
  --threshold T      lowest score to report, 0..1 (default ${DEFAULT_POSSIBLE_THRESHOLD})
  --out FILE         write the pairs there instead of standard output
  --default-country  country of phone numbers written without a country code (ISO code, e.g. RU, UA, RO, GB)
  --companies        the rows are companies (name, tax ID, address, city, phone, email, site), not people
`;

const KNOWN_OPTIONS = new Set(['map', 'threshold', 'out', 'default-country', 'companies', 'help']);

const SPEC = { name: 'dedupe', usage: USAGE, flags: ['companies'], known: KNOWN_OPTIONS };

function usageError(io: CliIo, message: string): number {
  return reportUsage(io, SPEC, message);
}

function parseMap(spec: string, headers: string[]): { ok: true; map: Record<string, PersonField> } | { ok: false; message: string } {
  const map: Record<string, PersonField> = {};
  for (const item of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = item.lastIndexOf('=');
    if (eq <= 0) return { ok: false, message: `--map expects column=field, got "${item}"` };
    const column = item.slice(0, eq).trim();
    const field = item.slice(eq + 1).trim() as PersonField;
    if (!PERSON_FIELDS.includes(field)) return { ok: false, message: `unknown field "${field}" in --map (fields: ${PERSON_FIELDS.join(', ')})` };
    if (!headers.some((h) => h.trim() === column)) return { ok: false, message: `--map names column "${column}", which is not in the file header` };
    map[column] = field;
  }
  return { ok: true, map };
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = commandArgs(argv, io, SPEC);
  if (typeof args === 'number') return args;
  const { options } = args;

  let threshold = DEFAULT_POSSIBLE_THRESHOLD;
  if (options.threshold !== undefined) {
    threshold = Number(options.threshold);
    if (options.threshold.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
      return usageError(io, `--threshold must be a number from 0 to 1, got "${options.threshold}"`);
    }
  }
  let defaultCountry: CountryCode | undefined;
  if (options['default-country'] !== undefined) {
    const code = options['default-country'].trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) return usageError(io, `--default-country must be a two-letter country code, got "${options['default-country']}"`);
    defaultCountry = code as CountryCode;
  }
  if (options.out !== undefined && options.out.trim() === '') return usageError(io, '--out needs a file name');

  const input = readInput(io, args.file);
  if (!input.ok) return usageError(io, input.message);

  let rows: string[][];
  try {
    rows = parseCsv(input.text);
  } catch (err) {
    io.stderr(`clientbase dedupe: ${args.file} is not valid CSV: ${(err as Error).message}\n`);
    return 1;
  }
  if (rows.length === 0) {
    io.stderr(`clientbase dedupe: ${args.file} is empty: expected a header row and one row per person\n`);
    return 1;
  }
  const headers = rows[0].map((h) => String(h));
  const ragged = raggedRows(rows);
  if (ragged.length) io.stderr(`clientbase dedupe: warning: ${describeRaggedRows(ragged)}\n`);
  if (options.companies !== undefined) {
    if (options.map !== undefined) return usageError(io, '--map is for people; with --companies the columns are read from the header');
    const fields = mapCompanyColumns(headers);
    if (!fields.includes('name') && !fields.includes('taxId'))
      return usageError(io, 'with --companies the header needs a company name or tax ID column (name, Название, Denumire, ИНН, ЄДРПОУ, IDNO, CUI…)');
    const companies = rows.slice(1).map((row, i) => rowToCompany(row, fields, `row ${i + 2}`));
    const found = findCompanyDuplicates(companies, { possibleThreshold: threshold, defaultCountry });
    const written = writePairs(io, options.out, found.pairs, threshold);
    if (written < 0) return 1;
    const mapped = headers.map((h, i) => `${h || `column ${i + 1}`}→${fields[i]}`).join(', ');
    io.stderr(
      `clientbase dedupe: ${companies.length} companies, ${written} pairs at score ≥ ${threshold}, ${found.groups.length} groups (columns: ${mapped})\n`,
    );
    return 0;
  }
  let overrides: Record<string, PersonField> = {};
  if (options.map !== undefined) {
    const parsed = parseMap(options.map, headers);
    if (!parsed.ok) return usageError(io, parsed.message);
    overrides = parsed.map;
  }
  const mapping = mapColumns(headers, overrides);
  const records: PersonRecord[] = rows.slice(1).map((row, i) => rowToRecord(row, headers, mapping, `row ${i + 2}`));
  const duplicateIds = countDuplicateIds(records);
  if (duplicateIds > 0) io.stderr(`clientbase dedupe: warning: ${duplicateIds} ids appear more than once in the first column\n`);

  const { pairs, groups } = findDuplicates(records, { possibleThreshold: threshold, defaultCountry });
  const written = writePairs(io, options.out, pairs, threshold);
  if (written < 0) return 1;
  const mapped = headers.map((h, i) => `${h || `column ${i + 1}`}→${mapping.fields[i]}`).join(', ');
  io.stderr(`clientbase dedupe: ${records.length} records, ${written} pairs at score ≥ ${threshold}, ${groups.length} groups (columns: ${mapped})\n`);
  return 0;
}

/** Streamed: millions of pairs would not fit in one string ("Invalid string length"). -1 when the file cannot be written. */
function writePairs(io: CliIo, out: string | undefined, pairs: ReadonlyArray<ScoredPair>, threshold: number): number {
  let written = 0;
  try {
    if (out !== undefined) io.writeFile(out, '');
    const writer = lineWriter(out !== undefined ? (text) => io.appendFile(out, text) : io.stdout);
    for (const p of pairs) {
      if (p.score < threshold) continue;
      writer.line(JSON.stringify({ a: p.a, b: p.b, score: p.score, why: explainPair(p) }));
      written++;
    }
    writer.end();
  } catch (err) {
    io.stderr(`clientbase dedupe: cannot write ${out}: ${(err as Error).message}\n`);
    return -1;
  }
  return written;
}

function countDuplicateIds(records: PersonRecord[]): number {
  const seen = new Map<string, number>();
  for (const r of records) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
  let n = 0;
  for (const count of seen.values()) if (count > 1) n++;
  return n;
}
