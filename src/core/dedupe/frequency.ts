/**
 * How common each value is in the data being checked: a shared "Smith" is
 * weaker evidence than a shared "Wojciechowski", a shared office phone weaker
 * than a mobile. Counts are blended with a prior so that a small base (the
 * first twenty clients) does not make every name look common.
 */
import type { PreparedRecord } from './features';

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
}

function valuesOf(record: PreparedRecord, field: FrequencyField): string[] {
  switch (field) {
    case 'first':
      return record.first ? [record.first.key] : [];
    case 'last':
      return record.last ? [record.last.key] : [];
    case 'middle':
      return record.middle ? [record.middle.key] : [];
    case 'birth':
      return record.birth ? [record.birth.key] : [];
    case 'email':
      return record.emails;
    case 'phone':
      return record.phones;
    case 'street':
      return record.street ? [record.street.key] : [];
    case 'city':
      return record.city ? [record.city] : [];
    case 'postcode':
      return record.postcode ? [record.postcode] : [];
    case 'region':
      return record.region ? [record.region] : [];
    case 'company':
      return record.company ? [record.company] : [];
    case 'nationalId':
      return record.nationalId ? [record.nationalId] : [];
    case 'extra':
      return record.extra.map(([column, value]) => `${column}\u0000${value}`);
  }
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
  for (const record of records) {
    for (const field of FIELDS) {
      const map = counts[field];
      for (const value of valuesOf(record, field)) map.set(value, (map.get(value) ?? 0) + 1);
    }
  }
  return { total: records.length, counts };
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
