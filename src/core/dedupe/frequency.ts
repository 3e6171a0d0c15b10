/**
 * How common each value is in the data being checked: a shared "Smith" is
 * weaker evidence than a shared "Wojciechowski", a shared office phone weaker
 * than a mobile. Counts are blended with a prior so that a small base (the
 * first twenty clients) does not make every name look common.
 */
import type { NameFeature, PreparedRecord } from './features';
import { jaroWinkler } from './similarity';

export type FrequencyField =
  | 'first'
  | 'last'
  | 'middle'
  | 'birth'
  | 'email'
  | 'phone'
  | 'street'
  | 'city'
  | 'postcode'
  | 'region'
  | 'company'
  | 'nationalId'
  | 'extra';

export interface Frequencies {
  total: number;
  counts: Record<FrequencyField, Map<string, number>>;
  /**
   * Phones (by their last 8 digits) and emails seen on records whose first
   * names cannot be one person's (Иван and Мария, Ion and Ioana): household
   * and office lines. Agreement on one of them says little about a person.
   */
  sharedContacts: Set<string>;
}

const FIELDS: FrequencyField[] = [
  'first',
  'last',
  'middle',
  'birth',
  'email',
  'phone',
  'street',
  'city',
  'postcode',
  'region',
  'company',
  'nationalId',
  'extra',
];

export function countFrequencies(records: ReadonlyArray<PreparedRecord>): Frequencies {
  const counts = {} as Record<FrequencyField, Map<string, number>>;
  for (const field of FIELDS) counts[field] = new Map();
  const add = (field: FrequencyField, value: string) => counts[field].set(value, (counts[field].get(value) ?? 0) + 1);
  // Field by field, without a list per field per record: this runs over the whole base.
  for (const record of records) {
    if (record.first) add('first', record.first.key);
    if (record.last) add('last', record.last.key);
    if (record.middle) add('middle', record.middle.key);
    if (record.birth) add('birth', record.birth.key);
    for (const email of record.emails) add('email', email);
    for (const phone of record.phones) add('phone', phone);
    if (record.street) add('street', record.street.key);
    if (record.city) add('city', record.city);
    if (record.postcode) add('postcode', record.postcode);
    if (record.region) add('region', record.region);
    if (record.company) add('company', record.company);
    if (record.nationalId) add('nationalId', record.nationalId);
    for (const [column, value] of record.extra) add('extra', `${column}\u0000${value}`);
  }
  return { total: records.length, counts, sharedContacts: sharedContacts(records) };
}

/** Whether two first names cannot be one person's: different letters from the start, no nickname family in common. */
function differentPeople(a: NameFeature, b: NameFeature): boolean {
  if (a.key === b.key || a.skeleton === b.skeleton) return false;
  if (a.key.length <= 1 || b.key.length <= 1 || a.initial || b.initial) return false;
  for (const f of a.families) if (b.families.includes(f)) return a.gender !== undefined && b.gender !== undefined && a.gender !== b.gender;
  if (a.gender && b.gender && a.gender !== b.gender) return true;
  return a.skeleton[0] !== b.skeleton[0] && jaroWinkler(a.skeleton, b.skeleton) < 0.75;
}

function sharedContacts(records: ReadonlyArray<PreparedRecord>): Set<string> {
  const firstSeen = new Map<string, PreparedRecord>();
  const shared = new Set<string>();
  const visit = (contact: string, r: PreparedRecord) => {
    if (shared.has(contact)) return;
    const seen = firstSeen.get(contact);
    if (!seen) firstSeen.set(contact, r);
    // (First and last name swapped in one of them is still one person.)
    else if (
      differentPeople(seen.first!, r.first!) &&
      (!r.last || differentPeople(seen.first!, r.last)) &&
      (!seen.last || differentPeople(seen.last, r.first!))
    )
      shared.add(contact);
  };
  for (const r of records) {
    if (!r.first) continue;
    for (const t of r.phoneTails) if (t.length >= 7) visit('p:' + t, r);
    for (const e of r.emails) visit('e:' + e, r);
  }
  return shared;
}

/** Weight of the prior, in records: below this size the prior dominates. */
const PRIOR_RECORDS = 1000;

/**
 * Probability that two unrelated records share this value by chance, as
 * estimated from the data, blended with `prior` (the typical share of one value).
 */
export function chanceOfSharing(freq: Frequencies, field: FrequencyField, value: string, prior: number): number {
  const count = freq.counts[field].get(value) ?? 1;
  return (count + PRIOR_RECORDS * prior) / (freq.total + PRIOR_RECORDS);
}
