/** Bulk actions: the sidebar calls. Each answers with a typed Result and never throws. */
import type { Result } from '../../core/result';
import { handle } from '../handle';
import { reassignManager, type ReassignReport } from '../reassign';
import { bulkOptions, bulkTargets, type BulkOptionsDto, type BulkSource, type BulkTargetsDto } from './targets';
import { undoBulk, type BulkUndoReport } from './undo';
import { bulkUpdate, type BulkInput, type BulkReport } from './update';

export type { BulkInput, BulkOptionsDto, BulkReport, BulkSource, BulkTargetsDto, BulkUndoReport, ReassignReport };

/** Stages, people, tags and segments to choose from: one round trip when the panel opens. */
export function apiBulkOptions(): Result<BulkOptionsDto> {
  return handle(() => bulkOptions());
}

/** The clients an action would touch, counted (and a few named) before anything changes. */
export function apiBulkTargets(source: BulkSource): Result<BulkTargetsDto> {
  return handle(() => bulkTargets(source));
}

export function apiBulkApply(input: BulkInput): Result<BulkReport> {
  return handle(() => bulkUpdate(input));
}

export function apiBulkUndo(opId: string): Result<BulkUndoReport> {
  return handle(() => undoBulk(String(opId ?? '')));
}

/** A manager who leaves: their clients and their open next steps move together (admins; undone from Snapshots). */
export function apiBulkReassignManager(from: string, to: string): Result<ReassignReport> {
  return handle(() => reassignManager(String(from ?? ''), String(to ?? '')));
}
