/**
 * The functions of the formula subset, with Sheets' semantics as documented
 * by Google. Element-wise functions broadcast over arrays (the add-on's
 * formulas run inside ARRAYFORMULA); FILTER, SORT, VLOOKUP, SUMIF, COUNTIF,
 * ROWS and the aggregates take whole arrays.
 */
import { cells, firstError, lift, width } from './grid';
import {
  BLANK,
  CellDate,
  compareValues,
  dateSerial,
  err,
  FormulaError,
  isError,
  isNumeric,
  numberOf,
  serialParts,
  toBoolean,
  toNumber,
  toText,
  type Grid,
  type Scalar,
} from './values';

export interface CallContext {
  todaySerial(): number;
}

type Fn = (args: Grid[], ctx: CallContext) => Grid;

const arity = (name: string, args: Grid[], min: number, max: number): FormulaError | null =>
  args.length < min || args.length > max ? err('#N/A', `Wrong number of arguments to ${name}`) : null;

/** An element-wise function whose arguments pass errors through unless `keepErrors`. */
function elementwise(name: string, min: number, max: number, f: (...v: Scalar[]) => Scalar, keepErrors = false): Fn {
  return (args) => {
    const bad = arity(name, args, min, max);
    if (bad) return [[bad]];
    return lift(args, (...values) => {
      if (!keepErrors) {
        const e = firstError(values);
        if (e !== undefined) return e;
      }
      return f(...values);
    });
  };
}

const num = (v: Scalar): number | FormulaError => toNumber(v);
const text = (v: Scalar): string | FormulaError => toText(v);

function withNumbers(values: Scalar[], f: (...n: number[]) => Scalar): Scalar {
  const ns: number[] = [];
  for (const v of values) {
    const n = num(v);
    if (n instanceof FormulaError) return n;
    ns.push(n);
  }
  return f(...ns);
}

function withTexts(values: Scalar[], f: (...t: string[]) => Scalar): Scalar {
  const ts: string[] = [];
  for (const v of values) {
    const t = text(v);
    if (t instanceof FormulaError) return t;
    ts.push(t);
  }
  return f(...ts);
}

const regexCache = new Map<string, RegExp | null>();
function regexOf(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      const flags = pattern.startsWith('(?i)') ? 'iu' : 'u';
      re = new RegExp(pattern.replace(/^\(\?i\)/, ''), flags);
    } catch {
      re = null;
    }
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re;
}

function sheetsTrim(t: string): string {
  return t.replace(/ +/g, ' ').replace(/^ /, '').replace(/ $/, '');
}

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** EDATE: the same day `months` later, or the month's last day when it is shorter. */
function edate(start: number, months: number): Scalar {
  const p = serialParts(start);
  const total = p.month - 1 + Math.trunc(months);
  const year = p.year + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const last = new Date(0);
  last.setUTCFullYear(year, month + 1, 0);
  const at = new Date(0);
  at.setUTCFullYear(year, month, Math.min(p.day, last.getUTCDate()));
  return Math.round((at.getTime() - EPOCH) / MS_PER_DAY);
}

// ---- criteria (SUMIF, COUNTIF) ---------------------------------------------------

type Matcher = (cell: Scalar) => boolean;

function wildcardRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '~' && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'iu');
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function criterion(c: Scalar): Matcher {
  if (isNumeric(c)) {
    const n = numberOf(c);
    return (cell) => isNumeric(cell) && numberOf(cell) === n;
  }
  if (typeof c === 'boolean') return (cell) => cell === c;
  if (c === null) return (cell) => cell === null || cell === '';
  if (c instanceof FormulaError) return () => false;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(c) as RegExpExecArray;
  const op = m[1] ?? '=';
  const operand = m[2];
  if (NUMERIC.test(operand.trim())) {
    const n = Number(operand.trim());
    const test = (x: number) => (op === '=' ? x === n : op === '<>' ? x !== n : op === '<' ? x < n : op === '<=' ? x <= n : op === '>' ? x > n : x >= n);
    return op === '<>' ? (cell) => !isNumeric(cell) || test(numberOf(cell)) : (cell) => isNumeric(cell) && test(numberOf(cell));
  }
  if (op === '=' || op === '<>') {
    if (operand === '') return op === '=' ? (cell) => cell === null || cell === '' : (cell) => !(cell === null || cell === '');
    const re = wildcardRegex(operand);
    const matches = (cell: Scalar) => typeof cell === 'string' && re.test(cell);
    return op === '=' ? matches : (cell) => !matches(cell);
  }
  return (cell) => {
    if (typeof cell !== 'string') return false;
    const d = compareValues(cell, operand) as number;
    return op === '<' ? d < 0 : op === '<=' ? d <= 0 : op === '>' ? d > 0 : d >= 0;
  };
}

/** A criterion that is plain text equality: answered from a hash of the range instead of a scan. */
const isPlainText = (c: Scalar): c is string => typeof c === 'string' && c !== '' && !/^[<>=]/.test(c) && !/[*?~]/.test(c) && !NUMERIC.test(c.trim());

function conditional(name: string, sum: boolean): Fn {
  return (args) => {
    const bad = arity(name, args, 2, sum ? 3 : 2);
    if (bad) return [[bad]];
    const range = args[0];
    const addends = sum ? (args[2] ?? args[0]) : null;
    const flat: { key: Scalar; add: Scalar }[] = [];
    for (let i = 0; i < range.length; i++) {
      for (let j = 0; j < width(range); j++) flat.push({ key: range[i][j], add: addends ? (addends[i]?.[j] ?? BLANK) : BLANK });
    }
    let hashed: Map<string, number> | null = null;
    const hash = (): Map<string, number> => {
      if (hashed) return hashed;
      hashed = new Map();
      for (const { key, add } of flat) {
        if (typeof key !== 'string') continue;
        const k = key.toLowerCase();
        const increment = sum ? (isNumeric(add) ? numberOf(add) : 0) : 1;
        hashed.set(k, (hashed.get(k) ?? 0) + increment);
      }
      return hashed;
    };
    return lift([args[1]], (c) => {
      if (isPlainText(c)) return hash().get(c.toLowerCase()) ?? 0;
      const match = criterion(c);
      let total = 0;
      for (const { key, add } of flat) {
        if (!match(key)) continue;
        if (!sum) total++;
        else if (isNumeric(add)) total += numberOf(add);
      }
      return total;
    });
  };
}

// ---- lookups and filters -------------------------------------------------------

function lookupKey(v: Scalar): string | null {
  if (typeof v === 'string') return `s:${v.toLowerCase()}`;
  if (isNumeric(v)) return `n:${numberOf(v)}`;
  if (typeof v === 'boolean') return `b:${v}`;
  return null;
}

const vlookup: Fn = (args) => {
  const bad = arity('VLOOKUP', args, 3, 4);
  if (bad) return [[bad]];
  const [keys, table, indexArg, sortedArg] = args;
  if (table.length === 1 && width(table) === 1 && isError(table[0][0])) return lift([keys], () => table[0][0]);
  const index = num(indexArg[0][0]);
  if (index instanceof FormulaError) return [[index]];
  if (index < 1 || index > width(table)) return [[err('#REF!', 'VLOOKUP index is outside the range')]];
  const sorted = sortedArg ? toBoolean(sortedArg[0][0]) : true;
  if (sorted instanceof FormulaError) return [[sorted]];
  let exact: Map<string, Scalar> | null = null;
  return lift([keys], (key) => {
    if (isError(key)) return key;
    if (!sorted) {
      if (!exact) {
        exact = new Map();
        for (const row of table) {
          const k = lookupKey(row[0]);
          if (k !== null && !exact.has(k)) exact.set(k, row[index - 1]);
        }
      }
      const k = lookupKey(key);
      const hit = k === null ? undefined : exact.get(k);
      return hit === undefined ? err('#N/A', 'VLOOKUP found no match') : hit;
    }
    let found: Scalar | undefined;
    for (const row of table) {
      const d = compareValues(row[0], key);
      if (typeof d !== 'number' || d > 0) break;
      found = row[index - 1];
    }
    return found === undefined ? err('#N/A', 'VLOOKUP found no match') : found;
  });
};

/** A FILTER condition cell: TRUE or a non-zero number keeps the row; text and blanks do not. */
function truthy(v: Scalar): boolean | FormulaError {
  if (isError(v)) return v;
  if (typeof v === 'string') return false;
  return toBoolean(v);
}

const filter: Fn = (args) => {
  if (args.length < 2) return [[err('#N/A', 'FILTER needs a range and a condition')]];
  const [range, ...conditions] = args;
  const rows = range.length;
  const cols = width(range);
  const byRow = conditions.every((c) => c.length === rows && width(c) === 1);
  const byCol = !byRow && conditions.every((c) => c.length === 1 && width(c) === cols);
  if (!byRow && !byCol) return [[err('#VALUE!', 'FILTER has mismatched range sizes')]];
  const keep: boolean[] = [];
  const n = byRow ? rows : cols;
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (const c of conditions) {
      const t = truthy(byRow ? c[i][0] : c[0][i]);
      if (t instanceof FormulaError) return [[t]];
      if (!t) ok = false;
    }
    keep.push(ok);
  }
  const out: Grid = byRow ? range.filter((_, i) => keep[i]) : range.map((row) => row.filter((_, j) => keep[j]));
  if (out.length === 0 || width(out) === 0) return [[err('#N/A', 'No matches are found in FILTER evaluation.')]];
  return out;
};

const SORT_RANK = (v: Scalar): number => (v === null || v === '' ? 4 : isNumeric(v) ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 3);

/** SORT: blanks last in either direction; otherwise numbers < text < booleans, text ignoring case; stable. */
const sort: Fn = (args) => {
  if (args.length < 1) return [[err('#N/A', 'SORT needs a range')]];
  const range = args[0];
  if (range.length === 1 && width(range) === 1 && isError(range[0][0])) return range;
  const keys: { column: number; ascending: boolean }[] = [];
  for (let k = 1; k < args.length; k += 2) {
    const column = num(args[k][0][0]);
    const ascending = args[k + 1] ? toBoolean(args[k + 1][0][0]) : true;
    if (column instanceof FormulaError) return [[column]];
    if (ascending instanceof FormulaError) return [[ascending]];
    if (column < 1 || column > width(range)) return [[err('#VALUE!', 'SORT column is outside the range')]];
    keys.push({ column: column - 1, ascending });
  }
  if (keys.length === 0) keys.push({ column: 0, ascending: true });
  const order = (x: Scalar, y: Scalar, ascending: boolean): number => {
    const rx = SORT_RANK(x);
    const ry = SORT_RANK(y);
    if (rx === 4 || ry === 4) return rx === ry ? 0 : rx === 4 ? 1 : -1;
    if (rx !== ry) return ascending ? rx - ry : ry - rx;
    if (rx === 3) return 0;
    const d = compareValues(x, y) as number;
    return ascending ? d : -d;
  };
  return range
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      for (const { column, ascending } of keys) {
        const d = order(a.row[column], b.row[column], ascending);
        if (d !== 0) return d;
      }
      return a.i - b.i;
    })
    .map(({ row }) => row);
};

// ---- aggregates ------------------------------------------------------------------

/** SUM, MAX, …: over the numbers (and dates) of their arguments; text and booleans in ranges are skipped. */
function aggregate(f: (numbers: number[]) => number): Fn {
  return (args) => {
    const numbers: number[] = [];
    for (const v of args.flatMap(cells)) {
      if (isError(v)) return [[v]];
      if (isNumeric(v)) numbers.push(numberOf(v));
    }
    return [[f(numbers)]];
  };
}

// ---- multi-criteria (COUNTIFS, SUMIFS) ------------------------------------------

/**
 * COUNTIFS(range1, criterion1, …) and SUMIFS(sum_range, range1, criterion1, …):
 * every range must have the sum range's size (else #VALUE!), a row counts when
 * every criterion matches its cell (the same criteria as COUNTIF). Inside an
 * array formula an array of criteria gives an array of results; the ranges
 * are scanned once per criterion cell, so the cost is linear in the rows read.
 * Reference: support.google.com/docs/answer/3256550 (COUNTIFS), /3238496 (SUMIFS).
 */
function multiConditional(name: string, sum: boolean): Fn {
  return (args) => {
    const pairs = sum ? args.slice(1) : args;
    if (pairs.length < 2 || pairs.length % 2 !== 0) return [[err('#N/A', `Wrong number of arguments to ${name}`)]];
    const ranges: Grid[] = [];
    const criteria: Grid[] = [];
    for (let k = 0; k < pairs.length; k += 2) {
      ranges.push(pairs[k]);
      criteria.push(pairs[k + 1]);
    }
    const addends = sum ? args[0] : null;
    const shape = addends ?? ranges[0];
    const rows = shape.length;
    const cols = width(shape);
    if (ranges.some((r) => r.length !== rows || width(r) !== cols)) return [[err('#VALUE!', `${name} has mismatched range sizes`)]];
    const flats = ranges.map(cells);
    const flatAdd = addends ? cells(addends) : null;
    const cache = new Map<string, Matcher>();
    const matcherOf = (c: Scalar): Matcher => {
      const key = c instanceof CellDate ? `n:${c.serial}` : typeof c === 'number' ? `n:${c}` : `${typeof c}:${String(c)}`;
      let m = cache.get(key);
      if (!m) cache.set(key, (m = criterion(c)));
      return m;
    };
    return lift(criteria, (...cs) => {
      const e = cs.find((c) => isError(c));
      if (e !== undefined) return e;
      const matchers = cs.map(matcherOf);
      let total = 0;
      const n = rows * cols;
      outer: for (let i = 0; i < n; i++) {
        for (let k = 0; k < matchers.length; k++) if (!matchers[k](flats[k][i])) continue outer;
        if (!flatAdd) total++;
        else {
          const add = flatAdd[i];
          if (isNumeric(add)) total += numberOf(add);
        }
      }
      return total;
    });
  };
}

/** EOMONTH(start, months): the last day of the month `months` after start's month. Reference: support.google.com/docs/answer/3093044. */
function eomonth(start: number, months: number): number {
  const p = serialParts(Math.floor(start));
  const at = new Date(0);
  at.setUTCFullYear(p.year, p.month - 1 + Math.trunc(months) + 1, 0);
  return Math.round((at.getTime() - EPOCH) / MS_PER_DAY);
}

/** SEQUENCE(rows, [columns], [start], [step]). Reference: support.google.com/docs/answer/9368244. */
const sequence: Fn = (args) => {
  const bad = arity('SEQUENCE', args, 1, 4);
  if (bad) return [[bad]];
  const ns: number[] = [];
  for (const [i, fallback] of [
    [0, 1],
    [1, 1],
    [2, 1],
    [3, 1],
  ] as const) {
    const v = args[i] ? args[i][0][0] : fallback;
    const n = num(v === null && args[i] ? fallback : v);
    if (n instanceof FormulaError) return [[n]];
    ns.push(n);
  }
  const rows = Math.trunc(ns[0]);
  const cols = Math.trunc(ns[1]);
  if (rows < 1 || cols < 1) return [[err('#VALUE!', 'SEQUENCE needs at least one row and one column')]];
  if (rows * cols > 10_000_000) return [[err('#NUM!', 'SEQUENCE is too large')]];
  const out: Grid = [];
  for (let r = 0; r < rows; r++) {
    const line: Scalar[] = [];
    for (let c = 0; c < cols; c++) line.push(ns[2] + (r * cols + c) * ns[3]);
    out.push(line);
  }
  return out;
};

/**
 * UNIQUE(range): the rows in order of first appearance, without repeats.
 * Sheets' UNIQUE is case-sensitive for text ("a" and "A" are both kept), and
 * a number equals the same number however it is formatted. Reference: support.google.com/docs/answer/10522653.
 */
const unique: Fn = (args) => {
  const bad = arity('UNIQUE', args, 1, 3);
  if (bad) return [[bad]];
  const range = args[0];
  if (range.length === 1 && width(range) === 1 && isError(range[0][0])) return range;
  const seen = new Set<string>();
  const out: Grid = [];
  for (const row of range) {
    const key = row
      .map((v) =>
        isNumeric(v)
          ? `n:${numberOf(v)}`
          : v === null
            ? 'b:'
            : typeof v === 'string'
              ? `s:${v}`
              : typeof v === 'boolean'
                ? `t:${v}`
                : `e:${(v as FormulaError).code}`,
      )
      .join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(row);
  }
  return out;
};

// ---- the table ---------------------------------------------------------------------

export const FUNCTIONS: Record<string, Fn> = {
  ARRAYFORMULA: (args) => (args.length === 1 ? args[0] : [[err('#N/A', 'ARRAYFORMULA takes one argument')]]),
  IF: elementwise(
    'IF',
    2,
    3,
    (c, yes, no = false) => {
      if (isError(c)) return c;
      const b = toBoolean(c);
      if (b instanceof FormulaError) return b;
      return b ? yes : no;
    },
    true,
  ),
  IFERROR: elementwise('IFERROR', 1, 2, (v, fallback = BLANK) => (isError(v) ? fallback : v), true),
  IFNA: elementwise('IFNA', 2, 2, (v, fallback) => (isError(v) && v.code === '#N/A' ? fallback : v), true),
  ISNUMBER: elementwise('ISNUMBER', 1, 1, (v) => isNumeric(v), true),
  ISTEXT: elementwise('ISTEXT', 1, 1, (v) => typeof v === 'string', true),
  ISBLANK: elementwise('ISBLANK', 1, 1, (v) => v === null, true),
  ISERROR: elementwise('ISERROR', 1, 1, (v) => isError(v), true),
  ISNA: elementwise('ISNA', 1, 1, (v) => isError(v) && v.code === '#N/A', true),
  NA: (args) => [[args.length ? err('#N/A', 'NA takes no arguments') : err('#N/A')]],
  NOT: elementwise('NOT', 1, 1, (v) => {
    const b = toBoolean(v);
    return b instanceof FormulaError ? b : !b;
  }),
  AND: (args) => {
    const values = args.flatMap(cells).filter((v) => v !== null);
    const e = firstError(values);
    if (e !== undefined) return [[e]];
    const bools = values.map((v) => (typeof v === 'string' ? true : toBoolean(v)));
    return [[bools.every((b) => b === true)]];
  },
  OR: (args) => {
    const values = args.flatMap(cells).filter((v) => v !== null);
    const e = firstError(values);
    if (e !== undefined) return [[e]];
    return [[values.some((v) => typeof v !== 'string' && toBoolean(v) === true)]];
  },
  LOWER: elementwise('LOWER', 1, 1, (v) => withTexts([v], (t) => t.toLowerCase())),
  UPPER: elementwise('UPPER', 1, 1, (v) => withTexts([v], (t) => t.toUpperCase())),
  TRIM: elementwise('TRIM', 1, 1, (v) => withTexts([v], sheetsTrim)),
  LEN: elementwise('LEN', 1, 1, (v) => withTexts([v], (t) => t.length)),
  TO_TEXT: elementwise('TO_TEXT', 1, 1, (v) => toText(v)),
  CHAR: elementwise('CHAR', 1, 1, (v) =>
    withNumbers([v], (n) => (n >= 1 && n < 0x110000 ? String.fromCodePoint(Math.trunc(n)) : err('#NUM!', 'CHAR out of range'))),
  ),
  LEFT: elementwise('LEFT', 1, 2, (v, n = 1) => {
    const count = num(n);
    if (count instanceof FormulaError) return count;
    if (count < 0) return err('#VALUE!', 'LEFT length is negative');
    return withTexts([v], (t) => t.slice(0, Math.trunc(count)));
  }),
  RIGHT: elementwise('RIGHT', 1, 2, (v, n = 1) => {
    const count = num(n);
    if (count instanceof FormulaError) return count;
    if (count < 0) return err('#VALUE!', 'RIGHT length is negative');
    return withTexts([v], (t) => (Math.trunc(count) === 0 ? '' : t.slice(-Math.trunc(count))));
  }),
  MID: elementwise('MID', 3, 3, (v, s, n) =>
    withNumbers([s, n], (start, count) => {
      if (start < 1 || count < 0) return err('#VALUE!', 'MID start or length out of range');
      return withTexts([v], (t) => t.substr(Math.trunc(start) - 1, Math.trunc(count)));
    }),
  ),
  FIND: elementwise('FIND', 2, 3, (needle, haystack, start = 1) =>
    withNumbers([start], (from) =>
      withTexts([needle, haystack], (n, h) => {
        if (from < 1 || from > h.length + 1) return err('#VALUE!', 'FIND start out of range');
        const at = h.indexOf(n, Math.trunc(from) - 1);
        return at < 0 ? err('#VALUE!', `FIND did not find "${n.slice(0, 40)}"`) : at + 1;
      }),
    ),
  ),
  SEARCH: elementwise('SEARCH', 2, 3, (needle, haystack, start = 1) =>
    withNumbers([start], (from) =>
      withTexts([needle, haystack], (n, h) => {
        if (from < 1 || from > h.length + 1) return err('#VALUE!', 'SEARCH start out of range');
        const at = h.toLowerCase().indexOf(n.toLowerCase(), Math.trunc(from) - 1);
        return at < 0 ? err('#VALUE!', `SEARCH did not find "${n.slice(0, 40)}"`) : at + 1;
      }),
    ),
  ),
  SUBSTITUTE: elementwise('SUBSTITUTE', 3, 4, (v, search, replacement, occurrence = null) =>
    withTexts([v, search, replacement], (t, s, r) => {
      if (s === '') return t;
      if (occurrence === null) return t.split(s).join(r);
      const nth = num(occurrence);
      if (nth instanceof FormulaError) return nth;
      let at = -1;
      for (let k = 0; k < nth; k++) {
        at = t.indexOf(s, at + 1);
        if (at < 0) return t;
      }
      return t.slice(0, at) + r + t.slice(at + s.length);
    }),
  ),
  REGEXMATCH: elementwise('REGEXMATCH', 2, 2, (v, pattern) => {
    if (v !== null && typeof v !== 'string') return err('#VALUE!', 'REGEXMATCH expects text');
    if (typeof pattern !== 'string') return err('#VALUE!', 'REGEXMATCH expects a text pattern');
    const re = regexOf(pattern);
    return re ? re.test(v ?? '') : err('#REF!', `"${pattern.slice(0, 40)}" is not a valid regular expression`);
  }),
  /** RE2 replaces every match; `$1`-style groups are not used by the add-on and not emulated. */
  REGEXREPLACE: elementwise('REGEXREPLACE', 3, 3, (v, pattern, replacement) => {
    if (v !== null && typeof v !== 'string') return err('#VALUE!', 'REGEXREPLACE expects text');
    if (typeof pattern !== 'string' || typeof replacement !== 'string') return err('#VALUE!', 'REGEXREPLACE expects a text pattern and replacement');
    const re = regexOf(pattern);
    if (!re) return err('#REF!', `"${pattern.slice(0, 40)}" is not a valid regular expression`);
    return (v ?? '').replace(new RegExp(re.source, `${re.flags}g`), () => replacement);
  }),
  VALUE: elementwise('VALUE', 1, 1, (v) => (typeof v === 'boolean' ? err('#VALUE!', 'VALUE expects text or a number') : num(v))),
  N: elementwise('N', 1, 1, (v) => (isNumeric(v) ? numberOf(v) : typeof v === 'boolean' ? (v ? 1 : 0) : 0)),
  INT: elementwise('INT', 1, 1, (v) => withNumbers([v], Math.floor)),
  ABS: elementwise('ABS', 1, 1, (v) => withNumbers([v], Math.abs)),
  ROUND: elementwise('ROUND', 1, 2, (v, places = 0) =>
    withNumbers([v, places], (n, p) => {
      const f = 10 ** Math.trunc(p);
      return (Math.sign(n) * Math.round(Math.abs(n) * f)) / f;
    }),
  ),
  DATE: elementwise('DATE', 3, 3, (y, m, d) => withNumbers([y, m, d], dateSerial)),
  DATEVALUE: elementwise('DATEVALUE', 1, 1, (v) => {
    if (typeof v !== 'string') return err('#VALUE!', 'DATEVALUE expects text');
    const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(v) ?? null;
    const us = m ? null : /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(v);
    if (m) return dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    if (us) return dateSerial(Number(us[3]), Number(us[1]), Number(us[2]));
    return err('#VALUE!', `DATEVALUE cannot read "${v.slice(0, 40)}"`);
  }),
  EOMONTH: elementwise('EOMONTH', 2, 2, (start, months) => withNumbers([start, months], (st, m) => eomonth(st, m))),
  EDATE: elementwise('EDATE', 2, 2, (start, months) => withNumbers([start, months], (s, m) => edate(Math.floor(s), m))),
  YEAR: elementwise('YEAR', 1, 1, (v) => withNumbers([v], (n) => serialParts(n).year)),
  MONTH: elementwise('MONTH', 1, 1, (v) => withNumbers([v], (n) => serialParts(n).month)),
  DAY: elementwise('DAY', 1, 1, (v) => withNumbers([v], (n) => serialParts(n).day)),
  TODAY: (args, ctx) => [[args.length ? err('#N/A', 'TODAY takes no arguments') : ctx.todaySerial()]],
  ROWS: (args) =>
    args.length !== 1 ? [[err('#N/A', 'ROWS takes one argument')]] : args[0].length === 1 && isError(args[0][0][0]) ? args[0] : [[args[0].length]],
  COLUMNS: (args) => (args.length !== 1 ? [[err('#N/A', 'COLUMNS takes one argument')]] : [[width(args[0])]]),
  SUM: aggregate((ns) => ns.reduce((a, b) => a + b, 0)),
  MAX: aggregate((ns) => ns.reduce((a, b) => Math.max(a, b), ns.length ? -Infinity : 0)),
  MIN: aggregate((ns) => ns.reduce((a, b) => Math.min(a, b), ns.length ? Infinity : 0)),
  COUNT: aggregate((ns) => ns.length),
  COUNTA: (args) => [[args.flatMap(cells).filter((v) => v !== null && v !== '').length]],
  SUMIF: conditional('SUMIF', true),
  SUMIFS: multiConditional('SUMIFS', true),
  COUNTIFS: multiConditional('COUNTIFS', false),
  COUNTIF: conditional('COUNTIF', false),
  VLOOKUP: vlookup,
  FILTER: filter,
  SEQUENCE: sequence,
  UNIQUE: unique,
  SORT: sort,
  CONCATENATE: (args) => [[withTexts(args.flatMap(cells), (...ts) => ts.join(''))]],
};
