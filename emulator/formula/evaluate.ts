/**
 * The emulator's formula engine: evaluates the subset of Sheets formulas the
 * add-on writes (segment tabs and counts) with Sheets' own semantics, written
 * independently of src/core/rules so the two can check each other.
 * Everything is evaluated as an array formula. Results are a grid of values;
 * errors come back as their codes ('#N/A', '#VALUE!', '#NAME?' for an
 * unsupported function, '#ERROR!' for a formula that does not parse).
 */
import type { FormulaContext } from './context';
import { FUNCTIONS } from './functions';
import { lift } from './grid';
import { parseFormula, type FormulaNode } from './parse';
import { dateToSerial } from '../spreadsheet/format';
import { isDateValue } from '../time';
import { BLANK, CellDate, compareValues, err, FormulaError, isError, toNumber, toText, type Grid, type Scalar } from './values';

export function evaluateFormula(formula: string, ctx: FormulaContext): unknown[][] {
  let tree: FormulaNode;
  try {
    tree = parseFormula(String(formula));
  } catch {
    return [['#ERROR!']];
  }
  let todaySerial: number | undefined;
  const callContext = {
    todaySerial: () => (todaySerial ??= Math.floor(dateToSerial(ctx.today(), ctx.timeZone))),
  };
  const serials = new Map<number, number>();
  const readCell = (v: unknown): Scalar => {
    if (v === '' || v === null || v === undefined) return BLANK;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    if (isDateValue(v)) {
      const ms = v.getTime();
      let serial = serials.get(ms);
      if (serial === undefined) serials.set(ms, (serial = dateToSerial(v, ctx.timeZone)));
      return new CellDate(serial, v);
    }
    return String(v);
  };

  const ranges = new Map<string, Grid>();
  const readRange = (a1: string): Grid => {
    let values: unknown[][];
    try {
      values = ctx.values(a1);
    } catch {
      return [[err('#REF!', `cannot read ${a1}`)]];
    }
    if (!Array.isArray(values) || values.length === 0) return [[BLANK]];
    return values.map((row) => (Array.isArray(row) && row.length ? row.map(readCell) : [BLANK]));
  };

  const evaluate = (node: FormulaNode): Grid => {
    switch (node.kind) {
      case 'number':
      case 'string':
      case 'boolean':
        return [[node.value]];
      case 'range': {
        // The add-on's formulas name the same column many times; read and convert it once per evaluation.
        const cached = ranges.get(node.a1);
        if (cached) return cached;
        const grid = readRange(node.a1);
        ranges.set(node.a1, grid);
        return grid;
      }
      case 'array': {
        const blocks = node.rows.map((row) => row.map(evaluate));
        const out: Grid = [];
        for (const row of blocks) {
          const height = row[0].length;
          if (row.some((g) => g.length !== height)) return [[err('#VALUE!', 'array literal rows have different sizes')]];
          for (let i = 0; i < height; i++) out.push(row.flatMap((g) => g[i]));
        }
        const w = out[0]?.length ?? 0;
        if (out.some((r) => r.length !== w)) return [[err('#VALUE!', 'array literal columns have different sizes')]];
        return out;
      }
      case 'negate':
        return lift([evaluate(node.operand)], (v) => arithmetic(v, (x) => -x));
      case 'percent':
        return lift([evaluate(node.operand)], (v) => arithmetic(v, (x) => x / 100));
      case 'binary':
        return lift([evaluate(node.left), evaluate(node.right)], (a, b) => binary(node.op, a, b));
      case 'call': {
        const fn = FUNCTIONS[node.name];
        if (!fn) return [[err('#NAME?', `Unknown function: ${node.name.replace(/^#NAME:/, '')}`)]];
        return fn(node.args.map(evaluate), callContext);
      }
    }
  };

  let result: Grid;
  try {
    result = evaluate(tree);
  } catch (e) {
    if (e instanceof RangeError) return [['#ERROR!']];
    throw e;
  }
  return result.map((row) => row.map(output));
}

function output(v: Scalar): unknown {
  if (v === null) return '';
  if (v instanceof FormulaError) return v.code;
  if (v instanceof CellDate) return new Date(v.original.getTime());
  return v;
}

function arithmetic(v: Scalar, f: (x: number) => number): Scalar {
  const n = toNumber(v);
  return n instanceof FormulaError ? n : f(n);
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  if (isError(a)) return a;
  if (isError(b)) return b;
  switch (op) {
    case '&': {
      const x = toText(a);
      const y = toText(b);
      if (x instanceof FormulaError) return x;
      if (y instanceof FormulaError) return y;
      return x + y;
    }
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const d = compareValues(a, b);
      if (d instanceof FormulaError) return d;
      return op === '=' ? d === 0 : op === '<>' ? d !== 0 : op === '<' ? d < 0 : op === '<=' ? d <= 0 : op === '>' ? d > 0 : d >= 0;
    }
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x instanceof FormulaError) return x;
  if (y instanceof FormulaError) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? err('#DIV/0!', 'division by zero') : x / y;
    case '^': {
      const p = x ** y;
      return Number.isFinite(p) ? p : err('#NUM!', 'power out of range');
    }
  }
  return err('#ERROR!', `unknown operator ${op}`);
}
