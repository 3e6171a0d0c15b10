import type { Benchmark } from '../harness';
import * as server from '../../src/server';

export const benchmarks: Benchmark[] = [
  {
    name: 'menu: find duplicates',
    op: 'dedupe.find',
    run: ({ emu }) => {
      server.menuFindDuplicates();
      const alert = emu.ui.alerts.at(-1)?.prompt ?? '';
      if (!/duplicates/.test(alert)) throw new Error(alert);
    },
  },
  {
    name: 'menu: merge 20 decided groups',
    op: 'dedupe.merge',
    prepare: ({ emu }) => {
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
      if (!/Merged/.test(alert)) throw new Error(alert);
    },
  },
];
