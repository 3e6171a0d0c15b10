/**
 * Companies in the sidebar's type-ahead, next to the people: found by any
 * form of their name (Ромашка finds Romashka LLC, "ООО Ромашка" finds
 * «Ромашка» whatever legal form either was typed with) and by tax ID digits
 * ("7707 083" finds 7707083893). Built in the browser from the index rows.
 */
import { companyNameKey } from '../companies/company-name';
import { cellText } from '../values';
import { searchDoc, searchDocs, type SearchDoc } from './find';

export interface CompanyHit {
  id: string;
  name: string;
  taxId: string;
}

export interface CompanySearch {
  search(query: string, limit?: number): CompanyHit[];
  readonly size: number;
}

/** `rows`: [ID, Name, Tax ID] a company. */
export function companySearch(rows: readonly (readonly unknown[])[]): CompanySearch {
  const docs: SearchDoc[] = [];
  const byId = new Map<string, CompanyHit>();
  for (const row of rows) {
    const id = cellText(row[0]).trim();
    if (!id || byId.has(id)) continue;
    const hit = { id, name: cellText(row[1]), taxId: cellText(row[2]) };
    byId.set(id, hit);
    const key = companyNameKey(hit.name);
    docs.push(searchDoc({ id, names: [hit.name, ...(key ? [key] : [])], emails: [hit.taxId], phones: [hit.taxId] }));
  }
  const hitsOf = (found: { id: string }[]) => found.map((h) => byId.get(h.id)!);
  return {
    get size() {
      return docs.length;
    },
    search(query, limit = 5) {
      const direct = searchDocs(docs, query, limit);
      if (direct.length) return hitsOf(direct);
      // The query's own legal form or quotes (ООО «…», LLC) must not hide the company typed without them.
      const key = companyNameKey(query);
      return key && key !== query.trim().toLowerCase() ? hitsOf(searchDocs(docs, key, limit)) : [];
    },
  };
}
