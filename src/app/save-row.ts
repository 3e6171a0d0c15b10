/**
 * Writes one client's changed cells where the client's row is, and puts
 * things right when a person sorts Clients (or inserts a row) in the one gap
 * no check can close: between the last look at the row and the write.
 * Sheets has no atomic "write the row of client X", so the write can land on
 * another client's row; the only cure is to have read that row before. So,
 * on a base small enough that reading it costs less than the save itself
 * (REPAIR_READ_CELLS), the last look is a read of the whole data block
 * (values and formulas): the client is re-located in it by ID, and if the
 * row written then turns out to hold someone else, that row is put back from
 * the read and the change is written on the client's row where it is now.
 * On a bigger base the last look is the ID cell only, and a hit is reported
 * (in Audit on the client hit, and to the user) instead of repaired.
 */
import { auditRows } from '../core/audit/entry';
import type { Columns } from '../core/clients/columns';
import { AppFailure } from '../core/result';
import { TAB } from '../core/schema/tabs';
import { planWrites, type CellChange, type WriteBlock } from '../core/sheet/write-plan';
import { cellText, isBlank, isDate, type CellValue } from '../core/values';
import { findRowsByKey, type KeyedSheet } from '../gas/keyed-rows';
import { SheetMovedError } from '../gas/rows-by-id';
import { appendRows, FIRST_DATA_ROW, writeBlocks, writeRange } from '../gas/sheets';
import type { Base } from './base';

/** Cells of Clients (values and formulas, so twice this is read) below which a save reads the whole block for repair. */
export const REPAIR_READ_CELLS = 50_000;

export interface ClientRowWrite {
  base: Base;
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
}

interface Look {
  values: CellValue[][];
  formulas: string[][];
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

export function writeClientRow(w: ClientRowWrite): void {
  const { keyed, id } = w;
  const idColumn = w.cols.indexOf('ID');
  const last = keyed.sheet.getLastRow();
  const dataRows = Math.max(last - FIRST_DATA_ROW + 1, 0);
  let look: Look | null = null;
  let rowNumber = w.rowNumber;
  let values: readonly CellValue[] = w.row;
  let formulas: string[];
  if (dataRows > 0 && dataRows * keyed.width <= REPAIR_READ_CELLS) {
    const block = keyed.sheet.getRange(FIRST_DATA_ROW, 1, dataRows, keyed.width);
    look = { values: block.getValues() as CellValue[][], formulas: block.getFormulas() };
    // Re-located by ID in the last look: a sort or an inserted row before it changes nothing.
    const at = look.values.findIndex((r) => idOf(r, idColumn) === id);
    if (at < 0) throw new SheetMovedError(TAB.clients);
    rowNumber = at + FIRST_DATA_ROW;
    values = look.values[at];
    formulas = look.formulas[at];
  } else {
    // This row only (the same calls as the whole block): formulas, so unchanged formula cells inside the run survive.
    const target = keyed.sheet.getRange(rowNumber, 1, 1, keyed.width);
    values = target.getValues()[0] as CellValue[];
    formulas = target.getFormulas()[0];
    if (idOf(values, idColumn) !== id) throw new SheetMovedError(TAB.clients);
  }
  const blocks = planWrites(w.changes, { values: [values], formulas: [formulas], firstRow: rowNumber });
  writeBlocks(TAB.clients, blocks);
  const hit = idOf([keyed.sheet.getRange(rowNumber, idColumn + 1).getValue()], 0);
  if (hit === id) return;
  const landed = keyed.sheet.getRange(rowNumber, 1, 1, keyed.width).getValues()[0] as CellValue[];
  if (idOf(landed, idColumn) !== hit) throw new SheetMovedError(TAB.clients);
  // Someone else's row is there now. Did the write land on it (a sort before the write) or on ours (a sort just after)?
  const written = cellsOf(blocks);
  if (look) {
    repairFromLook(w, look, rowNumber, landed, hit, written, idColumn);
    return;
  }
  if (written.every((c) => same(landed[c.column], c.value))) reportSortRace(w.base, w.stamp, id, hit, w.fields);
  if (!holdsChanges(w, idColumn)) throw new SheetMovedError(TAB.clients);
}

/** The client's row, found by ID now, holds every change. */
function holdsChanges(w: ClientRowWrite, idColumn: number): boolean {
  const now = rowOf(w.keyed, idColumn, w.id);
  return !!now && w.changes.every((c) => same(now.values[c.column], c.value));
}

function rowOf(keyed: KeyedSheet, idColumn: number, id: string): { rowNumber: number; values: CellValue[] } | null {
  for (const r of findRowsByKey(keyed, idColumn + 1, id).slice(0, 3)) {
    const values = keyed.sheet.getRange(r, 1, 1, keyed.width).getValues()[0] as CellValue[];
    if (idOf(values, idColumn) === id) return { rowNumber: r, values };
  }
  return null;
}

/**
 * The row at `rowNumber` belongs to `hit` (blank: a row inserted there). Its
 * cells that now differ from the last look are ours: they go back to what
 * was read, then the change is written where the client's row is now.
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
  const at = hit ? look.values.findIndex((r) => idOf(r, idColumn) === hit) : -1;
  if (hit && at < 0) reportSortRace(w.base, w.stamp, w.id, hit, w.fields);
  const was = at >= 0 ? look.values[at] : landed.map(() => '');
  const wasFormulas = at >= 0 ? look.formulas[at] : landed.map(() => '');
  const broken = written.filter((c) => !same(landed[c.column], was[c.column]) || !!wasFormulas[c.column]);
  if (broken.length && written.every((c) => same(landed[c.column], c.value))) {
    const from = Math.min(...broken.map((c) => c.column));
    const to = Math.max(...broken.map((c) => c.column));
    const span = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const target = hit ? rowOf(w.keyed, idColumn, hit)?.rowNumber : rowNumber;
    if (!target) reportSortRace(w.base, w.stamp, w.id, hit, w.fields);
    const sheet = w.keyed.sheet;
    // Values first (text stays text), then the formulas the row had.
    writeRange(sheet.getRange(target, from + 1, 1, span.length), [span.map((c) => (wasFormulas[c] ? '' : was[c]))]);
    for (const c of span) if (wasFormulas[c]) sheet.getRange(target, c + 1).setFormula(wasFormulas[c]);
    if (idOf([sheet.getRange(target, idColumn + 1).getValue()], 0) !== hit) reportSortRace(w.base, w.stamp, w.id, hit, w.fields);
    if (hit) {
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
  }
  // The change itself, on the client's row where it is now (rewritten if the write had landed there after all).
  const now = rowOf(w.keyed, idColumn, w.id);
  if (!now) throw new SheetMovedError(TAB.clients);
  const missing = w.changes.filter((c) => !same(now.values[c.column], c.value));
  if (!missing.length) return;
  const ours = look.values.findIndex((r) => idOf(r, idColumn) === w.id);
  writeBlocks(TAB.clients, planWrites(missing, { values: [now.values], formulas: [look.formulas[ours] ?? []], firstRow: now.rowNumber }));
  if (idOf([w.keyed.sheet.getRange(now.rowNumber, idColumn + 1).getValue()], 0) !== w.id) reportSortRace(w.base, w.stamp, w.id, '', w.fields);
}

/**
 * A sort landed between the last check and the write on a base too big to
 * read whole for every save: the cells went to another client's row and
 * that row's old cells were never read. That is said in Audit (on that
 * client) and to the user, and the save itself is rolled back; the other
 * client's cells are named so someone can put them right (File ▸ Version
 * history has them).
 */
export function reportSortRace(base: Base, stamp: Date, id: string, hit: string, fields: readonly string[]): never {
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
