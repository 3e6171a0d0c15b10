/**
 * Speed and memory of findDuplicates on 10k, 50k and 100k synthetic clients
 * (seeded, with injected duplicates), plus its pairwise quality on them.
 * Run: npx tsx bench/dedupe-speed.ts [sizes...]   (add --expose-gc via NODE_OPTIONS for steadier heap figures)
 * Wall time suffers when the machine is shared; CPU time (user + system of
 * this process, which includes the garbage collector threads) is the steadier figure.
 */
import { findDuplicates } from '../src/core/dedupe/engine';
import { generateClients, pairQuality } from './synthetic-clients';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const runs = sizes.length ? sizes : [10_000, 50_000, 100_000];
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const gc = (globalThis as { gc?: () => void }).gc;

console.log('clients  wall s   cpu s    heap MB (before → after)  rss MB  pairs    groups  P      R      F1');
for (const n of runs) {
  const set = generateClients(n, 42);
  gc?.();
  const before = process.memoryUsage();
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const { pairs, groups } = findDuplicates(set.records, { defaultCountry: 'RU' });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const after = process.memoryUsage();
  const q = pairQuality(set, pairs);
  console.log(
    [
      String(n).padEnd(8),
      seconds.toFixed(2).padEnd(8),
      cpuSeconds.toFixed(2).padEnd(8),
      `${mb(before.heapUsed)} → ${mb(after.heapUsed)}`.padEnd(24),
      mb(after.rss).padEnd(7),
      String(pairs.length).padEnd(8),
      String(groups.length).padEnd(7),
      q.precision.toFixed(3).padEnd(6),
      q.recall.toFixed(3).padEnd(6),
      q.f1.toFixed(3),
    ].join(' '),
  );
}
