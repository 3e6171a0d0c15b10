/** The sidebar call of adoption's company step: the companies again for a mapping the user changed. */
import type { ListCompanies } from '../../core/companies/list-companies';
import type { Result } from '../../core/result';
import { type AdoptionProposal, proposeAdoptionCompanies } from '../adopt';
import { handle } from '../handle';

export function apiAdoptionCompanies(proposal: AdoptionProposal): Result<ListCompanies | null> {
  return handle(() => proposeAdoptionCompanies(proposal));
}
