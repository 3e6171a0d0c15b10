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
