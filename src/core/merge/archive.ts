/**
 * What a merge leaves in the Archive tab so that Undo merge can put back
 * exactly what was there: the survivor's row before, each merged-away row,
 * and which interaction, purchase and mailing rows were re-pointed.
 */
import { fromTaggedJson, toTaggedJson } from '../snapshot/encode';
import type { Repointed } from './repoint';

export type ArchiveEntry =
  | { role: 'survivor'; header: string[]; row: unknown[]; mergedAt: string }
  | {
      role: 'merged';
      header: string[];
      row: unknown[];
      /** Per column: the formula ('' for none), the note and the background colour, so Undo merge brings the row back as it was. */
      formulas?: string[];
      notes?: string[];
      backgrounds?: string[];
    }
  | { role: 'repointed'; moved: Repointed }
  | { role: 'undone'; by: string; at: string };

/** Cells hold at most 50,000 characters: long re-point lists are split across rows. */
const MAX_ENTRY = 40_000;

export function encodeEntry(entry: ArchiveEntry): string[] {
  const text = toTaggedJson(entry);
  if (text.length <= MAX_ENTRY || entry.role !== 'repointed') return [text];
  const half = Math.ceil(entry.moved.rows.length / 2);
  return [
    ...encodeEntry({ role: 'repointed', moved: { ...entry.moved, rows: entry.moved.rows.slice(0, half) } }),
    ...encodeEntry({ role: 'repointed', moved: { ...entry.moved, rows: entry.moved.rows.slice(half) } }),
  ];
}

export function decodeEntry(text: string): ArchiveEntry | null {
  try {
    const entry = fromTaggedJson<ArchiveEntry>(text);
    return entry && typeof entry === 'object' && 'role' in entry ? entry : null;
  } catch {
    return null;
  }
}
