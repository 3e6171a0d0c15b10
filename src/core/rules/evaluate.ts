/**
 * The src/core back end: a parsed rule becomes a row predicate, used for
 * counts, previews and mailing targets. Its semantics equal the formula that
 * to-formula.ts emits for the live tab (README.md, "Semantics"); the
 * property test in test/core/rules/agreement.test.ts holds both to that.
 */
import type { Literal, Operand, Period, RuleAst } from './ast';
import { addMonths, cellAsDay, cellAsNumber, cellIsEmpty, comparableText, todaySerial, trimSpaces } from './cell';
import { measureValue, type PurchaseIndex } from '../segments/measures';
import { dealMeasureValue, EMPTY_DEALS, isDealMeasure, type DealIndex } from '../segments/deal-measures';
import { companyCellReader, type CompanyTable } from './company-operand';

export interface RuleContext {
  /** Now; "today" is its calendar day in `timeZone`. */
  today: Date;
  /** The spreadsheet's time zone (IANA name); UTC when absent. Date cells are read on its wall clock. */
  timeZone?: string;
  /** Purchases for the measures; without it every client has no purchases. */
  measures?: PurchaseIndex;
  /** Deals for the deal measures; without it every client has none. */
  deals?: DealIndex;
  /** The Companies tab, for `Company.<field>`; without it every person reads as having no company. */
  companies?: CompanyTable;
}

export type RowPredicate = (row: readonly unknown[]) => boolean;

const headerKey = (name: unknown): string =>
  String(name ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

/**
 * A predicate over rows laid out as `header`. A row whose ID cell (the "ID"
 * column, else the first) is blank is never selected: it is not a client.
 * Throws when the rule names a field missing from `header`, which cannot
 * happen when the rule was parsed with the same header.
 */
export function compileRule(ast: RuleAst, header: readonly unknown[], ctx: RuleContext): RowPredicate {
  const columns = new Map<string, number>();
  header.forEach((name, i) => {
    if (!columns.has(headerKey(name))) columns.set(headerKey(name), i);
  });
  const idColumn = columns.get('id') ?? 0;
  const tz = ctx.timeZone;
  const today = todaySerial(ctx.today, tz);
  const purchases: PurchaseIndex = ctx.measures ?? { byClient: new Map() };
  const deals = ctx.deals ?? EMPTY_DEALS;
  // The Company ID column (if Clients has one) brings in the company's deals.
  const companyColumn = columns.get('company id');

  const read = (operand: Operand): ((row: readonly unknown[]) => unknown) => {
    if (operand.kind === 'measure') {
      const measure = operand.measure;
      if (isDealMeasure(measure)) return (row) => dealMeasureValue(deals, row[idColumn], companyColumn === undefined ? '' : row[companyColumn], measure);
      const bought = operand as Parameters<typeof measureValue>[2];
      return (row) => measureValue(purchases, row[idColumn], bought, today);
    }
    if (operand.kind === 'company') return companyCellReader(operand.field, header, ctx.companies, tz);
    const i = columns.get(headerKey(operand.name));
    if (i === undefined) throw new Error(`The rule uses the field "${operand.name}", which is not a column here`);
    return (row) => row[i];
  };

  const periodStart = (period: Period): number => shift(today, period, -1);
  const periodEnd = (period: Period): number => shift(today, period, 1);

  const compile = (node: RuleAst): RowPredicate => {
    switch (node.kind) {
      case 'and': {
        const items = node.items.map(compile);
        return (row) => items.every((p) => p(row));
      }
      case 'or': {
        const items = node.items.map(compile);
        return (row) => items.some((p) => p(row));
      }
      case 'not': {
        const item = compile(node.item);
        return (row) => !item(row);
      }
      case 'compare':
        return valueTest(read(node.operand), node.op, node.value);
      case 'in': {
        const tests = node.values.map((v) => valueTest(read(node.operand), '=', v));
        return (row) => tests.some((t) => t(row));
      }
      case 'matches': {
        const get = read(node.operand);
        const re = new RegExp(node.pattern, 'u');
        return (row) => re.test(comparableText(get(row), tz) ?? '');
      }
      case 'contains': {
        const get = read(node.operand);
        const needle = normalText(node.value);
        return (row) => comparableText(get(row), tz)?.includes(needle) ?? false;
      }
      case 'startsWith': {
        const get = read(node.operand);
        const prefix = normalText(node.value);
        return (row) => comparableText(get(row), tz)?.startsWith(prefix) ?? false;
      }
      case 'empty': {
        const get = read(node.operand);
        return (row) => cellIsEmpty(get(row), tz);
      }
      case 'withinLast': {
        const get = read(node.operand);
        const from = periodStart(node.period);
        return (row) => between(cellAsDay(get(row), tz), from, today);
      }
      case 'withinNext': {
        const get = read(node.operand);
        const to = periodEnd(node.period);
        return (row) => between(cellAsDay(get(row), tz), today, to);
      }
      case 'moreThanAgo': {
        const get = read(node.operand);
        const before = periodStart(node.period);
        return (row) => {
          const day = cellAsDay(get(row), tz);
          return day !== null && day < before;
        };
      }
    }
  };

  const valueTest = (get: (row: readonly unknown[]) => unknown, op: '=' | '<' | '<=' | '>' | '>=', literal: Literal): RowPredicate => {
    switch (literal.type) {
      case 'text': {
        const expected = normalText(literal.value);
        return (row) => comparableText(get(row), tz) === expected;
      }
      case 'boolean': {
        const expected = literal.value ? 'true' : 'false';
        return (row) => comparableText(get(row), tz) === expected;
      }
      case 'number':
        return (row) => holds(cellAsNumber(get(row), tz), op, literal.value);
      case 'date':
        return (row) => holds(cellAsDay(get(row), tz), op, literal.serial);
    }
  };

  const predicate = compile(ast);
  return (row) => Array.isArray(row) && !cellIsEmpty(row[idColumn], tz) && predicate(row);
}

/** A literal as the formula holds it: lower-cased, spaces trimmed like TRIM. */
function normalText(text: string): string {
  return trimSpaces(text).toLowerCase();
}

function holds(actual: number | null, op: '=' | '<' | '<=' | '>' | '>=', expected: number): boolean {
  if (actual === null) return false;
  switch (op) {
    case '=':
      return actual === expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
  }
}

function between(day: number | null, from: number, to: number): boolean {
  return day !== null && day >= from && day <= to;
}

/** today ± a period: days and weeks by counting, months and years like EDATE. */
export function shift(today: number, period: Period, direction: 1 | -1): number {
  switch (period.unit) {
    case 'day':
      return today + direction * period.amount;
    case 'week':
      return today + direction * 7 * period.amount;
    case 'month':
      return addMonths(today, direction * period.amount);
    case 'year':
      return addMonths(today, direction * 12 * period.amount);
  }
}
