/**
 * Writes that find their rows again. A person can sort or insert a row at any
 * moment, also between an operation's read and its write: just before
 * writing, the ID column is read again and every change goes to the row that
 * holds its client now; just after, the IDs of the rows written are read once
 * more, and if they are not the ones meant (a sort slipped in between), the
 * write throws, so writeGuarded puts the tabs back and nothing lands on the
 * wrong client. Two extra reads per tab written, whatever the number of rows.
 */
import { planWrites, type CellChange } from '../core/sheet/write-plan';
import { cellText } from '../core/values';
import { FIRST_DATA_ROW, requireSheet, writeBlocks, type EditableTable } from './sheets';

export class SheetMovedError extends Error {
  constructor(tab: string) {
    super(`Rows of ${tab} were sorted, inserted or removed while ClientBase was writing; nothing was changed. Run it again.`);
    this.name = 'SheetMovedError';
  }
}

function readIds(tab: string, idColumn: number): string[] {
  const sheet = requireSheet(tab);
  const last = sheet.getLastRow();
  if (last < FIRST_DATA_ROW) return [];
  return sheet
    .getRange(FIRST_DATA_ROW, idColumn + 1, last - FIRST_DATA_ROW + 1, 1)
    .getValues()
    .map((r) => cellText(r[0]).trim());
}

/**
 * Writes `changes` (row = index into `table.rows` as read) where their
 * clients are now. A row the operation never saw (inserted meanwhile) inside
 * the span written makes it refuse rather than guess.
 */
export function writeChangesById(tab: string, table: EditableTable, idColumn: number, changes: readonly CellChange[]): void {
  if (changes.length === 0) return;
  const readId = (i: number) => cellText(table.rows[i]?.[idColumn]).trim();
  const now = readIds(tab, idColumn);
  const whereNow = new Map<string, number>();
  now.forEach((id, i) => id && !whereNow.has(id) && whereNow.set(id, i));
  const whereRead = new Map<string, number>();
  table.rows.forEach((_, i) => whereRead.set(readId(i), i));
  const moved = changes.map((c) => {
    const at = whereNow.get(readId(c.row));
    if (at === undefined) throw new SheetMovedError(tab);
    return { ...c, row: at };
  });
  // The rows as they stand now, from what was read: unchanged cells inside a block are rewritten with their own content.
  const values = now.map((id) => (whereRead.has(id) ? table.rows[whereRead.get(id)!] : null));
  const formulas = now.map((id) => (whereRead.has(id) ? table.formulas[whereRead.get(id)!] : null));
  const blocks = planWrites(moved, {
    values: values.map((r) => r ?? []),
    formulas: formulas.map((r) => r ?? []),
    firstRow: FIRST_DATA_ROW,
  });
  for (const b of blocks) for (let i = 0; i < b.values.length; i++) if (!values[b.row - FIRST_DATA_ROW + i]) throw new SheetMovedError(tab);
  // Text stays text whatever the cells' formats, and a Clients write moves the version stamp (writeBlocks).
  writeBlocks(tab, blocks);
  const after = readIds(tab, idColumn);
  for (const b of blocks)
    for (let i = 0; i < b.values.length; i++) {
      const r = b.row - FIRST_DATA_ROW + i;
      if (after[r] !== now[r]) throw new SheetMovedError(tab);
    }
}

/** Deletes the rows of these IDs where they are now; afterwards exactly those IDs must be gone, else it throws. */
export function deleteRowsById(tab: string, idColumn: number, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const gone = new Set(ids);
  const now = readIds(tab, idColumn);
  const indexes = now.flatMap((id, i) => (gone.has(id) ? [i] : []));
  if (indexes.length !== gone.size) throw new SheetMovedError(tab);
  const sheet = requireSheet(tab);
  const rows = indexes.sort((a, b) => b - a).map((i) => i + FIRST_DATA_ROW);
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] - 1) j++;
    sheet.deleteRows(rows[j], j - i + 1);
    i = j + 1;
  }
  const expected = now.filter((id) => !gone.has(id));
  const after = readIds(tab, idColumn);
  if (after.length !== expected.length || after.some((id) => gone.has(id)) || new Set(after).size !== new Set(expected).size) throw new SheetMovedError(tab);
  const left = new Set(after);
  if (expected.some((id) => !left.has(id))) throw new SheetMovedError(tab);
}

/**
 * A row's identity in a linked tab: its ID where the tab has one
 * (Interactions, Purchases), else its whole content as read (Mailings has no
 * ID, nor a Purchases tab Set up has not upgraded yet; two identical rows are
 * interchangeable).
 */
function rowKey(row: readonly unknown[], idColumn: number): string {
  if (idColumn >= 0) return cellText(row[idColumn]).trim();
  return JSON.stringify(row.map((v) => (v instanceof Date ? `date:${v.getTime()}` : (v ?? ''))));
}

function readDataRows(tab: string, width: number): unknown[][] {
  const sheet = requireSheet(tab);
  const last = sheet.getLastRow();
  if (last < FIRST_DATA_ROW || width < 1) return [];
  return sheet.getRange(FIRST_DATA_ROW, 1, last - FIRST_DATA_ROW + 1, width).getValues();
}

/**
 * writeChangesById for the tabs linked to clients (Interactions, Purchases,
 * Mailings): each changed row is found again just before writing, by its ID
 * or, where the tab has none, by its content; unchanged cells inside a block
 * are rewritten from that fresh read; just after, the rows written must be
 * the ones meant. If a sort or an inserted row slipped in between, a tab with
 * IDs is repaired (sorting moves whole rows, so each row the write landed on
 * is, whole, in the fresh read: its cells are put back, then the changes are
 * written where their rows are now); a tab without IDs throws, and the
 * caller's snapshot puts it back.
 */
export function writeLinkedChanges(tab: string, table: EditableTable, changes: readonly CellChange[]): void {
  if (changes.length === 0) return;
  const width = table.header.length;
  const idColumn = table.header.findIndex((h) => cellText(h).trim() === 'ID');
  for (let attempt = 0; ; attempt++) {
    const landed = writeLinkedOnce(tab, table, changes, width, idColumn);
    if (landed.wrong === 0) return;
    if (idColumn < 0 || attempt >= 2) throw new SheetMovedError(tab);
    const original = new Map(landed.now.map((r) => [rowKey(r, idColumn), r]));
    const repair = landed.blocks.map((b) => ({
      row: b.row,
      column: b.column,
      values: b.values.map((written, i) => {
        const r = b.row - FIRST_DATA_ROW + i;
        const here = landed.after[r] ?? [];
        const key = rowKey(here, idColumn);
        if (key === rowKey(landed.expected[r] ?? [], idColumn)) return written;
        const was = key ? original.get(key) : undefined;
        if (key && !was) throw new SheetMovedError(tab);
        return written.map((_, c) => (was ? was[b.column - 1 + c] : ''));
      }),
    }));
    writeBlocks(tab, repair);
  }
}

function writeLinkedOnce(tab: string, table: EditableTable, changes: readonly CellChange[], width: number, idColumn: number) {
  const now = readDataRows(tab, width);
  const where = new Map<string, number[]>();
  now.forEach((r, i) => {
    const k = rowKey(r, idColumn);
    const list = where.get(k);
    if (list) list.push(i);
    else where.set(k, [i]);
  });
  // Read row -> the row holding it now; equal keys pair up in order.
  const nowOf = new Map<number, number>();
  const readOf = new Map<number, number>();
  table.rows.forEach((r, i) => {
    const at = where.get(rowKey(r.slice(0, width), idColumn))?.shift();
    if (at === undefined) return;
    nowOf.set(i, at);
    readOf.set(at, i);
  });
  const moved = changes.map((c) => {
    const at = nowOf.get(c.row);
    if (at === undefined) throw new SheetMovedError(tab);
    return { ...c, row: at };
  });
  const formulas = now.map((_, n) => (readOf.has(n) ? (table.formulas[readOf.get(n)!] ?? []) : []));
  const blocks = planWrites(moved, { values: now, formulas, firstRow: FIRST_DATA_ROW });
  for (const b of blocks) for (let i = 0; i < b.values.length; i++) if (!readOf.has(b.row - FIRST_DATA_ROW + i)) throw new SheetMovedError(tab);
  writeBlocks(tab, blocks);
  const expected = now.map((r) => [...r]);
  for (const c of moved) expected[c.row][c.column] = c.value;
  const after = readDataRows(tab, width);
  let wrong = 0;
  for (const b of blocks)
    for (let i = 0; i < b.values.length; i++) {
      const r = b.row - FIRST_DATA_ROW + i;
      if (!after[r] || rowKey(after[r], idColumn) !== rowKey(expected[r], idColumn)) wrong++;
    }
  return { now, blocks, expected, after, wrong };
}
