/**
 * A small labelled slice of the ru/uk/ro/en development set (bench/dedupe-devset.ts,
 * seed 777, never tuned on), kept as files so that it does not move when the
 * generator does: 143 clients, one person typed twice in the usual ways, and the
 * look-alikes who are two people (households, siblings, colleagues, namesakes,
 * father and son, spouses). Read the way the command line reads a CSV
 * (Russian headers mapped by mapColumns), default configuration.
 * Floors, not the bench's figures: the bench (`npm run bench:dedupe`) measures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/csv/parse';
import { mapColumns, rowToRecord } from '../../../src/core/dedupe/columns';
import { findDuplicates } from '../../../src/core/dedupe/engine';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const [headers, ...rows] = parseCsv(fixture('devset-777.csv'));
const entityOf = new Map(
  parseCsv(fixture('devset-777-entities.csv'))
    .slice(1)
    .map(([id, e]) => [id, e] as const),
);
const planted = parseCsv(fixture('devset-777-pairs.csv'))
  .slice(1)
  .map(([a, b, kind]) => ({ a, b, kind }));
const NEGATIVE = new Set(['household', 'siblings', 'colleagues', 'namesakes', 'father-son', 'spouses']);

const records = rows.filter((r) => r.length > 1).map((r, i) => rowToRecord(r, headers, mapColumns(headers), `row ${i + 2}`));
const { pairs, groups } = findDuplicates(records);
const key = (a: string, b: string) => (a < b ? `${a}+${b}` : `${b}+${a}`);
const found = new Set(pairs.map((p) => key(p.a, p.b)));

function truePairs(): Set<string> {
  const byEntity = new Map<string, string[]>();
  for (const [id, e] of entityOf) byEntity.set(e, [...(byEntity.get(e) ?? []), id]);
  const out = new Set<string>();
  for (const ids of byEntity.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.add(key(ids[i], ids[j]));
  return out;
}

describe('the labelled dev-set slice', () => {
  it('reads every client', () => {
    expect(records.length).toBe(143);
    expect(entityOf.size).toBe(143);
  });

  it('proposes pairs with precision ≥ 0.97 at recall ≥ 0.90', () => {
    const truth = truePairs();
    const tp = [...found].filter((k) => truth.has(k)).length;
    expect(tp / found.size, 'precision').toBeGreaterThanOrEqual(0.97);
    expect(tp / truth.size, 'recall').toBeGreaterThanOrEqual(0.9);
  });

  it('keeps groups precise: every pair inside a group is one person (closure precision ≥ 0.95)', () => {
    const truth = truePairs();
    let inGroups = 0;
    let right = 0;
    for (const g of groups) {
      for (let i = 0; i < g.members.length; i++) {
        for (let j = i + 1; j < g.members.length; j++) {
          inGroups++;
          if (truth.has(key(g.members[i], g.members[j]))) right++;
        }
      }
    }
    expect(inGroups).toBeGreaterThan(0);
    expect(right / inGroups).toBeGreaterThanOrEqual(0.95);
  });

  it('proposes none of the planted look-alikes who are two people', () => {
    const proposed = planted.filter((p) => NEGATIVE.has(p.kind) && found.has(key(p.a, p.b))).map((p) => `${p.kind}: ${p.a} ~ ${p.b}`);
    expect(proposed).toEqual([]);
  });
});
