/**
 * `npm run bench`: every operation at 1k, 10k and 50k clients, as a table.
 * `npm run bench -- --only search` runs the operations whose name contains "search".
 * Dedupe quality (precision/recall/F1 on ../shared/bench) is `npx tsx bench/dedupe-quality.ts`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatTable, runBenchmark, SIZES, type Benchmark, type BenchRow } from './harness';

async function main(): Promise<void> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const dir = join(import.meta.dirname ?? __dirname, 'operations');
  const benches: Benchmark[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
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
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
