/**
 * Segments at 1k/10k/50k clients: counting and previewing a segment in
 * src/core (constant service calls), listing all segments with counts,
 * refreshing the live tabs, and moving every client of the base to another
 * stage with Set stage for selection. The prepare step adds one purchase for
 * every other client and a segment that uses measures.
 */
import type { Emulator } from '../../emulator';
import type { Benchmark } from '../harness';
import { segmentClientIds } from '../../src/app/segments/members';
import * as server from '../../src/server';

const RULE = 'Stage in ("Hot", "VIP") and "Spent 90d" > 100';

function addPurchasesAndSegment({ emu, size }: { emu: Emulator; size: number }): void {
  const today = Date.now();
  const purchases = Array.from({ length: Math.ceil(size / 2) }, (_, i) => [
    `C-B${String(i * 2).padStart(7, '0')}`,
    new Date(today - (i % 400) * 86_400_000),
    50 + (i % 10) * 40,
    'Tea',
  ]);
  emu.writeSheet('Purchases', [['Client ID', 'Date', 'Amount', 'Product'], ...purchases]);
  const [header, ...rows] = emu.readSheet('Segments');
  emu.writeSheet('Segments', [header, ...rows.map((r) => r.slice(0, 3)), ['Target', RULE, 'Hot or VIP clients who spent over 100 in 90 days']]);
}

const check = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** Five segments that each hold most of the base: what a team's real segment list looks like. */
export const BROAD_SEGMENTS = [
  ['Not lost', 'Stage != "Lost"'],
  ['Women', 'Gender = "Female"'],
  ['With email', 'Email is not empty'],
  ['With phone', 'Phone is not empty'],
  ['Has manager', 'Manager is not empty'],
] as const;

export const benchmarks: Benchmark[] = [
  {
    name: 'segments: save a new segment (sidebar)',
    op: 'segments.save',
    // The base as a team has it: the Target segment's tab built, the sidebar open (its first call warmed the Fields/Settings cache).
    prepare: (ctx) => {
      addPurchasesAndSegment(ctx);
      check(server.apiRefreshSegments());
      check(server.apiBootstrap());
    },
    run: ({ emu }) => {
      emu.cost.roundTrip();
      check(server.apiSaveSegment({ name: 'Moscow', rule: 'City = "Москва"', description: 'bench' }));
    },
  },
  {
    name: 'segments: count a segment (segmentClientIds)',
    prepare: addPurchasesAndSegment,
    run: () => {
      if (segmentClientIds('Target').length === 0) throw new Error('empty segment');
    },
  },
  {
    name: 'segments: preview a rule',
    prepare: addPurchasesAndSegment,
    run: () => {
      check(server.apiPreviewSegment(RULE));
    },
  },
  {
    name: 'segments: list 7 segments with counts',
    prepare: addPurchasesAndSegment,
    run: () => {
      check(server.apiListSegments());
    },
  },
  {
    name: 'segments: refresh 7 live tabs',
    op: 'segments.refresh',
    prepare: addPurchasesAndSegment,
    run: () => {
      check(server.apiRefreshSegments());
    },
  },
  {
    name: 'segments: set stage for all selected rows',
    prepare: (ctx) => {
      addPurchasesAndSegment(ctx);
      ctx.emu.setActiveSelection('Clients', `A2:A${ctx.size + 1}`);
      ctx.emu.ui.respondWith('VIP');
    },
    run: () => server.menuSetStageForSelection(),
  },
];
