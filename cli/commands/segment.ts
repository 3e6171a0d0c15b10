/**
 * `clientbase segment FILE.csv --rule "RULE" [--purchases P.csv] [--companies C.csv] [--deals D.csv] [--today YYYY-MM-DD]`
 *
 * Prints the first-column value (the ID) of every row the rule selects, one a
 * line, using the same src/core evaluator that counts segments in the Sheet.
 * The CSV's first row is the header: its names are the fields the rule may use.
 * `Company.<field>` reads the Companies export given as --companies (the row
 * whose ID is the person's Company ID), as the live tab does in the sheet.
 * Exit code 0 when the rule ran (even with no match), 2 when the rule cannot
 * be read (printed with a caret under the problem) or on a usage error, 1 when
 * a file cannot be parsed.
 */
import { readInput, type CliIo, commandArgs, usageError as reportUsage } from '../io';
import { CsvError, parseCsv } from '../../src/core/csv/parse';
import { operandsOf } from '../../src/core/rules/ast';
import { pointAt } from '../../src/core/rules/errors';
import { compileRule } from '../../src/core/rules/evaluate';
import { parseRule } from '../../src/core/rules/parser';
import type { CompanyTable } from '../../src/core/rules/company-operand';
import { fieldKeyOfHeader } from '../../src/core/schema/header-aliases';
import { type DealIndex, indexDeals, isDealMeasure } from '../../src/core/segments/deal-measures';
import { indexPurchases, type PurchaseIndex } from '../../src/core/segments/measures';

const USAGE = `usage: clientbase segment FILE.csv --rule "RULE" [--purchases P.csv] [--companies C.csv] [--deals D.csv] [--today YYYY-MM-DD]
  --rule       the segment rule, e.g. Stage = "Hot" and City = "St. Petersburg"
  --purchases  purchases as CSV (Client ID, Date, Amount, Product) for Last purchase, Purchases, Spent, Spent Nd
  --companies  the Companies tab as CSV (ID first), for Company.<field>: Company.Stage = "VIP"
  --deals      the Deals tab as CSV (ID, Client ID, Company, Company ID, …, Amount, …, Status) for the deal measures
  --today      the day relative dates count from (default: today, UTC)
exit code: 0 the rule ran, 2 bad rule or usage error, 1 unreadable CSV
`;

const KNOWN_OPTIONS = new Set(['rule', 'purchases', 'companies', 'deals', 'today', 'help']);

const SPEC = { name: 'segment', usage: USAGE, flags: [], known: KNOWN_OPTIONS };

function usageError(io: CliIo, message: string): number {
  return reportUsage(io, SPEC, message);
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = commandArgs(argv, io, SPEC);
  if (typeof args === 'number') return args;
  const { options } = args;
  if (options.rule === undefined) return usageError(io, 'missing --rule "RULE"');
  const today = parseToday(options.today);
  if (!today) return usageError(io, `--today must be a date written YYYY-MM-DD, got "${options.today}"`);

  const clients = readCsv(io, args.file);
  if (!clients.ok) return clients.code;
  const [header = [], ...rows] = clients.rows;

  let companies: CompanyTable | undefined;
  let companyFields: string[] | null = null;
  if (options.companies !== undefined) {
    const read = readCsv(io, options.companies);
    if (!read.ok) return read.code;
    const [companyHeader = [], ...companyRows] = read.rows;
    // The person's link is the Company ID column in whichever of the four languages the export has it.
    const link = header.find((h) => fieldKeyOfHeader(h) === 'companyId');
    companies = { header: companyHeader, rows: companyRows, ...(link ? { linkColumn: link } : {}) };
    companyFields = companyHeader;
  }

  const parsed = parseRule(options.rule, header, { companyFields });
  if (!parsed.ok) {
    // Without the Companies export the parser cannot know its fields: say what to add rather than "unknown field".
    const withAny = companies ? null : parseRule(options.rule, header, { companyFields: 'any' });
    if (withAny?.ok && operandsOf(withAny.rule).some((o) => o.kind === 'company')) {
      io.stderr('clientbase segment: the rule reads company fields (Company.<field>): give the Companies tab as --companies COMPANIES.csv\n');
      return 2;
    }
    io.stderr(`clientbase segment: ${parsed.error.message}\n${pointAt(options.rule, parsed.error)}\n`);
    return 2;
  }
  const measuresUsed = operandsOf(parsed.rule).flatMap((o) => (o.kind === 'measure' ? [o.measure] : []));

  let measures: PurchaseIndex | undefined;
  if (options.purchases !== undefined) {
    const purchases = readCsv(io, options.purchases);
    if (!purchases.ok) return purchases.code;
    const [purchaseHeader = [], ...purchaseRows] = purchases.rows;
    measures = indexPurchases(purchaseRows, { header: purchaseHeader });
  } else if (measuresUsed.some((m) => !isDealMeasure(m))) {
    io.stderr('clientbase segment: warning: the rule uses purchase measures but no --purchases file was given; every client counts as having no purchases\n');
  }

  let deals: DealIndex | undefined;
  if (options.deals !== undefined) {
    const read = readCsv(io, options.deals);
    if (!read.ok) return read.code;
    const [dealHeader = [], ...dealRows] = read.rows;
    deals = indexDeals(dealRows, { header: dealHeader });
  } else if (measuresUsed.some(isDealMeasure)) {
    io.stderr('clientbase segment: warning: the rule uses deal measures but no --deals file was given; every client counts as having no deals\n');
  }

  const matches = compileRule(parsed.rule, header, { today, measures, deals, companies });
  const out: string[] = [];
  for (const row of rows) if (matches(row)) out.push(`${row[0]}\n`);
  io.stdout(out.join(''));
  return 0;
}

function readCsv(io: CliIo, path: string): { ok: true; rows: string[][] } | { ok: false; code: number } {
  const input = readInput(io, path);
  if (!input.ok) return { ok: false, code: usageError(io, input.message) };
  try {
    return { ok: true, rows: parseCsv(input.text) };
  } catch (err) {
    if (err instanceof CsvError) {
      io.stderr(`clientbase segment: ${path}: ${err.message}\n`);
      return { ok: false, code: 1 };
    }
    throw err;
  }
}

function parseToday(text: string | undefined): Date | null {
  if (text === undefined) {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  }
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text.trim());
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) ? date : null;
}
