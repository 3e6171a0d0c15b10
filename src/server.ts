/**
 * The public surface of ClientBase. Every export here becomes a top-level
 * function in dist/Code.js (scripts/build.ts), so menus, triggers and
 * google.script.run can reach it; nothing else in the bundle can be called.
 * The sidebar derives its RPC types from these exports (sidebar/rpc.ts).
 *
 * Menu and trigger functions show results in the Sheet; `api*` functions
 * answer the sidebar with a typed Result and never throw.
 */
import { loadBase } from './app/base';
import {
  checkDuplicates,
  getClient,
  saveClient,
  searchClients,
  type ClientDto,
  type DuplicateMatchDto,
  type SaveClientInput,
  type SaveClientOutcome,
  type SearchHitDto,
} from './app/clients';
import { handle } from './app/handle';
import { listDeals, type DealDto, type DealsQuery } from './app/deals/list';
import { saveDeal } from './app/deals/save';
import type { DealInput } from './core/deals/deal';
import { openClient, type OpenClientDto } from './app/open-client';
import {
  clientHistory,
  dueList,
  logInteraction,
  markDone,
  type DueItemDto,
  type HistoryDto,
  type InteractionDto,
  type InteractionInput,
} from './app/interactions';
import type { CountryCode } from './core/normalize/phone';
import { AppFailure, type Result } from './core/result';
import type { FieldDef } from './core/schema/field';
import { INTERACTION_TYPES } from './core/schema/field';
import type { Role } from './core/settings/roles';
import { langOfLocale, type Lang } from './core/i18n/lang';
import { menuDialogWords } from './core/i18n/menu-dialogs';
import { activeClientId } from './gas/active-row';
import { formatDay } from './gas/dates';
import { buildMenu } from './gas/menu';
import { currentUserEmail, now, spreadsheetTimeZone, userLocale } from './gas/session';
import { alert, ask, showSidebar, showWideDialog, toast } from './gas/ui';
import { reassignManager } from './app/reassign';
import { deleteClient } from './app/delete-client';
import { setNextSidebarView, takeNextSidebarView } from './gas/sidebar-view';
import { adopt, proposeAdoption, type AdoptionProposal, type AdoptionReport } from './app/adopt';
import { applyFields, existingListSheet, isSetUp, setUp, syncAdminProtections, type ApplyFieldsReport } from './app/setup';
import { TAB } from './core/schema/tabs';
import { localTabName } from './core/i18n/sheet-words';
import { sheetLanguage } from './gas/tab-keys';
import { listSnapshots, restoreSnapshot, type SnapshotInfo } from './app/snapshots';
import { auditCellEdit, type EditEvent } from './app/cell-edit';
import { applyPendingOptOutsQuietly } from './app/mail/opt-outs';
import { showDiagnostics } from './app/diagnostics';
import { clientIndex, currentClientsVersion, type ClientIndexDto } from './app/client-index';
import { pipelineBoard, type BoardDto, type BoardFilter } from './app/board';
import {
  applyFieldsEdit,
  loadFieldsEditor,
  previewFieldsEdit,
  type EditedField,
  type FieldsApplyDto,
  type FieldsEditorDto,
  type FieldsPreviewDto,
} from './app/fields-editor';

export type { ClientIndexDto };
// Performance (h-perf): the rows a sidebar sends with a duplicate check.
import type { CandidateRows } from './core/search/duplicate-candidates';
export type { CandidateRows };

export type { EditedField, FieldsApplyDto, FieldsEditorDto, FieldsPreviewDto };
export type {
  ClientDto,
  DuplicateMatchDto,
  SaveClientInput,
  SaveClientOutcome,
  SearchHitDto,
  DueItemDto,
  HistoryDto,
  OpenClientDto,
  InteractionDto,
  InteractionInput,
  AdoptionProposal,
  AdoptionReport,
  ApplyFieldsReport,
  SnapshotInfo,
};

/** Sidebar views a menu item can open directly. */
export type SidebarView =
  | 'setup'
  | 'client'
  | 'due'
  | 'adopt'
  | 'snapshots'
  | 'mail'
  | 'segments'
  | 'duplicates'
  | 'check'
  | 'plan'
  | 'bulk'
  | 'fields'
  | 'company';

export interface BootstrapDto {
  user: string;
  role: Role;
  locale: Lang;
  timeZone: string;
  today: string;
  fields: FieldDef[];
  /** For phones written without +country (Settings: defaultCountry). */
  defaultCountry?: CountryCode;
  interactionTypes: string[];
  activeClientId?: string;
  /** Set when the base is not set up yet: the sidebar offers Set up or adoption. */
  view: SidebarView;
}

// ── Triggers and menu ───────────────────────────────────────────────────────

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
  // In AuthMode.NONE (an add-on not yet used in this document) properties are out of reach; the first menu or sidebar call settles instead.
  if (e && String(e.authMode) === 'NONE') return;
  const settled = handle(() => null);
  if (!settled.ok) console.error(`ClientBase could not roll back an interrupted operation: ${settled.error.message}`);
  // Roles may have changed while nobody ran the add-on. Without authorisation, or for someone who is not an
  // editor of the protection, this fails quietly: the edit trigger and the next admin action sync instead.
  const synced = handle(() => {
    if (isSetUp()) syncAdminProtections();
  });
  if (!synced.ok) console.warn(`ClientBase: protections not synced on open: ${synced.error.message}`);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function menuOpenSidebar(): void {
  showSidebar('ClientBase');
}

function openSidebarOn(view: SidebarView): void {
  setNextSidebarView(view);
  showSidebar('ClientBase');
}

/** Menu actions report in a dialog; a failure is shown, never swallowed. */
function runMenu(action: () => string | void): void {
  applyPendingOptOutsQuietly();
  const result = handle(action);
  if (!result.ok) alert(result.error.message);
  else if (result.value) alert(result.value);
}

export function menuSetUp(): void {
  runMenu(() => {
    const outcome = setUp();
    if (outcome.kind === 'needs_adoption') {
      openSidebarOn('adopt');
      return;
    }
    if (outcome.kind === 'already_set_up') return describeApplyFields(outcome.report);
    openSidebarOn('client');
    // The tabs as Set up named them (Клиенты in a Russian spreadsheet), in the user's words.
    const tabs = outcome.tabs.map((t) => localTabName(t, sheetLanguage())).join(', ');
    return menuDialogWords(localeOf()).setUpDone(tabs);
  });
}

function describeApplyFields(report: ApplyFieldsReport): string {
  const w = menuDialogWords(localeOf());
  const lines = [w.appliedFields(report.fields, localTabName(TAB.clients, sheetLanguage()))];
  if (report.addedColumns.length) lines.push(w.newColumns(report.addedColumns.join(', ')));
  if (report.extraColumns.length) lines.push(w.keptColumns(report.extraColumns.join(', ')));
  if (report.errors.length) lines.push('', w.fieldsAttention, ...report.errors);
  return lines.join('\n');
}

export function menuApplyFields(): void {
  runMenu(() => describeApplyFields(applyFields()));
}

export function menuReassignManager(): void {
  runMenu(() => {
    const w = menuDialogWords(localeOf());
    const from = ask(w.reassignTitle, w.reassignFrom);
    if (from === undefined) return;
    const to = ask(w.reassignTitle, w.reassignTo(from));
    if (to === undefined) return;
    const report = reassignManager(from, to);
    return w.reassigned(report.clients, report.openSteps, from, to, report.snapshotId);
  });
}

export function menuDiagnostics(): void {
  const result = handle(() => showDiagnostics());
  if (!result.ok) alert(menuDialogWords(localeOf()).diagnosticsFailed(result.error.message));
}

export function menuSnapshots(): void {
  openSidebarOn('snapshots');
}

export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // A failing audit must not disturb typing; it is logged for the owner instead.
  const result = handle(() => {
    // A hand edit of Settings may add or remove an admin: who may edit Settings and Fields follows at once.
    if (e?.range?.getSheet().getName() === TAB.settings) syncAdminProtections();
    auditCellEdit(e as unknown as EditEvent);
  });
  applyPendingOptOutsQuietly();
  if (!result.ok) console.error(`ClientBase audit of a cell edit failed: ${result.error.message}`);
}

// ── Sidebar API ─────────────────────────────────────────────────────────────

export function apiBootstrap(): Result<BootstrapDto> {
  return handle(() => {
    const requested = takeNextSidebarView() as SidebarView | undefined;
    if (!isSetUp()) {
      return {
        user: currentUserEmail(),
        role: 'admin',
        locale: localeOf(),
        timeZone: spreadsheetTimeZone(),
        today: formatDay(now(), spreadsheetTimeZone()),
        fields: [],
        interactionTypes: [...INTERACTION_TYPES],
        view: existingListSheet() ? 'adopt' : 'setup',
      };
    }
    // Unsubscribe clicks wait in script properties (a web app cannot write the sheet): each sidebar load applies them.
    applyPendingOptOutsQuietly();
    const base = loadBase();
    return {
      user: base.user,
      role: base.role,
      locale: localeOf(),
      timeZone: base.timeZone,
      today: formatDay(now(), base.timeZone),
      fields: base.fields,
      defaultCountry: base.settings.defaultCountry,
      interactionTypes: [...INTERACTION_TYPES],
      activeClientId: activeClientId(),
      view: requested ?? 'client',
    };
  });
}

function localeOf(): Lang {
  return langOfLocale(userLocale());
}

/** Set up from the sidebar's first screen, for a blank spreadsheet. */
export function apiSetUp(): Result<{ kind: string }> {
  return handle(() => ({ kind: setUp().kind }));
}

export function apiActiveClient(): Result<string | null> {
  return handle(() => activeClientId() ?? null);
}

/** Polled by the open sidebar: the client under the cursor and the clients version stamp (a stale index reloads). */
export function apiPoll(): Result<{ activeClientId: string | null; clientsVersion: string }> {
  return handle(() => ({ activeClientId: activeClientId() ?? null, clientsVersion: currentClientsVersion() }));
}

/** Everything the sidebar searches in the browser, in one round trip. */
export function apiClientIndex(): Result<ClientIndexDto> {
  return handle(() => clientIndex());
}

/** The card in one round trip: the client, its history and its last contact. */
export function apiOpenClient(id: string): Result<OpenClientDto> {
  return handle(() => openClient(String(id ?? '')));
}

export function apiSearch(query: string): Result<SearchHitDto[]> {
  return handle(() => searchClients(String(query ?? '')));
}

export function apiGetClient(id: string): Result<ClientDto> {
  return handle(() => getClient(String(id ?? '')));
}

export function apiSaveClient(input: SaveClientInput): Result<SaveClientOutcome> {
  return handle(() => {
    const outcome = saveClient(input);
    return outcome.status === 'saved' ? { ...outcome, clientsVersion: currentClientsVersion() } : outcome;
  });
}

/** `candidates`: rows of the sidebar's index worth scoring (duplicate-candidates.ts); without them Clients is read whole. */
export function apiCheckDuplicates(values: Record<string, string>, exceptId?: string, candidates?: CandidateRows): Result<DuplicateMatchDto[]> {
  return handle(() => checkDuplicates(values ?? {}, exceptId, candidates));
}

export function apiSetStage(id: string, stage: string, expectedUpdated?: string): Result<SaveClientOutcome> {
  return handle(() => {
    // A stage change is an edit of one client: without an ID it would add a blank one.
    if (typeof id !== 'string' || id.trim() === '') throw new AppFailure('bad_input', 'No client is open: choose a client before changing its stage.');
    if (typeof stage !== 'string' || stage.trim() === '') throw new AppFailure('bad_input', 'Choose a stage.');
    const base = loadBase();
    const field = base.fields.find((f) => f.key === 'stage');
    if (!field) throw new Error('This base has no Stage field.');
    return saveClient({ id, values: { [field.name]: stage }, expectedUpdated }, 'stage');
  });
}

/** Admins only; the row is archived and Clients snapshotted first. */
export function apiDeleteClient(id: string, expectedUpdated?: string): Result<{ id: string; snapshotId: string }> {
  return handle(() => deleteClient(String(id ?? ''), expectedUpdated));
}

export function apiHistory(id: string): Result<HistoryDto> {
  return handle(() => clientHistory(String(id ?? '')));
}

export function apiLogInteraction(input: InteractionInput): Result<InteractionDto> {
  return handle(() => logInteraction(input));
}

export function apiDueList(): Result<DueItemDto[]> {
  return handle(() => dueList());
}

export function apiMarkDone(interactionId: string): Result<null> {
  return handle(() => {
    markDone(String(interactionId ?? ''));
    return null;
  });
}

export function apiProposeAdoption(): Result<AdoptionProposal> {
  return handle(() => proposeAdoption());
}

export function apiAdopt(proposal: AdoptionProposal): Result<AdoptionReport> {
  return handle(() => {
    const report = adopt(proposal);
    // The list is adopted by now: a failed toast must not report the adoption as failed (a retry would refuse).
    try {
      toast(menuDialogWords(localeOf()).adopted(report.clients));
    } catch (err) {
      console.warn(`ClientBase: adopted, but the toast failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    return report;
  });
}

export function apiListSnapshots(): Result<SnapshotInfo[]> {
  return handle(() => listSnapshots());
}

export function apiRestoreSnapshot(id: string): Result<{ restored: string[]; safetySnapshot: string; notes?: string[] }> {
  return handle(() => restoreSnapshot(String(id ?? '')));
}

export { apiApplyFixes, apiCheckData, apiCheckReport, apiStaleClients, menuCheckData } from './app/check/api';
export type { ApplyFixesDto, CheckDto, CheckProblemDto, FixGroupDto, FixSelection, StaleClientDto, StaleDto, StaleGroupDto } from './app/check/api';
export {
  apiContinueMailing,
  apiListMailings,
  apiListTemplates,
  apiMailingStatus,
  apiMailPreflight,
  apiPreviewMessage,
  apiRetryMailing,
  apiSaveTemplate,
  apiStartMailing,
  apiTestSend,
  doGet,
  mailingTick,
  menuMailMerge,
} from './app/mail/api';
export type {
  ChunkOutcome,
  ContinueOutcome,
  MailingListItem,
  MailingStatusDto,
  PreflightDto,
  PreviewDto,
  PreviewInput,
  SaveTemplateOutcome,
  StartMailingInput,
  StartMailingOutcome,
  TemplateDto,
} from './app/mail/api';
export { menuFindDuplicates, menuMergeDuplicates, menuUndoMerge, apiListMerges, apiUndoMerge } from './app/dedupe/api';
export type { MergeInfo, MergeReport } from './app/dedupe/api';
export {
  apiDeleteSegment,
  apiListSegments,
  apiPreviewSegment,
  apiRefreshSegments,
  apiSaveSegment,
  apiSetStageForClients,
  menuRefreshSegments,
  menuSetStageForSelection,
} from './app/segments/api';
export type { ClientSummaryDto, RefreshReport, SegmentDto, SegmentInput, SegmentPreviewDto, SegmentTabReport, StageMoveReport } from './app/segments/api';
export { apiShowOnDashboard, menuDashboard } from './app/dashboard/api';
export type { ChartKey, DashboardReport } from './app/dashboard/api';

// ── Plan: scheduled mailings, occasions, morning digests, contact pressure, the plan calendar ──
export {
  apiCancelSchedule,
  apiDeleteOccasion,
  apiDueCount,
  apiLastContact,
  apiListOccasions,
  apiListPlan,
  apiListSchedules,
  apiRunnerStatus,
  apiSaveOccasion,
  apiScheduleMailing,
  apiShowPlanCalendar,
  apiStartRunner,
  apiTakeOverSchedule,
  menuPlan,
  menuPlanCalendar,
} from './app/plan/api';
export type {
  LastContactDto,
  OccasionDto,
  OccasionInput,
  PlanDto,
  PlanItem,
  PlanListInput,
  RunnerDto,
  ScheduleDto,
  ScheduleInput,
  ScheduleOutcome,
} from './app/plan/api';

// Client card (issue 15): a deleted client brought back from Archive.
export { apiListDeleted, apiUndeleteClient } from './app/card-api';
export type { DeletedClientDto } from './app/card-api';

// ── Issue 15 (work): duplicates review, bulk actions, fields editor, pipeline board ──
export { apiDuplicateReview, apiFindDuplicatesForReview, apiMergeReviewed, apiNotDuplicates } from './app/dedupe/api';
export type { FindReport, PreselectedDto, ReviewDto, ReviewFieldDto, ReviewGroupDto, ReviewMemberDto, ReviewedMerge } from './app/dedupe/api';

export { apiBulkApply, apiBulkOptions, apiBulkReassignManager, apiBulkTargets, apiBulkUndo } from './app/bulk/api';
export type { BulkInput, BulkOptionsDto, BulkReport, BulkSource, BulkTargetsDto, BulkUndoReport, ReassignReport } from './app/bulk/api';

export type { BoardCardDto, BoardColumnDto, BoardDto, BoardFilter } from './app/board';

/** ClientBase ▸ Pipeline board: a column per stage in a wide dialog; cards move through apiSetStage. */
export function menuPipelineBoard(): void {
  runMenu(() => {
    loadBase();
    showWideDialog('board', 'Pipeline');
  });
}

/** The board's columns, counts, money and cards, filtered by manager or segment, in one round trip. */
export function apiBoard(filter?: BoardFilter): Result<BoardDto> {
  return handle(() => pipelineBoard(filter ?? {}));
}

/** The Fields editor (admins, checked here too): load, preview what Apply fields would do to Clients, apply. */
export function apiFieldsEditor(): Result<FieldsEditorDto> {
  return handle(() => loadFieldsEditor());
}

export function apiPreviewFields(fields: EditedField[]): Result<FieldsPreviewDto> {
  return handle(() => previewFieldsEdit(fields));
}

export function apiApplyFieldsEdit(fields: EditedField[], version: string): Result<FieldsApplyDto> {
  return handle(() => applyFieldsEdit(fields, String(version ?? '')));
}

/** ClientBase ▸ Edit fields: the Fields editor in the sidebar. */
export function menuEditFields(): void {
  openSidebarOn('fields');
}

/**
 * ClientBase ▸ Set stage for selection and ▸ Reassign clients of a manager open the bulk panel, where every
 * choice is a list and the count comes first (the old prompts, menuSetStageForSelection and menuReassignManager,
 * stay callable for a menu built before an update).
 */
export function menuBulkActions(): void {
  openSidebarOn('bulk');
}

/** ClientBase ▸ Review duplicates: the groups side by side in the sidebar. */
export function menuReviewDuplicates(): void {
  openSidebarOn('duplicates');
}

// Deals (issue 17): contracts of a client or a company, on the card.

/** A card's deals: the client's own and its company's (by Company ID, else by name). */
export function apiDeals(query: DealsQuery): Result<DealDto[]> {
  return handle(() => listDeals(query ?? {}));
}

/** Adds a deal (no id) or edits one; audited on its contact. */
export function apiSaveDeal(input: DealInput): Result<DealDto> {
  return handle(() => saveDeal(input));
}

export type { DealDto, DealsQuery, DealInput };
// Companies (issue 17): link a flat list's people to companies, and the company card.
export type { LinkReport, ProposalDto } from './app/companies/link-people';
export type { CompanyDto, OpenCompanyDto, SaveCompanyInput } from './app/companies/open-company';
export { apiLinkCompanies, apiOpenCompany, apiProposeCompanies, apiSaveCompany } from './app/companies/api';

/** ClientBase ▸ Link people to companies: the proposal to confirm, in the sidebar. */
export function menuLinkCompanies(): void {
  openSidebarOn('company');
}

// Companies in adoption, in search and renamed (issue 17): the adoption mapping step's companies.
export type { ListCompanies, ListCompany } from './core/companies/list-companies';
export { apiAdoptionCompanies } from './app/companies/adoption-api';
