/**
 * Fellegi–Sunter scoring: every field that both records have adds evidence
 * for (agreement) or against (disagreement) them being one person, in bits
 * (log2 of how much likelier the observation is for the same person than for
 * two different people). Missing values add nothing. Exact agreement is
 * weighed by how common the value is in this data (term frequency). The sum is
 * turned into a 0..1 score.
 *
 * The weights are one fixed configuration, set from what is known about how
 * client lists go wrong (typos, nicknames, transliteration, swapped names,
 * shifted birth dates, several phones and emails per person), not fitted to
 * any one file. Where two fields tell the same thing (a city and its region,
 * an email address that only spells the name), it is counted once: namesakes
 * in one city must not add up to a sure duplicate.
 */
import type { NameFeature, PreparedRecord } from './features';
import { chanceOfSharing, type Frequencies, type FrequencyField } from './frequency';
import { compareBirthDates } from './dates';
import { editDistance, jaroWinkler } from './similarity';

/** Probability that the same person's value was typed identically twice. */
const SAME_VALUE_KEPT = 0.9;

interface ExactWeight {
  /** Typical chance that two different people share one value of this field. */
  prior: number;
  min: number;
  max: number;
}

/** Bits per agreement level and field. Positive: evidence for one person; negative: against. */
export const WEIGHTS = {
  first: {
    exact: { prior: 0.004, min: 3, max: 10 },
    spelling: 1,
    nickname: 5,
    typo: 4,
    near: 2,
    weak: 0.5,
    shortened: 2.5,
    initial: 1.5,
    different: -3,
    otherGender: -8,
  },
  last: { exact: { prior: 0.002, min: 3, max: 12 }, spelling: 1, typo: 5, near: 2.5, weak: 0.5, shortened: 2, initial: 0.5, different: -3.5, otherGender: -5 },
  middle: {
    exact: { prior: 0.01, min: 1.5, max: 6 },
    spelling: 0.5,
    nickname: 2,
    typo: 2,
    near: 1,
    weak: 0,
    shortened: 1,
    initial: 1,
    different: -2,
    otherGender: -8,
  },
  /** Two Russian/Ukrainian patronymics that differ: father and son, or brothers; never one person mistyped. */
  otherPatronymic: -10,
  /** A different first name under the same surname: relatives (a household), on top of the first name's own disagreement. */
  relatives: -4,
  swappedNames: -1,
  /** Years of birth a generation apart. */
  generationApart: -6,
  /**
   * What the shared places and lines of a pair (phone, email, address,
   * postcode, company, city) can add up to at most when the names already say
   * two people (a household, father and son, colleagues): one household or
   * office, counted once.
   */
  householdCap: 1.5,
  /** The same, when the only contact agreeing is a line or mailbox the base shows shared (an office line, info@). */
  officeCap: 4,
  birth: { exact: { prior: 1 / (365 * 70), min: 5, max: 13 }, swapped: 6, oneDigit: 6, close: 2.5, similar: 1, sameMonth: 6, sameYear: 3.5, different: -4 },
  /**
   * Emails and phones reach one person: a disagreement is strong evidence
   * against, though not proof (people keep several of each). Email weighs less
   * because addresses are mistyped more and change with every job.
   */
  email: { exact: { prior: 1e-5, min: 4, max: 14 }, sameName: 3, typo: 5, similar: 1, nameAtOtherDomain: -2, different: -3 },
  phone: { exact: { prior: 1e-5, min: 4, max: 14 }, sameLocal: 6, oneDigit: 4, different: -3 },
  /**
   * A phone or mailbox two people share (the names contradict each other, or
   * the base shows it on records with different first names): a household or
   * office line. Agreement on it is capped at this many bits.
   */
  sharedContact: 1.5,
  sharedLine: 4,
  /** The same role mailbox (info@, office@): the same company, not the same person. */
  roleMailbox: 1,
  /** Both records give a phone and an email and not one of them matches: added to each field's own disagreement. */
  noContactShared: -2,
  nationalId: { exact: { prior: 1e-6, min: 6, max: 16 }, oneDigit: 7, different: -6 },
  postcode: { exact: { prior: 0.002, min: 1, max: 8 }, oneChar: 3, different: -2 },
  /** `whenNamesAgree`: the share of a city agreement that counts for two people with the same name (a factor, not bits). */
  city: { exact: { prior: 0.01, min: 0.5, max: 6 }, typo: 2, different: -1.5, whenNamesAgree: 0.25 },
  street: { exact: { prior: 1e-4, min: 2, max: 10 }, typo: 5, weak: 2, otherNumber: 0, different: -1.5 },
  region: { exact: { prior: 0.05, min: 0.3, max: 2.5 }, different: -1 },
  country: { same: 0.3, different: -3 },
  company: { exact: { prior: 0.002, min: 1, max: 6 }, typo: 2, different: -0.5 },
  extra: { exact: { prior: 0.02, min: 0.2, max: 4 }, typo: 1, different: -1 },
} as const;

/** Bits of evidence at which the score is 0.5 in a small base. */
export const MIN_SCORE_MIDPOINT = 10;

/**
 * Bits of evidence at which the score is 0.5, given the size of the base:
 * the prior odds that two records picked at random are one person fall as
 * the base grows (about 1 in N), so a bigger base needs more evidence for the
 * same confidence. Namesakes are what this guards against.
 */
export function scoreMidpoint(recordCount: number): number {
  return Math.max(MIN_SCORE_MIDPOINT, Math.log2(Math.max(1, recordCount)) + 0.5);
}

export function bitsToScore(bits: number, midpoint = MIN_SCORE_MIDPOINT): number {
  return 1 / (1 + 2 ** (midpoint - bits));
}

/** The evidence (bits) that gives a score; inverse of `bitsToScore`. */
export function scoreToBits(score: number, midpoint = MIN_SCORE_MIDPOINT): number {
  const s = Math.min(1 - 1e-12, Math.max(1e-12, score));
  return midpoint + Math.log2(s / (1 - s));
}

export interface PairEvidence {
  bits: number;
  /** Plain-language reasons, strongest first; only filled when asked for. */
  reasons: string[];
}

/**
 * Where comparators put their reasons; null while only the number is needed
 * (the hot path: every candidate pair), so nothing is allocated there.
 */
type Why = Array<{ bits: number; reason: string }> | null;

/**
 * Set while weighing one pair when a strong negative was seen (another
 * gender's form of a name, another patronymic, another first name under one
 * surname). Module state rather than a return value keeps the hot path free
 * of allocations; `weigh` resets it for every pair.
 */
let contradicted = false;
/** Set while weighing one pair when a contact agreed that the base shows shared (an office line, a role mailbox). */
let sharedLineAgreed = false;
/** Set while weighing one pair when a person's own phone or email agreed in full. */
let personalContactAgreed = false;
/** Set while weighing one pair when neither the first nor the last name agrees in any way. */
let namesApart = false;
/** Set while weighing one pair when the first names differ under one surname. */
let relatives = false;
/** Set while weighing one pair when the first names are a man's and a woman's (Michael / Michaela), read straight. */
let firstGendered = false;
/** Set while weighing one pair when the last names agree in some way (read straight) and no middle name disagrees. */
let lastAgreed = false;

function against(why: Why, bits: number, reason: string): number {
  contradicted = true;
  return say(why, bits, reason);
}

function say(why: Why, bits: number, reason: string): number {
  if (why) why.push({ bits, reason });
  return bits;
}

function exactBits(freq: Frequencies, field: FrequencyField, value: string, weight: ExactWeight): number {
  const chance = chanceOfSharing(freq, field, value, weight.prior);
  const bits = Math.log2(SAME_VALUE_KEPT / chance);
  return Math.max(weight.min, Math.min(weight.max, bits));
}

type NameKind = 'first' | 'last' | 'middle';
const NAME_LABEL: Record<NameKind, string> = { first: 'first name', last: 'last name', middle: 'middle name' };

function sharesFamily(a: NameFeature, b: NameFeature): boolean {
  for (const f of a.families) if (b.families.includes(f)) return true;
  return false;
}

function sameSkeleton(a: NameFeature, b: NameFeature): boolean {
  if (a.skeleton.length <= 1) return false;
  return a.skeleton === b.skeleton || (a.alt !== '' && (a.alt === b.skeleton || a.alt === b.alt)) || (b.alt !== '' && b.alt === a.skeleton);
}

/** Александр/Александра, Евгений/Евгения, Ion/Ioana: the man's and the woman's form of one name. */
function otherGenderForms(a: NameFeature, b: NameFeature): boolean {
  if (a.gender && b.gender) return a.gender !== b.gender;
  if (a.gender && b.gender === undefined && b.families.length > 0) return false;
  if (b.gender && a.gender === undefined && a.families.length > 0) return false;
  const stemA = a.skeleton.replace(/[aeiou]+$/, '');
  const stemB = b.skeleton.replace(/[aeiou]+$/, '');
  if (stemA.length < 3 || stemA !== stemB) return false;
  return /[^a]a$|ia$/.test(a.skeleton) !== /[^a]a$|ia$/.test(b.skeleton);
}

/**
 * Two first names that are not one name mistyped: both known to the name
 * table without a family in common, or sharing under half their letters
 * (Иван/Мария, but not the scrambled Noah/hNoaN or Charlie/Cahlrae).
 */
function clearlyDifferent(a: NameFeature, b: NameFeature): boolean {
  if (a.key.length <= 1 || b.key.length <= 1 || a.initial || b.initial) return false;
  if (a.families.length > 0 && b.families.length > 0) return !sharesFamily(a, b);
  const counts = new Map<string, number>();
  for (const ch of a.skeleton) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let common = 0;
  for (const ch of b.skeleton) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      common++;
      counts.set(ch, n - 1);
    }
  }
  return common / Math.max(a.skeleton.length, b.skeleton.length) < 0.5;
}

const MALE_SURNAME = /(ov|ev|iov|in|yn|n)$/;

/** Петров/Петрова, Соловьёв/Соловьёва, Вишневский/Вишневская, Ковальський/Ковальська. */
function otherGenderSurnames(a: NameFeature, b: NameFeature): boolean {
  const x = a.skeleton.length <= b.skeleton.length ? a.skeleton : b.skeleton;
  const y = x === a.skeleton ? b.skeleton : a.skeleton;
  if (x.length >= 4 && y === x + 'a' && MALE_SURNAME.test(x)) return true;
  const male = /^(.{3,}sk)(ii|i)$/;
  const female = /^(.{3,}sk)(aia|a)$/;
  const m = male.exec(a.skeleton) ?? male.exec(b.skeleton);
  const f = female.exec(a.skeleton) ?? female.exec(b.skeleton);
  return !!m && !!f && m[1] === f[1];
}

function patronymicGender(key: string): 'm' | 'f' | undefined {
  if (/(vich|vych|ich|ych)$/.test(key)) return 'm';
  if (/(vna|chna|ivna|ovna|evna)$/.test(key)) return 'f';
  return undefined;
}

function compareName(a: NameFeature, b: NameFeature, kind: NameKind, freq: Frequencies, why: Why): number {
  const w = WEIGHTS[kind];
  const label = NAME_LABEL[kind];
  if (a.key !== b.key && !sameSkeleton(a, b)) {
    if (kind === 'first' && otherGenderForms(a, b)) {
      firstGendered = true;
      return against(why, w.otherGender, `different first name: a man's and a woman's (${a.raw} / ${b.raw}), two people`);
    }
    if (kind === 'last' && otherGenderSurnames(a, b)) {
      return against(why, w.otherGender, `different last name form: a man's and a woman's (${a.raw} / ${b.raw}), relatives`);
    }
    if (kind === 'middle' && a.patronymic && b.patronymic) {
      const ga = patronymicGender(a.key);
      const gb = patronymicGender(b.key);
      if ((ga && gb && ga !== gb) || jaroWinkler(a.skeleton, b.skeleton) < 0.94) {
        return against(why, WEIGHTS.otherPatronymic, `different middle name (${a.raw} / ${b.raw}): father and son or brothers, not one person`);
      }
    }
  }
  if (a.key === b.key) {
    const bits = exactBits(freq, kind, a.key, w.exact);
    if (!why) return bits;
    return say(
      why,
      bits,
      a.cyrillic !== b.cyrillic ? `Cyrillic/Latin spelling of ${label}` : `same ${label}${bits < w.exact.min + 1.5 ? ' (a common one)' : ''}`,
    );
  }
  if (sameSkeleton(a, b)) {
    const bits = exactBits(freq, kind, a.key, w.exact) - w.spelling;
    return why
      ? say(why, bits, a.cyrillic !== b.cyrillic ? `Cyrillic/Latin spelling of ${label}` : `${label} spelled another way (${a.raw} / ${b.raw})`)
      : bits;
  }
  if (kind !== 'last' && sharesFamily(a, b)) {
    const bits = (w as typeof WEIGHTS.first).nickname;
    return why ? say(why, bits, `nickname match on ${label} (${a.raw} = ${b.raw})`) : bits;
  }
  const short = a.key.length <= b.key.length ? a.key : b.key;
  const long = short === a.key ? b.key : a.key;
  if (a.initial || b.initial || short.length === 1) {
    // Я. is "ya" once romanised: an initial matches a name that starts with its letters, in either spelling.
    const [i, full] = a.initial || (!b.initial && a.key.length <= b.key.length) ? [a, b] : [b, a];
    const matches = full.key.startsWith(i.key) || (i.skeleton !== '' && full.skeleton.startsWith(i.skeleton)) || (full.initial && full.key[0] === i.key[0]);
    if (matches) return why ? say(why, w.initial, `${label} initial matches`) : w.initial;
    return why ? say(why, w.different, `different ${label} initial`) : w.different;
  }

  // Оксана/Олександра, Susan/Elizabeth: two names the table knows, of no common family, are two names, however alike their letters.
  if (kind === 'first' && a.families.length > 0 && b.families.length > 0 && editDistance(a.key, b.key, 1) > 1 && editDistance(a.skeleton, b.skeleton, 1) > 1) {
    return why ? say(why, w.different, `different ${label} (${a.raw} / ${b.raw})`) : w.different;
  }
  const crossScript = a.cyrillic !== b.cyrillic || a.alt !== '' || b.alt !== '';
  const similarity = Math.max(
    jaroWinkler(a.key, b.key),
    crossScript ? jaroWinkler(a.skeleton, b.skeleton) : 0,
    a.alt ? jaroWinkler(a.alt, b.skeleton) : 0,
    b.alt ? jaroWinkler(a.skeleton, b.alt) : 0,
  );
  if (similarity >= 0.94) return why ? say(why, w.typo, `${label} nearly the same (${a.raw} / ${b.raw})`) : w.typo;
  if (short.length >= 3 && long.startsWith(short)) return why ? say(why, w.shortened, `${label} shortened (${a.raw} / ${b.raw})`) : w.shortened;
  // Оксана/Ксана, Vasile/Sile: diminutives that keep the end of the name.
  if (kind === 'first' && short.length >= 3 && long.endsWith(short))
    return why ? say(why, w.shortened, `${label} shortened (${a.raw} / ${b.raw})`) : w.shortened;
  if (similarity >= 0.88) return why ? say(why, w.near, `${label} similar (${a.raw} / ${b.raw})`) : w.near;
  if (a.cyrillic !== b.cyrillic && a.sound.length >= 2 && a.sound === b.sound) {
    return why ? say(why, w.near, `${label} sounds the same in the other alphabet (${a.raw} / ${b.raw})`) : w.near;
  }
  if (similarity >= 0.8 && editDistance(a.key, b.key, 2) <= 2) return why ? say(why, w.weak, `${label} somewhat similar (${a.raw} / ${b.raw})`) : w.weak;
  return why ? say(why, w.different, `different ${label}`) : w.different;
}

/** First and last names, straight or swapped, whichever reading agrees better. */
function compareNames(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, why: Why): number {
  const before = contradicted;
  const firstBits = a.first && b.first ? compareName(a.first, b.first, 'first', freq, null) : 0;
  const lastBits = a.last && b.last ? compareName(a.last, b.last, 'last', freq, null) : 0;
  const straightContradicts = contradicted;
  let bits = firstBits + lastBits;
  let swapped = false;
  // A swap can only explain the data better when the straight reading does not already agree,
  // and only when both names line up crosswise.
  if (a.first && b.last && a.last && b.first && !(firstBits > 0 && lastBits > 0) && couldBeSwapped(a, b)) {
    contradicted = before;
    const crossFirst = compareName(a.first, b.last, 'first', freq, null);
    const crossLast = compareName(a.last, b.first, 'last', freq, null);
    if (crossFirst > 0 && crossLast > 0 && crossFirst + crossLast + WEIGHTS.swappedNames > bits) {
      bits = crossFirst + crossLast + WEIGHTS.swappedNames;
      swapped = true;
    }
  }
  contradicted = swapped ? contradicted : straightContradicts;
  lastAgreed = !swapped && lastBits > 0;
  // One name only on one side ("Bradley" as the surname; "Bradley Freddie" as first and last): it may sit in the other field.
  let moved: [NameFeature, NameFeature, NameKind] | undefined;
  if (!swapped && firstBits <= 0 && lastBits <= 0 && (isLone(a) || isLone(b))) {
    const [single, other] = isLone(a) ? [a, b] : [b, a];
    const name = (single.first ?? single.last)!;
    const kind: NameKind = single.first ? 'last' : 'first';
    const opposite = kind === 'last' ? other.last : other.first;
    if (opposite) {
      contradicted = before;
      const cross = compareName(name, opposite, kind, freq, null);
      if (cross > 0 && cross + WEIGHTS.swappedNames > bits) {
        bits = cross + WEIGHTS.swappedNames;
        moved = [name, opposite, kind];
      } else contradicted = straightContradicts;
    }
  }
  if (why) {
    if (swapped) {
      say(why, WEIGHTS.swappedNames, 'first and last name swapped');
      compareName(a.first!, b.last!, 'first', freq, why);
      compareName(a.last!, b.first!, 'last', freq, why);
    } else if (moved) {
      say(why, WEIGHTS.swappedNames, `a name typed in the other field (${moved[0].raw} / ${moved[1].raw})`);
      compareName(moved[0], moved[1], moved[2], freq, why);
    } else {
      if (a.first && b.first) compareName(a.first, b.first, 'first', freq, why);
      if (a.last && b.last) compareName(a.last, b.last, 'last', freq, why);
    }
  }
  if (!swapped && !moved && firstBits <= WEIGHTS.first.different && lastBits > 0 && a.first && b.first && clearlyDifferent(a.first, b.first)) {
    relatives = true;
    bits += say(why, WEIGHTS.relatives, 'different first name under the same last name: relatives, not one person');
  } else if (
    !swapped &&
    firstBits <= WEIGHTS.first.different &&
    lastBits <= WEIGHTS.last.different &&
    a.first &&
    b.first &&
    clearlyDifferent(a.first, b.first)
  ) {
    // Nothing in the names is shared: what else they share (an office line, a company, an address) is a place, not a person.
    namesApart = true;
    say(why, 0, 'different first and last name: two people');
  }
  // Namesakes are common: however rare the name, agreeing names alone stay near an even chance; it
  // takes something else (a birth date, a contact, an address) to make one person of two records.
  // A patronymic that agrees lifts that ceiling a little: the same full ФИО is rarer, not proof.
  const cap = scoreMidpoint(freq.total) - NAMES_ALONE_BELOW_MIDPOINT;
  bits = Math.min(bits, cap);
  if (a.middle && b.middle) {
    const middle = compareName(a.middle, b.middle, 'middle', freq, why);
    if (middle < 0) lastAgreed = false;
    bits = middle > 0 ? Math.min(bits + middle, cap + MIDDLE_NAME_ABOVE_CAP) : bits + middle;
  }
  return bits;
}

/** How far an agreeing middle name may lift agreeing names above their ceiling. */
const MIDDLE_NAME_ABOVE_CAP = 1.5;

/** Bits below the score midpoint that agreeing names alone can reach. */
const NAMES_ALONE_BELOW_MIDPOINT = 0.1;

/** A record with only one of first and last name. */
function isLone(r: PreparedRecord): boolean {
  return (r.first ? 1 : 0) + (r.last ? 1 : 0) === 1;
}

/** Cheap pre-check: crosswise names start alike (in either alphabet) or are nicknames of each other. */
function couldBeSwapped(a: PreparedRecord, b: PreparedRecord): boolean {
  return (startAlike(a.first!, b.last!) || sharesFamily(a.first!, b.last!)) && (startAlike(a.last!, b.first!) || sharesFamily(a.last!, b.first!));
}

function startAlike(x: NameFeature, y: NameFeature): boolean {
  return x.skeleton[0] === y.skeleton[0] || x.key[0] === y.key[0];
}

function compareBirth(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, why: Why): number {
  if (!a.birth || !b.birth) return 0;
  const w = WEIGHTS.birth;
  switch (compareBirthDates(a.birth, b.birth)) {
    case 'exact': {
      const bits = exactBits(freq, 'birth', a.birth.key, w.exact);
      return why ? say(why, bits, 'same date of birth') : bits;
    }
    case 'swapped':
      return why ? say(why, w.swapped, 'date of birth with day and month swapped') : w.swapped;
    case 'one-digit':
      return why ? say(why, w.oneDigit, 'date of birth one digit apart') : w.oneDigit;
    case 'close':
      return why ? say(why, w.close, 'date of birth within weeks') : w.close;
    case 'same-month':
      return why ? say(why, w.sameMonth, 'same year and month of birth (the day is missing or impossible in one)') : w.sameMonth;
    case 'same-year':
      return why ? say(why, w.sameYear, 'same year of birth (only the year is known in one)') : w.sameYear;
    case 'similar':
      return why ? say(why, w.similar, 'date of birth similar (year one digit off)') : w.similar;
    default: {
      const gap = Math.abs(a.birth.year - b.birth.year);
      // A generation apart: parent and child (father and son share a name), never one date mistyped.
      // Not a contradiction by itself: lists also carry dates that are simply wrong (a placeholder, another person's).
      if (gap >= GENERATION_YEARS) return say(why, WEIGHTS.generationApart, `born ${gap} years apart: parent and child, or a wrong date`);
      return why ? say(why, w.different, 'different date of birth') : w.different;
    }
  }
}

/** Years of birth this far apart are two generations (a typo changes one digit, which `compareBirthDates` already allows for). */
const GENERATION_YEARS = 15;

/** Addresses at least this long may differ in three places and still be one mistyped address. */
const SIMILAR_EMAIL_LENGTH = 12;

/** The mailbox name without its punctuation: ivan.petrov and ivan_petrov are one name. */
function localName(email: string): string {
  return email.slice(0, email.lastIndexOf('@')).replace(/[^a-z0-9]/g, '');
}

/**
 * What agreement on a contact is worth: in full for a person's own, capped
 * for a line the base shows shared by different people, and barely anything
 * when this pair's names already say two people (a household, father and son).
 */
function contactCap(freq: Frequencies, sharedKey: string): number {
  if (contradicted) return WEIGHTS.sharedContact;
  if (freq.sharedContacts.has(sharedKey)) {
    sharedLineAgreed = true;
    return WEIGHTS.sharedLine;
  }
  personalContactAgreed = true;
  return Infinity;
}

function sharedReason(kind: 'phone' | 'email', cap: number): string {
  return cap === WEIGHTS.sharedContact
    ? `same ${kind}, but a shared one (a household or office ${kind === 'phone' ? 'line' : 'mailbox'}: the names say two people)`
    : `same ${kind}, shared in this base by people with other first names (a household or office ${kind === 'phone' ? 'line' : 'mailbox'})`;
}

function compareEmails(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, why: Why): number {
  if (a.emails.length === 0 || b.emails.length === 0) return 0;
  const w = WEIGHTS.email;
  let best = -Infinity;
  let bestReason = 'different email';
  let personal = false;
  for (let i = 0; i < a.emails.length; i++) {
    const x = a.emails[i];
    for (let j = 0; j < b.emails.length; j++) {
      const y = b.emails[j];
      if (a.emailRole[i] || b.emailRole[j]) {
        // info@, office@: the company's mailbox. The same one says "same company", never "same person";
        // a role mailbox against a personal one says nothing either way.
        if (x === y) sharedLineAgreed = true;
        if (x === y && WEIGHTS.roleMailbox > best) {
          best = WEIGHTS.roleMailbox;
          bestReason = `same company mailbox (${x}), not a person's`;
        }
        continue;
      }
      personal = true;
      if (x === y) {
        const cap = contactCap(freq, 'e:' + x);
        const bits = Math.min(cap, exactBits(freq, 'email', x, w.exact));
        if (bits > best) {
          best = bits;
          bestReason = cap < Infinity && bits === cap ? sharedReason('email', cap) : 'same email';
        }
      } else if (w.similar > best && x.length >= 8 && a.emailDigits[i] === b.emailDigits[j]) {
        // (Digits apart, ivan.petrov7@ and ivan.petrov@ are two namesakes' mailboxes, not a typo.)
        const long = Math.min(x.length, y.length) >= SIMILAR_EMAIL_LENGTH;
        const limit = long ? 3 : 2;
        const distance = editDistance(x, y, limit);
        // andrei.gheorghiu@ and andreea.gheorghiu@, each made of its owner's names, differ where
        // the names differ: the names were already compared, the addresses add nothing.
        if (distance > limit || (a.emailNamed[i] && b.emailNamed[j] && localName(x) !== localName(y))) continue;
        // spopescu@ and dpopescu@: an initial and a surname, the initials differing, are two people's mailboxes.
        if ((a.emailNamed[i] || b.emailNamed[j]) && localName(x)[0] !== localName(y)[0]) continue;
        const bits = Math.min(contradicted ? WEIGHTS.sharedContact : Infinity, distance <= 2 ? w.typo : w.similar);
        if (bits > best) {
          best = bits;
          bestReason = distance <= 2 ? `email nearly the same (${x} / ${y})` : `email similar (${x} / ${y})`;
        }
      }
    }
  }
  if (best === -Infinity) {
    if (!personal) return 0;
    best = w.different;
  }
  if (best < w.sameName) {
    for (const local of a.emailLocals) {
      if (local.length >= 4 && b.emailLocals.includes(local)) {
        // ivan.petrov@mail.ru and ivan.petrov@gmail.com: any two Ivan Petrovs may own those.
        if (a.nameLocals.includes(local) || b.nameLocals.includes(local)) {
          if (w.nameAtOtherDomain > best) {
            best = w.nameAtOtherDomain;
            bestReason = 'different email (the same name at another domain)';
          }
          continue;
        }
        best = contradicted ? Math.min(WEIGHTS.sharedContact, w.sameName) : w.sameName;
        bestReason = 'same email name at another domain';
        break;
      }
    }
  }
  return why ? say(why, best, bestReason) : best;
}

function comparePhones(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, why: Why): number {
  if (a.phones.length === 0 || b.phones.length === 0) return 0;
  const w = WEIGHTS.phone;
  let best: number = w.different;
  let bestReason = 'different phone';
  for (let i = 0; i < a.phones.length; i++) {
    const x = a.phones[i];
    for (let j = 0; j < b.phones.length; j++) {
      const y = b.phones[j];
      // The last 8 digits agree whether the number was read as +7 916…, 8 916… or 916… (any default country).
      const sameNumber = x === y || (a.phoneTails[i].length === 8 && a.phoneTails[i] === b.phoneTails[j]);
      if (sameNumber) {
        const cap = contactCap(freq, 'p:' + a.phoneTails[i]);
        const bits = Math.min(cap, exactBits(freq, 'phone', x, w.exact) - (x === y ? 0 : 1));
        if (bits > best) {
          best = bits;
          bestReason = cap < Infinity && bits === cap ? sharedReason('phone', cap) : x === y ? 'same phone' : 'same phone number written with another prefix';
        }
      } else if (w.oneDigit > best && x.length === y.length && editDistance(x, y, 1) <= 1) {
        best = Math.min(contradicted ? WEIGHTS.sharedContact : Infinity, w.oneDigit);
        bestReason = 'phone one digit apart';
      }
    }
  }
  return why ? say(why, best, bestReason) : best;
}

function compareCode(x: string | undefined, y: string | undefined, field: 'nationalId' | 'postcode', freq: Frequencies, why: Why): number {
  if (!x || !y) return 0;
  const label = field === 'nationalId' ? 'ID number' : 'postcode';
  if (x === y) {
    const bits = exactBits(freq, field, x, WEIGHTS[field].exact);
    return why ? say(why, bits, `same ${label}`) : bits;
  }
  if (Math.min(x.length, y.length) >= 4 && editDistance(x, y, 1) <= 1) {
    const bits = field === 'nationalId' ? WEIGHTS.nationalId.oneDigit : WEIGHTS.postcode.oneChar;
    return why ? say(why, bits, `${label} one character apart`) : bits;
  }
  const bits = WEIGHTS[field].different;
  return why ? say(why, bits, `different ${label}`) : bits;
}

function compareStreet(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, why: Why): number {
  if (!a.street || !b.street) return 0;
  const w = WEIGHTS.street;
  const x = a.street;
  const y = b.street;
  if (x.key === y.key) {
    const bits = exactBits(freq, 'street', x.key, w.exact);
    return why ? say(why, bits, 'same street address') : bits;
  }
  const wordsSimilarity = x.words && y.words ? jaroWinkler(x.words, y.words) : 0;
  const numbersAgree = x.number === y.number || !x.number || !y.number;
  if (numbersAgree && wordsSimilarity >= 0.9) return why ? say(why, w.typo, 'street address nearly the same') : w.typo;
  if (!numbersAgree && wordsSimilarity >= 0.9) return why ? say(why, w.otherNumber, 'same street, another house number') : w.otherNumber;
  if (numbersAgree && x.number && wordsSimilarity >= 0.75) return why ? say(why, w.weak, 'street address similar') : w.weak;
  // "23 Allunga, Woollum St" and "23 Woollum St, Allu nga": the two address lines typed in the other order (same letters, reordered).
  if (numbersAgree && x.number && x.words.length >= MIN_REORDERED_ADDRESS && sameLettersNearly(x.words, y.words)) {
    return why ? say(why, w.weak, 'street address with its lines in another order') : w.weak;
  }
  return why ? say(why, w.different, 'different street address') : w.different;
}

/** Letters an address needs before its lines' order may be ignored: shorter ones reorder into each other by chance. */
const MIN_REORDERED_ADDRESS = 12;

/** Whether two strings are the same letters, give or take two, in any order. */
function sameLettersNearly(x: string, y: string): boolean {
  if (Math.abs(x.length - y.length) > 2) return false;
  const counts = new Map<string, number>();
  for (const ch of x) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  for (const ch of y) counts.set(ch, (counts.get(ch) ?? 0) - 1);
  let off = 0;
  for (const n of counts.values()) off += Math.abs(n);
  return off <= 2;
}

/** `scale` shrinks the evidence of an agreement (0: none); a disagreement always counts in full. */
function comparePlace(x: string | undefined, y: string | undefined, field: 'city' | 'company' | 'region', freq: Frequencies, why: Why, scale = 1): number {
  if (!x || !y) return 0;
  const w = WEIGHTS[field];
  if (x === y) {
    const bits = exactBits(freq, field, x, w.exact) * scale;
    return why && bits !== 0 ? say(why, bits, `same ${field}`) : bits;
  }
  if (field !== 'region' && jaroWinkler(x, y) >= (field === 'city' ? 0.88 : 0.92)) {
    const bits = (w as typeof WEIGHTS.city).typo * scale;
    return why && bits !== 0 ? say(why, bits, `${field} spelled slightly differently`) : bits;
  }
  return why ? say(why, w.different, `different ${field}`) : w.different;
}

function compareExtra(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, why: Why): number {
  if (a.extra.length === 0 || b.extra.length === 0) return 0;
  const w = WEIGHTS.extra;
  let bits = 0;
  for (const [column, x] of a.extra) {
    let y: string | undefined;
    for (const [c, v] of b.extra) if (c === column) y = v;
    if (y === undefined) continue;
    if (x === y) {
      const exact = exactBits(freq, 'extra', `${column}\u0000${x}`, w.exact);
      bits += why ? say(why, exact, `same ${column}`) : exact;
    } else if (jaroWinkler(x, y) >= 0.9) {
      bits += why ? say(why, w.typo, `${column} nearly the same`) : w.typo;
    } else {
      bits += why ? say(why, w.different, `different ${column}`) : w.different;
    }
  }
  return bits;
}

function compareCountry(a: PreparedRecord, b: PreparedRecord, why: Why, countAgreement: boolean): number {
  if (!a.country || !b.country) return 0;
  if (a.country === b.country) return countAgreement ? WEIGHTS.country.same : 0;
  return why ? say(why, WEIGHTS.country.different, 'different country') : WEIGHTS.country.different;
}

function sameName(x: NameFeature | undefined, y: NameFeature | undefined): boolean {
  return !!x && !!y && (x.key === y.key || (x.skeleton.length > 1 && x.skeleton === y.skeleton));
}

/**
 * City, region and country. A city names its region and country, so once the
 * cities agree, the same region or country is no further evidence (a
 * disagreement there still counts: one of the two is wrong). And namesakes
 * live near each other (families, communities, a regional clientele), so for
 * two people with the same name a shared city says less than its frequency
 * alone suggests. Counted in full, both made namesakes in one city look like
 * one person.
 */
function comparePlaces(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, why: Why): number {
  const cityScale = a.city && b.city && sameName(a.first, b.first) && sameName(a.last, b.last) ? WEIGHTS.city.whenNamesAgree : 1;
  const city = comparePlace(a.city, b.city, 'city', freq, why, cityScale);
  const implied = city > 0;
  return city + comparePlace(a.region, b.region, 'region', freq, why, implied ? 0 : 1) + compareCountry(a, b, why, !implied);
}

/**
 * Phones and emails: a direct contact. Two people with one name are told apart
 * by them, so when both records give both kinds and not one matches in any
 * way, that weighs against them beyond each field's own disagreement.
 */
function compareContacts(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, why: Why): number {
  const email = compareEmails(a, b, freq, why);
  const phone = comparePhones(a, b, freq, why);
  const bothCompared = a.emails.length > 0 && b.emails.length > 0 && a.phones.length > 0 && b.phones.length > 0;
  if (!bothCompared || email > 0 || phone > 0) return email + phone;
  return email + phone + (why ? say(why, WEIGHTS.noContactShared, 'different contacts: no phone or email in common') : WEIGHTS.noContactShared);
}

function weigh(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, why: Why): number {
  contradicted = false;
  sharedLineAgreed = false;
  personalContactAgreed = false;
  namesApart = false;
  relatives = false;
  firstGendered = false;
  lastAgreed = false;
  // Names first: what they say decides how much the shared contacts are worth.
  const names = compareNames(a, b, freq, why);
  const birth = compareBirth(a, b, freq, why);
  const person = names + birth;
  // Two whose names share nothing are two people, unless a date of birth says one (a list that swapped and mistyped both names).
  if (namesApart && birth <= 0) contradicted = true;
  // Relatives, unless the same date of birth says one person whose first name was mistyped or replaced (twins share it too, rarely).
  const sameDay = !!a.birth && !!b.birth && a.birth.precision === 'day' && a.birth.key === b.birth.key;
  if (relatives && !sameDay) contradicted = true;
  // A man's and a woman's first name (Michael / Michaela) under one surname, born the same day at one address: one person
  // whose first name was replaced or mistyped into the other form, or boy-and-girl twins. Not a sure duplicate either way.
  let replacedFirst = false;
  if (firstGendered && sameDay && lastAgreed && compareCode(a.postcode, b.postcode, 'postcode', freq, null) + compareStreet(a, b, freq, null) > 0) {
    contradicted = false;
    replacedFirst = true;
  }
  // The same ID number (tax, passport) is the strong evidence that overrides what the names say.
  const id = compareCode(a.nationalId, b.nationalId, 'nationalId', freq, why);
  if (id >= WEIGHTS.nationalId.exact.min) contradicted = false;
  const contacts = compareContacts(a, b, freq, why);
  // A phone, a mailbox, an address, a company and a city agreeing are one fact when they are a household's or an office's:
  // together they count as one shared line, not as five independent agreements.
  const mark = why ? why.length : 0;
  const address = compareCode(a.postcode, b.postcode, 'postcode', freq, why) + compareStreet(a, b, freq, why);
  const town = comparePlaces(a, b, freq, why);
  const company = comparePlace(a.company, b.company, 'company', freq, why);
  let together = contacts + address + town + company;
  const cap = contradicted ? WEIGHTS.householdCap : sharedLineAgreed && !personalContactAgreed ? WEIGHTS.officeCap : Infinity;
  if (together > cap) {
    const positives = why ? why.slice(mark).some((n) => n.bits > 0) || contacts > 0 : false;
    if (why && positives) {
      say(
        why,
        cap - together,
        contradicted
          ? 'the shared phone, email and address count once: one household or office, and the names say two people'
          : 'the shared line, address and company count once: an office or household line',
      );
    }
    together = cap;
  }
  const extra = compareExtra(a, b, freq, why);
  let total = person + together + id + extra;
  if (replacedFirst && id <= 0) {
    const ceiling = scoreMidpoint(freq.total) + REPLACED_FIRST_NAME_ABOVE_MIDPOINT;
    if (total > ceiling) say(why, ceiling - total, 'born the same day at one address with the same last name: one person whose first name changed, or twins');
    total = Math.min(total, ceiling);
  }
  // Names and a town alone are namesakes as often as one person: they stay below an even chance.
  if (names > 0 && town > 0 && birth <= 0 && contacts <= 0 && address <= 0 && company <= 0 && id <= 0 && extra <= 0) {
    const cap = scoreMidpoint(freq.total) - NAMES_ALONE_BELOW_MIDPOINT;
    if (total > cap && why) say(why, cap - total, 'only the names and the town agree: namesakes as often as one person');
    return Math.min(total, cap);
  }
  return total;
}

/** How far above an even chance a man's/woman's first-name pair born the same day at one address may score: below "sure" (0.9). */
const REPLACED_FIRST_NAME_ABOVE_MIDPOINT = 3;

/** The evidence (bits) for two prepared records being one person. The hot path: allocates nothing. */
export function pairBits(a: PreparedRecord, b: PreparedRecord, freq: Frequencies): number {
  return weigh(a, b, freq, null);
}

/**
 * Whether the pair carries strong evidence of two people (another gender's
 * name form, another patronymic, another first name under one surname):
 * such a pair is never joined into one group by a chain through others.
 */
export function pairContradicts(a: PreparedRecord, b: PreparedRecord, freq: Frequencies): boolean {
  weigh(a, b, freq, null);
  return contradicted;
}

/** Weighs all the evidence for two prepared records; `explain` adds reasons (slower). */
export function weighPair(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, explain = false): PairEvidence {
  if (!explain) return { bits: weigh(a, b, freq, null), reasons: [] };
  const why: NonNullable<Why> = [];
  const bits = weigh(a, b, freq, why);
  return { bits, reasons: why.sort((x, y) => y.bits - x.bits).map((n) => n.reason) };
}
