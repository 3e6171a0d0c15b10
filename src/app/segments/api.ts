/**
 * Segments as the menu and the sidebar call them. Reading (list, preview) is
 * open to every user; changing segments and moving clients between stages
 * needs a manager.
 */
import type { Result } from '../../core/result';
import { langOfLocale, type Lang } from '../../core/i18n/lang';
import { menuDialogWords } from '../../core/i18n/menu-dialogs';
import { userLocale } from '../../gas/session';
import { ask } from '../../gas/ui';
import { alert, toast } from '../../gas/ui';
import { handle } from '../handle';
import { withHandleMemo } from '../../gas/handle-memo';
import { loadBase, requireRole } from '../base';
import { deleteSegment, listSegments, saveSegment, type SegmentDto, type SegmentInput } from './edit';
import { previewRule, type SegmentPreviewDto } from './members';
import { refreshSegments, type RefreshReport } from './refresh';
import { describeStageMove, selectedClientIds, setStageForIds, stageField, type StageMoveReport } from './stage';

export type { SegmentDto, SegmentInput } from './edit';
export type { ClientSummaryDto, SegmentPreviewDto } from './members';
export type { RefreshReport, SegmentTabReport } from './refresh';
export type { StageMoveReport } from './stage';

export function apiListSegments(): Result<SegmentDto[]> {
  return handle(() => listSegments());
}

/** How many clients a rule selects now and the first 20 of them (names and IDs), before it is saved. */
export function apiPreviewSegment(rule: string): Result<SegmentPreviewDto> {
  return handle(() => previewRule(rule));
}

/** Handles fetched once for the whole save (gas/handle-memo.ts): it is the sidebar's most call-heavy write. */
export function apiSaveSegment(input: SegmentInput): Result<SegmentDto[]> {
  return withHandleMemo(() => handle(() => saveSegment(input)));
}

export function apiDeleteSegment(name: string): Result<SegmentDto[]> {
  return handle(() => deleteSegment(String(name ?? '')));
}

export function apiRefreshSegments(): Result<RefreshReport> {
  return handle(() => refreshSegments());
}

/** Sets the stage of clients by ID (the sidebar's bulk action), audited with source "sidebar". */
export function apiSetStageForClients(ids: string[], stage: string): Result<StageMoveReport> {
  return handle(() => setStageForIds(ids, stage, 'sidebar'));
}

export function describeRefresh(report: RefreshReport, lang: Lang = 'en'): string {
  const w = menuDialogWords(lang);
  const lines = report.segments.map((s) => (s.error ? `⚠ ${s.name || w.noSegmentName}: ${s.error}` : w.segmentLine(s.name, s.count ?? 0, s.tab ?? '')));
  if (report.segments.length === 0) lines.push(w.noSegments);
  if (report.removedTabs.length) lines.push(w.removedSegmentTabs(report.removedTabs.join(', ')));
  return [w.segmentsRefreshed, '', ...lines].join('\n');
}

/** ClientBase ▸ Refresh segments. */
export function menuRefreshSegments(): void {
  const result = handle(() => describeRefresh(refreshSegments(), langOfLocale(userLocale())));
  alert(result.ok ? result.value : result.error.message);
}

/** ClientBase ▸ Set stage for selection: the selected rows of Clients or a segment tab, the stage asked in a dialog. */
export function menuSetStageForSelection(): void {
  const words = menuDialogWords(langOfLocale(userLocale()));
  const result = handle((): string | null => {
    const base = loadBase();
    requireRole(base, 'manager', 'change the stage of clients');
    const field = stageField(base);
    const { tab, ids } = selectedClientIds();
    if (ids.length === 0) return words.selectFirst;
    const options = field.options.length ? `\n${words.typeOneOf} ${field.options.join(', ')}` : '';
    const answer = ask(words.stageTitle, `${words.stagePrompt(field.name, ids.length, tab)}${options}`);
    if (answer === undefined) return null;
    return describeStageMove(setStageForIds(ids, answer, 'menu'), tab);
  });
  if (!result.ok) alert(result.error.message);
  else if (result.value) alert(result.value);
  else toast(words.stageCancelled);
}
