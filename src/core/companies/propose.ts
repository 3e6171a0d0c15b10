/**
 * Which companies a flat list of people holds. People are grouped by tax ID
 * when they have one, else by the normalised company name; a person without a
 * tax ID joins the tax-ID group of the same name when there is exactly one
 * (two companies may share a name, and then a name alone cannot choose). A row
 * with no company name is a private client and stays out, whatever its tax ID
 * (a personal tax number is not a company). A person already linked keeps
 * their company; existing companies are matched first, so running it twice
 * proposes nothing new.
 */
import { companyNameKey, displayName, taxIdKey } from './company-name';

export interface PersonRow {
  id: string;
  company: string;
  taxId: string;
  companyId: string;
}

export interface CompanyRow {
  id: string;
  name: string;
  taxId: string;
}

export interface CompanyProposal {
  /** Set when the group is an existing company; else a new one is made. */
  companyId?: string;
  name: string;
  taxId: string;
  /** Every spelling of the name among its people, for the confirmation list. */
  spellings: string[];
  personIds: string[];
  /** How the group was formed, for the person confirming it. */
  by: 'tax id' | 'name' | 'existing';
}

interface Group {
  companyId?: string;
  taxKey?: string;
  nameKey?: string;
  names: string[];
  taxIds: string[];
  personIds: string[];
  by: CompanyProposal['by'];
}

export function proposeCompanies(people: readonly PersonRow[], companies: readonly CompanyRow[] = []): CompanyProposal[] {
  const groups: Group[] = [];
  const byTax = new Map<string, Group>();
  const byName = new Map<string, Group[]>();
  const byId = new Map<string, Group>();
  const index = (g: Group) => {
    if (g.taxKey && !byTax.has(g.taxKey)) byTax.set(g.taxKey, g);
    if (g.nameKey) byName.set(g.nameKey, [...(byName.get(g.nameKey) ?? []), g]);
  };
  for (const c of companies) {
    const g: Group = {
      companyId: c.id,
      taxKey: taxIdKey(c.taxId),
      nameKey: companyNameKey(c.name),
      names: [c.name],
      taxIds: [c.taxId],
      personIds: [],
      by: 'existing',
    };
    groups.push(g);
    byId.set(c.id, g);
    index(g);
  }
  const unlinked: PersonRow[] = [];
  for (const p of people) {
    const linked = p.companyId.trim() && byId.get(p.companyId.trim());
    if (linked) linked.personIds.push(p.id);
    else if (companyNameKey(p.company)) unlinked.push(p);
  }
  // Tax IDs first, so a name-only person can see every tax group of its name.
  const withTax = unlinked.filter((p) => taxIdKey(p.taxId));
  const withoutTax = unlinked.filter((p) => !taxIdKey(p.taxId));
  for (const p of withTax) {
    const taxKey = taxIdKey(p.taxId)!;
    let g = byTax.get(taxKey);
    if (!g) {
      g = { taxKey, nameKey: companyNameKey(p.company), names: [], taxIds: [], personIds: [], by: 'tax id' };
      groups.push(g);
      index(g);
    }
    g.names.push(p.company);
    g.taxIds.push(p.taxId);
    g.personIds.push(p.id);
  }
  for (const p of withoutTax) {
    const nameKey = companyNameKey(p.company)!;
    const same = byName.get(nameKey) ?? [];
    let g = same.length === 1 ? same[0] : same.find((x) => !x.taxKey && x.by === 'name');
    if (!g) {
      g = { nameKey, names: [], taxIds: [], personIds: [], by: 'name' };
      groups.push(g);
      index(g);
    }
    g.names.push(p.company);
    g.personIds.push(p.id);
  }
  return groups
    .filter((g) => g.personIds.length > 0)
    .map((g) => ({
      companyId: g.companyId,
      name: g.companyId ? g.names[0] : displayName(g.names),
      taxId: g.companyId ? g.taxIds[0] : displayName(g.taxIds),
      spellings: [...new Set(g.names.map((n) => n.replace(/\s+/g, ' ').trim()).filter(Boolean))],
      personIds: g.personIds,
      by: g.by,
    }));
}
