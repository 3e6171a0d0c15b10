/** The sidebar calls of Companies: the link proposal and its confirmation, the company card and its save. */
import type { Result } from '../../core/result';
import { handle } from '../handle';
import { type LinkReport, linkPeopleToCompanies, type ProposalDto, proposeCompanyLinks } from './link-people';
import { type CompanyDto, type OpenCompanyDto, openCompany, type SaveCompanyInput, saveCompany } from './open-company';

/** The companies a flat list holds, for confirmation; nothing is written. */
export function apiProposeCompanies(): Result<ProposalDto[]> {
  return handle(() => proposeCompanyLinks());
}

/** Admins: makes the proposed companies but those in `skip`, and links their people. Snapshotted and audited. */
export function apiLinkCompanies(skip: string[]): Result<LinkReport> {
  return handle(() => linkPeopleToCompanies(Array.isArray(skip) ? skip.map(String) : []));
}

export function apiOpenCompany(id: string): Result<OpenCompanyDto> {
  return handle(() => openCompany(String(id ?? '')));
}

export function apiSaveCompany(input: SaveCompanyInput): Result<CompanyDto> {
  return handle(() => saveCompany(input));
}
