/**
 * The duplicate finder: one engine for the sidebar warning, the batch
 * "Find duplicates", the command line and mail-merge suppression.
 *
 * Defaults (one fixed configuration, no per-dataset switches):
 * - a pair scoring at least `DEFAULT_POSSIBLE_THRESHOLD` is proposed for review;
 * - at least `DEFAULT_SURE_THRESHOLD` it is called a sure duplicate;
 * - groups are formed by average linkage at the possible threshold.
 */
import type { CountryCode } from '../normalize/phone';
import type { PersonRecord } from './record';
import { prepareRecord, type PreparedRecord } from './features';
import { countFrequencies, type Frequencies } from './frequency';
import { bitsToScore, pairBits, pairContradicts, scoreMidpoint, scoreToBits, weighPair } from './score';
import { blockingKeys, buildBlocks, forEachCandidatePair } from './blocking';
import { clusterPairs, type WeightedEdge } from './cluster';

export const DEFAULT_SURE_THRESHOLD = 0.9;
export const DEFAULT_POSSIBLE_THRESHOLD = 0.5;

export interface DedupeOptions {
  defaultCountry?: CountryCode;
  sureThreshold?: number;
  possibleThreshold?: number;
  /** Pairs of ids never to propose again ("not duplicates" decisions). */
  notDuplicates?: ReadonlyArray<readonly [string, string]>;
  /**
   * buildMatchIndex only: the records are a sample (the rows a sidebar sent) of a base this big;
   * a shared value's rarity is weighed against the whole base's size.
   */
  baseSize?: number;
}

export interface ScoredPair {
  a: string;
  b: string;
  /** 0..1 */
  score: number;
  level: 'sure' | 'possible';
  /** Plain language, strongest first, e.g. 'same phone', 'nickname match on first name (Rob = Robert)'. */
  reasons: string[];
}

export interface DuplicateGroup {
  members: string[];
  /**
   * Average over the member pairs, but below the sure threshold unless every
   * pair in the group is itself a sure duplicate: a "sure group" is one
   * where each member is surely each other member.
   */
  score: number;
  /** 'sure' only when every pair in it is. */
  level: 'sure' | 'possible';
  pairs: ScoredPair[];
}

interface Settings {
  sure: number;
  possible: number;
  defaultCountry?: CountryCode;
  notDuplicates: Set<string>;
}

function settingsOf(options: DedupeOptions | undefined): Settings {
  const clamp = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : fallback);
  const possible = clamp(options?.possibleThreshold, DEFAULT_POSSIBLE_THRESHOLD);
  const sure = Math.max(possible, clamp(options?.sureThreshold, DEFAULT_SURE_THRESHOLD));
  const notDuplicates = new Set<string>();
  for (const pair of options?.notDuplicates ?? []) {
    if (Array.isArray(pair) && pair.length >= 2) notDuplicates.add(pairId(String(pair[0]), String(pair[1])));
  }
  return { sure, possible, defaultCountry: options?.defaultCountry, notDuplicates };
}

function pairId(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function toScoredPair(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, settings: Settings): ScoredPair {
  const evidence = weighPair(a, b, freq, true);
  const exact = bitsToScore(evidence.bits, scoreMidpoint(freq.total));
  return { a: a.id, b: b.id, score: round(exact), level: exact >= settings.sure ? 'sure' : 'possible', reasons: evidence.reasons };
}

function round(score: number): number {
  return Math.round(score * 10000) / 10000;
}

/**
 * Pairs weaker than the possible threshold by this many bits still take part
 * in grouping: a record that matches a group as a whole (but no single member
 * strongly) joins it when the group's average says so.
 */
const GROUPING_MARGIN_BITS = 4;

/**
 * Every likely duplicate pair and the groups they form. Groups come from
 * average linkage over the pair evidence; `pairs` holds the direct pairs at or
 * above the possible threshold and, for each group, its other member pairs
 * (scored by how strongly the group ties them, with the reason "same group").
 */
export function findDuplicates(records: PersonRecord[], options?: DedupeOptions): { pairs: ScoredPair[]; groups: DuplicateGroup[] } {
  const settings = settingsOf(options);
  const prepared = records.map((r) => prepareRecord(r, settings.defaultCountry));
  const freq = countFrequencies(prepared);
  const blocks = buildBlocks(prepared);
  const forbidden = (i: number, j: number) => settings.notDuplicates.size > 0 && settings.notDuplicates.has(pairId(prepared[i].id, prepared[j].id));
  const midpoint = scoreMidpoint(freq.total);
  const possibleBits = scoreToBits(settings.possible, midpoint);
  const edges: WeightedEdge[] = [];
  forEachCandidatePair(blocks, prepared.length, (i, j) => {
    if (prepared[i].id === prepared[j].id && prepared[i].id !== '') return;
    const bits = pairBits(prepared[i], prepared[j], freq);
    if (bits >= possibleBits - GROUPING_MARGIN_BITS && !forbidden(i, j)) edges.push({ i, j, score: bits });
  });
  // A pair with strong evidence of two people (father and son, spouses) is never joined through others.
  const contradicts = new Map<number, boolean>();
  const cannotLink = (i: number, j: number) => {
    if (forbidden(i, j)) return true;
    const key = i < j ? i * prepared.length + j : j * prepared.length + i;
    let c = contradicts.get(key);
    if (c === undefined) contradicts.set(key, (c = pairContradicts(prepared[i], prepared[j], freq)));
    return c;
  };
  const clusters = clusterPairs(prepared.length, edges, {
    linkThreshold: possibleBits,
    strongEdge: scoreToBits(settings.sure, midpoint),
    scorePair: (i, j) => pairBits(prepared[i], prepared[j], freq),
    cannotLink,
  });

  const pairByKey = new Map<string, ScoredPair>();
  for (const e of edges) {
    if (e.score < possibleBits) continue;
    const pair = toScoredPair(prepared[e.i], prepared[e.j], freq, settings);
    pairByKey.set(pairId(pair.a, pair.b), pair);
  }
  const groups: DuplicateGroup[] = clusters.map((c) => {
    const inGroup: ScoredPair[] = [];
    for (let x = 0; x < c.members.length; x++) {
      for (let y = x + 1; y < c.members.length; y++) {
        const i = c.members[x];
        const j = c.members[y];
        const key = pairId(prepared[i].id, prepared[j].id);
        let pair = pairByKey.get(key);
        if (!pair) {
          pair = groupPair(prepared, i, j, c.joinedAt(i, j), c.members, freq, settings);
          pairByKey.set(key, pair);
        }
        inGroup.push(pair);
      }
    }
    const allSure = inGroup.every((p) => p.level === 'sure');
    const average = round(bitsToScore(c.score, midpoint));
    return {
      members: c.members.map((m) => prepared[m].id),
      score: allSure ? Math.max(average, settings.sure) : Math.min(average, round(settings.sure - 0.0001)),
      level: allSure ? 'sure' : 'possible',
      pairs: inGroup.sort((p, q) => q.score - p.score),
    };
  });
  groups.sort((g, h) => h.score - g.score);
  const pairs = Array.from(pairByKey.values()).sort((p, q) => q.score - p.score);
  return { pairs, groups };
}

/** A pair that is in one group because of the others, not (only) because of what the two share. */
function groupPair(
  prepared: ReadonlyArray<PreparedRecord>,
  i: number,
  j: number,
  joinedBits: number,
  members: number[],
  freq: Frequencies,
  settings: Settings,
): ScoredPair {
  const direct = toScoredPair(prepared[i], prepared[j], freq, settings);
  const exact = Math.max(bitsToScore(joinedBits, scoreMidpoint(freq.total)), direct.level === 'sure' ? settings.sure : 0);
  // Never shown as sure when it is not: a group score is capped below the sure threshold for a pair not sure on its own.
  const score = direct.level === 'sure' ? Math.max(direct.score, round(exact)) : Math.min(Math.max(direct.score, round(exact)), round(settings.sure - 0.0001));
  const others = members.filter((m) => m !== i && m !== j).map((m) => prepared[m].id);
  const shown = others.slice(0, 3).join(', ') + (others.length > 3 ? ` and ${others.length - 3} more` : '');
  return {
    ...direct,
    score,
    // Sure only on its own evidence: a chain through the others never makes a pair sure.
    level: direct.level,
    reasons: [`same group: both match ${shown}`, ...direct.reasons],
  };
}

/** A prepared base for checking one new or edited client at a time (the sidebar warning). */
export interface MatchIndex {
  readonly prepared: ReadonlyArray<PreparedRecord>;
  readonly freq: Frequencies;
  readonly blocks: ReadonlyMap<string, number[]>;
  readonly settings: Settings;
}

/** Blocks larger than this are too unselective to scan for one candidate. */
const MAX_LOOKUP_BLOCK = 400;

export function buildMatchIndex(records: PersonRecord[], options?: DedupeOptions): MatchIndex {
  const settings = settingsOf(options);
  const prepared = records.map((r) => prepareRecord(r, settings.defaultCountry));
  const blocks = new Map<string, number[]>();
  prepared.forEach((r, i) => {
    for (const key of new Set(blockingKeys(r))) {
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  });
  const freq = countFrequencies(prepared);
  const baseSize = options?.baseSize;
  if (typeof baseSize === 'number' && Number.isFinite(baseSize) && baseSize > freq.total) freq.total = Math.min(Math.floor(baseSize), 10_000_000);
  return { prepared, freq, blocks, settings };
}

/**
 * Existing clients that look like `candidate`, best first (score ≥ possible
 * threshold). `candidate.id` may be '' for a client not saved yet; the record
 * with the same id (the one being edited) is never reported.
 */
export function findMatches(index: MatchIndex, candidate: PersonRecord, limit = 5): ScoredPair[] {
  const settings = index.settings;
  const probe = prepareRecord(candidate, settings.defaultCountry);
  const seen = new Set<number>();
  const found: ScoredPair[] = [];
  for (const key of new Set(blockingKeys(probe))) {
    const block = index.blocks.get(key);
    if (!block || block.length > MAX_LOOKUP_BLOCK) continue;
    for (const j of block) {
      if (seen.has(j)) continue;
      seen.add(j);
      const other = index.prepared[j];
      if (probe.id !== '' && other.id === probe.id) continue;
      if (settings.notDuplicates.has(pairId(probe.id, other.id))) continue;
      const score = bitsToScore(pairBits(probe, other, index.freq), scoreMidpoint(index.freq.total));
      if (score >= settings.possible) found.push(toScoredPair(probe, other, index.freq, settings));
    }
  }
  found.sort((p, q) => q.score - p.score);
  return found.slice(0, Math.max(0, limit));
}

const AGAINST = /^different /;

/** One sentence for people: "Sure duplicate (score 0.97): same phone; nickname match on first name (Rob = Robert)." */
export function explainPair(pair: ScoredPair): string {
  const level = pair.level === 'sure' ? 'Sure duplicate' : 'Possible duplicate';
  const reasons = Array.isArray(pair.reasons) ? pair.reasons : [];
  const forIt = reasons.filter((r) => !AGAINST.test(r));
  const against = reasons.filter((r) => AGAINST.test(r));
  let sentence = `${level} (score ${Number(pair.score).toFixed(2)})`;
  if (forIt.length) sentence += `: ${forIt.join('; ')}`;
  if (against.length) sentence += `${forIt.length ? ', but' : ':'} ${against.join('; ')}`;
  return sentence + '.';
}
