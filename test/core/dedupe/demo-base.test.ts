/**
 * The playground's demo base through the duplicate finder, each client read
 * the way ClientBase ▸ Find duplicates reads the Clients tab (the Fields'
 * keys → PersonRecord). The demo plants twenty duplicates of known kinds;
 * every other client is a different person, and the small name pools give it
 * plenty of namesakes living in one city, the case that must not be "sure".
 */
import { describe, expect, it } from 'vitest';
import { demoBase } from '../../../playground/demo/seed.ts';
import { Columns } from '../../../src/core/clients/columns.ts';
import { personFromRow, personMapping } from '../../../src/core/clients/person.ts';
import { DEFAULT_SURE_THRESHOLD, findDuplicates } from '../../../src/core/dedupe/engine.ts';
import type { PersonRecord } from '../../../src/core/dedupe/record.ts';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings.ts';

const demo = demoBase({ now: new Date('2025-03-10T09:30:00Z') });
const [header, ...rows] = demo.clients as string[][];
const mapping = personMapping(DEFAULT_FIELDS, new Columns(['ID', ...header]));
/** Ids are the sheet rows the planted list refers to ("row 2" is the first client). */
const people: PersonRecord[] = rows.map((row, i) => personFromRow([`row ${i + 2}`, ...row], mapping));
const idOfRow = (row: number) => `row ${row}`;
const { pairs, groups } = findDuplicates(people, { defaultCountry: DEFAULT_SETTINGS.defaultCountry });

const pairKey = (a: string, b: string) => [a, b].sort().join('+');
const planted = new Set(demo.planted.duplicates.map((d) => pairKey(idOfRow(d.rows[0]), idOfRow(d.rows[1]))));
const sureGroups = groups.filter((g) => g.score >= DEFAULT_SURE_THRESHOLD);
const inOneSureGroup = (a: string, b: string) => sureGroups.some((g) => g.members.includes(a) && g.members.includes(b));

/** Compared here without the engine's normalisers: lower case, Gmail-style dots dropped; a phone by its last nine digits. */
const emailOf = (p: PersonRecord) => (p.emails?.[0] ?? '').toLowerCase().replace(/\./g, '');
const phoneOf = (p: PersonRecord) => (p.phones?.[0] ?? '').replace(/\D/g, '').slice(-9);
const sameText = (x: string | undefined, y: string | undefined) => !!x && !!y && x.trim().toLowerCase() === y.trim().toLowerCase();

describe('findDuplicates on the demo base', () => {
  it('reads every client of the demo', () => {
    expect(people.length).toBe(rows.length);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    expect(people.filter((p) => p.firstName && p.lastName && p.city).length).toBeGreaterThan(people.length * 0.9);
  });

  it('finds every planted duplicate, each in a sure group', () => {
    expect(demo.planted.duplicates.length).toBeGreaterThanOrEqual(20);
    for (const {
      kind,
      rows: [x, y],
    } of demo.planted.duplicates) {
      const a = idOfRow(x);
      const b = idOfRow(y);
      const group = groups.find((g) => g.members.includes(a) && g.members.includes(b));
      expect(group, `${kind}: rows ${x} and ${y} in one group`).toBeDefined();
      expect(group!.score, `${kind}: rows ${x} and ${y}`).toBeGreaterThanOrEqual(DEFAULT_SURE_THRESHOLD);
    }
  });

  it('never calls namesakes in one city with another email and another phone a sure duplicate', () => {
    const namesakes: Array<[PersonRecord, PersonRecord]> = [];
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const [a, b] = [people[i], people[j]];
        if (planted.has(pairKey(a.id, b.id))) continue;
        if (!sameText(a.firstName, b.firstName) || !sameText(a.lastName, b.lastName) || !sameText(a.city, b.city)) continue;
        if (!emailOf(a) || !emailOf(b) || emailOf(a) === emailOf(b)) continue;
        if (!phoneOf(a) || !phoneOf(b) || phoneOf(a) === phoneOf(b)) continue;
        namesakes.push([a, b]);
      }
    }
    // The demo's small name pools make such namesakes; without them this test would prove nothing.
    expect(namesakes.length).toBeGreaterThan(0);
    for (const [a, b] of namesakes) {
      const label = `${a.firstName} ${a.lastName}, ${a.city}: ${a.id} / ${b.id}`;
      expect(pairs.find((p) => pairKey(p.a, p.b) === pairKey(a.id, b.id))?.level ?? 'not proposed', label).not.toBe('sure');
      expect(inOneSureGroup(a.id, b.id), label).toBe(false);
    }
  });

  it('calls no group sure that is not a planted duplicate', () => {
    expect(sureGroups.length).toBeGreaterThan(0);
    for (const g of sureGroups) {
      const names = g.members.map((id) => people.find((p) => p.id === id)).map((p) => `${p?.firstName} ${p?.lastName} (${p?.id})`);
      const hasPlanted = g.members.some((a) => g.members.some((b) => a < b && planted.has(pairKey(a, b))));
      expect(hasPlanted, names.join(', ')).toBe(true);
    }
  });
});
