/**
 * Duplicates among company records (a Companies tab, `clientbase dedupe
 * --companies`): one company typed twice, as ООО «Ромашка» and Romashka LLC,
 * or once with its tax ID and once without. A company is not a person: its
 * name is the strong field (no namesakes in the same sense, no gendered forms),
 * its tax ID (ИНН, ЄДРПОУ, IDNO, CUI) names one legal entity, and its phone,
 * role mailboxes and web domain are its own rather than a household's.
 * Same evidence-in-bits model as the person engine, same groups and reasons.
 */
import type { CountryCode } from '../normalize/phone';
import { clusterPairs, type WeightedEdge } from './cluster';
import { companyNameKey } from './company-key';
import type { DuplicateGroup, ScoredPair } from './engine';
import { DEFAULT_POSSIBLE_THRESHOLD, DEFAULT_SURE_THRESHOLD } from './engine';
import { placeKey, prepareRecord } from './features';
import { bitsToScore, scoreToBits } from './score';
import { editDistance, jaroWinkler } from './similarity';

/** One company as typed; every field optional. */
export interface CompanyRecord {
  id: string;
  name?: string;
  /** ИНН, ЄДРПОУ, IDNO, CUI/CIF, VAT number: one legal entity. */
  taxId?: string;
  street?: string;
  city?: string;
  postcode?: string;
  country?: string;
  phones?: string[];
  emails?: string[];
  /** Web site or domain: "https://www.romashka.ru/about", "romashka.ru". */
  site?: string;
}

export interface CompanyDedupeOptions {
  defaultCountry?: CountryCode;
  possibleThreshold?: number;
  sureThreshold?: number;
}

interface PreparedCompany {
  id: string;
  raw: string;
  name: string;
  /** The name's words, sorted: "Trade Romashka" and "Romashka Trade" agree. */
  sortedName: string;
  taxId: string;
  phones: string[];
  emails: string[];
  /** Web domains that are the company's own (its site, its non-webmail email domains). */
  domains: string[];
  street: string;
  city: string;
  postcode: string;
  country: string;
}

/** Mail providers whose domain says nothing about the company. */
const WEBMAIL = new Set(
  (
    'gmail.com googlemail.com mail.ru bk.ru list.ru inbox.ru internet.ru yandex.ru ya.ru yandex.ua yandex.com rambler.ru ' +
    'ukr.net i.ua meta.ua bigmir.net email.ua outlook.com hotmail.com live.com msn.com yahoo.com yahoo.ro yahoo.co.uk ' +
    'icloud.com me.com aol.com gmx.de gmx.net web.de proton.me protonmail.com mail.md rambler.md mail.com zoho.com'
  ).split(' '),
);

const MAX_FIELD = 300;
const MAX_LIST = 20;

function text(value: unknown): string {
  return value == null ? '' : String(value).slice(0, MAX_FIELD).trim();
}

/** "https://www.Romashka.ru/about" → "romashka.ru"; '' when it is not a domain. */
export function siteDomain(raw: unknown): string {
  const t = text(raw)
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#:].*$/, '');
  return /^[a-z0-9а-яёіїєґ-]+(\.[a-z0-9а-яёіїєґ-]+)+$/.test(t) ? t : '';
}

function prepareCompany(record: CompanyRecord, defaultCountry: CountryCode | undefined): PreparedCompany {
  // Phones, emails and places are read exactly as for people (E.164, Gmail dots, Москва = Moscow).
  const contact = prepareRecord(
    { id: '', phones: record.phones, emails: record.emails, street: record.street, city: record.city, postcode: record.postcode, country: record.country },
    defaultCountry,
  );
  const name = companyNameKey(text(record.name));
  const domains = new Set<string>();
  const site = siteDomain(record.site);
  if (site) domains.add(site);
  for (const e of contact.emails) {
    const domain = e.slice(e.lastIndexOf('@') + 1);
    if (domain && !WEBMAIL.has(domain)) domains.add(domain);
  }
  return {
    id: String(record.id ?? ''),
    raw: text(record.name),
    name,
    sortedName: name.split(' ').sort().join(' '),
    taxId: text(record.taxId)
      .replace(/[^0-9A-Za-z]/g, '')
      .toUpperCase(),
    phones: contact.phones,
    emails: contact.emails,
    domains: Array.from(domains),
    street: contact.street?.key ?? '',
    city: contact.city ?? '',
    postcode: contact.postcode ?? '',
    country: contact.country ?? placeKey(record.country) ?? '',
  };
}

/** Bits per observation; positive for one company, negative for two. */
export const COMPANY_WEIGHTS = {
  name: { same: 10, reordered: 9, typo: 5, contained: 2, different: -6 },
  /** A name that many records carry (a chain's branches, "Ромашка" in every town) is worth less: minus log2 of its count. */
  taxId: { same: 16, oneDigit: 5, different: -14 },
  domain: { same: 7, different: -1.5 },
  phone: { same: 6, different: -1 },
  email: { same: 6, different: -1 },
  street: { same: 4, typo: 2, different: -2 },
  city: { same: 1.5, different: -3 },
  postcode: { same: 1, different: -0.5 },
  country: { different: -4 },
} as const;

/** Bits at which a pair scores 0.5 (company lists are small and names are specific: no growth with size). */
const MIDPOINT = 10;

type Why = Array<{ bits: number; reason: string }> | null;

function say(why: Why, bits: number, reason: string): number {
  if (why) why.push({ bits, reason });
  return bits;
}

function listsAgree(x: string[], y: string[]): boolean | undefined {
  if (x.length === 0 || y.length === 0) return undefined;
  for (const v of x) if (y.includes(v)) return true;
  return false;
}

function weighCompanies(a: PreparedCompany, b: PreparedCompany, nameCount: Map<string, number>, why: Why): number {
  const w = COMPANY_WEIGHTS;
  let bits = 0;
  if (a.name && b.name) {
    if (a.name === b.name || a.sortedName === b.sortedName) {
      const base = a.name === b.name ? w.name.same : w.name.reordered;
      const common = Math.log2(Math.max(1, (nameCount.get(a.name) ?? 1) - 1));
      const spelledAlike = a.raw.toLowerCase() === b.raw.toLowerCase();
      bits += say(
        why,
        Math.max(3, base - common),
        spelledAlike ? 'same company name' : `same company name, written another way (${a.raw} / ${b.raw}: legal form, quotes or alphabet)`,
      );
    } else if (jaroWinkler(a.name, b.name) >= 0.93 || (Math.min(a.name.length, b.name.length) >= 6 && editDistance(a.name, b.name, 1) <= 1)) {
      bits += say(why, w.name.typo, `company name nearly the same (${a.raw} / ${b.raw})`);
    } else if (containsWords(a.name, b.name)) {
      bits += say(why, w.name.contained, `one company name contains the other (${a.raw} / ${b.raw})`);
    } else {
      bits += say(why, w.name.different, `different company name (${a.raw} / ${b.raw})`);
    }
  }
  if (a.taxId && b.taxId) {
    if (a.taxId === b.taxId) bits += say(why, w.taxId.same, `same tax ID (${a.taxId})`);
    else if (a.taxId.length >= 6 && a.taxId.length === b.taxId.length && editDistance(a.taxId, b.taxId, 1) <= 1)
      bits += say(why, w.taxId.oneDigit, `tax ID one digit apart (${a.taxId} / ${b.taxId})`);
    else bits += say(why, w.taxId.different, `different tax ID (${a.taxId} / ${b.taxId}): two legal entities`);
  }
  const domain = listsAgree(a.domains, b.domains);
  if (domain === true) bits += say(why, w.domain.same, `same web domain (${a.domains.find((d) => b.domains.includes(d))})`);
  else if (domain === false) bits += say(why, w.domain.different, 'different web domain');
  const phone = listsAgree(a.phones, b.phones);
  if (phone === true) bits += say(why, w.phone.same, 'same phone');
  else if (phone === false) bits += say(why, w.phone.different, 'different phone');
  const email = listsAgree(a.emails, b.emails);
  if (email === true) bits += say(why, w.email.same, 'same email');
  else if (email === false && domain !== true) bits += say(why, w.email.different, 'different email');
  if (a.street && b.street) {
    if (a.street === b.street) bits += say(why, w.street.same, 'same address');
    else if (jaroWinkler(a.street, b.street) >= 0.92) bits += say(why, w.street.typo, 'address nearly the same');
    else bits += say(why, w.street.different, 'different address');
  }
  if (a.city && b.city) bits += a.city === b.city ? say(why, w.city.same, 'same city') : say(why, w.city.different, 'different city');
  if (a.postcode && b.postcode)
    bits += a.postcode === b.postcode ? say(why, w.postcode.same, 'same postcode') : say(why, w.postcode.different, 'different postcode');
  if (a.country && b.country && a.country !== b.country) bits += say(why, w.country.different, 'different country');
  return bits;
}

/** "romashka" and "romashka trade": every word of the shorter name is in the longer one. */
function containsWords(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const words = new Set(long.split(' '));
  const mine = short.split(' ');
  return mine.every((word) => words.has(word)) && mine.join('').length >= 4;
}

/** Blocks larger than this are too unselective (a word every company has): only their neighbours are compared. */
const MAX_BLOCK = 30;
const WINDOW = 4;

function blockingKeys(c: PreparedCompany): string[] {
  const keys: string[] = [];
  if (c.name) {
    keys.push('n:' + c.sortedName);
    for (const word of c.name.split(' ')) if (word.length >= 4) keys.push('w:' + word);
    // A typo anywhere still leaves the first or the last four letters.
    const joined = c.name.replace(/ /g, '');
    if (joined.length >= 6) keys.push('h:' + joined.slice(0, 4), 't:' + joined.slice(-4));
  }
  if (c.taxId.length >= 5) keys.push('i:' + c.taxId);
  for (const p of c.phones) keys.push('p:' + p);
  for (const e of c.emails) keys.push('e:' + e);
  for (const d of c.domains) keys.push('d:' + d);
  return keys;
}

function candidatePairs(prepared: PreparedCompany[], visit: (i: number, j: number) => void): void {
  const order = prepared
    .map((_, i) => i)
    .sort((x, y) => (prepared[x].sortedName < prepared[y].sortedName ? -1 : prepared[x].sortedName > prepared[y].sortedName ? 1 : x - y));
  const blocks = new Map<string, number[]>();
  for (const i of order) {
    for (const key of new Set(blockingKeys(prepared[i]))) {
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  }
  const seen = new Set<number>();
  const n = prepared.length;
  for (const block of blocks.values()) {
    for (let x = 0; x < block.length; x++) {
      const to = block.length > MAX_BLOCK ? Math.min(block.length, x + WINDOW + 1) : block.length;
      for (let y = x + 1; y < to; y++) {
        const i = Math.min(block[x], block[y]);
        const j = Math.max(block[x], block[y]);
        const key = i * n + j;
        if (seen.has(key)) continue;
        seen.add(key);
        visit(i, j);
      }
    }
  }
}

function pairId(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Likely duplicate companies and the groups they form, as `findDuplicates`
 * does for people. Two records with different tax IDs are never put in one
 * group (branches registered separately are separate companies).
 */
export function findCompanyDuplicates(rows: CompanyRecord[], options?: CompanyDedupeOptions): { pairs: ScoredPair[]; groups: DuplicateGroup[] } {
  const clamp = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : fallback);
  const possible = clamp(options?.possibleThreshold, DEFAULT_POSSIBLE_THRESHOLD);
  const sure = Math.max(possible, clamp(options?.sureThreshold, DEFAULT_SURE_THRESHOLD));
  const prepared = (Array.isArray(rows) ? rows : []).map((r) => prepareCompany(r, options?.defaultCountry));
  const nameCount = new Map<string, number>();
  for (const c of prepared) if (c.name) nameCount.set(c.name, (nameCount.get(c.name) ?? 0) + 1);
  const possibleBits = scoreToBits(possible, MIDPOINT);
  const edges: WeightedEdge[] = [];
  candidatePairs(prepared, (i, j) => {
    if (prepared[i].id === prepared[j].id && prepared[i].id !== '') return;
    const bits = weighCompanies(prepared[i], prepared[j], nameCount, null);
    if (bits >= possibleBits) edges.push({ i, j, score: bits });
  });
  const otherEntity = (i: number, j: number) => !!prepared[i].taxId && !!prepared[j].taxId && prepared[i].taxId !== prepared[j].taxId;
  const clusters = clusterPairs(prepared.length, edges, {
    linkThreshold: possibleBits,
    strongEdge: scoreToBits(sure, MIDPOINT),
    scorePair: (i, j) => weighCompanies(prepared[i], prepared[j], nameCount, null),
    cannotLink: otherEntity,
  });
  const scored = (i: number, j: number): ScoredPair => {
    const why: NonNullable<Why> = [];
    const bits = weighCompanies(prepared[i], prepared[j], nameCount, why);
    const score = Math.round(bitsToScore(bits, MIDPOINT) * 10000) / 10000;
    return {
      a: prepared[i].id,
      b: prepared[j].id,
      score,
      level: score >= sure ? 'sure' : 'possible',
      reasons: why.sort((x, y) => y.bits - x.bits).map((n) => n.reason),
    };
  };
  const pairByKey = new Map<string, ScoredPair>();
  for (const e of edges) {
    const pair = scored(e.i, e.j);
    pairByKey.set(pairId(pair.a, pair.b), pair);
  }
  const groups: DuplicateGroup[] = clusters.map((c) => {
    const inGroup: ScoredPair[] = [];
    for (let x = 0; x < c.members.length; x++) {
      for (let y = x + 1; y < c.members.length; y++) {
        const key = pairId(prepared[c.members[x]].id, prepared[c.members[y]].id);
        inGroup.push(pairByKey.get(key) ?? scored(c.members[x], c.members[y]));
      }
    }
    const allSure = inGroup.every((p) => p.level === 'sure');
    const average = Math.round(bitsToScore(c.score, MIDPOINT) * 10000) / 10000;
    return {
      members: c.members.map((m) => prepared[m].id),
      score: allSure ? Math.max(average, sure) : Math.min(average, Math.round((sure - 0.0001) * 10000) / 10000),
      level: allSure ? 'sure' : 'possible',
      pairs: inGroup.sort((p, q) => q.score - p.score),
    };
  });
  groups.sort((g, h) => h.score - g.score);
  const pairs = Array.from(pairByKey.values()).sort((p, q) => q.score - p.score);
  return { pairs, groups };
}
