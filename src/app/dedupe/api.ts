/** Duplicates: the menu actions and the sidebar calls. */
import { handle } from '../handle';
import { activateTab, alert } from '../../gas/ui';
import { TAB } from '../../core/schema/tabs';
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

export function menuFindDuplicates(): void {
  report(() => {
    const found = findDuplicateGroups();
    activateTab(TAB.duplicates);
    if (found.groups === 0) return `No likely duplicates among ${found.clients} clients.`;
    return [
      `${found.groups} groups of likely duplicates among ${found.clients} clients (${found.sure} sure, ${found.possible} possible).`,
      'In the Duplicates tab, set Decision on the first row of each group (merge, not duplicates, skip), tick the Survivor to keep, then run ClientBase ▸ Merge decided duplicates.',
    ].join('\n\n');
  });
}

export function menuMergeDuplicates(): void {
  report(() => {
    const r = mergeDecided();
    const lines = [`Merged ${r.merged.length} groups (${r.merged.reduce((n, m) => n + m.removed.length, 0)} clients merged into survivors).`];
    if (r.notDuplicates) lines.push(`${r.notDuplicates} groups remembered as not duplicates: they will not be proposed again.`);
    for (const s of r.skipped) lines.push(`Group ${s.group} skipped: ${s.reason}.`);
    for (const s of r.shortened ?? [])
      lines.push(
        `${s.survivor}: ${s.fields.join(', ')} shortened to fit a cell (50,000 characters); the full texts are in Archive and come back with Undo last merge.`,
      );
    if (r.merged.length)
      lines.push(`Undo with ClientBase ▸ Undo last merge (merge ${r.merged[r.merged.length - 1].mergeId}), or restore snapshot ${r.snapshotId}.`);
    return lines.join('\n');
  });
}

export function menuUndoMerge(): void {
  report(() => {
    const m = undoMerge();
    return `Undid merge ${m.mergeId}: ${m.removed.join(', ')} are back, with their interactions, purchases and mailings; ${m.survivor} has its values from before the merge.`;
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
