/**
 * Type-ahead search over names, company, email and phone that ignores case,
 * accents, the alphabet a name is written in ("Aleksandr" finds "Александр")
 * and phone formatting ("916 123" finds "+7 (916) 123-45-67"); a city is
 * found by its name in any language ("Kyiv" finds "Київ").
 */
import { placeNames } from '../normalize/places';
import { foldToLatin, latinSkeleton } from '../normalize/translit';

/** The name families a given name's skeleton belongs to (src/core/normalize/nicknames.ts), for "Саша" finding Александр. */
export type NameFamilies = (skeleton: string) => readonly number[];

/** NameFamilies from nicknameTable()'s text: one family of skeletons a line. */
export function familiesFromTable(table: string): NameFamilies {
  const index = new Map<string, number[]>();
  table.split('\n').forEach((line, family) => {
    for (const word of line.split(' ')) if (word) index.set(word, [...(index.get(word) ?? []), family]);
  });
  return (skeleton) => index.get(skeleton) ?? [];
}

export interface SearchDoc {
  id: string;
  /** Name families of the given names: a nickname or diminutive in the query finds the full name. */
  families?: readonly number[];
  /** Name and company words, as skeletons and as folded text. */
  words: string[];
  /** Lower-cased emails and other free text, searched by substring. */
  text: string;
  /** Digits of every phone, searched by substring. */
  digits: string;
}

export interface SearchSource {
  id: string;
  names: string[];
  /** Given names (also in `names`), read for nicknames when the search has a table of them. */
  givenNames?: string[];
  emails: string[];
  phones: string[];
  /** Cities: found by any of their spellings (Київ, Киев, Kyiv; СПб, St. Petersburg). */
  places?: string[];
}

function splitWords(text: string): string[] {
  return text.split(/[\s,.;:()"«»'’\-/]+/).filter(Boolean);
}

export function searchDoc(source: SearchSource, families?: NameFamilies): SearchDoc {
  const words = new Set<string>();
  const places = (source.places ?? []).flatMap((p) => (p.trim() === '' ? [] : (placeNames(p) ?? [p])));
  for (const name of [...source.names, ...places]) {
    for (const w of splitWords(name)) {
      const folded = foldToLatin(w.toLowerCase());
      if (folded) words.add(folded);
      const skeleton = latinSkeleton(w);
      if (skeleton) words.add(skeleton);
    }
  }
  const known = families ? [...new Set((source.givenNames ?? []).flatMap((n) => splitWords(n).flatMap((w) => families(latinSkeleton(w)))))] : [];
  return {
    id: source.id,
    ...(known.length ? { families: known } : {}),
    words: [...words],
    text: [...source.emails, ...source.names].join(' ').toLowerCase(),
    digits: source.phones.map((p) => p.replace(/\D/g, '')).join(' '),
  };
}

interface QueryToken {
  folded: string;
  skeleton: string;
  digits: string;
  raw: string;
}

function tokenMatchScore(doc: SearchDoc, token: QueryToken, families?: NameFamilies): number {
  if (token.digits.length >= 3 && token.digits === token.raw.replace(/[\s()+\-.]/g, '') && doc.digits.includes(token.digits)) return 3;
  let best = 0;
  for (const w of doc.words) {
    if (w === token.folded || (token.skeleton && w === token.skeleton)) return 3;
    if (w.startsWith(token.folded) || (token.skeleton && w.startsWith(token.skeleton))) best = Math.max(best, 2);
  }
  if (best === 0 && token.raw.length >= 3 && doc.text.includes(token.raw)) best = 1;
  // A whole diminutive or nickname (Саша, Bob) finds the given names of its family, below an exact or prefix match.
  if (best < 2 && families && doc.families && token.skeleton.length >= 2 && families(token.skeleton).some((f) => doc.families!.includes(f))) best = 2;
  return best;
}

const MAX_QUERY = 200;

/** Best matches first; every query word must match something in the client. */
export function searchDocs(docs: readonly SearchDoc[], query: string, limit = 20, families?: NameFamilies): { id: string; score: number }[] {
  const tokens: QueryToken[] = splitWords(query.slice(0, MAX_QUERY).toLowerCase())
    .slice(0, 8)
    .map((raw) => ({ raw, folded: foldToLatin(raw), skeleton: latinSkeleton(raw), digits: raw.replace(/\D/g, '') }));
  // An email is one token: split at "." and "@", its ".ru" ending would match nothing.
  const email = query.trim().toLowerCase();
  if (/^\S+@\S*$/.test(email)) {
    return docs
      .filter((d) => d.text.includes(email))
      .map((d) => ({ id: d.id, score: 3 }))
      .slice(0, limit);
  }
  // A query of phone digits split by spaces ("916 123 45") is one number, not three words.
  const joinedDigits = query.replace(/[\s()+\-.]/g, '');
  if (/^\d{3,}$/.test(joinedDigits) && tokens.length > 1) {
    tokens.splice(0, tokens.length, { raw: joinedDigits, folded: joinedDigits, skeleton: '', digits: joinedDigits });
  }
  if (tokens.length === 0) return [];
  const hits: { id: string; score: number }[] = [];
  for (const doc of docs) {
    let score = 0;
    for (const t of tokens) {
      const s = tokenMatchScore(doc, t, families);
      if (s === 0) {
        score = 0;
        break;
      }
      score += s;
    }
    if (score > 0) hits.push({ id: doc.id, score });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
