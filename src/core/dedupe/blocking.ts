/**
 * Candidate generation: records are only compared when they share at least
 * one blocking key (the same phone, email, birth date, surname skeleton with a
 * first initial, …). Each record has a handful of keys, so the work grows
 * about linearly with the number of clients. A key shared by too many records
 * ("Ivanov + A" in a big base) is not expanded into all its pairs: its members
 * are sorted and each is compared only with its nearest neighbours.
 */
import type { PreparedRecord } from './features';
import { letterSet } from './similarity';

/** Blocks up to this size are compared all-pairs. */
export const MAX_FULL_BLOCK = 24;
/** In larger blocks, each record is compared with this many neighbours on each side. */
export const NEIGHBOUR_WINDOW = 6;
/**
 * Broad keys (surname + first initial, a first name's sound + surname
 * initial, birth year + city) catch what the others miss, but their blocks
 * are big: they are searched all-pairs only when small, and with a narrow window.
 */
function isBroadKey(key: string): boolean {
  const a = key.charCodeAt(0);
  const b = key.charCodeAt(1);
  // n1: fs: yc: ll:
  return key.charCodeAt(2) === 58 && ((a === 110 && b === 49) || (a === 102 && b === 115) || (a === 121 && b === 99) || (a === 108 && b === 108));
}
const MAX_FULL_BROAD_BLOCK = 8;
const BROAD_WINDOW = 2;

/** The blocking keys of one record; distinct prefixes keep kinds of key apart. */
export function blockingKeys(r: PreparedRecord): string[] {
  const keys: string[] = [];
  for (const p of r.phones) keys.push('p:' + p);
  // One key per phone whatever the default country: +7 916…, 8 916… and 916… share their last 8 digits.
  for (const t of r.phoneTails) if (t.length === 8) keys.push('pt:' + t);
  for (const e of r.emails) keys.push('e:' + e);
  for (const l of r.emailLocals) {
    if (l.length < 4) continue;
    keys.push('l:' + l);
    // ivan.petrov77@ and ivan.petrov7@: a typo in the digits still meets.
    const letters = l.replace(/\d+/g, '');
    if (letters !== l && letters.length >= 5) keys.push('ll:' + letters);
  }
  if (r.nationalId && r.nationalId.length >= 4) keys.push('i:' + r.nationalId);
  const first = r.first?.skeleton ?? '';
  const last = r.last?.skeleton ?? '';
  const birth = r.birth;
  // "n:" keys are symmetric in first/last so that swapped names meet.
  if (last && first) {
    keys.push('n:' + last + '|' + first.slice(0, 2));
    keys.push('n:' + first + '|' + last.slice(0, 2));
    keys.push('nn:' + (first < last ? first + '|' + last : last + '|' + first));
    for (const f of r.first?.families ?? []) keys.push('nf:' + last + '|' + f);
    // Initials (Петров А. В.) and sound-alike spellings: surname with the first letter only, and the first name's sound with the surname's initial.
    keys.push('n1:' + last + '|' + first[0]);
    if (r.last!.alt) keys.push('n1:' + r.last!.alt + '|' + first[0]);
    if (r.first!.sound.length >= 2) keys.push('fs:' + r.first!.sound + '|' + (r.last!.sound[0] ?? last[0]));
  }
  // A lone name ("Hampden" as the first name, the surname empty) may be either: it gets the keys of both fields.
  const asLast = last || first;
  const asFirst = first || last;
  if (birth) {
    keys.push('d:' + birth.key);
    const year = String(birth.year);
    if (asLast) keys.push('dl:' + letterSet(asLast) + '|' + year);
    if (asFirst) keys.push('df:' + letterSet(asFirst) + '|' + year);
    if (birth.precision === 'day') {
      const monthDay = birth.key.slice(4);
      if (asLast) keys.push('ml:' + monthDay + '|' + asLast.slice(0, 2));
      if (asFirst) keys.push('mf:' + monthDay + '|' + asFirst.slice(0, 2));
    }
  }
  if (r.postcode) {
    if (asLast) keys.push('pl:' + r.postcode + '|' + asLast.slice(0, 3));
    if (asFirst) keys.push('pf:' + r.postcode + '|' + asFirst.slice(0, 3));
  }
  // One house: a record that kept only its surname, or whose names and date were all mistyped, still meets its address.
  if (r.street?.number && r.street.words.length >= 4) keys.push('sa:' + r.street.number + '|' + r.street.words);
  if (r.city && last && first) keys.push('cn:' + r.city + '|' + letterSet(last) + '|' + first[0]);
  if (r.city && birth) keys.push('yc:' + r.city + '|' + birth.year);
  return keys;
}

/** Sort order inside an oversized block: similar records end up next to each other. */
function neighbourhoodKey(r: PreparedRecord): string {
  // A lone first name sorts as a surname: it is as likely to be one (see the keys above).
  const last = r.last?.skeleton ?? r.first?.skeleton ?? '';
  return last + ' ' + (r.last ? (r.first?.skeleton ?? '') : '') + ' ' + (r.birth?.key ?? '');
}

export interface BlockIndex {
  blocks: Map<string, number[]>;
  /** Blocks of broad keys, searched more narrowly. */
  broad: Set<number[]>;
  /** Per record, the blocks it belongs to, and its position in each (blocks are in neighbourhood order). */
  blocksOf: number[][][];
  positionsOf: number[][];
}

/**
 * Builds the blocks. Records are added in neighbourhood order (surname,
 * given name, birth date), so every block's members are already sorted and
 * an oversized block's "nearest neighbours" are simply the adjacent entries.
 */
export function buildBlocks(records: ReadonlyArray<PreparedRecord>): BlockIndex {
  const sortKeys = records.map(neighbourhoodKey);
  const order = records.map((_, i) => i).sort((x, y) => (sortKeys[x] < sortKeys[y] ? -1 : sortKeys[x] > sortKeys[y] ? 1 : x - y));
  const blocks = new Map<string, number[]>();
  const broad = new Set<number[]>();
  const blocksOf: number[][][] = new Array(records.length);
  const positionsOf: number[][] = new Array(records.length);
  for (const i of order) {
    const mine: number[][] = [];
    const positions: number[] = [];
    for (const key of blockingKeys(records[i])) {
      let block = blocks.get(key);
      if (!block) {
        blocks.set(key, (block = []));
        if (isBroadKey(key)) broad.add(block);
      } else if (block[block.length - 1] === i) continue; // the same key twice for one record
      positions.push(block.length);
      block.push(i);
      mine.push(block);
    }
    blocksOf[i] = mine;
    positionsOf[i] = positions;
  }
  return { blocks, broad, blocksOf, positionsOf };
}

/**
 * Calls `visit(i, j)` once for every candidate pair with i < j: all pairs of
 * small blocks, and neighbours within `NEIGHBOUR_WINDOW` in large ones.
 * `seen` stamps avoid scoring a pair twice when it shares several keys.
 */
export function forEachCandidatePair(index: BlockIndex, count: number, visit: (i: number, j: number) => void): void {
  const seen = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const blocks = index.blocksOf[i];
    const positions = index.positionsOf[i];
    for (let k = 0; k < blocks.length; k++) {
      const block = blocks[k];
      if (block.length < 2) continue;
      let from = 0;
      let to = block.length - 1;
      const isBroad = index.broad.has(block);
      if (block.length > (isBroad ? MAX_FULL_BROAD_BLOCK : MAX_FULL_BLOCK)) {
        const window = isBroad ? BROAD_WINDOW : NEIGHBOUR_WINDOW;
        from = Math.max(0, positions[k] - window);
        to = Math.min(block.length - 1, positions[k] + window);
      }
      for (let p = from; p <= to; p++) {
        const j = block[p];
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        visit(i, j);
      }
    }
  }
}
