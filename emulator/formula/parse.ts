/**
 * Formula text → tree, for the subset the add-on writes (see
 * src/core/rules/README.md): numbers, "strings", TRUE/FALSE, A1 ranges with an
 * optional (quoted) sheet name, {array; literals}, function calls and the
 * operators ^ * / + - & = <> < <= > >= and unary -, +, %. Sheets' precedence:
 * comparison < & < + - < * / < ^ < unary minus < %.
 */

export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'range'; a1: string }
  | { kind: 'call'; name: string; args: FormulaNode[] }
  | { kind: 'binary'; op: string; left: FormulaNode; right: FormulaNode }
  | { kind: 'negate'; operand: FormulaNode }
  | { kind: 'percent'; operand: FormulaNode }
  | { kind: 'array'; rows: FormulaNode[][] };

export class FormulaSyntaxError extends Error {}

interface Tok {
  type: 'number' | 'string' | 'range' | 'name' | 'op' | 'end';
  text: string;
  at: number;
}

const MAX_DEPTH = 200;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?[0-9]*`;
const RANGE_AFTER_SHEET = new RegExp(`^${CELL}(?::${CELL})?`);
const BARE_RANGE = new RegExp(`^\\$?[A-Za-z]{1,3}\\$?[0-9]+(?::${CELL})?|^\\$?[A-Za-z]{1,3}:\\$?[A-Za-z]{1,3}(?![A-Za-z0-9_(])`);
const OPERATORS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '(', ')', ',', ';', '{', '}', '%'];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i, i + 400);
    if (ch === '"') {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError(`unterminated string at ${i}`);
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += src[j++];
      }
      out.push({ type: 'string', text: value, at: i });
      i = j + 1;
      continue;
    }
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (number && !/^[0-9]+:/.test(rest)) {
      out.push({ type: 'number', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError(`unterminated sheet name at ${i}`);
        if (src[j] === "'") {
          if (src[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += src[j++];
      }
      if (src[j + 1] !== '!') throw new FormulaSyntaxError(`expected ! after the sheet name at ${j + 1}`);
      const range = RANGE_AFTER_SHEET.exec(src.slice(j + 2, j + 402));
      if (!range) throw new FormulaSyntaxError(`expected a range after ${src.slice(i, j + 2)}`);
      out.push({ type: 'range', text: src.slice(i, j + 2) + range[0], at: i });
      i = j + 2 + range[0].length;
      continue;
    }
    const sheet = /^([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!/.exec(rest);
    if (sheet) {
      const range = RANGE_AFTER_SHEET.exec(rest.slice(sheet[0].length));
      if (!range || range[0] === '') throw new FormulaSyntaxError(`expected a range after ${sheet[0]}`);
      out.push({ type: 'range', text: sheet[0] + range[0], at: i });
      i += sheet[0].length + range[0].length;
      continue;
    }
    const bare = BARE_RANGE.exec(rest);
    if (bare && !/^[A-Za-z_]/.test(rest.slice(bare[0].length)) && rest[bare[0].length] !== '(') {
      out.push({ type: 'range', text: bare[0], at: i });
      i += bare[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (name) {
      out.push({ type: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new FormulaSyntaxError(`unexpected "${ch}" at ${i}`);
    out.push({ type: 'op', text: op, at: i });
    i += op.length;
  }
  out.push({ type: 'end', text: '', at: src.length });
  return out;
}

export function parseFormula(formula: string): FormulaNode {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  const tokens = tokenize(src);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos];
  const isOp = (text: string) => peek().type === 'op' && peek().text === text;
  const expect = (text: string) => {
    if (!isOp(text)) throw new FormulaSyntaxError(`expected "${text}" at ${peek().at}`);
    pos++;
  };
  const nest = <T>(f: () => T): T => {
    if (++depth > MAX_DEPTH) throw new FormulaSyntaxError('formula nested too deeply');
    try {
      return f();
    } finally {
      depth--;
    }
  };

  const binaryLevel = (ops: string[], next: () => FormulaNode) => (): FormulaNode => {
    let left = next();
    while (peek().type === 'op' && ops.includes(peek().text)) {
      const op = tokens[pos++].text;
      left = { kind: 'binary', op, left, right: next() };
    }
    return left;
  };

  const primary = (): FormulaNode =>
    nest(() => {
      const t = tokens[pos++];
      switch (t.type) {
        case 'number':
          return { kind: 'number', value: Number(t.text) };
        case 'string':
          return { kind: 'string', value: t.text };
        case 'range':
          return { kind: 'range', a1: t.text };
        case 'name': {
          if (isOp('(')) {
            pos++;
            const args: FormulaNode[] = [];
            if (!isOp(')')) {
              for (;;) {
                args.push(isOp(',') || isOp(')') ? { kind: 'string', value: '' } : comparison());
                if (isOp(',')) {
                  pos++;
                  continue;
                }
                break;
              }
            }
            expect(')');
            return { kind: 'call', name: t.text.toUpperCase(), args };
          }
          const upper = t.text.toUpperCase();
          if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
          return { kind: 'call', name: `#NAME:${t.text}`, args: [] };
        }
        case 'op':
          if (t.text === '(') {
            const inner = comparison();
            expect(')');
            return inner;
          }
          if (t.text === '{') {
            const rows: FormulaNode[][] = [[]];
            for (;;) {
              rows[rows.length - 1].push(comparison());
              if (isOp(',')) {
                pos++;
              } else if (isOp(';')) {
                pos++;
                rows.push([]);
              } else {
                break;
              }
            }
            expect('}');
            return { kind: 'array', rows };
          }
          throw new FormulaSyntaxError(`unexpected "${t.text}" at ${t.at}`);
        default:
          throw new FormulaSyntaxError('unexpected end of formula');
      }
    });

  const postfix = (): FormulaNode => {
    let node = primary();
    while (isOp('%')) {
      pos++;
      node = { kind: 'percent', operand: node };
    }
    return node;
  };
  const unary = (): FormulaNode =>
    nest(() => {
      if (isOp('-')) {
        pos++;
        return { kind: 'negate', operand: unary() };
      }
      if (isOp('+')) {
        pos++;
        return unary();
      }
      return postfix();
    });
  const power = binaryLevel(['^'], unary);
  const multiplicative = binaryLevel(['*', '/'], power);
  const additive = binaryLevel(['+', '-'], multiplicative);
  const concat = binaryLevel(['&'], additive);
  const comparison: () => FormulaNode = binaryLevel(['=', '<>', '<', '<=', '>', '>='], concat);

  const tree = comparison();
  if (peek().type !== 'end') throw new FormulaSyntaxError(`unexpected "${peek().text}" at ${peek().at}`);
  return tree;
}
