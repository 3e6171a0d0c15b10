/**
 * `npm run bench`: every operation at 1k, 10k and 50k clients, as a table.
 * `npm run bench -- --only search` runs the operations whose name contains "search".
 * `npm run bench -- --json` prints one JSON object a line for the operations
 * of the cost model (see emulator/README.md "Cost model") and the size of the
 * whole spreadsheet with five broad user segments, instead of the table.
 * Then (table mode) the duplicate finder's quality (precision/recall/F1
 * through the command line on ../shared/bench, when present) and its speed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator } from '../emulator';
import * as server from '../src/server';
import { formatTable, jsonLine, runBenchmark, SIZES, type Benchmark, type BenchRow } from './harness';
import { BROAD_SEGMENTS } from './operations/segments';
import { seedClients, seedTwoYears } from './seed';

/**
 * Grid cells of a base of `size` clients with the built-in segments, five broad user segments
 * (default columns) and two years of interactions, purchases and audit rows at the demo's rate.
 */
function spreadsheetCells(size: number): { cells: number; byTab: Record<string, number> } {
  const emu = createEmulator({ user: 'bench@example.com', files: { Sidebar: '<html></html>' } });
  const uninstall = emu.install(globalThis);
  try {
    seedClients(emu, size);
    seedTwoYears(emu, size);
    // Rows typed into Segments, then one refresh (as a team adding five segments and pressing Refresh would).
    const [header, ...rows] = emu.readSheet('Segments');
    emu.writeSheet('Segments', [header, ...rows, ...BROAD_SEGMENTS.map(([name, rule]) => [name, rule, 'bench', ...header.slice(3).map(() => '')])]);
    const refreshed = server.apiRefreshSegments();
    if (!refreshed.ok) throw new Error(refreshed.error.message);
    const byTab: Record<string, number> = {};
    for (const sheet of SpreadsheetApp.getActiveSpreadsheet().getSheets()) byTab[sheet.getName()] = sheet.getMaxRows() * sheet.getMaxColumns();
    return { cells: emu.cost.spreadsheetCells(), byTab };
  } finally {
    uninstall();
  }
}

/** `clientbase --help` wall time, best of five, beside a bare `node -e 0` start (the floor on this machine). */
function cliHelpMs(): { ms: number; nodeStartMs: number } {
  const best = (args: string[]) => {
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      spawnSync(process.execPath, args, { stdio: 'ignore' });
      min = Math.min(min, performance.now() - start);
    }
    return Math.round(min);
  };
  const bin = join(import.meta.dirname ?? __dirname, '..', 'bin', 'clientbase.mjs');
  return { ms: best([bin, '--help']), nodeStartMs: best(['-e', '0']) };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
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
  const chosen = benches.filter((b) => (!only || b.name.includes(only) || b.op?.includes(only)) && (!json || b.op));
  for (const bench of chosen) {
    for (const size of SIZES.filter((s) => !bench.sizes || bench.sizes.includes(s))) {
      const row = runBenchmark(bench, size);
      rows.push(row);
      if (json) console.log(jsonLine(row));
      else process.stderr.write(`${row.name} @ ${size}: ${row.ms.toFixed(0)} ms\n`);
    }
  }
  if (json) {
    if (!only || 'cli.help'.includes(only)) console.log(JSON.stringify({ op: 'cli.help', ...cliHelpMs() }));
    if (!only || 'spreadsheet.cells'.includes(only))
      for (const size of SIZES) {
        const { cells, byTab } = spreadsheetCells(size);
        console.log(JSON.stringify({ op: 'spreadsheet.cells', clients: size, cells, limit: 10_000_000, byTab }));
      }
    return;
  }
  console.log(formatTable(rows));
  if (!only) {
    const help = cliHelpMs();
    console.log(`\nclientbase --help: ${help.ms} ms (node -e 0 alone: ${help.nodeStartMs} ms)`);
  }
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
