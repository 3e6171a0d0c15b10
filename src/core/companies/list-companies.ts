/**
 * The companies a flat list names, before it is adopted: the same grouping as
 * Link people to companies (tax ID, else the normalised name), over rows that
 * have no IDs yet. A group is named by what it was grouped on, not by a row
 * number, so the choice the user made (untick this one) still means the same
 * company when the list gained or lost a row between proposal and adoption.
 */
import type { CarriedValues } from './carry-fields';
import { companyNameKey, taxIdKey } from './company-name';
import { type CompanyProposal, proposeCompanies } from './propose';

export interface ListPerson {
  /** Any stable name of the row: its index before adoption, its new ID during it. */
  id: string;
  company: string;
  taxId: string;
}

export interface ListCompany {
  key: string;
  name: string;
  taxId: string;
  spellings: string[];
  people: number;
  by: CompanyProposal['by'];
  /** Company fields the company takes from its people's rows (Address, City, Stage…). */
  carried?: string[];
  /** Those its people disagree on: every value, the one the company gets first. */
  conflicts?: CarriedValues['conflicts'];
}

export interface ListCompanies {
  companies: ListCompany[];
  /** All of them, when `companies` was cut to what a sidebar can list. */
  total: number;
  /** People in a company. */
  linked: number;
  /** Rows with no company name: private clients, linked to none. */
  private: number;
}

export const MAX_LISTED_COMPANIES = 300;
const MAX_SPELLINGS = 10;

/** What a proposal is called between the proposal and the adoption. */
export function listCompanyKey(p: Pick<CompanyProposal, 'name' | 'taxId' | 'by'>): string {
  const tax = p.by === 'tax id' ? taxIdKey(p.taxId) : undefined;
  return tax ? `tax:${tax}` : `name:${companyNameKey(p.name) ?? ''}`;
}

export function groupListPeople(people: readonly ListPerson[]): CompanyProposal[] {
  return proposeCompanies(people.map((p) => ({ ...p, companyId: '' })));
}

export function listCompanies(people: readonly ListPerson[], carry?: (personIds: readonly string[]) => CarriedValues): ListCompanies {
  const groups = groupListPeople(people);
  const linked = groups.reduce((n, g) => n + g.personIds.length, 0);
  return {
    companies: groups.slice(0, MAX_LISTED_COMPANIES).map((g) => ({
      key: listCompanyKey(g),
      name: g.name,
      taxId: g.taxId,
      spellings: g.spellings.slice(0, MAX_SPELLINGS),
      people: g.personIds.length,
      by: g.by,
      ...(carry ? carried(carry(g.personIds)) : {}),
    })),
    total: groups.length,
    linked,
    private: people.length - linked,
  };
}

function carried(values: CarriedValues): Pick<ListCompany, 'carried' | 'conflicts'> {
  return { carried: Object.keys(values.values), conflicts: values.conflicts };
}
