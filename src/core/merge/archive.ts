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

/**
 * Cells hold at most 50,000 characters: long re-point lists are split into
 * entries, and any other long entry (a client whose notes are 50,000
 * characters) into parts on consecutive rows, "~part k/n~" + a slice of its
 * JSON, put together again by readArchiveEntries.
 */
export const MAX_ENTRY = 40_000;
const PART = /^~part (\d+)\/(\d+)~/;

export function encodeEntry(entry: ArchiveEntry): string[] {
  const text = toTaggedJson(entry);
  if (text.length <= MAX_ENTRY) return [text];
  if (entry.role === 'repointed' && entry.moved.rows.length > 1) {
    const half = Math.ceil(entry.moved.rows.length / 2);
    return [
      ...encodeEntry({ role: 'repointed', moved: { ...entry.moved, rows: entry.moved.rows.slice(0, half) } }),
      ...encodeEntry({ role: 'repointed', moved: { ...entry.moved, rows: entry.moved.rows.slice(half) } }),
    ];
  }
  const n = Math.ceil(text.length / MAX_ENTRY);
  const parts: string[] = [];
  for (let k = 0; k < n; k++) parts.push(`~part ${k + 1}/${n}~${text.slice(k * MAX_ENTRY, (k + 1) * MAX_ENTRY)}`);
  return parts;
}

/**
 * Decodes Archive cells in sheet order: `key` names the row's owner (merge
 * and client), so the parts of one entry are joined only with each other.
 * A part sequence cut short (rows deleted by hand) yields nothing.
 */
export function archiveEntryReader(): (key: string, text: string) => ArchiveEntry | null {
  const pending = new Map<string, string[]>();
  return (key, text) => {
    const part = PART.exec(text);
    if (!part) {
      pending.delete(key);
      return decodeEntry(text);
    }
    const k = Number(part[1]);
    const n = Number(part[2]);
    const sofar = k === 1 ? [] : pending.get(key);
    if (!sofar || sofar.length !== k - 1) {
      pending.delete(key);
      return null;
    }
    sofar.push(text.slice(part[0].length));
    if (k < n) {
      pending.set(key, sofar);
      return null;
    }
    pending.delete(key);
    return decodeEntry(sofar.join(''));
  };
}

export function decodeEntry(text: string): ArchiveEntry | null {
  try {
    const entry = fromTaggedJson<ArchiveEntry>(text);
    return entry && typeof entry === 'object' && 'role' in entry ? entry : null;
  } catch {
    return null;
  }
}
