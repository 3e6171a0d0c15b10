/**
 * Check data, Apply fixes and stale records as the menu and the sidebar call
 * them. Roles: running the check and applying fixes need a manager (both
 * write to the spreadsheet; fixes edit client cells, like the sidebar form);
 * reading the last report and the stale list is open to every user.
 */
import { handle } from '../handle';
import type { Result } from '../../core/result';
import { setNextSidebarView } from '../../gas/sidebar-view';
import { alert, showSidebar } from '../../gas/ui';
import { applyAcceptedFixes, type ApplyFixesDto, type FixSelection } from './apply';
import type { CheckDto } from './dto';
import { summaryText } from './report';
import { reportTabName } from './grid';
import { checkWords } from '../../core/i18n/check-words';
import { langOfLocale } from '../../core/i18n/lang';
import { userLocale } from '../../gas/session';
import { currentCheck, runCheck } from './run';
import { staleClients, type StaleDto } from './stale';

export type { ApplyFixesDto, FixSelection } from './apply';
export type { CheckDto, CheckProblemDto, FixGroupDto } from './dto';
export type { StaleClientDto, StaleDto, StaleGroupDto } from './stale';

/** ClientBase ▸ Check data: report tab, marks, the summary in a dialog, and the sidebar open on the Check view. */
export function menuCheckData(): void {
  const result = handle(() => {
    const outcome = runCheck();
    setNextSidebarView('check');
    showSidebar('ClientBase');
    const lang = langOfLocale(userLocale());
    const text = summaryText(outcome.report, reportTabName(), lang);
    return outcome.marksWritten ? text : `${text}\n\n${checkWords(lang).notMarked}`;
  });
  alert(result.ok ? result.value : result.error.message);
}

/** Runs the check again from the sidebar. */
export function apiCheckData(): Result<CheckDto> {
  return handle(() => runCheck().dto);
}

/** The last check (null before the first one), with the problems as they are now. */
export function apiCheckReport(): Result<CheckDto | null> {
  return handle(() => currentCheck());
}

/**
 * Applies the accepted fixes: `acceptedIds` one by one (CheckProblemDto.id),
 * `acceptedGroups` whole groups (FixGroupDto.key).
 */
/** `excluded`: fixes of accepted groups the user reviewed and left out. */
export function apiApplyFixes(acceptedIds: string[], acceptedGroups: string[] = [], excluded: string[] = []): Result<ApplyFixesDto> {
  return handle(() => applyAcceptedFixes({ ids: acceptedIds ?? [], groups: acceptedGroups ?? [], excluded: excluded ?? [] } satisfies FixSelection));
}

export function apiStaleClients(): Result<StaleDto> {
  return handle(() => staleClients());
}
