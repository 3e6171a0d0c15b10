/**
 * The Sheets back end: a parsed rule becomes one formula that keeps a segment
 * tab live. It uses a small formula subset (README.md lists it) that the
 * emulator evaluates too, and its semantics equal compileRule's.
 *
 * Values never become formula syntax: text literals are emitted as "…" with
 * quotes doubled and line breaks as CHAR(), numbers and dates are
 * re-printed from their parsed value, and `contains`/`starts with` use FIND,
 * which has no wildcards or regular expressions.
 */
import type { CompareOp, Literal, Operand, Period, RuleAst } from './ast';
import { AMOUNT_NOISE_PATTERN, trimSpaces } from './cell';
import { isDealMeasure, type DealMeasure } from '../segments/deal-measures';
import { lostStatusWords, signedStatusWords } from '../deals/deal';
import { companyCellFormula, type CompanyFormulaLayout } from './company-operand';

export interface FormulaLayout {
  /** The tab holding the clients, e.g. "Clients". */
  sheet: string;
  /** Column letter of each field by its name (case and spacing ignored), e.g. { ID: 'A', Stage: 'F' }. */
  columns: Record<string, string>;
  /** First row below the header, e.g. 2. */
  firstDataRow: number;
  /** Last row to read; open-ended ranges (A2:A) when absent. */
  lastRow?: number;
  /** The ID column: a row with a blank ID is not a client. Default: columns.ID, else the leftmost column. */
  idColumn?: string;
  /** Columns the segment tab shows: a span, or chosen columns in order. Default: leftmost to rightmost of `columns`. */
  output?: { first: string; last: string } | { columns: string[] };
  /** Where the measures come from; required when the rule uses one. */
  purchases?: {
    sheet: string;
    clientId: string;
    date: string;
    amount: string;
    firstDataRow: number;
    lastRow?: number;
  };
  /** Where the deal measures come from; required when the rule uses one. Company ID may be absent (older Deals tabs). */
  deals?: {
    sheet: string;
    clientId: string;
    companyId?: string;
    amount: string;
    status: string;
    /** The Date column, for Last deal date. */
    date?: string;
    firstDataRow: number;
    lastRow?: number;
  };
  /** Where `Company.<field>` reads from; required when the rule uses one. */
  companies?: CompanyFormulaLayout;
}

/** `=ARRAYFORMULA(IFERROR(FILTER(rows, client * rule), ""))`: the matching rows, or one empty cell. */
export function ruleToFormula(ast: RuleAst, layout: FormulaLayout): string {
  const f = new FormulaBuilder(layout);
  return `=ARRAYFORMULA(IFERROR(FILTER(${f.outputRange()},${f.isClient()}*${f.condition(ast)}),""))`;
}

/** The number of matching clients, for the count column of `Segments`. */
export function ruleToCountFormula(ast: RuleAst, layout: FormulaLayout): string {
  const f = new FormulaBuilder(layout);
  return `=ARRAYFORMULA(IFERROR(ROWS(FILTER(${f.idRange()},${f.isClient()}*${f.condition(ast)})),0))`;
}

const AMOUNT_NOISE_FORMULA = `"${AMOUNT_NOISE_PATTERN.replace(/"/g, '""')}"`;
const NUMBER_TEXT_REGEX = '"^-?[0-9]+(\\.[0-9]+)?$"';
const ISO_DATE_REGEX = '"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"';
const DOTTED_DATE_REGEX = '"^[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$"';

/** Formula fragments; each names its src/core twin from cell.ts. */
const fragment = {
  /** comparableText */
  text: (x: string) => `LOWER(TRIM(${x}&""))`,
  /** cellAsNumber */
  number: (x: string) => {
    const u = `SUBSTITUTE(REGEXREPLACE(TRIM(${x}&""),${AMOUNT_NOISE_FORMULA},""),",",".")`;
    const point = `FIND(".",${u}&".")`;
    return `IF(ISNUMBER(${x}),${x},IF(REGEXMATCH(${u},${NUMBER_TEXT_REGEX}),VALUE(SUBSTITUTE(${u},".",""))/10^(LEN(${u})-${point}+(${point}>LEN(${u}))),NA()))`;
  },
  /** cellAsDay */
  day: (x: string) => {
    const t = `TRIM(${x}&"")`;
    return (
      `IF(ISNUMBER(${x}),INT(${x}),` +
      `IF(REGEXMATCH(${t},${ISO_DATE_REGEX}),DATE(VALUE(LEFT(${t},4)),VALUE(MID(${t},6,2)),VALUE(RIGHT(${t},2))),` +
      `IF(REGEXMATCH(${t},${DOTTED_DATE_REGEX}),DATE(VALUE(RIGHT(${t},4)),VALUE(MID(${t},4,2)),VALUE(LEFT(${t},2))),NA())))`
    );
  },
  /** cellIsEmpty */
  empty: (x: string) => `LEN(TRIM(${x}&""))=0`,
};

/** An operand as formula text, with readers that know what a measure can hold. */
interface OperandFormula {
  text: string;
  number: string;
  day: string;
  empty: string;
}

class FormulaBuilder {
  private readonly columns = new Map<string, string>();
  private readonly clients: string;
  private readonly rowEnd: string;

  constructor(private readonly layout: FormulaLayout) {
    if (!Number.isInteger(layout.firstDataRow) || layout.firstDataRow < 1) throw new Error('firstDataRow must be a row number');
    if (layout.lastRow !== undefined && (!Number.isInteger(layout.lastRow) || layout.lastRow < layout.firstDataRow))
      throw new Error('lastRow must be at or below firstDataRow');
    for (const [name, letter] of Object.entries(layout.columns)) this.columns.set(nameKey(name), columnLetter(letter));
    if (this.columns.size === 0) throw new Error('The layout has no columns');
    this.clients = sheetRef(layout.sheet);
    this.rowEnd = layout.lastRow === undefined ? '' : String(layout.lastRow);
  }

  outputRange(): string {
    const output = this.layout.output;
    if (output && 'columns' in output) {
      if (output.columns.length === 0) throw new Error('A segment tab needs at least one column');
      // Chosen columns side by side: runs of neighbours stay one range, the rest join in an array literal.
      const runs: [number, number][] = [];
      for (const n of output.columns.map((c) => columnNumber(columnLetter(c)))) {
        const last = runs[runs.length - 1];
        if (last && n === last[1] + 1) last[1] = n;
        else runs.push([n, n]);
      }
      const ranges = runs.map(([a, b]) => `${this.clients}!${letterOf(a)}${this.layout.firstDataRow}:${letterOf(b)}${this.rowEnd}`);
      return ranges.length === 1 ? ranges[0] : `{${ranges.join(',')}}`;
    }
    const letters = [...this.columns.values()].sort((a, b) => columnNumber(a) - columnNumber(b));
    const first = output ? columnLetter(output.first) : letters[0];
    const last = output ? columnLetter(output.last) : letters[letters.length - 1];
    return `${this.clients}!${first}${this.layout.firstDataRow}:${last}${this.rowEnd}`;
  }

  idRange(): string {
    const letters = [...this.columns.values()].sort((a, b) => columnNumber(a) - columnNumber(b));
    const id = this.layout.idColumn ? columnLetter(this.layout.idColumn) : (this.columns.get('id') ?? letters[0]);
    return this.column(id);
  }

  isClient(): string {
    return `(LEN(TRIM(${this.idRange()}&""))>0)`;
  }

  /** A 0/1 (or FALSE/TRUE) column: one value per client row. */
  condition(node: RuleAst): string {
    switch (node.kind) {
      case 'and':
        return `(${node.items.map((i) => this.condition(i)).join('*')})`;
      case 'or':
        return `((${node.items.map((i) => this.condition(i)).join('+')})>0)`;
      case 'not':
        return `(1-${this.condition(node.item)})`;
      default:
        return `IFERROR(${this.test(node)},FALSE)`;
    }
  }

  private test(node: Exclude<RuleAst, { kind: 'and' | 'or' | 'not' }>): string {
    const x = this.operand(node.operand);
    switch (node.kind) {
      case 'compare':
        return this.compare(x, node.op, node.value);
      case 'in':
        // One value is a plain comparison: Sheets orders booleans above numbers, so FALSE>0 would be TRUE.
        if (node.values.length === 1) return this.compare(x, '=', node.values[0]);
        return `(${node.values.map((v) => `IFERROR(${this.compare(x, '=', v)},FALSE)`).join('+')})>0`;
      case 'matches':
        return `REGEXMATCH(${x.text},${stringLiteral(node.pattern)})`;
      case 'contains':
        return `ISNUMBER(FIND(${stringLiteral(normalText(node.value))},${x.text}))`;
      case 'startsWith':
        return `FIND(${stringLiteral(normalText(node.value))},${x.text})=1`;
      case 'empty':
        return x.empty;
      case 'withinLast':
        return between(x.day, this.shift(node.period, -1), 'TODAY()');
      case 'withinNext':
        return between(x.day, 'TODAY()', this.shift(node.period, 1));
      case 'moreThanAgo':
        return `${x.day}<${this.shift(node.period, -1)}`;
    }
  }

  private compare(x: OperandFormula, op: CompareOp, value: Literal): string {
    switch (value.type) {
      case 'text':
        return `${x.text}=${stringLiteral(normalText(value.value))}`;
      case 'boolean':
        return `${x.text}="${value.value ? 'true' : 'false'}"`;
      case 'number':
        return `${x.number}${op}${numberLiteral(value.value)}`;
      case 'date':
        return `${x.day}${op}DATE(${value.year},${value.month},${value.day})`;
    }
  }

  private shift(period: Period, direction: 1 | -1): string {
    const sign = direction < 0 ? '-' : '+';
    switch (period.unit) {
      case 'day':
        return `(TODAY()${sign}${period.amount})`;
      case 'week':
        return `(TODAY()${sign}${7 * period.amount})`;
      case 'month':
        return `EDATE(TODAY(),${direction * period.amount})`;
      case 'year':
        return `EDATE(TODAY(),${direction * 12 * period.amount})`;
    }
  }

  private operand(operand: Operand): OperandFormula {
    if (operand.kind === 'field') {
      const letter = this.columns.get(nameKey(operand.name));
      if (!letter) throw new Error(`The layout has no column for the field "${operand.name}"`);
      const x = this.column(letter);
      return { text: fragment.text(x), number: fragment.number(x), day: fragment.day(x), empty: fragment.empty(x) };
    }
    if (operand.kind === 'company') {
      const companies = this.layout.companies;
      if (!companies) throw new Error(`The rule uses "${operand.name}" but the layout has no Companies columns`);
      const x = companyCellFormula(operand.field, companies, (letter) => this.column(columnLetter(letter)), sheetRef);
      return { text: fragment.text(x), number: fragment.number(x), day: fragment.day(x), empty: fragment.empty(x) };
    }
    const m = this.measure(operand);
    // Measures are numbers (or #N/A for a missing last purchase), so the text readers are not needed.
    if (operand.measure === 'lastPurchase' || operand.measure === 'lastDeal')
      return { text: fragment.text(m), number: m, day: m, empty: `NOT(ISNUMBER(${m}))` };
    return { text: fragment.text(m), number: m, day: `INT(${m})`, empty: fragment.empty(m) };
  }

  /**
   * A deal measure as a column aligned with the client rows: the client's own deals (Client ID)
   * plus its company's (Company ID) minus those counted twice (both), each by one SUMIF or
   * COUNTIF over a key of the cells joined with "|" (deal-measures.ts has the same reading).
   * Signed or open is one more letter on the deal's key.
   */
  private dealMeasure(measure: DealMeasure): string {
    const d = this.layout.deals;
    if (!d) throw new Error('The rule uses a deal measure but the layout has no Deals columns');
    const sheet = sheetRef(d.sheet);
    const end = d.lastRow === undefined ? '' : String(d.lastRow);
    const range = (letter: string) => `${sheet}!${columnLetter(letter)}${d.firstDataRow}:${columnLetter(letter)}${end}`;
    if (measure === 'lastDeal') return this.lastDeal(range);
    const status = fragment.text(range(d.status));
    const flag =
      measure === 'dealsSigned'
        ? `IF(REGEXMATCH(${status},${stringLiteral(wordsPattern(signedStatusWords()))}),"s","")`
        : measure === 'openDeals'
          ? `IF(REGEXMATCH(${status},${stringLiteral(wordsPattern([...signedStatusWords(), ...lostStatusWords()]))}),"","s")`
          : '""';
    const want = measure === 'dealsSigned' || measure === 'openDeals' ? '"|s"' : '"|"';
    const amount = `IFERROR(${fragment.number(range(d.amount))},0)`;
    const summed = measure === 'dealsTotal' || measure === 'dealsSigned';
    const pick = (dealKey: string, clientKey: string) =>
      summed ? `SUMIF(${dealKey}&"|"&${flag},${clientKey}&${want},${amount})` : `COUNTIF(${dealKey}&"|"&${flag},${clientKey}&${want})`;
    const mine = pick(range(d.clientId), this.idRange());
    const companyLetter = this.columns.get('company id');
    if (!d.companyId || !companyLetter) return `(${mine})`;
    const company = this.column(companyLetter);
    const theirs = pick(range(d.companyId), company);
    const both = pick(`${range(d.clientId)}&"|"&${range(d.companyId)}`, `${this.idRange()}&"|"&${company}`);
    return `(${mine}+IF(LEN(${company}&"")=0,0,${theirs}-${both}))`;
  }

  /**
   * Last deal date: the latest dated deal of the client (Client ID) and of its company (Company ID), as
   * Last purchase finds the latest purchase (the first of the deals sorted newest first, one VLOOKUP
   * each), the later of the two taken cell by cell (MAX would fold the whole column), #N/A for none.
   */
  private lastDeal(range: (letter: string) => string): string {
    const d = this.layout.deals!;
    if (!d.date) throw new Error('The rule uses Last deal date but the layout has no Deals Date column');
    const day = fragment.day(range(d.date));
    const latest = (dealKey: string, key: string) => `VLOOKUP(${key}&"|",SORT(FILTER({${dealKey}&"|",${day}},ISNUMBER(${day})),2,FALSE),2,FALSE)`;
    const none = '-1E+9';
    const own = `IFERROR(${latest(range(d.clientId), this.idRange())},${none})`;
    const companyLetter = this.columns.get('company id');
    if (!d.companyId || !companyLetter) return `IF(${own}=${none},NA(),${own})`;
    const company = this.column(companyLetter);
    const theirs = `IF(LEN(${company}&"")=0,${none},IFERROR(${latest(range(d.companyId), company)},${none}))`;
    const later = `IF(${own}>${theirs},${own},${theirs})`;
    return `IF(${later}=${none},NA(),${later})`;
  }

  /** README.md, "Measures": the per-client measure as a column aligned with the client rows. */
  private measure(operand: Extract<Operand, { kind: 'measure' }>): string {
    const measure = operand.measure;
    if (isDealMeasure(measure)) return this.dealMeasure(measure);
    const p = this.layout.purchases;
    if (!p) throw new Error(`The rule uses "${operand.name}" but the layout has no Purchases columns`);
    const sheet = sheetRef(p.sheet);
    const end = p.lastRow === undefined ? '' : String(p.lastRow);
    const range = (letter: string) => `${sheet}!${columnLetter(letter)}${p.firstDataRow}:${columnLetter(letter)}${end}`;
    const clientKey = `${this.idRange()}&"|"`;
    const purchaseKey = `${range(p.clientId)}&"|"`;
    const amount = `IFERROR(${fragment.number(range(p.amount))},0)`;
    const day = fragment.day(range(p.date));
    switch (operand.measure) {
      case 'purchases':
        return `COUNTIF(${purchaseKey},${clientKey})`;
      case 'spent':
        return `SUMIF(${purchaseKey},${clientKey},${amount})`;
      case 'spentWithin':
        return `SUMIF(${purchaseKey}&IFERROR(${between(day, `(TODAY()-${operand.days})`, 'TODAY()')},FALSE),${clientKey}&"TRUE",${amount})`;
      default:
        return `VLOOKUP(${clientKey},SORT(FILTER({${purchaseKey},${day}},ISNUMBER(${day})),2,FALSE),2,FALSE)`;
    }
  }

  private column(letter: string): string {
    return `${this.clients}!${letter}${this.layout.firstDataRow}:${letter}${this.rowEnd}`;
  }
}

/** ^(a|b|…)$ over lower-case status words (letters and spaces only: nothing to escape, checked). */
function wordsPattern(words: readonly string[]): string {
  for (const w of words) if (!/^[\p{L} ]+$/u.test(w)) throw new Error(`A status word needs escaping: ${w}`);
  return `^(${words.join('|')})$`;
}

/** from ≤ day ≤ to, with `day` written once: |2·day − from − to| ≤ to − from (exact on whole days). */
function between(day: string, from: string, to: string): string {
  return `ABS(2*${day}-${from}-${to})<=${to}-${from}`;
}

function normalText(text: string): string {
  return trimSpaces(text).toLowerCase();
}

/** "…" with quotes doubled; line breaks and tabs as CHAR() so the formula stays on one line. */
export function stringLiteral(text: string): string {
  const parts = text.split(/([\r\n\t])/);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '\n' || part === '\r' || part === '\t') out.push(`CHAR(${part.charCodeAt(0)})`);
    else if (part !== '' || parts.length === 1) out.push(`"${part.replace(/"/g, '""')}"`);
  }
  return out.length === 1 ? out[0] : `(${out.join('&')})`;
}

function numberLiteral(n: number): string {
  const text = String(n).replace('e', 'E');
  return n < 0 ? `(${text})` : text;
}

const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

function columnLetter(letter: string): string {
  const upper = String(letter).trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(upper)) throw new Error(`"${letter}" is not a column letter`);
  return upper;
}

function columnNumber(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Clients or 'Client base' or 'It''s': quoted unless a plain name that cannot be read as a cell. */
function sheetRef(name: string): string {
  if (typeof name !== 'string' || name === '') throw new Error('The layout needs a sheet name');
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^(TRUE|FALSE)$/i.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** 1 → A, 27 → AA. */
function letterOf(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}
