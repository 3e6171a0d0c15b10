/**
 * The bridge from a Clients row to the duplicate finder's PersonRecord: fields
 * are found by their key (a renamed "First name" still counts as first name)
 * and by type (every email and phone column is compared).
 */
import type { PersonRecord } from '../dedupe/record';
import type { FieldDef } from '../schema/field';
import { cellText, isDate } from '../values';
import type { Columns } from './columns';

function text(value: unknown): string {
  if (isDate(value)) {
    const d = value;
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  return cellText(value).trim();
}

export interface PersonMapping {
  id: number;
  single: Partial<Record<'firstName' | 'lastName' | 'company' | 'street' | 'city' | 'postcode' | 'region' | 'country' | 'birthDate' | 'nationalId', number>>;
  emails: number[];
  phones: number[];
}

const KEY_TO_PERSON: Record<string, keyof PersonMapping['single']> = {
  firstName: 'firstName',
  lastName: 'lastName',
  company: 'company',
  address: 'street',
  city: 'city',
  postalCode: 'postcode',
  region: 'region',
  country: 'country',
  birthday: 'birthDate',
  taxId: 'nationalId',
};

export function personMapping(fields: readonly FieldDef[], cols: Columns): PersonMapping {
  const mapping: PersonMapping = { id: cols.indexOf('ID'), single: {}, emails: [], phones: [] };
  for (const f of fields) {
    const i = cols.indexOf(f.name);
    if (i < 0) continue;
    if (f.type === 'email') mapping.emails.push(i);
    else if (f.type === 'phone') mapping.phones.push(i);
    const target = f.key ? KEY_TO_PERSON[f.key] : undefined;
    if (target && mapping.single[target] === undefined) mapping.single[target] = i;
  }
  return mapping;
}

export function personFromRow(row: readonly unknown[], mapping: PersonMapping, id?: string): PersonRecord {
  const person: PersonRecord = { id: id ?? text(row[mapping.id]) };
  for (const [prop, i] of Object.entries(mapping.single) as [keyof PersonMapping['single'], number][]) {
    const value = text(row[i]);
    if (value) person[prop] = value;
  }
  const emails = mapping.emails.map((i) => text(row[i])).filter(Boolean);
  const phones = mapping.phones.map((i) => text(row[i])).filter(Boolean);
  if (emails.length) person.emails = emails;
  if (phones.length) person.phones = phones;
  return person;
}
