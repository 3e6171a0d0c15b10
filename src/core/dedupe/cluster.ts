/**
 * Groups from scored pairs without chaining: connected components would put
 * A and C together because each looks a bit like B. Inside each component the
 * records are joined by average linkage instead: two sub-groups merge only if
 * their members match each other on average, so one weak link cannot pull two
 * different people together. "Score" here is any additive similarity; the
 * engine uses the pair's evidence in bits, where a pair with nothing to compare
 * is neutral (0) rather than counted as a mismatch.
 */

export interface WeightedEdge {
  i: number;
  j: number;
  score: number;
}

export interface ClusterOptions {
  /** Minimum average score between two sub-groups for them to merge. */
  linkThreshold: number;
  /** Score of any pair inside a component (pairs without an edge are scored on demand). */
  scorePair: (i: number, j: number) => number;
  /** Pairs that must never end up in one group ("not duplicates" decisions). */
  cannotLink?: (i: number, j: number) => boolean;
  /** Components larger than this are split by their strong edges only (average linkage is cubic). */
  maxComponent?: number;
  /** Edge score that alone is enough to join two records in an oversized component. */
  strongEdge: number;
}

export interface Cluster {
  members: number[];
  /** Average score over all member pairs. */
  score: number;
  /**
   * For each pair of members, the average-linkage score at which their two
   * sub-groups were joined (≥ the link threshold): how strongly the group as a
   * whole ties them, even when the two records share little directly.
   */
  joinedAt: (i: number, j: number) => number;
}

export function clusterPairs(count: number, edges: ReadonlyArray<WeightedEdge>, options: ClusterOptions): Cluster[] {
  const components = connectedComponents(count, edges);
  const byPair = new Map<number, number>();
  for (const e of edges) byPair.set(pairKey(e.i, e.j, count), e.score);
  const scoreOf = (i: number, j: number): number => {
    const known = byPair.get(pairKey(i, j, count));
    return known !== undefined ? known : options.scorePair(i, j);
  };
  const clusters: Cluster[] = [];
  const maxComponent = options.maxComponent ?? 250;
  for (const component of components) {
    if (component.length < 2) continue;
    if (component.length > maxComponent) {
      const inComponent = new Set(component);
      const strong = edges.filter((e) => e.score >= options.strongEdge && inComponent.has(e.i));
      for (const part of connectedComponents(count, strong)) {
        if (part.length >= 2) {
          const c = withScore(part, scoreOf);
          clusters.push({ ...c, joinedAt: () => c.score });
        }
      }
      continue;
    }
    const joined = new Map<number, number>();
    for (const part of averageLinkage(component, scoreOf, options, (left, right, score) => {
      for (const x of left) for (const y of right) joined.set(pairKey(x, y, count), score);
    })) {
      if (part.length >= 2) clusters.push({ ...withScore(part, scoreOf), joinedAt: (i, j) => joined.get(pairKey(i, j, count)) ?? 0 });
    }
  }
  return clusters;
}

function pairKey(i: number, j: number, count: number): number {
  return i < j ? i * count + j : j * count + i;
}

function withScore(members: number[], scoreOf: (i: number, j: number) => number): Omit<Cluster, 'joinedAt'> {
  let total = 0;
  let n = 0;
  for (let x = 0; x < members.length; x++) {
    for (let y = x + 1; y < members.length; y++) {
      total += scoreOf(members[x], members[y]);
      n++;
    }
  }
  return { members: members.slice().sort((a, b) => a - b), score: n ? total / n : 0 };
}

function connectedComponents(count: number, edges: ReadonlyArray<WeightedEdge>): number[][] {
  const parent = new Int32Array(count);
  for (let i = 0; i < count; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const touched = new Set<number>();
  for (const e of edges) {
    touched.add(e.i);
    touched.add(e.j);
    const a = find(e.i);
    const b = find(e.j);
    if (a !== b) parent[a] = b;
  }
  const groups = new Map<number, number[]>();
  for (const i of touched) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  return Array.from(groups.values());
}

/** Agglomerative average linkage over one component, best merge first. */
function averageLinkage(
  members: number[],
  scoreOf: (i: number, j: number) => number,
  options: ClusterOptions,
  onMerge: (left: number[], right: number[], score: number) => void,
): number[][] {
  const n = members.length;
  // sums[x][y]: total pair score between current clusters x and y.
  const sums: Float64Array[] = [];
  for (let x = 0; x < n; x++) {
    sums.push(new Float64Array(n));
    for (let y = 0; y < x; y++) {
      const s = scoreOf(members[x], members[y]);
      sums[x][y] = s;
      sums[y][x] = s;
    }
  }
  const parts: Array<number[] | null> = members.map((m) => [m]);
  const forbidden = (a: number[], b: number[]): boolean => {
    if (!options.cannotLink) return false;
    for (const x of a) for (const y of b) if (options.cannotLink(x, y)) return true;
    return false;
  };
  for (;;) {
    let bestX = -1;
    let bestY = -1;
    let best = -Infinity;
    for (let x = 0; x < n; x++) {
      const px = parts[x];
      if (!px) continue;
      for (let y = x + 1; y < n; y++) {
        const py = parts[y];
        if (!py) continue;
        const avg = sums[x][y] / (px.length * py.length);
        if (avg > best && avg >= options.linkThreshold && !forbidden(px, py)) {
          best = avg;
          bestX = x;
          bestY = y;
        }
      }
    }
    if (bestX < 0) break;
    onMerge(parts[bestX]!, parts[bestY]!, best);
    const merged = parts[bestX]!.concat(parts[bestY]!);
    parts[bestX] = merged;
    parts[bestY] = null;
    for (let z = 0; z < n; z++) {
      if (z === bestX || !parts[z]) continue;
      const s = sums[bestX][z] + sums[bestY][z];
      sums[bestX][z] = s;
      sums[z][bestX] = s;
    }
  }
  return parts.filter((p): p is number[] => p !== null);
}
