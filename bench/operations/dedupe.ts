import type { Emulator } from '../../emulator';
import type { Benchmark } from '../harness';
import * as server from '../../src/server';

/**
 * The seed has no real duplicates; a real base has some. The last 40 clients
 * become second records of the first 40 (same person, phone written another
 * way, email in capitals), so find has groups and merge has work at every size.
 */
function plantDuplicates(emu: Emulator): void {
  const [header, ...rows] = emu.readSheet('Clients');
  const col = (name: string) => header.indexOf(name);
  for (let i = 0; i < 40; i++) {
    const source = rows[i];
    const copy = rows[rows.length - 1 - i];
    for (const name of ['First name', 'Last name', 'Company', 'City']) copy[col(name)] = source[col(name)];
    copy[col('Phone')] = String(source[col('Phone')]).replace(/\s/g, '-');
    copy[col('Email')] = String(source[col('Email')]).toUpperCase();
  }
  emu.writeSheet('Clients', [header, ...rows]);
}

export const benchmarks: Benchmark[] = [
  {
    name: 'menu: find duplicates',
    op: 'dedupe.find',
    prepare: ({ emu }) => plantDuplicates(emu),
    run: ({ emu }) => {
      server.menuFindDuplicates();
      const alert = emu.ui.alerts.at(-1)?.prompt ?? '';
      if (!/^\d+ groups of likely duplicates/.test(alert)) throw new Error(alert);
    },
  },
  {
    name: 'menu: merge 20 decided groups',
    op: 'dedupe.merge',
    prepare: ({ emu }) => {
      plantDuplicates(emu);
      server.menuFindDuplicates();
      const rows = emu.readSheet('Duplicates');
      emu.writeSheet(
        'Duplicates',
        rows.map((r, i) => (i > 0 && Number(r[0]) <= 20 && r[8] === true ? [...r.slice(0, 7), 'merge', r[8]] : r)),
      );
    },
    run: ({ emu }) => {
      server.menuMergeDuplicates();
      const alert = emu.ui.alerts.at(-1)?.prompt ?? '';
      const merged = Number(/^Merged (\d+) groups/.exec(alert)?.[1] ?? 0);
      // A merge of nothing measures nothing: the bench must fail instead of printing 1 ms.
      if (merged < 20) throw new Error(alert);
    },
  },
];
