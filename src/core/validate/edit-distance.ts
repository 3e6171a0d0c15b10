/**
 * Edit distance counting a swap of two neighbouring letters as one edit
 * ("Hto" → "Hot"), the commonest typo (optimal string alignment distance).
 * Gives up early once the distance exceeds `max`: suggestions and fuzzy
 * header matching only care about small distances.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, before[j - 2] + 1);
      }
      current[j] = d;
      if (d < rowBest) rowBest = d;
    }
    if (rowBest > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] > max ? max + 1 : previous[b.length];
}

/** The candidate closest to `text` within `max` edits (ties: the first listed), or undefined. */
export function closest<T>(text: string, candidates: readonly T[], keyOf: (c: T) => string, max: number): T | undefined {
  let best: T | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    const d = editDistance(text, keyOf(candidate), bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}
