/**
 * Which of the clients the sidebar already holds (its search index) a live
 * duplicate check must look at: those sharing a phone ending, a mailbox, a
 * surname or given name (in any alphabet, either order), a birthday or a tax
 * ID with the draft. The sidebar sends these rows with the check, so the
 * server scores them with the real engine without reading Clients; the engine
 * itself (nicknames, phone parsing) is too big for the sidebar's 200 KB.
 * Light on purpose: translit only, keys computed once per row.
 */
import type { FieldDef } from '../schema/field';
import { latinSkeleton } from '../normalize/translit';
import { cellText } from '../values';

/** The rows sent with one check, at most (the engine skips blocks larger than 400 as unselective too). */
export const MAX_CANDIDATES = 400;

/** What a check sends: the index's columns, the candidate rows and how many clients the base has. */
export interface CandidateRows {
  /** Field names of each row's cells after the ID. */
  fields: string[];
  rows: string[][];
  /** Clients in the whole base: the engine weighs how common a shared name is against it. */
  total: number;
}

/** Contact matches outrank name matches; a row matching both names outranks one matching the surname alone. */
const WEIGHT = { contact: 10, bothNames: 3, oneName: 1 } as const;

interface Roles {
  first: number;
  last: number;
  emails: number[];
  phones: number[];
  birthday: number;
  taxId: number;
}

function rolesOf(fields: readonly FieldDef[], header: readonly string[]): Roles {
  const at = (f: FieldDef | undefined) => (f ? header.indexOf(f.name) : -1);
  const byKey = (key: string) => at(fields.find((f) => f.key === key));
  const ofType = (type: string) =>
    fields
      .filter((f) => f.type === type)
      .map((f) => header.indexOf(f.name))
      .filter((i) => i >= 0);
  return {
    first: byKey('firstName'),
    last: byKey('lastName'),
    emails: ofType('email'),
    phones: ofType('phone'),
    birthday: byKey('birthday'),
    taxId: byKey('taxId'),
  };
}

const get = (row: readonly unknown[], i: number) => (i >= 0 ? cellText(row[i]).slice(0, 300) : '');

function mailbox(email: string): string {
  const [local, domain] = email.trim().toLowerCase().split('@');
  if (!local || domain === undefined) return '';
  return local.replace(/\+.*$/, '').replace(/\./g, '');
}

function contactKeys(row: readonly unknown[], roles: Roles): string[] {
  const keys: string[] = [];
  for (const i of roles.phones) {
    const digits = get(row, i).replace(/\D/g, '');
    if (digits.length >= 7) keys.push(`p:${digits.slice(-7)}`);
  }
  for (const i of roles.emails) {
    const box = mailbox(get(row, i));
    if (box.length >= 3) keys.push(`e:${box}`);
  }
  const birthday = get(row, roles.birthday).replace(/\D/g, '');
  if (birthday.length >= 6) keys.push(`b:${birthday}`);
  const tax = get(row, roles.taxId).replace(/\W/g, '').toLowerCase();
  if (tax.length >= 4) keys.push(`i:${tax}`);
  return keys;
}

/** Names repeat (a base of 50,000 has a few thousand distinct ones): each is romanised once. */
function nameKeys(row: readonly unknown[], roles: Roles, skeletons: Map<string, string>): string[] {
  const keys: string[] = [];
  for (const name of [get(row, roles.first), get(row, roles.last)]) {
    let skeleton = skeletons.get(name);
    if (skeleton === undefined) skeletons.set(name, (skeleton = latinSkeleton(name)));
    if (skeleton.length >= 2) keys.push(skeleton);
  }
  return keys;
}

export interface CandidateIndex {
  /** Rows (as given) worth scoring against `draft` (field name → value), best first, at most `limit`. */
  candidates(draft: Record<string, string>, exceptId?: string, limit?: number): string[][];
  /** Replaces (or adds) a row, e.g. a client this sidebar just saved. */
  upsert(row: readonly string[]): void;
}

/** `header` names the columns of `rows` (the first is ID). */
export function candidateIndex(fields: readonly FieldDef[], header: readonly string[], rows: readonly (readonly string[])[]): CandidateIndex {
  const roles = rolesOf(fields, header);
  const idCol = header.indexOf('ID');
  const all: (readonly string[])[] = [];
  const at = new Map<string, number>();
  const byContact = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const names: string[][] = [];
  const skeletons = new Map<string, string>();
  const put = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  const add = (row: readonly string[]) => {
    const id = get(row, idCol);
    if (!id) return;
    const known = at.get(id);
    // A replaced row keeps its slot; its old keys point at it still and are checked again below.
    const i = known ?? all.length;
    all[i] = row;
    at.set(id, i);
    for (const k of contactKeys(row, roles)) put(byContact, k, i);
    names[i] = nameKeys(row, roles, skeletons);
    for (const k of names[i]) put(byName, k, i);
  };
  for (const row of rows) add(row);

  return {
    upsert: add,
    candidates(draft, exceptId, limit = MAX_CANDIDATES) {
      const draftRow = header.map((h) => (h === 'ID' ? '' : String(draft[h] ?? '')));
      const score = new Map<number, number>();
      const bump = (i: number, by: number) => score.set(i, (score.get(i) ?? 0) + by);
      const contacts = contactKeys(draftRow, roles);
      for (const k of new Set(contacts)) for (const i of byContact.get(k) ?? []) if (contactKeys(all[i], roles).includes(k)) bump(i, WEIGHT.contact);
      const draftNames = [...new Set(nameKeys(draftRow, roles, skeletons))];
      const nameHits = new Map<number, number>();
      for (const k of draftNames) for (const i of byName.get(k) ?? []) if (names[i].includes(k)) nameHits.set(i, (nameHits.get(i) ?? 0) + 1);
      for (const [i, hits] of nameHits) bump(i, hits >= 2 ? WEIGHT.bothNames : WEIGHT.oneName);
      return [...score]
        .filter(([i]) => !exceptId || get(all[i], idCol) !== exceptId)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, Math.max(0, limit))
        .map(([i]) => [...all[i]]);
    },
  };
}
