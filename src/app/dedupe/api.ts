/** Duplicates: the menu actions and the sidebar calls. */
import { handle } from '../handle';
import { activateTab, alert } from '../../gas/ui';
import { TAB } from '../../core/schema/tabs';
import { menuDialogWords } from '../../core/i18n/menu-dialogs';
import { langOfLocale } from '../../core/i18n/lang';
import { userLocale } from '../../gas/session';
import { findSheet } from '../../gas/sheets';
import type { Result } from '../../core/result';
import { findDuplicateGroups, type FindReport } from './find';
import { mergeDecided, mergeReviewed, rejectReviewed, type MergeReport, type ReviewedMerge } from './merge';
import { reviewGroups, type ReviewDto } from './review';
import { listMerges, undoMerge, type MergeInfo } from './undo';

export type { MergeInfo, MergeReport, FindReport };

function report(work: () => string): void {
  const result = handle(work);
  alert(result.ok ? result.value : result.error.message);
}

const words = () => menuDialogWords(langOfLocale(userLocale()));

export function menuFindDuplicates(): void {
  report(() => {
    const found = findDuplicateGroups();
    activateTab(TAB.duplicates);
    const w = words();
    if (found.groups === 0) return w.noDuplicates(found.clients);
    const tab = findSheet(TAB.duplicates)?.getName() ?? TAB.duplicates;
    return [w.foundDuplicates(found.groups, found.clients, found.sure, found.possible), w.duplicatesNext(tab)].join('\n\n');
  });
}

export function menuMergeDuplicates(): void {
  report(() => {
    const r = mergeDecided();
    const w = words();
    const lines = [
      w.merged(
        r.merged.length,
        r.merged.reduce((n, m) => n + m.removed.length, 0),
      ),
    ];
    if (r.notDuplicates) lines.push(w.rememberedNot(r.notDuplicates));
    for (const s of r.skipped) lines.push(w.groupSkipped(s.group, s.reason));
    for (const s of r.shortened ?? []) lines.push(w.shortened(s.survivor, s.fields.join(', ')));
    if (r.merged.length) lines.push(w.undoHint(r.merged[r.merged.length - 1].mergeId, r.snapshotId ?? ''));
    return lines.join('\n');
  });
}

export function menuUndoMerge(): void {
  report(() => {
    const m = undoMerge();
    return words().undid(m.mergeId, m.removed.join(', '), m.survivor);
  });
}

export function apiListMerges(): Result<MergeInfo[]> {
  return handle(() => listMerges());
}

export function apiUndoMerge(mergeId: string): Result<MergeInfo> {
  return handle(() => undoMerge(String(mergeId ?? '')));
}

// ── The sidebar's duplicates review ─────────────────────────────────────────

export type { ReviewDto, ReviewGroupDto, ReviewFieldDto, ReviewMemberDto, PreselectedDto } from './review';
export type { ReviewedMerge } from './merge';

/** The groups of the Duplicates tab, side by side, with survivorship's choices pre-selected. */
export function apiDuplicateReview(): Result<ReviewDto> {
  return handle(() => reviewGroups());
}

/** Find duplicates from the sidebar: the Duplicates tab is filled again, and the review answers in the same round trip. */
export function apiFindDuplicatesForReview(): Result<{ found: FindReport; review: ReviewDto }> {
  return handle(() => {
    const found = findDuplicateGroups();
    return { found, review: reviewGroups() };
  });
}

/** Merge one reviewed group; the review comes back with it. */
export function apiMergeReviewed(input: ReviewedMerge): Result<{ report: MergeReport; review: ReviewDto }> {
  return handle(() => {
    const report = mergeReviewed(input);
    return { report, review: reviewGroups() };
  });
}

/** Not duplicates: remembered, never proposed again. */
export function apiNotDuplicates(group: number, memberIds: string[]): Result<{ remembered: number; review: ReviewDto }> {
  return handle(() => {
    const { remembered } = rejectReviewed(Number(group), memberIds);
    return { remembered, review: reviewGroups() };
  });
}
