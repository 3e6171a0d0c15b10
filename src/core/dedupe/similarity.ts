/** String similarity measures for short values (names, dates, codes). */

/** Reused flag buffers: this runs for every candidate pair, so it must not allocate. */
const buffers = [new Uint8Array(64), new Uint8Array(64)];

function scratch(which: 0 | 1, length: number): Uint8Array {
  if (buffers[which].length < length) buffers[which] = new Uint8Array(length * 2);
  const buffer = buffers[which];
  buffer.fill(0, 0, length);
  return buffer;
}

/** Jaro–Winkler similarity in 0..1 (1 = equal), with the usual 0.1 prefix scale over at most 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  const matchedA = scratch(0, la);
  const matchedB = scratch(1, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    const ch = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (!matchedB[j] && b.charCodeAt(j) === ch) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions),
 * giving up early: returns `limit + 1` as soon as the distance exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = 3): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > limit) return limit + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (la === lb && limit <= 1) return Math.min(sameLengthEdits(a, b), limit + 1);
  // Three reused rows: this runs for every candidate pair's emails and names, so it must not allocate.
  if (rows[0].length < lb + 1) for (let r = 0; r < 3; r++) rows[r] = new Int32Array((lb + 1) * 2);
  let prevPrev = rows[0];
  let prev = rows[1];
  let cur = rows[2];
  for (let j = 0; j <= lb; j++) {
    prev[j] = j;
    prevPrev[j] = 0;
  }
  // Only the band |i - j| ≤ limit can stay within the limit (Ukkonen); cells outside it count as over.
  const over = limit + 1;
  for (let i = 1; i <= la; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(lb, i + limit);
    cur[0] = i;
    if (from > 1) cur[from - 1] = over;
    let rowMin = i <= limit ? i : over;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, prevPrev[j - 2] + 1);
      if (d > over) d = over;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (to < lb) cur[to + 1] = over;
    if (rowMin > limit) return limit + 1;
    const recycled = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = recycled;
  }
  return Math.min(prev[lb], limit + 1);
}

const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Distance of two different strings of one length, up to 1 (2 meaning "more"): one substituted character or one
 * adjacent swap, as the full alignment would find, in one pass (phones and codes are compared this way all the time).
 */
function sameLengthEdits(a: string, b: string): number {
  let i = 0;
  const n = a.length;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return 0;
  // One substitution: the rest agrees.
  let rest = i + 1;
  while (rest < n && a.charCodeAt(rest) === b.charCodeAt(rest)) rest++;
  if (rest === n) return 1;
  // One adjacent swap: ab / ba, then the rest agrees.
  if (rest === i + 1 && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i)) {
    let k = i + 2;
    while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
    if (k === n) return 1;
  }
  return 2;
}

/** The distinct letters of a word in order: "robinson", "robinssno" and "rnbinsoo" share "binors". */
export function letterSet(word: string): string {
  // Plain a–z (nearly every skeleton) by a bit mask, without building a Set and an array per call.
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    if (c < 0 || c > 25) return Array.from(new Set(word)).sort().join('');
    mask |= 1 << c;
  }
  let out = '';
  for (let c = 0; c < 26; c++) if (mask & (1 << c)) out += String.fromCharCode(97 + c);
  return out;
}
