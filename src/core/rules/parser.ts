/**
 * Rule text → RuleAst. Recursive descent over the tokens with a hard bound on
 * nesting, on length and on the number of conditions, so hostile rules get an
 * error that points at the problem instead of a stack overflow.
 *
 * Grammar (README.md in this folder has the user-facing version):
 *   rule      := or
 *   or        := and ("or" and)*
 *   and       := unary ("and" unary)*
 *   unary     := "not" unary | "(" or ")" | condition
 *   condition := operand test
 *   test      := ("=" | "!=" | "<" | "<=" | ">" | ">=") value
 *              | ["not"] "contains" value | ["not"] "starts" "with" value | ["not"] "in" "(" value ("," value)* ")"
 *              | "is" ["not"] "empty"
 *              | "within" ["last" | "the last" | "next"] period | "less" "than" period "ago" | "more" "than" period "ago"
 *              | "before" date | "after" date
 */
import type { CompareOp, Literal, Operand, Period, RuleAst } from './ast';
import { closest } from '../validate/edit-distance';
import { ruleError, type RuleError } from './errors';
import { tokenize, type Token } from './lexer';
import { serialOfDate } from './cell';
import { booleanOf, isEnglishWord, keywordOf, measureOf, MORE_FILLERS, periodUnitOf, spentWindowOf } from './keywords';
import { fieldKeyOfHeader, headerAliases } from '../schema/header-aliases';
import { expandPlaces, isPlaceKey } from './places';
import { headerKey } from '../schema/header-map';
import { companyFieldSpellings, resolveCompanyField, splitCompanyName } from './company-operand';
import type { FieldDef } from '../schema/field';
import { labelAliases, normalizeWord, optionWordsOf } from '../schema/field-words';

export const RULE_LIMITS = {
  /** Characters in a rule. */
  length: 10_000,
  /** Parentheses and `not` nested in one another. */
  depth: 64,
  /** Conditions in a rule (each value of an `in` list counts). */
  conditions: 300,
  /** Words in an unquoted field name. */
  fieldWords: 12,
  /** Days in `Spent Nd` and in a period. */
  periodAmount: 100_000,
} as const;

export const MEASURE_NAMES = [
  'Last purchase',
  'Purchases',
  'Spent',
  'Spent 30d',
  'Spent 90d',
  'Spent 365d',
  'Deals total',
  'Deals signed total',
  'Deals',
  'Open deals',
  'Last deal date',
] as const;
const DEAL_MEASURE_NAMES = {
  dealsTotal: 'Deals total',
  dealsSigned: 'Deals signed total',
  deals: 'Deals',
  openDeals: 'Open deals',
  lastDeal: 'Last deal date',
} as const;

export type ParseResult = { ok: true; rule: RuleAst } | { ok: false; error: RuleError };

export interface RuleOptions {
  /**
   * The Companies header, for `Company.<field>` (company-operand.ts): a list, or a function asked
   * once, only when the rule names a company field (so a rule without one costs no read of the tab);
   * null when the base has no Companies tab; 'any' where it is unknown (the sidebar's check as you
   * type: any field is accepted and the server checks it).
   */
  companyFields?: readonly string[] | (() => readonly string[] | null) | 'any' | null;
  /** The base's fields, for the team's own words: labels and option words per language (field-words.ts). */
  fields?: readonly FieldDef[];
}

const normalizeName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const KEYWORDS_AFTER_OPERAND = new Set(['contains', 'starts', 'in', 'is', 'within', 'more', 'less', 'before', 'after', 'not', 'and', 'or']);
const OPERATOR_HINT =
  '=, !=, <, <=, >, >=, contains, starts with, in (…), is empty, is not empty, within last N days, more than N days ago, before YYYY-MM-DD, after YYYY-MM-DD';

class Failure {
  constructor(readonly error: RuleError) {}
}

/**
 * `options.fields`, when given, adds the team's words (Fields' Label ru, Options uk…): a label names its field, and an
 * option word compared with a choice or tags field is read as the option the sheet holds (`Стадия = "Горячий"` is Stage = "Hot").
 */
export function parseRule(text: string, fieldNames: string[], options: RuleOptions = {}): ParseResult {
  const fields = options.fields ?? [];
  if (typeof text !== 'string') return { ok: false, error: ruleError('The rule must be text', 0) };
  if (text.length > RULE_LIMITS.length) {
    return {
      ok: false,
      error: ruleError(
        `The rule is too long: ${text.length} characters, the limit is ${RULE_LIMITS.length}`,
        RULE_LIMITS.length,
        text.length - RULE_LIMITS.length,
      ),
    };
  }
  if (text.trim() === '') return { ok: false, error: ruleError('The rule is empty: write a condition such as Stage = "Hot"', 0) };
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  for (const token of lexed.tokens) if (token.type === 'word') token.value = keywordOf(token.text);
  try {
    const parser = new Parser(
      text,
      lexed.tokens,
      fieldNames.filter((n) => typeof n === 'string' && n.trim() !== ''),
      options.companyFields,
      labelAliases(fields),
    );
    const rule = optionsAsStored(parser.parseRule(), optionWordsOf(fields));
    return { ok: true, rule: expandPlaces(rule, (name) => isPlaceKey(fieldKeyOfHeader(name))) };
  } catch (err) {
    if (err instanceof Failure) return { ok: false, error: err.error };
    throw err;
  }
}

/** Text literals compared with a field that has option words, turned into the options the cells hold. */
function optionsAsStored(rule: RuleAst, words: ReadonlyMap<string, ReadonlyMap<string, string>>): RuleAst {
  if (words.size === 0) return rule;
  const stored = (operand: Operand, value: Literal): Literal => {
    const byWord = operand.kind === 'field' ? words.get(operand.name) : undefined;
    const option = byWord && value.type === 'text' ? byWord.get(normalizeWord(value.value)) : undefined;
    return option === undefined ? value : { type: 'text', value: option };
  };
  const walk = (node: RuleAst): RuleAst => {
    switch (node.kind) {
      case 'and':
      case 'or':
        return { ...node, items: node.items.map(walk) };
      case 'not':
        return { ...node, item: walk(node.item) };
      case 'compare':
        return { ...node, value: stored(node.operand, node.value) };
      case 'in':
        return { ...node, values: node.values.map((v) => stored(node.operand, v)) };
      case 'contains': {
        const value = stored(node.operand, { type: 'text', value: node.value });
        return { ...node, value: value.type === 'text' ? value.value : node.value };
      }
      default:
        return node;
    }
  };
  return walk(rule);
}

class Parser {
  private index = 0;
  private depth = 0;
  private conditions = 0;
  private readonly fields = new Map<string, string>();
  /** A column's name in the other languages ("Город" for City, "City" for an adopted "Город"), by headerKey. */
  private readonly aliases: ReadonlyMap<string, string>;
  private companyHeader: readonly string[] | null | 'any' | undefined;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
    private readonly fieldNames: string[],
    private readonly companySource: RuleOptions['companyFields'],
    private readonly labels: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const name of fieldNames) if (!this.fields.has(normalizeName(name))) this.fields.set(normalizeName(name), name);
    this.aliases = headerAliases(fieldNames);
  }

  parseRule(): RuleAst {
    const rule = this.parseOr();
    const next = this.peek();
    if (next.type !== 'end') {
      if (next.text === ')') this.fail(`Unmatched ")" at ${next.start + 1}`, next);
      this.fail(`Unexpected ${describe(next)} at ${next.start + 1}: join conditions with "and" or "or"`, next);
    }
    return rule;
  }

  // ---- boolean structure ------------------------------------------------------

  private parseOr(): RuleAst {
    const items = [this.parseAnd()];
    while (this.isWord(this.peek(), 'or')) {
      this.index++;
      items.push(this.parseAnd());
    }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  private parseAnd(): RuleAst {
    const items = [this.parseUnary()];
    while (this.isWord(this.peek(), 'and')) {
      this.index++;
      items.push(this.parseUnary());
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private parseUnary(): RuleAst {
    const token = this.peek();
    if (this.isWord(token, 'not') && !this.startsField()) {
      this.enter(token);
      this.index++;
      const item = this.parseUnary();
      this.depth--;
      return { kind: 'not', item };
    }
    if (token.text === '(' && token.type === 'symbol') {
      this.enter(token);
      this.index++;
      const inner = this.parseOr();
      const close = this.peek();
      if (close.text !== ')') {
        if (close.type === 'end') this.fail(`Missing ")" for the "(" at ${token.start + 1}`, token);
        this.fail(`Expected ")" or "and"/"or" at ${close.start + 1}, found ${describe(close)}`, close);
      }
      this.index++;
      this.depth--;
      return inner;
    }
    return this.parseCondition();
  }

  private enter(token: Token): void {
    this.depth++;
    if (this.depth > RULE_LIMITS.depth)
      this.fail(`Too deeply nested at ${token.start + 1}: more than ${RULE_LIMITS.depth} levels of parentheses or "not"`, token);
  }

  /** `not` starts a field name only when a field is really called so ("Not called"). */
  private startsField(): boolean {
    return this.matchOperand(this.index) !== null;
  }

  // ---- conditions -------------------------------------------------------------

  private parseCondition(): RuleAst {
    const operand = this.parseOperand();
    const token = this.peek();
    const word = token.type === 'word' ? token.value.toLowerCase() : '';
    if (token.type === 'symbol' && ['=', '==', '!=', '<>', '<', '<=', '>', '>='].includes(token.text)) {
      this.index++;
      const value = this.parseValue(token);
      if (token.text === '!=' || token.text === '<>') return { kind: 'not', item: this.compare(operand, '=', value) };
      const op = (token.text === '==' ? '=' : token.text) as CompareOp;
      if (op !== '=' && (value.type === 'text' || value.type === 'boolean')) {
        this.fail(`"${token.text}" needs a number or a date (YYYY-MM-DD) at ${token.start + 1}; compare text with =, !=, contains, starts with or in`, token);
      }
      return this.compare(operand, op, value);
    }
    if (word === 'empty' || word === 'filled') {
      this.index++;
      const test: RuleAst = this.count(token, { kind: 'empty', operand });
      return word === 'filled' ? { kind: 'not', item: test } : test;
    }
    if (word === 'not') {
      this.index++;
      this.acceptWord('is'); // Romanian: "nu este gol"
      const next = this.peek();
      const nextWord = next.type === 'word' ? next.value : '';
      if (nextWord === 'empty' || nextWord === 'filled') {
        this.index++;
        const test: RuleAst = this.count(next, { kind: 'empty', operand });
        return nextWord === 'empty' ? { kind: 'not', item: test } : test;
      }
      if (!['contains', 'starts', 'in'].includes(nextWord)) this.fail(`Expected contains, starts with or in after "not" at ${next.start + 1}`, next);
      return { kind: 'not', item: this.parseTextTest(operand) };
    }
    if (word === 'in' && ['last', 'next', 'the'].includes(this.tokens[this.index + 1]?.value ?? '')) return this.parseWithin(operand, token);
    if (word === 'contains' || word === 'starts' || word === 'in') return this.parseTextTest(operand);
    if (word === 'is') {
      this.index++;
      const negated = this.acceptWord('not');
      const empty = this.peek();
      if (!this.isWord(empty, 'empty')) this.fail(`Expected "empty" at ${empty.start + 1}: write "is empty" or "is not empty"`, empty);
      this.index++;
      const test: RuleAst = this.count(empty, { kind: 'empty', operand });
      return negated ? { kind: 'not', item: test } : test;
    }
    if (word === 'within') return this.parseWithin(operand, token);
    if (word === 'more' || word === 'less') {
      this.index++;
      // English keeps "more than N days ago"; the other languages say it their way: "более 90 дней назад", "mai vechi de 90 de zile".
      const english = isEnglishWord(token.text);
      while (this.peek().type === 'word' && MORE_FILLERS.has(this.peek().value)) this.index++;
      if (english) this.expectWord('than');
      else this.acceptWord('than');
      const period = this.parsePeriod();
      if (english) this.expectWord('ago');
      else this.acceptWord('ago');
      return this.count(token, word === 'more' ? { kind: 'moreThanAgo', operand, period } : { kind: 'withinLast', operand, period });
    }
    if (word === 'before' || word === 'after') {
      this.index++;
      this.acceptWord('than'); // Romanian: "înainte de 2025-01-01"
      const value = this.parseValue(token);
      const date = value.type === 'date' ? value : value.type === 'text' ? this.dateFromText(value.value) : null;
      if (!date) this.fail(`"${word}" needs a date written YYYY-MM-DD at ${this.tokens[this.index - 1].start + 1}`, this.tokens[this.index - 1]);
      return this.compare(operand, word === 'before' ? '<' : '>', date);
    }
    this.fail(`Expected an operator after ${operandLabel(operand)} at ${token.start + 1}, found ${describe(token)} (one of ${OPERATOR_HINT})`, token);
  }

  /** within [the] last N days, within next N days; also "в течение последних", "în ultimele", "за последние". */
  private parseWithin(operand: Operand, token: Token): RuleAst {
    this.index++;
    if (this.acceptWord('next')) return this.count(token, { kind: 'withinNext', operand, period: this.parsePeriod() });
    if (this.acceptWord('the')) this.expectWord('last');
    else this.acceptWord('last');
    return this.count(token, { kind: 'withinLast', operand, period: this.parsePeriod() });
  }

  private parseTextTest(operand: Operand): RuleAst {
    const token = this.peek();
    const word = token.value.toLowerCase();
    this.index++;
    if (word === 'starts') this.expectWord('with');
    if (word === 'contains' || word === 'starts') {
      const value = this.parseValue(token);
      const text = value.type === 'text' ? value.value : this.tokens[this.index - 1].text;
      return this.count(token, word === 'contains' ? { kind: 'contains', operand, value: text } : { kind: 'startsWith', operand, value: text });
    }
    const open = this.peek();
    if (open.text !== '(') this.fail(`Expected "(" after "in" at ${open.start + 1}: write in ("a", "b")`, open);
    this.index++;
    const values: Literal[] = [];
    for (;;) {
      values.push(this.parseValue(open));
      this.count(this.tokens[this.index - 1], null);
      const next = this.peek();
      if (next.text === ',') {
        this.index++;
        continue;
      }
      if (next.text === ')') {
        this.index++;
        break;
      }
      this.fail(`Expected "," or ")" in the list at ${next.start + 1}, found ${describe(next)}`, next);
    }
    return { kind: 'in', operand, values };
  }

  private compare(operand: Operand, op: CompareOp, value: Literal): RuleAst {
    return this.count(this.tokens[this.index - 1], { kind: 'compare', operand, op, value });
  }

  private count<T>(token: Token, node: T): T {
    this.conditions++;
    if (this.conditions > RULE_LIMITS.conditions) this.fail(`Too many conditions at ${token.start + 1}: the limit is ${RULE_LIMITS.conditions}`, token);
    return node;
  }

  // ---- operands -----------------------------------------------------------------

  private parseOperand(): Operand {
    const token = this.peek();
    const match = this.matchOperand(this.index);
    if (match) {
      this.index += match.tokens;
      return match.operand;
    }
    if (token.type === 'string') this.unknownField(token.value, token.start, token.end - token.start);
    if (token.type === 'word' || token.type === 'number' || token.type === 'date') {
      let last = this.index;
      while (
        last + 1 < this.tokens.length &&
        isNameToken(this.tokens[last + 1]) &&
        !KEYWORDS_AFTER_OPERAND.has(this.tokens[last + 1].value.toLowerCase()) &&
        last + 1 - this.index < RULE_LIMITS.fieldWords
      )
        last++;
      const start = token.start;
      const end = this.tokens[last].end;
      this.unknownField(this.source.slice(start, end), start, end - start);
    }
    if (token.type === 'end') this.fail(`Expected a condition at ${token.start + 1}, found the end of the rule`, token);
    if (token.text === '=' && token.start === 0) {
      this.fail('A rule is not a formula: start with a field name, for example Stage = "Hot"', token);
    }
    this.fail(`Expected a field name at ${token.start + 1}, found ${describe(token)}`, token);
  }

  /** The longest run of tokens from `at` that names a field or a measure. */
  private matchOperand(at: number): { operand: Operand; tokens: number } | null {
    const first = this.tokens[at];
    if (first.type === 'string') {
      const operand = this.resolve(first.value);
      return operand ? { operand, tokens: 1 } : null;
    }
    if (!isNameToken(first)) return null;
    let last = at;
    while (last + 1 < this.tokens.length && isNameToken(this.tokens[last + 1]) && last + 1 - at < RULE_LIMITS.fieldWords) last++;
    for (let end = last; end >= at; end--) {
      const operand = this.resolve(this.source.slice(first.start, this.tokens[end].end));
      if (operand) return { operand, tokens: end - at + 1 };
    }
    return null;
  }

  /** A field of the sheet wins over a measure of the same name. */
  private resolve(name: string): Operand | null {
    const key = normalizeName(name);
    const field = this.fields.get(key);
    if (field !== undefined) return { kind: 'field', name: field };
    // The team's own label first (Fields' Label ru), then the built-in synonyms of the default fields.
    const label = this.labels.get(headerKey(name));
    if (label !== undefined && this.fields.has(normalizeName(label))) return { kind: 'field', name: this.fields.get(normalizeName(label))! };
    const alias = this.aliases.get(headerKey(name));
    if (alias !== undefined) return { kind: 'field', name: alias };
    const company = this.resolveCompany(name);
    if (company) return company;
    const measure = measureOf(key);
    if (measure === 'lastPurchase') return { kind: 'measure', measure: 'lastPurchase', name: 'Last purchase' };
    if (measure === 'purchases') return { kind: 'measure', measure: 'purchases', name: 'Purchases' };
    if (measure === 'spent') return { kind: 'measure', measure: 'spent', name: 'Spent' };
    if (measure !== undefined) return { kind: 'measure', measure, name: DEAL_MEASURE_NAMES[measure] };
    const days = spentWindowOf(key);
    if (days !== undefined && days >= 1 && days <= RULE_LIMITS.periodAmount) return { kind: 'measure', measure: 'spentWithin', days, name: `Spent ${days}d` };
    return null;
  }

  /** The Companies header, asked for once. */
  private companies(): readonly string[] | null | 'any' {
    if (this.companyHeader === undefined) {
      const source = this.companySource;
      const header = typeof source === 'function' ? source() : source;
      this.companyHeader = header === 'any' ? 'any' : header ? header.filter((h) => typeof h === 'string' && h.trim() !== '') : null;
    }
    return this.companyHeader;
  }

  private resolveCompany(name: string): Operand | null {
    const split = splitCompanyName(name);
    if (!split) return null;
    const header = this.companies();
    if (header === null) return null;
    const field = header === 'any' ? split.field : resolveCompanyField(split.field, header);
    return field === null ? null : { kind: 'company', field, name: `${split.prefix}.${field}` };
  }

  private unknownField(name: string, position: number, length: number): never {
    const split = splitCompanyName(name);
    if (split) this.unknownCompanyField(name, split, position, length);
    const candidates = [...this.fieldNames, ...MEASURE_NAMES];
    const key = normalizeName(name);
    const suggestion = key.length > 100 ? undefined : closest(key, candidates, normalizeName, Math.max(2, Math.floor(key.length / 3)));
    const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
    this.fail(`Unknown field "${shown}" at ${position + 1}${suggestion ? ` — did you mean "${suggestion}"?` : ''}`, {
      start: position,
      end: position + length,
    });
  }

  private unknownCompanyField(name: string, split: { prefix: string; field: string }, position: number, length: number): never {
    const at = { start: position, end: position + length };
    const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
    const header = this.companies();
    if (header === null || header === 'any' || header.length === 0)
      this.fail(`There is no Companies tab for "${shown}" at ${position + 1}: run ClientBase ▸ Link people to companies first`, at);
    const key = normalizeName(split.field);
    const suggestion = key.length > 100 ? undefined : closest(key, companyFieldSpellings(header), normalizeName, Math.max(2, Math.floor(key.length / 3)));
    this.fail(`Unknown company field "${shown}" at ${position + 1}${suggestion ? ` — did you mean "${split.prefix}.${suggestion}"?` : ''}`, at);
  }

  // ---- values -------------------------------------------------------------------

  private parseValue(after: Token): Literal {
    const token = this.peek();
    this.index++;
    switch (token.type) {
      case 'string':
        return { type: 'text', value: token.value };
      case 'number': {
        const value = Number(token.text);
        if (!Number.isFinite(value) || Math.abs(value) > 1e15) this.fail(`The number ${token.text.slice(0, 30)} at ${token.start + 1} is too large`, token);
        return { type: 'number', value };
      }
      case 'date': {
        const date = this.dateFromText(token.text);
        if (!date) this.fail(`"${token.text}" at ${token.start + 1} is not a date`, token);
        return date;
      }
      case 'word': {
        const boolean = booleanOf(token.text);
        if (boolean !== undefined) return { type: 'boolean', value: boolean };
        const shown = token.text.length > 40 ? `${token.text.slice(0, 40)}…` : token.text;
        return this.fail(`Put text values in double quotes at ${token.start + 1}: "${shown.replace(/^'|'$/g, '')}"`, token);
      }
      default:
        this.fail(`Expected a value after ${describe(after)} at ${token.start + 1}, found ${describe(token)}`, token);
    }
  }

  private dateFromText(text: string): Extract<Literal, { type: 'date' }> | null {
    const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text.trim());
    if (!m) return null;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (year < 1900 || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
    const serial = serialOfDate(year, month, day);
    return serial === null ? null : { type: 'date', year, month, day, serial };
  }

  private parsePeriod(): Period {
    const amountToken = this.peek();
    if (amountToken.type !== 'number' || !/^[0-9]+$/.test(amountToken.text)) {
      this.fail(`Expected a whole number of days, weeks, months or years at ${amountToken.start + 1}, found ${describe(amountToken)}`, amountToken);
    }
    const amount = Number(amountToken.text);
    if (amount > RULE_LIMITS.periodAmount) this.fail(`The period at ${amountToken.start + 1} is too long (at most ${RULE_LIMITS.periodAmount})`, amountToken);
    this.index++;
    this.acceptWord('than'); // Romanian puts "de" between the number and the unit: "30 de zile"
    const unitToken = this.peek();
    const unit = unitToken.type === 'word' ? periodUnitOf(unitToken.text) : undefined;
    if (!unit) this.fail(`Expected days, weeks, months or years at ${unitToken.start + 1}, found ${describe(unitToken)}`, unitToken);
    this.index++;
    return { amount, unit };
  }

  // ---- tokens -----------------------------------------------------------------

  private peek(): Token {
    return this.tokens[this.index];
  }

  private isWord(token: Token, word: string): boolean {
    return token.type === 'word' && token.value.toLowerCase() === word;
  }

  private acceptWord(word: string): boolean {
    if (!this.isWord(this.peek(), word)) return false;
    this.index++;
    return true;
  }

  private expectWord(word: string): void {
    const token = this.peek();
    if (!this.isWord(token, word)) this.fail(`Expected "${word}" at ${token.start + 1}, found ${describe(token)}`, token);
    this.index++;
  }

  private fail(message: string, at: { start: number; end: number }): never {
    throw new Failure(ruleError(message, at.start, at.end - at.start));
  }
}

function isNameToken(token: Token): boolean {
  return token.type === 'word' || token.type === 'number' || token.type === 'date';
}

function describe(token: Token): string {
  if (token.type === 'end') return 'the end of the rule';
  const text = token.text.length > 40 ? `${token.text.slice(0, 40)}…` : token.text;
  return token.type === 'string' ? text : `"${text}"`;
}

function operandLabel(operand: Operand): string {
  return `"${operand.name}"`;
}
