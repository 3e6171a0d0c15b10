/**
 * Duplicate-finder quality on the shared labelled sets (../shared/bench),
 * through the command line exactly as a user runs it: export the blinded CSV,
 * `clientbase dedupe`, then the external scorer. Prints precision, recall and
 * F1 for the pairs written and after transitive closure (what merging would do).
 * Run: npx tsx bench/dedupe-quality.ts   (BENCH_DIR overrides the location of the shared bench)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_SEEDS, evaluateSeed, HELD_OUT_SEEDS, report, sumCounts } from './dedupe-devset-eval';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '..');
const benchDir = process.env.BENCH_DIR ?? resolve(root, '../shared/bench');
const evalScript = join(benchDir, 'dedupe-eval.mjs');

interface Metrics {
  pairs: number;
  precision: number;
  recall: number;
  f1: number;
}
interface EvalResult {
  dataset: string;
  raw: Metrics;
  closure: Metrics;
}

const RUNS = [
  { label: 'febrl1 (with soc_sec_id)', dataset: 'febrl1', drop: '' },
  { label: 'febrl1 (no id column)', dataset: 'febrl1', drop: 'soc_sec_id' },
  { label: 'fake_1000', dataset: 'fake_1000', drop: '' },
];

function devSet(): void {
  const dev = sumCounts(DEV_SEEDS.map((s) => evaluateSeed(s)));
  const held = sumCounts(HELD_OUT_SEEDS.map((s) => evaluateSeed(s)));
  for (const line of [...report(`devset (dev seeds ${DEV_SEEDS.join(',')})`, dev), ...report(`devset (held-out seeds ${HELD_OUT_SEEDS.join(',')})`, held)])
    console.log(line);
}

function main(): void {
  devSet();
  if (!existsSync(evalScript)) {
    console.log(`dedupe quality: skipped, ${evalScript} not found (set BENCH_DIR)`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'dedupe-quality-'));
  try {
    console.log('set                         seconds  pairs  P       R       F1      | closure P  R       F1');
    for (const run of RUNS) {
      const csv = join(work, `${run.dataset}-${run.drop || 'all'}.csv`);
      const pairs = join(work, `${run.dataset}-${run.drop || 'all'}.jsonl`);
      execFileSync(process.execPath, [evalScript, 'export', run.dataset, '--out', csv, ...(run.drop ? ['--drop', run.drop] : [])], { stdio: 'pipe' });
      const start = performance.now();
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'cli/main.ts'), 'dedupe', csv, '--out', pairs], { stdio: 'pipe', cwd: root });
      const seconds = (performance.now() - start) / 1000;
      const result = JSON.parse(execFileSync(process.execPath, [evalScript, 'eval', run.dataset, pairs, '--json'], { encoding: 'utf8' })) as EvalResult;
      const f = (n: number) => n.toFixed(4).padEnd(7);
      console.log(
        `${run.label.padEnd(27)} ${seconds.toFixed(2).padEnd(8)} ${String(result.raw.pairs).padEnd(6)} ${f(result.raw.precision)} ${f(result.raw.recall)} ${f(result.raw.f1)} | ${f(result.closure.precision)}    ${f(result.closure.recall)} ${f(result.closure.f1)}`,
      );
    }
    console.log('targets: febrl1 without id F1 ≥ 0.95 at P ≥ 0.99; fake_1000 F1 ≥ 0.90 (seconds include starting Node and tsx)');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
