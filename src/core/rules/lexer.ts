/**
 * Splits a rule into tokens: "quoted text", ( ) , and comparison symbols, and
 * words (field-name words, keywords, numbers, dates). Iterative and linear, so
 * any input gives tokens or one error, never a stack overflow.
 */
import { ruleError, type RuleError } from './errors';

export type TokenType = 'string' | 'word' | 'number' | 'date' | 'symbol' | 'end';

export interface Token {
  type: TokenType;
  /** The token as written (for strings, with the quotes). */
  text: string;
  /** For strings: the text between the quotes with escapes resolved; otherwise `text`. */
  value: string;
  start: number;
  end: number;
}

const SYMBOLS = ['==', '!=', '<>', '<=', '>=', '=', '<', '>', '(', ')', ','];
const WORD_STOP = /[\s()",=!<>]/;
const NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const SMART_QUOTES = /[\u201C\u201D\u201E\u00AB\u00BB]/;

export function tokenize(rule: string): { ok: true; tokens: Token[] } | { ok: false; error: RuleError } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const ch = rule[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      const read = readString(rule, i);
      if (!read.ok) return read;
      tokens.push(read.token);
      i = read.token.end;
      continue;
    }
    const symbol = SYMBOLS.find((s) => rule.startsWith(s, i));
    if (symbol) {
      tokens.push({ type: 'symbol', text: symbol, value: symbol, start: i, end: i + symbol.length });
      i += symbol.length;
      continue;
    }
    if (ch === '!') return { ok: false, error: ruleError(`Unexpected "!" at ${i + 1}: write != for "is not equal"`, i) };
    let end = i;
    while (end < rule.length && !WORD_STOP.test(rule[end])) end++;
    const text = rule.slice(i, end);
    if (SMART_QUOTES.test(text)) {
      const at = i + text.search(SMART_QUOTES);
      return { ok: false, error: ruleError(`Unexpected quote "${rule[at]}" at ${at + 1}: put text in straight double quotes "…"`, at) };
    }
    const type: TokenType = DATE.test(text) ? 'date' : NUMBER.test(text) ? 'number' : 'word';
    tokens.push({ type, text, value: text, start: i, end });
    i = end;
  }
  tokens.push({ type: 'end', text: '', value: '', start: rule.length, end: rule.length });
  return { ok: true, tokens };
}

/** "text" with \" or "" for a quote and \\ for a backslash; any other character, line breaks included, is itself. */
function readString(rule: string, start: number): { ok: true; token: Token } | { ok: false; error: RuleError } {
  let value = '';
  let i = start + 1;
  while (i < rule.length) {
    const ch = rule[i];
    if (ch === '\\' && (rule[i + 1] === '"' || rule[i + 1] === '\\')) {
      value += rule[i + 1];
      i += 2;
    } else if (ch === '"') {
      if (rule[i + 1] === '"') {
        value += '"';
        i += 2;
      } else {
        return { ok: true, token: { type: 'string', text: rule.slice(start, i + 1), value, start, end: i + 1 } };
      }
    } else {
      value += ch;
      i++;
    }
  }
  return { ok: false, error: ruleError(`Unterminated text starting at ${start + 1}: add the closing "`, start, rule.length - start) };
}
