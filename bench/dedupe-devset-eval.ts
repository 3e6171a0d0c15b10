/**
 * Quality of the duplicate finder on the seeded ru/uk/ro/en development set
 * (bench/dedupe-devset.ts), per kind of planted pair, for the development
 * seeds and the held-out seeds separately. Default configuration, read the way
 * the command line reads a CSV (Russian headers mapped by `mapColumns`).
 * Run: npx tsx bench/dedupe-devset-eval.ts [--verbose KIND]
 */
import { mapColumns, rowToRecord } from '../src/core/dedupe/columns';
import { explainPair, findDuplicates, type ScoredPair } from '../src/core/dedupe/engine';
import { generateDevSet, HEADERS, NEGATIVE_KINDS, POSITIVE_KINDS, type DevSet } from './dedupe-devset';

export const DEV_SEEDS = [1, 2];
export const HELD_OUT_SEEDS = [1001, 1002];

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  closureTp: number;
  closureFp: number;
  closureFn: number;
  byKind: Map<string, { planted: number; proposed: number; merged: number }>;
  seconds: number;
  records: number;
}

const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function truePairs(set: DevSet): Set<string> {
  const byEntity = new Map<string, string[]>();
  for (const [id, e] of set.entityOf) {
    const list = byEntity.get(e);
    if (list) list.push(id);
    else byEntity.set(e, [id]);
  }
  const out = new Set<string>();
  for (const ids of byEntity.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.add(key(ids[i], ids[j]));
  return out;
}

function closurePairs(pairs: ScoredPair[]): Set<string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const p of pairs) {
    if (!parent.has(p.a)) parent.set(p.a, p.a);
    if (!parent.has(p.b)) parent.set(p.b, p.b);
    const a = find(p.a);
    const b = find(p.b);
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const r = find(id);
    const g = groups.get(r);
    if (g) g.push(id);
    else groups.set(r, [id]);
  }
  const out = new Set<string>();
  for (const ids of groups.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.add(key(ids[i], ids[j]));
  return out;
}

export function evaluateSeed(seed: number, verbose?: string): Counts {
  const set = generateDevSet(seed);
  const mapping = mapColumns(HEADERS);
  const records = set.rows.map((r, i) => rowToRecord(r.cells, HEADERS, mapping, `row ${i + 2}`));
  const start = performance.now();
  const { pairs } = findDuplicates(records);
  const seconds = (performance.now() - start) / 1000;
  const truth = truePairs(set);
  const found = new Set(pairs.map((p) => key(p.a, p.b)));
  const closure = closurePairs(pairs);
  const c: Counts = { tp: 0, fp: 0, fn: 0, closureTp: 0, closureFp: 0, closureFn: 0, byKind: new Map(), seconds, records: records.length };
  for (const k of found) truth.has(k) ? c.tp++ : c.fp++;
  for (const k of truth) if (!found.has(k)) c.fn++;
  for (const k of closure) truth.has(k) ? c.closureTp++ : c.closureFp++;
  for (const k of truth) if (!closure.has(k)) c.closureFn++;
  const byId = new Map(set.rows.map((r) => [r.id, r.cells]));
  const pairByKey = new Map(pairs.map((p) => [key(p.a, p.b), p]));
  for (const [k, kind] of set.kinds) {
    const entry = c.byKind.get(kind) ?? { planted: 0, proposed: 0, merged: 0 };
    entry.planted++;
    if (found.has(k)) entry.proposed++;
    if (closure.has(k)) entry.merged++;
    c.byKind.set(kind, entry);
    const positive = (POSITIVE_KINDS as readonly string[]).includes(kind);
    if (verbose === kind && found.has(k) !== positive) {
      const [a, b] = k.split('\u0000');
      const p = pairByKey.get(k);
      console.log(
        `  ${kind} ${positive ? 'MISSED' : 'PROPOSED'}: ${byId.get(a)?.slice(1).join('|')}  ~  ${byId.get(b)?.slice(1).join('|')}${p ? `  → ${explainPair(p)}` : ''}`,
      );
    }
  }
  if (verbose === 'fp') {
    for (const p of pairs)
      if (!truth.has(key(p.a, p.b)) && !set.kinds.has(key(p.a, p.b)))
        console.log(`  FP ${byId.get(p.a)?.slice(1).join('|')} ~ ${byId.get(p.b)?.slice(1).join('|')} → ${explainPair(p)}`);
  }
  return c;
}

export function sumCounts(list: Counts[]): Counts {
  const out: Counts = { tp: 0, fp: 0, fn: 0, closureTp: 0, closureFp: 0, closureFn: 0, byKind: new Map(), seconds: 0, records: 0 };
  for (const c of list) {
    out.tp += c.tp;
    out.fp += c.fp;
    out.fn += c.fn;
    out.closureTp += c.closureTp;
    out.closureFp += c.closureFp;
    out.closureFn += c.closureFn;
    out.seconds += c.seconds;
    out.records += c.records;
    for (const [k, v] of c.byKind) {
      const e = out.byKind.get(k) ?? { planted: 0, proposed: 0, merged: 0 };
      e.planted += v.planted;
      e.proposed += v.proposed;
      e.merged += v.merged;
      out.byKind.set(k, e);
    }
  }
  return out;
}

const prf = (tp: number, fp: number, fn: number) => {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

export function report(label: string, c: Counts): string[] {
  const raw = prf(c.tp, c.fp, c.fn);
  const cl = prf(c.closureTp, c.closureFp, c.closureFn);
  const f = (n: number) => n.toFixed(3);
  const lines = [
    `${label}: ${c.records} records, ${c.seconds.toFixed(2)} s  pairs P ${f(raw.p)} R ${f(raw.r)} F1 ${f(raw.f1)} | closure P ${f(cl.p)} R ${f(cl.r)} F1 ${f(cl.f1)}`,
  ];
  // Per kind: the share of planted pairs proposed, and (after the slash) the share in one group after transitive closure.
  const byKind = (kinds: readonly string[]) =>
    kinds.map((k) => {
      const e = c.byKind.get(k);
      return `${k} ${e ? `${f(e.proposed / e.planted)}/${f(e.merged / e.planted)}` : '-'} (${e?.planted ?? 0})`;
    });
  lines.push(`  recall by kind, pairs/closure:   ${byKind(POSITIVE_KINDS).join('  ')}`);
  lines.push(`  proposed/merged (should be 0):   ${byKind(NEGATIVE_KINDS).join('  ')}`);
  return lines;
}

if (process.argv[1]?.endsWith('dedupe-devset-eval.ts')) {
  const vi = process.argv.indexOf('--verbose');
  const verbose = vi > 0 ? process.argv[vi + 1] : undefined;
  const dev = sumCounts(DEV_SEEDS.map((s) => evaluateSeed(s, verbose)));
  const held = sumCounts(HELD_OUT_SEEDS.map((s) => evaluateSeed(s, vi > 0 && process.argv.includes('--held') ? verbose : undefined)));
  for (const line of [...report(`devset (dev seeds ${DEV_SEEDS.join(',')})`, dev), ...report(`devset (held-out seeds ${HELD_OUT_SEEDS.join(',')})`, held)])
    console.log(line);
}
