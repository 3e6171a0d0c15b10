/**
 * Search over client rows, the same on the server (apiSearch) and in the
 * sidebar (over the index it loaded once): which columns are names, emails
 * and phones comes from the fields, and hits are named by the shared summary.
 */
import { Columns } from '../clients/columns';
import { summaryReader } from '../clients/summary';
import type { FieldDef } from '../schema/field';
import { cellText } from '../values';
import { searchDoc, searchDocs, type NameFamilies, type SearchDoc } from './find';

export interface ClientHit {
  id: string;
  name: string;
  company: string;
  email: string;
  phone: string;
  stage: string;
}

export interface ClientSearch {
  search(query: string, limit?: number): ClientHit[];
  /** Replaces (or adds) one row, e.g. after the sidebar saved it: no reload of the index. */
  upsert(row: readonly unknown[]): void;
  readonly size: number;
}

/** `families`: nicknames and diminutives find full given names (the server passes the table, the sidebar what its index carried). */
export function clientSearch(
  fields: readonly FieldDef[],
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  families?: NameFamilies,
): ClientSearch {
  const cols = new Columns(header);
  const pick = (types: string[], keys: string[]) =>
    fields
      .filter((f) => types.includes(f.type) || (f.key && keys.includes(f.key)))
      .map((f) => cols.indexOf(f.name))
      .filter((i) => i >= 0);
  const nameCols = pick([], ['firstName', 'lastName', 'company']);
  const givenCols = pick([], ['firstName']);
  const emailCols = pick(['email'], []);
  const phoneCols = pick(['phone'], []);
  const placeCols = pick([], ['city']);
  const idCol = cols.indexOf('ID');
  const summary = summaryReader(fields, header);
  const toDoc = (row: readonly unknown[]): SearchDoc =>
    searchDoc(
      {
        id: cellText(row[idCol]),
        names: nameCols.map((i) => cellText(row[i])),
        givenNames: givenCols.map((i) => cellText(row[i])),
        emails: emailCols.map((i) => cellText(row[i])),
        phones: phoneCols.map((i) => cellText(row[i])),
        places: placeCols.map((i) => cellText(row[i])),
      },
      families,
    );
  const docs: SearchDoc[] = [];
  const byId = new Map<string, { row: readonly unknown[]; at: number }>();
  for (const row of rows) {
    const id = cellText(row[idCol]);
    if (!id || byId.has(id)) continue;
    byId.set(id, { row, at: docs.length });
    docs.push(toDoc(row));
  }
  return {
    get size() {
      return docs.length;
    },
    search(query, limit = 20) {
      return searchDocs(docs, query, limit, families).map((hit) => {
        const s = summary(byId.get(hit.id)!.row);
        return { id: hit.id, name: s.person, company: s.company, email: s.email, phone: s.phone, stage: s.stage };
      });
    },
    upsert(row) {
      const id = cellText(row[idCol]);
      if (!id) return;
      const known = byId.get(id);
      if (known) {
        docs[known.at] = toDoc(row);
        byId.set(id, { row, at: known.at });
      } else {
        byId.set(id, { row, at: docs.length });
        docs.push(toDoc(row));
      }
    },
  };
}
