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
import { parseA1 } from '../spreadsheet/a1';
import { dateToSerial } from '../spreadsheet/format';
import { isDateValue } from '../time';
import { BLANK, CellDate, compareValues, err, FormulaError, isError, toNumber, toText, type Grid, type Scalar } from './values';

/**
 * What a subtree is, for reusing its result: equal subtrees have equal keys.
 * `sheets` names the sheets its ranges read, null if one reads the formula's
 * own sheet (whose cells change while its formulas settle, so such a result is
 * kept for one evaluation only); `shared` says the subtree occurs more than
 * once among the formulas parsed so far (or is a whole formula), so keeping its
 * result across formulas can pay.
 */
interface NodeInfo {
  key: string;
  sheets: string[] | null;
  today: boolean;
  reads: boolean;
  root: boolean;
}

const MAX_TREES = 2000;
const trees = new Map<string, FormulaNode | null>();
const infos = new WeakMap<FormulaNode, NodeInfo>();
const occurrences = new Map<string, number>();

/** Parsed once per formula text: the add-on's formulas are evaluated again after every change they read. */
function treeOf(formula: string): FormulaNode | null {
  let tree = trees.get(formula);
  if (tree !== undefined) return tree;
  try {
    tree = parseFormula(formula);
  } catch {
    tree = null;
  }
  if (trees.size >= MAX_TREES) {
    trees.clear();
    occurrences.clear();
  }
  trees.set(formula, tree);
  if (tree) describe(tree).root = true;
  return tree;
}

function describe(node: FormulaNode): NodeInfo {
  const known = infos.get(node);
  if (known) return known;
  let key: string;
  let sheets: string[] | null = [];
  let today = false;
  const join = (children: FormulaNode[]): string[] =>
    children.map((child) => {
      const info = describe(child);
      if (info.sheets === null || sheets === null) sheets = null;
      else for (const name of info.sheets) if (!sheets.includes(name)) sheets.push(name);
      today ||= info.today;
      return info.key;
    });
  switch (node.kind) {
    case 'number':
      key = `n${node.value}`;
      break;
    case 'string':
      key = JSON.stringify(node.value);
      break;
    case 'boolean':
      key = node.value ? 'T' : 'F';
      break;
    case 'range': {
      key = `[${node.a1}]`;
      let name: string | undefined;
      try {
        name = parseA1(node.a1).sheet;
      } catch {
        name = undefined;
      }
      sheets = name === undefined ? null : [name];
      break;
    }
    case 'call':
      key = `${node.name}(${join(node.args).join(',')})`;
      today = today || node.name === 'TODAY';
      break;
    case 'binary':
      key = `(${join([node.left, node.right]).join(node.op)})`;
      break;
    case 'negate':
      key = `-(${join([node.operand])[0]})`;
      break;
    case 'percent':
      key = `(${join([node.operand])[0]})%`;
      break;
    case 'array':
      key = `{${node.rows.map((row) => join(row).join(',')).join(';')}}`;
      break;
  }
  const reads = sheets === null || sheets.length > 0;
  const info: NodeInfo = { key, sheets, today, reads, root: false };
  infos.set(node, info);
  if (reads) occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
  return info;
}

export function evaluateFormula(formula: string, ctx: FormulaContext): unknown[][] {
  const tree = treeOf(String(formula));
  if (!tree) return [['#ERROR!']];
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

  // Within one formula equal subtrees have equal values (its range reads are read once), so each is computed once;
  // one reading only other sheets may also be reused from an earlier formula, if the context keeps results.
  const local = new Map<string, Grid>();
  const evaluate = (node: FormulaNode): Grid => {
    const info = describe(node);
    if (!info.reads) return compute(node);
    let grid = local.get(info.key);
    if (grid) return grid;
    const share = ctx.shared && info.sheets !== null && (info.root || (occurrences.get(info.key) ?? 0) > 1) ? ctx.shared : undefined;
    grid = share?.get(info.key, info.sheets as string[], info.today) as Grid | undefined;
    if (!grid) {
      grid = compute(node);
      share?.set(info.key, info.sheets as string[], info.today, grid);
    }
    local.set(info.key, grid);
    return grid;
  };

  const compute = (node: FormulaNode): Grid => {
    switch (node.kind) {
      case 'number':
      case 'string':
      case 'boolean':
        return [[node.value]];
      case 'range':
        return readRange(node.a1);
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
