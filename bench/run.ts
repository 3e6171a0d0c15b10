/**
 * `npm run bench`: every operation at 1k, 10k and 50k clients, as a table.
 * `npm run bench -- --only search` runs the operations whose name contains "search".
 * Then the duplicate finder's quality (precision/recall/F1 through the command
 * line on ../shared/bench, when present) and its speed at 10k/50k/100k.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatTable, runBenchmark, SIZES, type Benchmark, type BenchRow } from './harness';

async function main(): Promise<void> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const dir = join(import.meta.dirname ?? __dirname, 'operations');
  const benches: Benchmark[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const mod = (await import(join(dir, file))) as { benchmarks: Benchmark[] };
    benches.push(...mod.benchmarks);
  }
  const rows: BenchRow[] = [];
  for (const bench of benches.filter((b) => !only || b.name.includes(only))) {
    for (const size of SIZES.filter((s) => !bench.sizes || bench.sizes.includes(s))) {
      const row = runBenchmark(bench, size);
      rows.push(row);
      process.stderr.write(`${row.name} @ ${size}: ${row.ms.toFixed(0)} ms\n`);
    }
  }
  console.log(formatTable(rows));
  if (!only) {
    for (const script of ['dedupe-quality.ts', 'dedupe-speed.ts']) {
      console.log(`\n${script}:`);
      execFileSync(process.execPath, ['--import', 'tsx', join(dir, '..', script)], { stdio: 'inherit' });
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
