/**
 * Benchmarks over the emulator: each operation runs at 1k, 10k and 50k
 * clients and reports JS time, rows per second and service calls. Wall time
 * is printed, never asserted; call budgets are asserted in the tests.
 */
import { COST, createEmulator, type CostSnapshot, type Emulator } from '../emulator';
import { seedClients } from './seed';

export interface BenchContext {
  emu: Emulator;
  size: number;
  /** Set by an operation that counts its executions itself (a mailing over several triggers). */
  executions?: number;
}

export interface Benchmark {
  name: string;
  /** Name in `npm run bench -- --json` (e.g. "sidebar.search"); benchmarks without one are table-only. */
  op?: string;
  /** Runs before timing starts; the emulator already holds a set-up base with `size` clients. */
  prepare?: (ctx: BenchContext) => void;
  /** The timed operation. */
  run: (ctx: BenchContext) => void;
  /** Sizes to skip (an operation meaningless or too slow in JS at a size). */
  sizes?: number[];
  /** Start from a spreadsheet that is not set up (`prepare` fills it), instead of a base of `size` clients. */
  blank?: boolean;
}

export interface BenchRow {
  name: string;
  size: number;
  ms: number;
  rowsPerSecond: number;
  calls: number;
  reads: number;
  writes: number;
  heapMb: number;
  op?: string;
  executions?: number;
  cost: CostSnapshot;
  modelledMs: number;
}

export const SIZES = [1_000, 10_000, 50_000];

export function runBenchmark(bench: Benchmark, size: number): BenchRow {
  const emu = createEmulator({ user: 'bench@example.com', files: { Sidebar: '<html></html>' } });
  const uninstall = emu.install(globalThis);
  try {
    if (!bench.blank) seedClients(emu, size);
    const ctx: BenchContext = { emu, size };
    bench.prepare?.(ctx);
    emu.calls.reset();
    const start = performance.now();
    bench.run(ctx);
    const ms = performance.now() - start;
    return {
      name: bench.name,
      size,
      ms,
      rowsPerSecond: size / (ms / 1000),
      calls: emu.calls.total(),
      reads: emu.calls.count('Range.getValues') + emu.calls.count('Range.getFormulas') + emu.calls.count('Range.getDisplayValues'),
      writes: emu.calls.count('Range.setValues') + emu.calls.count('Range.setFormulas'),
      heapMb: process.memoryUsage().heapUsed / 1e6,
      op: bench.op,
      executions: ctx.executions,
      cost: emu.cost.snapshot(),
      modelledMs: emu.cost.modelledMs(),
    };
  } finally {
    uninstall();
  }
}

/** One line of `--json`: the counts, the modelled time on Google and the JS time here. */
export function jsonLine(r: BenchRow): string {
  const c = r.cost;
  return JSON.stringify({
    op: r.op,
    clients: r.size,
    roundTrips: c.roundTrips,
    calls: r.calls,
    cellsRead: c.cellsRead,
    cellsWritten: c.cellsWritten,
    modelledMs: Math.round(r.modelledMs),
    jsMs: Math.round(r.ms),
    cellsSearched: c.cellsSearched,
    formulaWork: c.formulaWork,
    mails: c.mails,
    // The script's own JavaScript runs on Google too: executions needed = (service time + JS time) / 6 min, at least one per round trip.
    executions: r.executions ?? Math.max(c.roundTrips, Math.ceil((r.modelledMs - c.roundTrips * COST.roundTripMs + r.ms) / COST.executionLimitMs)),
  });
}

export function formatTable(rows: BenchRow[]): string {
  const head = ['operation', 'clients', 'ms', 'rows/s', 'calls', 'reads', 'writes', 'cells read', 'cells written', 'trips', 'modelled', 'heap MB'];
  const body = rows.map((r) => [
    r.name,
    String(r.size),
    r.ms.toFixed(0),
    Math.round(r.rowsPerSecond).toLocaleString('en'),
    String(r.calls),
    String(r.reads),
    String(r.writes),
    r.cost.cellsRead.toLocaleString('en'),
    r.cost.cellsWritten.toLocaleString('en'),
    String(r.cost.roundTrips),
    r.modelledMs >= 10_000 ? `${(r.modelledMs / 1000).toFixed(0)} s` : `${(r.modelledMs / 1000).toFixed(1)} s`,
    r.heapMb.toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
