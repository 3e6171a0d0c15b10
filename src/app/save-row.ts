/**
 * Writes one client's changed cells where the client's row is, and puts
 * things right when a person sorts Clients (or inserts a row) in the one gap
 * no check can close: between the last look at the row and the write.
 * Sheets has no atomic "write the row of client X", so the write can land on
 * another client's row; the only cure is to have read, for that row, the
 * cells the write touches. So the write covers changed cells only (one block
 * per run of adjacent ones, each verified right after), and the last look
 * reads the ID column and just those columns for every row, if that fits the
 * save's read budget (REPAIR_READ_CELLS): the client is re-located in it by
 * ID, and a row that turns out to hold someone else is put back from it
 * (formulas as formulas) before the change is written on the client's row
 * where it is now. That costs 2 + 2 x (columns written) cells a row: about
 * 11,000 clients for a one-field edit (the field and two stamps). On a bigger
 * base the look is the client's row and its neighbours: a row inserted
 * above or below is repaired the same way; a sort that brings in a row from
 * outside is reported (in Audit on the client hit, and to the user) instead.
 */
import { auditRows } from '../core/audit/entry';
import type { Columns } from '../core/clients/columns';
import { AppFailure } from '../core/result';
import { TAB } from '../core/schema/tabs';
import { canonicalHeaders } from '../core/i18n/sheet-words';
import { planWrites, type CellChange, type WriteBlock } from '../core/sheet/write-plan';
import { cellText, isBlank, isDate, type CellValue } from '../core/values';
import { findRowsByKey, type KeyedSheet } from '../gas/keyed-rows';
import { SheetMovedError } from '../gas/rows-by-id';
import { appendRows, FIRST_DATA_ROW, writeBlocks, writeRange } from '../gas/sheets';
import type { Base } from './base';

/**
 * Cells the last look may read for repair. A save reads at most 100,000 cells
 * (issue 13); the header, the row and any unique column it checked come off first.
 */
export const REPAIR_READ_CELLS = 90_000;

export interface ClientRowWrite {
  /** The tab written (Clients unless told: Deals' roll-back writes its own rows the same way). */
  tab?: string;
  /** Who saves (Audit rows of a repair or a reported race) and the zone their stamps are in. */
  base: Pick<Base, 'user' | 'timeZone'>;
  keyed: KeyedSheet;
  cols: Columns;
  id: string;
  /** Where the client was found a few calls ago, and its row then. */
  rowNumber: number;
  row: readonly CellValue[];
  /** row 0 = the client's row; columns 0-based. */
  changes: readonly CellChange[];
  stamp: Date;
  fields: readonly string[];
  /** Cells the save has read already (header, row, unique columns): they count against REPAIR_READ_CELLS. */
  cellsRead?: number;
}

/** What the last look saw: IDs from `firstRow` down, and the cells it read of those rows. */
interface Look {
  /** Sheet row of ids[0]. */
  firstRow: number;
  ids: string[];
  value(at: number, column: number): CellValue;
  formula(at: number, column: number): string;
}

function rowsLook(values: CellValue[][], formulas: string[][], idColumn: number): Look {
  return {
    firstRow: FIRST_DATA_ROW,
    ids: values.map((r) => idOf(r, idColumn)),
    value: (at, c) => values[at]?.[c] ?? '',
    formula: (at, c) => formulas[at]?.[c] ?? '',
  };
}

/** Adjacent changed columns as [first, last] runs, so a write covers changed cells only. */
function columnRuns(changes: readonly CellChange[]): [number, number][] {
  const columns = [...new Set(changes.map((c) => c.column))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of columns) {
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

function readIds(keyed: KeyedSheet, dataRows: number, idColumn: number, firstRow = FIRST_DATA_ROW): string[] {
  return (keyed.sheet.getRange(firstRow, idColumn + 1, dataRows, 1).getValues() as CellValue[][]).map((r) => idOf(r, 0));
}

/** Rows either side of the client's: a row inserted above or below moves a neighbour under the write. */
const WINDOW = 3;

/**
 * A base too big to know every row: the client's row and its neighbours,
 * whole. An inserted row then brings a known row under the write (repaired);
 * a sort brings any row, usually one outside the window (reported).
 */
function windowLook(keyed: KeyedSheet, rowNumber: number, last: number, idColumn: number): Look {
  const firstRow = Math.max(FIRST_DATA_ROW, rowNumber - WINDOW);
  const rows = Math.min(last, rowNumber + WINDOW) - firstRow + 1;
  const block = keyed.sheet.getRange(firstRow, 1, rows, keyed.width);
  return { ...rowsLook(block.getValues() as CellValue[][], block.getFormulas(), idColumn), firstRow };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The ID column and each run of written columns, one getValues (and getFormulas) each: a few calls, never per row. */
function columnLook(keyed: KeyedSheet, dataRows: number, idColumn: number, runs: readonly [number, number][]): Look {
  const sheet = keyed.sheet;
  const ids = readIds(keyed, dataRows, idColumn);
  const known = new Map<number, { values: CellValue[]; formulas: string[] }>();
  for (const [from, to] of runs) {
    const range = sheet.getRange(FIRST_DATA_ROW, from + 1, dataRows, to - from + 1);
    const values = range.getValues() as CellValue[][];
    const formulas = range.getFormulas();
    for (let c = from; c <= to; c++) known.set(c, { values: values.map((r) => r[c - from]), formulas: formulas.map((r) => r[c - from]) });
  }
  return {
    firstRow: FIRST_DATA_ROW,
    ids,
    value: (at, c) => known.get(c)?.values[at] ?? '',
    formula: (at, c) => known.get(c)?.formulas[at] ?? '',
  };
}

function same(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  if (isBlank(a) && isBlank(b)) return true;
  return cellText(a) === cellText(b);
}

const idOf = (row: readonly unknown[] | undefined, idColumn: number) => cellText(row?.[idColumn]).trim();

/** The cells a block list writes, as (column, value) on its one row. */
function cellsOf(blocks: readonly WriteBlock[]): { column: number; value: unknown }[] {
  return blocks.flatMap((b) => b.values[0].map((value, i) => ({ column: b.column - 1 + i, value })));
}

/**
 * The blocks for `changes` on one row: one per run of adjacent changed
 * cells, so no unchanged cell is rewritten and a write that lands on another
 * row touches only cells the look knows for that row.
 */
function blocksFor(changes: readonly CellChange[], formulas: readonly string[], rowNumber: number): WriteBlock[] {
  const region = { values: [[] as CellValue[]], formulas: [formulas], firstRow: rowNumber };
  return columnRuns(changes).flatMap(([from, to]) =>
    planWrites(
      changes.filter((c) => c.column >= from && c.column <= to),
      region,
    ),
  );
}

export function writeClientRow(w: ClientRowWrite): void {
  const { keyed, id } = w;
  const tab = w.tab ?? TAB.clients;
  const idColumn = w.cols.indexOf('ID');
  const last = keyed.sheet.getLastRow();
  const dataRows = Math.max(last - FIRST_DATA_ROW + 1, 0);
  const runs = columnRuns(w.changes);
  const budget = REPAIR_READ_CELLS - (w.cellsRead ?? 0);
  // The ID column twice (sameIds below), and the written columns' values and formulas.
  const columnCells = dataRows * (2 + 2 * runs.reduce((n, [from, to]) => n + to - from + 1, 0));
  let look: Look;
  if (dataRows > 0 && columnCells <= budget) {
    look = columnLook(keyed, dataRows, idColumn, runs);
  } else {
    if (w.rowNumber > last) throw new SheetMovedError(tab);
    look = windowLook(keyed, w.rowNumber, last, idColumn);
  }
  // The look took several reads; a sort or an inserted row between them would pair one row's IDs with another's cells.
  if (!sameIds(look.ids, readIds(keyed, look.ids.length, idColumn, look.firstRow))) throw new SheetMovedError(tab);
  // Re-located by ID in the last look: a sort or an inserted row before it changes nothing (outside a window: refused).
  const at = look.ids.indexOf(id);
  if (at < 0) throw new SheetMovedError(tab);
  // Columns are written by position too: a column inserted, moved or renamed since the header was read would put
  // the change under another header. Refused before the write; checked again after it (then rolled back by the caller).
  if (!sameHeader(keyed, tab)) throw new SheetMovedError(tab);
  const rowNumber = at + look.firstRow;
  const seen = look;
  const formulas = keyed.header.map((_, c) => seen.formula(at, c));
  // Each block is verified right after its own write: rows can move between two blocks as well.
  let current = rowNumber;
  for (const planned of blocksFor(w.changes, formulas, rowNumber)) {
    const columns = cellsOf([planned]).map((c) => c.column);
    const mine = w.changes.filter((c) => columns.includes(c.column));
    // Where the client's row is now: a block after a re-location is written there.
    let block = { ...planned, row: current };
    for (let attempt = 0; ; attempt++) {
      if (attempt > 2) throw new SheetMovedError(tab);
      writeBlocks(tab, [block]);
      const hit = idOf([keyed.sheet.getRange(block.row, idColumn + 1).getValue()], 0);
      if (hit === id) break;
      const landed = keyed.sheet.getRange(block.row, 1, 1, keyed.width).getValues()[0] as CellValue[];
      if (idOf(landed, idColumn) !== hit) throw new SheetMovedError(tab);
      // Someone else's row is there now. Did the write land on it (a sort before the write) or on ours (a sort just after)?
      const written = cellsOf([block]);
      repairFromLook(w, look, block.row, landed, hit, written, idColumn);
      const now = rowOf(keyed, idColumn, id);
      if (!now) throw new SheetMovedError(tab);
      current = now.rowNumber;
      if (mine.every((c) => same(now.values[c.column], c.value))) break;
      // Written again where the client's row is now, and verified the same way.
      const ourFormulas = keyed.header.map((_, c) => seen.formula(at, c));
      const again = blocksFor(mine, ourFormulas, now.rowNumber);
      if (again.length !== 1) throw new SheetMovedError(tab);
      block = again[0];
    }
  }
  if (!sameHeader(keyed, tab)) throw new SheetMovedError(tab);
}

/** The header row as it is now, in the managed tab's canonical names, against the one the save planned with. */
function sameHeader(keyed: KeyedSheet, tab: string): boolean {
  const raw = (keyed.sheet.getRange(1, 1, 1, keyed.width).getValues()[0] as unknown[]).map((h) => cellText(h).trim());
  const now = canonicalHeaders(tab, raw);
  return keyed.header.every((h, i) => h === now[i]);
}

/** The client's row found by TextFinder on the ID column (a few rows read at most), or null. */
export function rowOf(keyed: KeyedSheet, idColumn: number, id: string): { rowNumber: number; values: CellValue[] } | null {
  for (const r of findRowsByKey(keyed, idColumn + 1, id).slice(0, 3)) {
    const values = keyed.sheet.getRange(r, 1, 1, keyed.width).getValues()[0] as CellValue[];
    if (idOf(values, idColumn) === id) return { rowNumber: r, values };
  }
  return null;
}

/**
 * The row at `rowNumber` belongs to `hit` (blank: a row inserted there). Its
 * cells the block wrote that now differ from the last look are ours: they go
 * back to what was read (formulas as formulas), and Audit says so on `hit`.
 */
function repairFromLook(
  w: ClientRowWrite,
  look: Look,
  rowNumber: number,
  landed: readonly CellValue[],
  hit: string,
  written: readonly { column: number; value: unknown }[],
  idColumn: number,
): void {
  const at = hit ? look.ids.indexOf(hit) : -1;
  // A row the look did not see: its cells are lost to this write if they now hold ours.
  if (hit && at < 0) {
    if (written.every((c) => same(landed[c.column], c.value))) reportSortRace(w.base, w.stamp, w.id, hit, w.fields);
    return;
  }
  const was = (c: number): CellValue => (at >= 0 ? look.value(at, c) : '');
  const wasFormula = (c: number): string => (at >= 0 ? look.formula(at, c) : '');
  const broken = written.filter((c) => !same(landed[c.column], was(c.column)) || !!wasFormula(c.column));
  if (!broken.length || !written.every((c) => same(landed[c.column], c.value))) return;
  const target = hit ? rowOf(w.keyed, idColumn, hit)?.rowNumber : rowNumber;
  if (!target) reportSortRace(w.base, w.stamp, w.id, hit, w.fields);
  const sheet = w.keyed.sheet;
  const from = Math.min(...broken.map((c) => c.column));
  const to = Math.max(...broken.map((c) => c.column));
  // One block (a block's columns are contiguous); every cell in it is known from the look.
  const span = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  writeRange(sheet.getRange(target, from + 1, 1, span.length), [span.map((c) => (wasFormula(c) ? '' : was(c)))]);
  for (const c of span) if (wasFormula(c)) sheet.getRange(target, c + 1).setFormula(wasFormula(c));
  if (idOf([sheet.getRange(target, idColumn + 1).getValue()], 0) !== hit) reportSortRace(w.base, w.stamp, w.id, hit, w.fields);
  if (!hit) return;
  appendRows(
    TAB.audit,
    auditRows(
      [
        {
          time: w.stamp,
          user: w.base.user,
          action: 'repaired after a sort',
          clientId: hit,
          field: broken.map((c) => w.keyed.header[c.column]).join(', '),
          oldValue: '',
          newValue: `Clients was sorted while ${w.id} was saved; these cells got its change for a moment and were put back`,
          source: 'sidebar',
        },
      ],
      w.base.timeZone,
    ),
  );
}

/**
 * A sort landed between the last check and the write on a base too big to
 * read whole for every save: the cells went to another client's row and
 * that row's old cells were never read. That is said in Audit (on that
 * client) and to the user, and the save itself is rolled back; the other
 * client's cells are named so someone can put them right (File ▸ Version
 * history has them).
 */
export function reportSortRace(base: Pick<Base, 'user' | 'timeZone'>, stamp: Date, id: string, hit: string, fields: readonly string[]): never {
  appendRows(
    TAB.audit,
    auditRows(
      [
        {
          time: stamp,
          user: base.user,
          action: 'sorted during save',
          clientId: hit,
          field: fields.join(', '),
          oldValue: '',
          newValue: `meant for ${id}; check these cells of ${hit || 'this row'}`,
          source: 'sidebar',
        },
      ],
      base.timeZone,
    ),
  );
  throw new AppFailure(
    'conflict',
    `The Clients tab was sorted while saving, and the change went to the row of ${hit || 'another client'} (${fields.join(', ')}). Check that client's cells, then save again.`,
  );
}
