/**
 * A cell holds at most 50,000 characters; a longer write throws on Google.
 * Merging two long notes, archiving a client with a long note and auditing
 * the change must all stay within that, and lose nothing: the full texts sit
 * in Archive (split across rows) and Undo merge restores them exactly.
 */
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { archiveEntryReader, type ArchiveEntry } from '../../../src/core/merge/archive';
import { MAX_CELL_CHARS } from '../../../src/core/sheet/cell-limit';
import * as server from '../../../src/server';
import { rowsOf, unwrap, useEmulator } from '../../support/emulated';

function add(values: Record<string, string>): string {
  const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
  if (outcome.status !== 'saved') throw new Error('not saved');
  return outcome.client.id;
}

/** Hostile, mixed-script, emoji-laden text of exactly `length` UTF-16 units. */
function longNote(seed: string, length: number): string {
  const unit = `${seed} Саша <script>alert(1)</script> =SUM(A1) 😀 `;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function setNotes(emu: Emulator, notes: Record<string, string>): void {
  const rows = emu.readSheet('Clients');
  const header = rows[0] as string[];
  const id = header.indexOf('ID');
  const col = header.indexOf('Notes');
  emu.writeSheet(
    'Clients',
    rows.map((r, i) => (i > 0 && notes[String(r[id])] !== undefined ? r.map((v, c) => (c === col ? notes[String(r[id])] : v)) : r)),
  );
}

function longestCell(emu: Emulator): { tab: string; length: number } {
  let best = { tab: '', length: 0 };
  for (const tab of emu.sheetNames())
    for (const row of emu.readSheet(tab)) for (const v of row) if (typeof v === 'string' && v.length > best.length) best = { tab, length: v.length };
  return best;
}

function archiveEntries(emu: Emulator): ArchiveEntry[] {
  const read = archiveEntryReader();
  return rowsOf(emu, 'Archive').flatMap((r) => {
    const e = read(`${String(r['Merge ID'])}\u0000${String(r['Client ID'])}`, String(r.Row));
    return e ? [e] : [];
  });
}

describe('text longer than a cell holds', () => {
  const emu = useEmulator();

  it('merging two 30,000-character notes: no cell over 50,000, the user is told, Archive keeps both in full, Undo restores exactly', () => {
    server.menuSetUp();
    const a = add({ 'First name': 'Alexander', 'Last name': 'Petrov', Phone: '+7 916 123-45-67', Email: 'a.petrov@gmail.com' });
    const b = add({ 'First name': 'Саша', 'Last name': 'Петров', Phone: '8(916)1234567', Email: 'sasha.petrov@mail.ru' });
    const noteA = longNote('first', 30_000);
    const noteB = longNote('second', 30_000);
    setNotes(emu(), { [a]: noteA, [b]: noteB });
    const before = rowsOf(emu(), 'Clients');
    server.menuFindDuplicates();
    const review = emu().readSheet('Duplicates');
    emu().writeSheet(
      'Duplicates',
      review.map((r, i) => (i > 0 && r[0] === 1 && r[8] === true ? [...r.slice(0, 7), 'merge', r[8]] : r)),
    );
    server.menuMergeDuplicates();
    const alert = emu().ui.alerts.at(-1)?.prompt ?? '';
    expect(alert).toMatch(/Merged 1 groups/);
    expect(alert).toMatch(/Notes shortened to fit a cell \(50,000 characters\); the full texts are in Archive/);

    const merged = rowsOf(emu(), 'Clients');
    expect(merged).toHaveLength(1);
    const notes = String(merged[0].Notes);
    expect(notes.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(notes).toMatch(
      /\n… \[shortened to fit a cell: 600\d\d characters in all; the full text of each merged client is in Archive\]\nAlso: Email \S+ \(from C-[^)]+\)$/,
    );
    expect(longestCell(emu()).length).toBeLessThanOrEqual(MAX_CELL_CHARS);

    const archived = archiveEntries(emu());
    const archivedNotes = archived.flatMap((e) => (e.role === 'survivor' || e.role === 'merged' ? [String(e.row[e.header.indexOf('Notes')])] : []));
    expect(archivedNotes.sort()).toEqual([noteA, noteB].sort());

    server.menuUndoMerge();
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Undid merge M-/);
    const byId = (rows: Record<string, unknown>[]) => [...rows].sort((x, y) => String(x.ID).localeCompare(String(y.ID)));
    expect(byId(rowsOf(emu(), 'Clients'))).toEqual(byId(before));
    expect(longestCell(emu()).length).toBeLessThanOrEqual(MAX_CELL_CHARS);
  });

  it('deleting (archiving) a client whose note fills a whole cell splits its Archive row, and the audit stays within a cell', () => {
    server.menuSetUp();
    const id = add({ 'First name': 'Ion', 'Last name': 'Popescu' });
    const note = longNote('full', MAX_CELL_CHARS);
    setNotes(emu(), { [id]: note });
    const client = unwrap(server.apiGetClient(id));
    unwrap(server.apiDeleteClient(id, client.updated));
    expect(rowsOf(emu(), 'Clients')).toHaveLength(0);
    expect(longestCell(emu()).length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    const archived = archiveEntries(emu()).filter((e) => e.role === 'merged');
    expect(archived).toHaveLength(1);
    expect(rowsOf(emu(), 'Archive').length).toBeGreaterThan(1); // one entry split over several cells
    const entry = archived[0] as Extract<ArchiveEntry, { role: 'merged' }>;
    expect(entry.row[entry.header.indexOf('Notes')]).toBe(note);
  });

  it('an Archive part sequence cut short by hand yields nothing rather than a wrong row', () => {
    const read = archiveEntryReader();
    expect(read('k', '~part 2/2~{"role":"undone"}')).toBeNull();
    expect(read('k', '~part 1/2~{"role":')).toBeNull();
    expect(read('other', '~part 2/2~"undone","by":"x","at":"y"}')).toBeNull();
    expect(read('k', '"undone","by":"x","at":"y"}'.replace(/^/, '~part 2/2~'))).toMatchObject({ role: 'undone', by: 'x' });
  });
});
