/**
 * The spreadsheet's data, independent of the Apps Script facades: sheets as
 * layers of cells, parse-on-write, validation on write, formula evaluation
 * with spill, row/column inserts and deletes, protections and selection.
 */
import { evaluateFormula } from '../formula/evaluate';
import type { FormulaContext } from '../formula/context';
import type { ChartData } from './charts';
import type { ConditionalRuleData } from './conditional';
import { isDateValue, startOfDay } from '../time';
import { cellA1, type GridRect, parseA1, resolveA1 } from './a1';
import { defaultDateFormat, formatDisplay, DEFAULT_NUMBER_FORMAT } from './format';
import { Layer } from './layer';
import { CELL_TOO_LONG, cellCountExceeded, cellTextTooLong, TOO_MANY_CELLS } from '../limits';
import { inputToCell } from './parse';
import { type RangeRef, type RuleData, violates } from './rules';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
const KEY_COLS = 32768;

export type StyleName =
  | 'background'
  | 'fontColor'
  | 'fontWeight'
  | 'fontStyle'
  | 'fontSize'
  | 'fontFamily'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrap';

export interface ProtectionData {
  id: number;
  type: 'SHEET' | 'RANGE';
  sheetId: number;
  rect?: GridRect;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: GridRect[];
}

export interface FilterData {
  rect: GridRect;
  criteria: Record<number, unknown>;
}

/** An error as Apps Script throws it: String(e) reads "Exception: …". */
export class ServiceError extends Error {
  override name = 'Exception';
}

export class SheetModel {
  values = new Layer<unknown>();
  formulas = new Layer<string>();
  formats = new Layer<string>();
  notes = new Layer<string>();
  validations = new Layer<RuleData>();
  styles = new Map<StyleName, Layer<string>>();
  hiddenRows: boolean[] = [];
  columnWidths: number[] = [];
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  filter: FilterData | null = null;
  conditionalRules: ConditionalRuleData[] = [];
  charts: ChartData[] = [];

  constructor(
    public id: number,
    public name: string,
    public maxRows = DEFAULT_ROWS,
    public maxCols = DEFAULT_COLS,
  ) {}

  style(name: StyleName): Layer<string> {
    let layer = this.styles.get(name);
    if (!layer) this.styles.set(name, (layer = new Layer<string>()));
    return layer;
  }

  layers(): Layer<unknown>[] {
    return [this.values, this.formulas, this.formats, this.notes, this.validations, ...this.styles.values()] as Layer<unknown>[];
  }

  /** Formats, validation and styles: what an inserted row or column inherits from its neighbour. */
  formatLayers(): Layer<unknown>[] {
    return [this.formats, this.validations, ...this.styles.values()] as Layer<unknown>[];
  }
}

export interface Selection {
  sheetId: number;
  ranges: GridRect[];
  current: { row: number; col: number };
}

/**
 * One evaluation of a sheet's formulas and what it read, kept until one of
 * those inputs changes: the sheet's own cells, a sheet it read (its cells or
 * its own formulas' results), the day TODAY() saw, or the structure of the
 * book (sheets added, renamed or resized, time zone). Formulas run in order
 * and only as far as a read needs them (all of them for getLastRow and the
 * like), so a tab nobody reads is never computed.
 */
interface Evaluation {
  sheet: SheetModel;
  /** Identity of these results: a reader on another sheet records it. */
  gen: number;
  epoch: number;
  stamp: number;
  formulas: [number, number, string][];
  /** Per formula: 0 pending, 1 running, 2 done. */
  state: Uint8Array;
  /** Formulas before this index are done. */
  next: number;
  overlay: Map<number, unknown>;
  /** Sheets read by a formula, with their cells' stamp and evaluation gen (0: no formulas) when read. */
  reads: Map<SheetModel, [number, number]>;
  /** Midnight (ms) a TODAY() saw, if one ran. */
  today: number | undefined;
  /** Read a sheet in the middle of its own evaluation (a circular reference): holds only while nothing changes. */
  pinned: number | undefined;
  /** Formulas of this sheet running now: a read of the sheet meanwhile settles what it covers instead of advancing. */
  active: number;
  /** `version` at the last check that found every input unchanged. */
  checkedAt: number;
}

/** A subtree's result kept for other formulas (see FormulaContext.shared), with what it read. */
interface SharedResult {
  grid: unknown[][];
  epoch: number;
  reads: [SheetModel, number, number][];
  today: number | undefined;
}

const MAX_SHARED = 4000;

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  protections: ProtectionData[] = [];
  /** Bumped by every change. */
  version = 0;
  /** Bumped by a change that may alter any formula's result (see touch). */
  private epoch = 0;
  private stamps = new WeakMap<SheetModel, number>();
  private gens = 0;
  private evaluations = new Map<number, Evaluation>();
  private validating = new Set<Evaluation>();
  private guessed = false;
  private day: { at: number; ms: number } | null = null;
  private shared = new Map<string, SharedResult>();
  nextSheetId = 0;
  nextProtectionId = 1;
  selection: Selection | null = null;

  constructor(
    public id: string,
    public name: string,
    public timeZone: string,
    public locale: string,
    public now: () => Date,
  ) {}

  // ---- sheets ---------------------------------------------------------------

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  checkSheetName(name: string, except?: SheetModel): void {
    if (typeof name !== 'string' || name.trim() === '') throw new ServiceError('Sheet name cannot be empty.');
    if (name.length > 100) throw new ServiceError('The sheet name cannot be longer than 100 characters.');
    const clash = this.sheets.find((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new ServiceError(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  addSheet(name?: string, index?: number): SheetModel {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    this.checkSheetName(sheetName);
    if (cellCountExceeded(this.sheets, DEFAULT_ROWS * DEFAULT_COLS)) throw new ServiceError(TOO_MANY_CELLS);
    const id = this.nextSheetId === 0 ? 0 : this.nextSheetId;
    this.nextSheetId = id === 0 ? 1_000_001 : id + 7919;
    const sheet = new SheetModel(id, sheetName);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    this.touch();
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length <= 1) throw new ServiceError("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.protections = this.protections.filter((p) => p.sheetId !== sheet.id);
    if (this.selection?.sheetId === sheet.id) this.selection = null;
    this.touch();
  }

  activeSheet(): SheetModel {
    const selected = this.selection && this.sheetById(this.selection.sheetId);
    return selected || this.sheets.find((s) => !s.hidden) || this.sheets[0];
  }

  select(sheet: SheetModel, ranges: GridRect[], current?: { row: number; col: number }): void {
    this.selection = { sheetId: sheet.id, ranges, current: current ?? { row: ranges[0].row, col: ranges[0].col } };
  }

  /** A change whose reach is not narrowed down (sheets added, renamed, resized; time zone; a restored state): every formula computes again. */
  touch(): void {
    this.version++;
    this.epoch++;
  }

  /** The cells (values or formulas) of `sheet` changed: its formulas and those that read it compute again. */
  touchCells(sheet: SheetModel): void {
    this.version++;
    this.stamps.set(sheet, this.version);
  }

  /** Formats, notes, validation, protection, layout: nothing a formula reads. */
  touchLooks(): void {
    this.version++;
  }

  // ---- geometry ---------------------------------------------------------------

  /** Validates coordinates like Sheet.getRange does. */
  checkRect(sheet: SheetModel, rect: GridRect): void {
    const ints = [rect.row, rect.col, rect.numRows, rect.numCols];
    if (ints.some((n) => typeof n !== 'number' || !Number.isFinite(n))) {
      throw new ServiceError("The parameters (number,number,number,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    }
    if (rect.row < 1) throw new ServiceError('The starting row of the range is too small.');
    if (rect.col < 1) throw new ServiceError('The starting column of the range is too small.');
    if (rect.numRows < 1) throw new ServiceError('The number of rows in the range must be at least 1.');
    if (rect.numCols < 1) throw new ServiceError('The number of columns in the range must be at least 1.');
    if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols) {
      throw new ServiceError('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  /** Resolves "Sheet!A1:B2" (or plain A1 on `sheet`) to a sheet and rectangle. */
  resolve(a1: string, sheet: SheetModel | undefined): { sheet: SheetModel; rect: GridRect } {
    const ref = parseA1(a1);
    const target = ref.sheet !== undefined ? this.sheetByName(ref.sheet) : (sheet ?? this.activeSheet());
    if (!target) throw new ServiceError('Range not found');
    const rect = resolveA1(ref, target.maxRows, target.maxCols);
    this.checkRect(target, rect);
    return { sheet: target, rect };
  }

  // ---- reading ----------------------------------------------------------------

  private stampOf(sheet: SheetModel): number {
    return this.stamps.get(sheet) ?? 0;
  }

  private todayMs(): number {
    const at = this.now().getTime();
    if (this.day?.at !== at) this.day = { at, ms: startOfDay(new Date(at), this.timeZone).getTime() };
    return this.day.ms;
  }

  /** The sheet's current evaluation (reused if none of its inputs changed, else a fresh one not yet run); null without formulas. */
  private evaluation(sheet: SheetModel): Evaluation | null {
    const kept = this.evaluations.get(sheet.id);
    if (kept && kept.sheet === sheet && this.holds(kept)) return kept;
    const formulas = [...sheet.formulas.entries()];
    if (formulas.length === 0) {
      this.evaluations.delete(sheet.id);
      return null;
    }
    const fresh: Evaluation = {
      sheet,
      gen: ++this.gens,
      epoch: this.epoch,
      stamp: this.stampOf(sheet),
      formulas,
      state: new Uint8Array(formulas.length),
      next: 0,
      overlay: new Map(),
      reads: new Map(),
      today: undefined,
      pinned: undefined,
      active: 0,
      checkedAt: this.version,
    };
    this.evaluations.set(sheet.id, fresh);
    return fresh;
  }

  /** Whether an evaluation's inputs are as it found them; a check met again inside itself (sheets reading each other) assumes so. */
  private holds(ev: Evaluation): boolean {
    if (ev.checkedAt === this.version && (ev.today === undefined || ev.today === this.todayMs()) && ev.reads.size === 0) return true;
    if (ev.epoch !== this.epoch || ev.stamp !== this.stampOf(ev.sheet)) return false;
    if (ev.pinned !== undefined) return ev.pinned === this.version;
    if (ev.today !== undefined && ev.today !== this.todayMs()) return false;
    if (ev.active > 0) return true;
    if (this.validating.has(ev)) {
      this.guessed = true;
      return true;
    }
    const outer = this.validating.size === 0;
    if (outer) this.guessed = false;
    this.validating.add(ev);
    let ok = true;
    try {
      for (const [read, [stamp, gen]] of ev.reads) {
        if (this.stampOf(read) !== stamp || !this.sheets.includes(read) || (this.evaluation(read)?.gen ?? 0) !== gen) {
          ok = false;
          break;
        }
      }
    } finally {
      this.validating.delete(ev);
    }
    if (ok && !this.guessed) ev.checkedAt = this.version;
    return ok;
  }

  /** Runs formulas in order until every one anchored at or above `lastRow` (0-based) is done. */
  private advance(ev: Evaluation, lastRow: number): void {
    while (ev.next < ev.formulas.length && ev.formulas[ev.next][0] <= lastRow) this.runFormula(ev, ev.next++);
  }

  private runFormula(ev: Evaluation, k: number): void {
    if (ev.state[k] !== 0) return;
    ev.state[k] = 1;
    ev.active++;
    try {
      const [r, c, formula] = ev.formulas[k];
      this.spill(ev.sheet, r, c, this.evaluate(formula, ev), ev.overlay);
    } catch (e) {
      this.evaluations.delete(ev.sheet.id);
      throw e;
    } finally {
      ev.active--;
    }
    ev.state[k] = 2;
  }

  /**
   * The formula results a read of `rect` needs. A formula reading cells of its
   * own sheet (a shared TODAY() cell, say) sees the results of the formulas
   * there, as in Sheets: those anchored above and to the left of the range's
   * far corner (results spill right and down) are evaluated first. A formula
   * already being evaluated reads as blank (a circular reference; Sheets shows #REF!).
   */
  private settle(sheet: SheetModel, rect: GridRect | null): Map<number, unknown> | null {
    const ev = this.evaluation(sheet);
    if (!ev) return null;
    const lastRow = rect ? rect.row - 1 + rect.numRows - 1 : Number.POSITIVE_INFINITY;
    if (ev.active === 0) {
      this.advance(ev, lastRow);
      return ev.overlay;
    }
    const lastCol = rect ? rect.col - 1 + rect.numCols - 1 : Number.POSITIVE_INFINITY;
    for (let k = 0; k < ev.formulas.length; k++) {
      if (ev.state[k] === 0 && ev.formulas[k][0] <= lastRow && ev.formulas[k][1] <= lastCol) this.runFormula(ev, k);
    }
    return ev.overlay;
  }

  private evaluate(formula: string, ev: Evaluation): unknown[][] {
    const sheet = ev.sheet;
    const ctx: FormulaContext = {
      timeZone: this.timeZone,
      today: () => {
        ev.today = this.todayMs();
        return new Date(ev.today);
      },
      values: (rangeA1: string) => {
        const { sheet: target, rect } = this.resolve(rangeA1, sheet);
        if (target !== sheet) {
          const read = this.evaluation(target);
          if (read && read.active > 0) ev.pinned = this.version;
          ev.reads.set(target, [this.stampOf(target), read?.gen ?? 0]);
        }
        return this.readValues(target, rect);
      },
      shared: {
        get: (key, _sheets, today) => {
          const hit = this.shared.get(key);
          if (!hit || hit.epoch !== this.epoch || (today && hit.today !== this.todayMs())) return undefined;
          for (const [read, stamp, gen] of hit.reads) {
            if (read === sheet || this.stampOf(read) !== stamp) return undefined;
            const e = this.evaluation(read);
            if ((e?.gen ?? 0) !== gen || (e && e.active > 0)) return undefined;
          }
          for (const [read, stamp, gen] of hit.reads) ev.reads.set(read, [stamp, gen]);
          if (today) ev.today = hit.today;
          return hit.grid;
        },
        set: (key, sheets, today, grid) => {
          if (today && ev.today === undefined) return;
          const reads: SharedResult['reads'] = [];
          for (const name of sheets) {
            const read = this.sheetByName(name);
            if (!read || read === sheet) return;
            const e = this.evaluation(read);
            if (e && e.active > 0) return;
            reads.push([read, this.stampOf(read), e?.gen ?? 0]);
          }
          if (this.shared.size >= MAX_SHARED) this.shared.clear();
          this.shared.set(key, { grid, epoch: this.epoch, reads, today: today ? ev.today : undefined });
        },
      },
    };
    try {
      const result = evaluateFormula(formula, ctx);
      if (!Array.isArray(result) || result.length === 0) return [['#N/A']];
      return result.map((row) => (Array.isArray(row) ? row : [row]).map((v) => (v === null || v === undefined ? '' : v)));
    } catch {
      return [['#ERROR!']];
    }
  }

  /** Writes a formula's result from its anchor; #REF! if it would cover content or leave the sheet. */
  private spill(sheet: SheetModel, r: number, c: number, result: unknown[][], overlay: Map<number, unknown>): void {
    const width = Math.max(1, ...result.map((row) => row.length));
    const blocked = (): boolean => {
      if (r + result.length > sheet.maxRows || c + width > sheet.maxCols) return true;
      for (let i = 0; i < result.length; i++) {
        for (let j = 0; j < width; j++) {
          if (i === 0 && j === 0) continue;
          const raw = sheet.values.get(r + i, c + j);
          if ((raw !== undefined && raw !== '') || sheet.formulas.get(r + i, c + j) !== undefined || overlay.has((r + i) * KEY_COLS + c + j)) return true;
        }
      }
      return false;
    };
    if (blocked()) {
      overlay.set(r * KEY_COLS + c, '#REF!');
      return;
    }
    for (let i = 0; i < result.length; i++) for (let j = 0; j < width; j++) overlay.set((r + i) * KEY_COLS + c + j, result[i][j] ?? '');
  }

  /** Values as getValues returns them: '' for empty, formulas evaluated, Dates as fresh copies. */
  readValues(sheet: SheetModel, rect: GridRect): unknown[][] {
    const overlay = this.settle(sheet, rect);
    const out: unknown[][] = new Array(rect.numRows);
    for (let i = 0; i < rect.numRows; i++) {
      const r = rect.row - 1 + i;
      const row = sheet.values.rows[r];
      const line: unknown[] = new Array(rect.numCols);
      for (let j = 0; j < rect.numCols; j++) {
        const c = rect.col - 1 + j;
        let v = overlay?.get(r * KEY_COLS + c);
        if (v === undefined) v = row?.[c];
        if (v === undefined) v = '';
        else if (isDateValue(v)) v = new Date(v.getTime());
        line[j] = v;
      }
      out[i] = line;
    }
    return out;
  }

  numberFormat(sheet: SheetModel, r: number, c: number): string {
    return sheet.formats.get(r, c) ?? DEFAULT_NUMBER_FORMAT;
  }

  readDisplay(sheet: SheetModel, rect: GridRect): string[][] {
    return this.readValues(sheet, rect).map((row, i) =>
      row.map((v, j) => formatDisplay(v, sheet.formats.get(rect.row - 1 + i, rect.col - 1 + j), this.timeZone)),
    );
  }

  readLayer<T>(layer: Layer<T>, rect: GridRect, empty: T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < rect.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < rect.numCols; j++) line.push(layer.get(rect.row - 1 + i, rect.col - 1 + j) ?? empty);
      out.push(line);
    }
    return out;
  }

  /** 1-based last row with content (values, formulas or spilled results); 0 if none. */
  lastRow(sheet: SheetModel): number {
    let last = Math.max(sheet.values.lastRow(), sheet.formulas.lastRow());
    const overlay = this.settle(sheet, null);
    if (overlay) for (const [key, v] of overlay) if (v !== '') last = Math.max(last, Math.floor(key / KEY_COLS));
    return last + 1;
  }

  lastCol(sheet: SheetModel): number {
    let last = Math.max(sheet.values.lastCol(), sheet.formulas.lastCol());
    const overlay = this.settle(sheet, null);
    if (overlay) for (const [key, v] of overlay) if (v !== '') last = Math.max(last, key % KEY_COLS);
    return last + 1;
  }

  rangeValues(ref: RangeRef): unknown[][] {
    const sheet = this.sheetById(ref.sheetId);
    if (!sheet) return [];
    const { rect } = this.resolve(ref.a1, sheet);
    return this.readValues(sheet, rect);
  }

  // ---- writing ----------------------------------------------------------------

  /**
   * Writes a block of script input (setValues, setFormulas, appendRow):
   * parses strings unless the cell is plain text, refuses the whole block if a
   * value breaks a reject-input validation rule, then stores it.
   */
  writeBlock(sheet: SheetModel, rect: GridRect, inputs: unknown[][]): void {
    for (const row of inputs) for (const input of row) if (cellTextTooLong(input)) throw new ServiceError(CELL_TOO_LONG);
    const parsed = inputs.map((row, i) =>
      row.map((input, j) => inputToCell(input, this.timeZone, sheet.formats.get(rect.row - 1 + i, rect.col - 1 + j) === '@', this.locale)),
    );
    for (let i = 0; i < parsed.length; i++) {
      for (let j = 0; j < parsed[i].length; j++) {
        const cell = parsed[i][j];
        const rule = sheet.validations.get(rect.row - 1 + i, rect.col - 1 + j);
        if (rule && !rule.allowInvalid && cell.formula === undefined && violates(rule, cell.value, (ref) => this.rangeValues(ref))) {
          throw new ServiceError(`The data you entered in cell ${cellA1(rect.row + i, rect.col + j)} violates the data validation rules set on this cell.`);
        }
      }
    }
    for (let i = 0; i < parsed.length; i++) {
      for (let j = 0; j < parsed[i].length; j++) {
        const r = rect.row - 1 + i;
        const c = rect.col - 1 + j;
        const cell = parsed[i][j];
        sheet.formulas.set(r, c, cell.formula);
        sheet.values.set(r, c, cell.value === '' ? undefined : cell.value);
        const format = sheet.formats.get(r, c);
        if (format === undefined && cell.format) sheet.formats.set(r, c, cell.format);
        else if (format === undefined && isDateValue(cell.value)) sheet.formats.set(r, c, defaultDateFormat(cell.value, this.timeZone));
      }
    }
    this.touchCells(sheet);
  }

  clearContents(sheet: SheetModel, rect: GridRect): void {
    sheet.values.fill(rect.row - 1, rect.col - 1, rect.numRows, rect.numCols, undefined);
    sheet.formulas.fill(rect.row - 1, rect.col - 1, rect.numRows, rect.numCols, undefined);
    this.touchCells(sheet);
  }

  clearFormats(sheet: SheetModel, rect: GridRect): void {
    for (const layer of [sheet.formats, ...sheet.styles.values()]) layer.fill(rect.row - 1, rect.col - 1, rect.numRows, rect.numCols, undefined);
    this.touchLooks();
  }

  /** A1 of every cell whose current value breaks its validation rule (allowed or not). */
  invalidCells(sheet: SheetModel): string[] {
    const out: string[] = [];
    const overlay = this.settle(sheet, null);
    for (const [r, c, rule] of sheet.validations.entries()) {
      const value = overlay?.get(r * KEY_COLS + c) ?? sheet.values.get(r, c) ?? '';
      if (violates(rule, value, (ref) => this.rangeValues(ref))) out.push(cellA1(r + 1, c + 1));
    }
    return out;
  }

  // ---- rows and columns --------------------------------------------------------

  insertRows(sheet: SheetModel, before: number, count: number, inheritFrom?: number): void {
    if (!Number.isInteger(before) || before < 1 || before > sheet.maxRows + 1) throw new ServiceError('Those rows are out of bounds.');
    if (!Number.isInteger(count) || count < 1) throw new ServiceError('The number of rows to insert must be at least 1.');
    if (cellCountExceeded(this.sheets, count * sheet.maxCols)) throw new ServiceError(TOO_MANY_CELLS);
    const at = before - 1;
    for (const layer of sheet.layers()) {
      const inherits = inheritFrom !== undefined && sheet.formatLayers().includes(layer);
      layer.insertRows(at, count, inherits ? inheritFrom - 1 : undefined);
    }
    if (at < sheet.hiddenRows.length) sheet.hiddenRows.splice(at, 0, ...new Array<boolean>(count).fill(false));
    sheet.maxRows += count;
    this.shiftProtections(sheet, 'row', at, count);
    this.touch();
  }

  deleteRows(sheet: SheetModel, start: number, count: number): void {
    if (!Number.isInteger(start) || !Number.isInteger(count) || start < 1 || count < 1 || start + count - 1 > sheet.maxRows) {
      throw new ServiceError('Those rows are out of bounds.');
    }
    if (count >= sheet.maxRows - sheet.frozenRows && start > sheet.frozenRows) {
      throw new ServiceError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    for (const layer of sheet.layers()) layer.deleteRows(start - 1, count);
    sheet.hiddenRows.splice(start - 1, count);
    sheet.maxRows -= count;
    this.shiftProtections(sheet, 'row', start - 1, -count);
    this.touch();
  }

  insertCols(sheet: SheetModel, before: number, count: number, inheritFrom?: number): void {
    if (!Number.isInteger(before) || before < 1 || before > sheet.maxCols + 1) throw new ServiceError('Those columns are out of bounds.');
    if (!Number.isInteger(count) || count < 1) throw new ServiceError('The number of columns to insert must be at least 1.');
    if (cellCountExceeded(this.sheets, count * sheet.maxRows)) throw new ServiceError(TOO_MANY_CELLS);
    for (const layer of sheet.layers()) {
      const inherits = inheritFrom !== undefined && sheet.formatLayers().includes(layer);
      layer.insertCols(before - 1, count, inherits ? inheritFrom - 1 : undefined);
    }
    if (before - 1 < sheet.columnWidths.length) sheet.columnWidths.splice(before - 1, 0, ...new Array<number>(count).fill(DEFAULT_COLUMN_WIDTH));
    sheet.maxCols += count;
    this.shiftProtections(sheet, 'col', before - 1, count);
    this.touch();
  }

  deleteCols(sheet: SheetModel, start: number, count: number): void {
    if (!Number.isInteger(start) || !Number.isInteger(count) || start < 1 || count < 1 || start + count - 1 > sheet.maxCols) {
      throw new ServiceError('Those columns are out of bounds.');
    }
    if (count >= sheet.maxCols - sheet.frozenCols && start > sheet.frozenCols) {
      throw new ServiceError('Sorry, it is not possible to delete all non-frozen columns.');
    }
    for (const layer of sheet.layers()) layer.deleteCols(start - 1, count);
    sheet.columnWidths.splice(start - 1, count);
    sheet.maxCols -= count;
    this.shiftProtections(sheet, 'col', start - 1, -count);
    this.touch();
  }

  /** Keeps range protections on the same cells when rows/columns move (delta < 0: deleted). */
  private shiftProtections(sheet: SheetModel, axis: 'row' | 'col', at: number, delta: number): void {
    const shift = (rect: GridRect): GridRect | null => {
      const start = (axis === 'row' ? rect.row : rect.col) - 1;
      const size = axis === 'row' ? rect.numRows : rect.numCols;
      let newStart = start;
      let newSize = size;
      if (delta > 0) {
        if (at <= start) newStart += delta;
        else if (at < start + size) newSize += delta;
      } else {
        const del = -delta;
        const overlapStart = Math.max(start, at);
        const overlapEnd = Math.min(start + size, at + del);
        newSize -= Math.max(0, overlapEnd - overlapStart);
        if (at < start) newStart = Math.max(at, start - del);
        if (newSize <= 0) return null;
      }
      return axis === 'row' ? { ...rect, row: newStart + 1, numRows: newSize } : { ...rect, col: newStart + 1, numCols: newSize };
    };
    this.protections = this.protections.filter((p) => {
      if (p.sheetId !== sheet.id || !p.rect) return true;
      const moved = shift(p.rect);
      if (!moved) return false;
      p.rect = moved;
      return true;
    });
  }

  sortRows(sheet: SheetModel, rect: GridRect, specs: { column: number; ascending: boolean }[]): void {
    const rows: { values: unknown[]; formulas: (string | undefined)[]; index: number }[] = [];
    const values = this.readValues(sheet, rect);
    for (let i = 0; i < rect.numRows; i++) {
      const r = rect.row - 1 + i;
      rows.push({ values: values[i], formulas: Array.from({ length: rect.numCols }, (_, j) => sheet.formulas.get(r, rect.col - 1 + j)), index: i });
    }
    const rank = (v: unknown): number => (typeof v === 'number' || isDateValue(v) ? 0 : typeof v === 'boolean' ? 2 : v === '' ? 3 : 1);
    const key = (v: unknown): number | string => (isDateValue(v) ? v.getTime() : typeof v === 'string' ? v.toLowerCase() : (v as number));
    rows.sort((a, b) => {
      for (const spec of specs) {
        const j = spec.column - rect.col;
        const va = a.values[j];
        const vb = b.values[j];
        if (va === '' || vb === '') {
          if (va !== vb) return va === '' ? 1 : -1; // blanks always last
          continue;
        }
        const ra = rank(va);
        const rb = rank(vb);
        let cmp = ra !== rb ? ra - rb : key(va) < key(vb) ? -1 : key(va) > key(vb) ? 1 : 0;
        if (!spec.ascending) cmp = -cmp;
        if (cmp !== 0) return cmp;
      }
      return a.index - b.index;
    });
    rows.forEach((row, i) => {
      for (let j = 0; j < rect.numCols; j++) {
        const r = rect.row - 1 + i;
        const c = rect.col - 1 + j;
        sheet.formulas.set(r, c, row.formulas[j]);
        sheet.values.set(r, c, row.formulas[j] !== undefined || row.values[j] === '' ? undefined : row.values[j]);
      }
    });
    this.touchCells(sheet);
  }

  /** Text for a cell as getDisplayValue shows it; used by inspect. */
  displayOf(sheet: SheetModel, r: number, c: number): string {
    return this.readDisplay(sheet, { row: r + 1, col: c + 1, numRows: 1, numCols: 1 })[0][0];
  }
}
