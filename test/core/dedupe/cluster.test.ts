import { describe, expect, it } from 'vitest';
import { clusterPairs, type WeightedEdge } from '../../../src/core/dedupe/cluster';

/** Scores given as a symmetric table; unlisted pairs score `missing`. */
function table(pairs: Array<[number, number, number]>, missing: number) {
  const map = new Map<string, number>();
  for (const [i, j, s] of pairs) map.set(`${Math.min(i, j)}-${Math.max(i, j)}`, s);
  return (i: number, j: number) => map.get(`${Math.min(i, j)}-${Math.max(i, j)}`) ?? missing;
}

const options = (scorePair: (i: number, j: number) => number) => ({ linkThreshold: 10, strongEdge: 14, scorePair });

describe('clusterPairs', () => {
  it('does not chain two people through one weak link', () => {
    // 0–1 and 2–3 are strong pairs; 1–2 is a single weak link; across the two groups everything else disagrees.
    const scores: Array<[number, number, number]> = [
      [0, 1, 30],
      [2, 3, 30],
      [1, 2, 11],
      [0, 2, -8],
      [0, 3, -8],
      [1, 3, -8],
    ];
    const edges: WeightedEdge[] = scores.filter(([, , s]) => s >= 10).map(([i, j, score]) => ({ i, j, score }));
    const groups = clusterPairs(4, edges, options(table(scores, -8))).map((c) => c.members);
    expect(groups).toEqual(
      expect.arrayContaining([
        [0, 1],
        [2, 3],
      ]),
    );
    expect(groups).toHaveLength(2);
  });

  it('joins a record that matches the group as a whole', () => {
    // 2 matches 0 strongly and 1 moderately: on average it belongs with them.
    const scores: Array<[number, number, number]> = [
      [0, 1, 25],
      [0, 2, 20],
      [1, 2, 6],
    ];
    const edges: WeightedEdge[] = scores.map(([i, j, score]) => ({ i, j, score }));
    const [group] = clusterPairs(3, edges, options(table(scores, 0)));
    expect(group.members).toEqual([0, 1, 2]);
    expect(group.joinedAt(1, 2)).toBeGreaterThanOrEqual(10);
  });

  it('never puts a cannot-link pair together', () => {
    const scores: Array<[number, number, number]> = [
      [0, 1, 30],
      [1, 2, 30],
      [0, 2, 30],
    ];
    const edges: WeightedEdge[] = scores.map(([i, j, score]) => ({ i, j, score }));
    const groups = clusterPairs(3, edges, { ...options(table(scores, 0)), cannotLink: (i, j) => (i === 0 && j === 2) || (i === 2 && j === 0) });
    for (const g of groups) expect(g.members.includes(0) && g.members.includes(2)).toBe(false);
  });

  it('returns nothing for no edges', () => {
    expect(
      clusterPairs(
        5,
        [],
        options(() => 0),
      ),
    ).toEqual([]);
  });
});
