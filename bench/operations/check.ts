/**
 * Check data and Apply fixes over a seeded base where about 4% of the
 * clients were typed carelessly: local phones, dates as text, upper-case
 * names, misspelt or broken emails.
 */
import type { Emulator } from '../../emulator';
import * as server from '../../src/server';
import type { Benchmark, BenchContext } from '../harness';

/** One messy client in MESSY_EVERY. */
const MESSY_EVERY = 25;

export function makeMessy(emu: Emulator): number {
  const [header, ...rows] = emu.readSheet('Clients');
  const col = (name: string) => header.indexOf(name);
  let messy = 0;
  rows.forEach((row, i) => {
    if (i % MESSY_EVERY !== 0) return;
    messy++;
    row[col('Phone')] = `8 916 ${String(1_000_000 + i).slice(-7)}`;
    row[col('Birthday')] = `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.19${70 + (i % 30)}`;
    row[col('First name')] = String(row[col('First name')]).toUpperCase();
    row[col('Email')] = i % 2 ? `client${i}@gmial.com` : `client${i} at example`;
  });
  emu.writeSheet('Clients', [header, ...rows]);
  return messy;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

let groups: string[] = [];

export const benchmarks: Benchmark[] = [
  {
    name: 'check data (report + marks)',
    prepare: ({ emu }: BenchContext) => {
      makeMessy(emu);
    },
    run: () => {
      const check = unwrap(server.apiCheckData());
      if (check.total === 0) throw new Error('the messy base has no problems');
    },
  },
  {
    name: 'apply fixes (all accepted)',
    prepare: ({ emu }: BenchContext) => {
      makeMessy(emu);
      groups = unwrap(server.apiCheckData()).groups.map((g) => g.key);
    },
    run: ({ size }: BenchContext) => {
      const outcome = unwrap(server.apiApplyFixes([], groups));
      if (outcome.applied < (size / MESSY_EVERY) * 3) throw new Error(`only ${outcome.applied} fixes applied`);
    },
  },
  {
    name: 'stale clients per manager',
    run: () => {
      unwrap(server.apiStaleClients());
    },
  },
];
