/**
 * The cost model: what an operation would cost on Google, not in Node.
 *
 * In memory a read of 1.35 M cells is free; on Google it is not, and neither
 * is a google.script.run round trip or a volatile formula recalculated on
 * every edit. The meter listens to every counted call (emulator/calls.ts) and
 * adds up service calls, cells read and written, cells searched by
 * TextFinder, mails sent, round trips (counted by whoever plays the browser:
 * the playground shim, the test harness, the bench) and formula work: for
 * each formula written, the cells it references, again each time a write
 * touches a sheet it references (always, when it is volatile).
 *
 * `modelledMs` turns the counts into time with the constants below; each one
 * is cited (or marked as an estimate) in emulator/README.md.
 */
import type { ResultListener, ServiceObject } from './calls';
import { parseA1, resolveA1 } from './spreadsheet/a1';
import type { SheetModel, SpreadsheetModel } from './spreadsheet/model';

/** Milliseconds per unit; see emulator/README.md "Cost model" for the source of each. */
export const COST = {
  roundTripMs: 1000,
  serviceCallMs: 50,
  /** A call that only hands out an object or its geometry (getRange, getSheetByName, getRow, builders): no data moves. */
  localCallMs: 1,
  cellReadMs: 0.005,
  cellWriteMs: 0.01,
  cellSearchMs: 0.0005,
  formulaCellMs: 0.0002,
  mailMs: 300,
  /** One execution's limit, for "does it fit in one run". */
  executionLimitMs: 6 * 60 * 1000,
} as const;

export interface CostSnapshot {
  roundTrips: number;
  /** Every counted call; `localCalls` of them only handed out objects or geometry. */
  calls: number;
  localCalls: number;
  cellsRead: number;
  cellsWritten: number;
  cellsSearched: number;
  formulaWork: number;
  mails: number;
}

export function modelledMs(c: CostSnapshot): number {
  return (
    c.roundTrips * COST.roundTripMs +
    (c.calls - c.localCalls) * COST.serviceCallMs +
    c.localCalls * COST.localCallMs +
    c.cellsRead * COST.cellReadMs +
    c.cellsWritten * COST.cellWriteMs +
    c.cellsSearched * COST.cellSearchMs +
    c.formulaWork * COST.formulaCellMs +
    c.mails * COST.mailMs
  );
}

/** Functions Sheets recalculates on every change anywhere in the spreadsheet. */
const VOLATILE = /\b(TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY|OFFSET|INDIRECT)\s*\(/i;
/** A1 references with an optional sheet name: Clients!A2:A, 'Seg · Hot'!B:B, A1, $A$1:$C. */
const REF = /(?<![\w$.'])(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!)?(\$?[A-Z]{1,3}\$?\d*(?::\$?[A-Z]{1,3}\$?\d*)?|\$?\d+:\$?\d+)(?![\w(!])/g;

interface FormulaCost {
  /** What the formula references, resolved against the sheets' sizes at each recalculation (open ranges grow with them). */
  refs: { sheet: SheetModel; ref: ReturnType<typeof parseA1> }[];
  sheets: Set<string>;
  volatile: boolean;
}

function cellsOf(f: FormulaCost): number {
  let cells = 0;
  for (const { sheet, ref } of f.refs) {
    const rect = resolveA1(ref, sheet.maxRows, sheet.maxCols);
    cells += rect.numRows * rect.numCols;
  }
  return cells;
}

/** Calls that hand out a handle, geometry or a builder step; Apps Script resolves them without moving cell data. */
const LOCAL =
  /\.(get(Range|RangeList|Sheets?|SheetByName|ActiveSpreadsheet|ActiveSheet|ActiveRange|Row|Column|NumRows|NumColumns|A1Notation|Name|Parent|Ui|DataRange|Id|SheetId|Index|DocumentProperties|ScriptProperties|UserProperties|DocumentLock|ScriptLock|UserLock|ScriptCache|DocumentCache|UserCache|ActiveUser|EffectiveUser|Email)|createTextFinder|match(Case|EntireCell)|new[A-Z]\w*|with\w+|require\w+|build|setAllowInvalid|setHelpText)$/;

const READS = new Set([
  'Range.getValues',
  'Range.getDisplayValues',
  'Range.getFormulas',
  'Range.getNotes',
  'Range.getBackgrounds',
  'Range.getNumberFormats',
  'Range.getFontWeights',
  'Range.getDataValidations',
  'Range.getValue',
  'Range.getDisplayValue',
  'Range.getFormula',
  'Range.getNote',
  'Range.getNumberFormat',
]);

function gridSize(grid: unknown): number {
  if (!Array.isArray(grid)) return 1;
  let n = 0;
  for (const row of grid) n += Array.isArray(row) ? row.length : 1;
  return n;
}

interface RawRange {
  sheetModel: SheetModel;
  rect: { row: number; col: number; numRows: number; numCols: number };
}

export class CostMeter {
  private counts: CostSnapshot = CostMeter.zero();
  /** Formulas written through counted calls, by sheet id and cell. */
  private formulas = new Map<string, FormulaCost>();

  constructor(private book: SpreadsheetModel) {}

  static zero(): CostSnapshot {
    return { roundTrips: 0, calls: 0, localCalls: 0, cellsRead: 0, cellsWritten: 0, cellsSearched: 0, formulaWork: 0, mails: 0 };
  }

  snapshot(): CostSnapshot {
    return { ...this.counts };
  }

  modelledMs(): number {
    return modelledMs(this.counts);
  }

  /** Clears the counters (not the formulas the spreadsheet holds). */
  reset(): void {
    this.counts = CostMeter.zero();
  }

  /** One google.script.run call from the sidebar (the browser side counts these). */
  roundTrip(n = 1): void {
    this.counts.roundTrips += n;
  }

  /** Every cell of every sheet's grid: what Google's 10 M-cell limit counts. */
  spreadsheetCells(): number {
    return this.book.sheets.reduce((sum, s) => sum + s.maxRows * s.maxCols, 0);
  }

  readonly listener: ResultListener = (key, target, args, result) => {
    this.counts.calls++;
    if (LOCAL.test(key)) this.counts.localCalls++;
    if (READS.has(key)) {
      this.counts.cellsRead += gridSize(result);
      return;
    }
    if (key === 'TextFinder.findAll' || key === 'TextFinder.findNext') {
      const scope = (target as unknown as { scope: RawRange['rect'] }).scope;
      this.counts.cellsSearched += scope.numRows * scope.numCols;
      return;
    }
    if (key === 'MailApp.sendEmail') {
      this.counts.mails++;
      return;
    }
    const [cls, method] = key.split('.');
    if (cls === 'Range' && /^set[A-Z]/.test(method)) {
      const range = target as unknown as RawRange;
      const plural = Array.isArray(args[0]);
      this.counts.cellsWritten += plural ? gridSize(args[0]) : range.rect.numRows * range.rect.numCols;
      if (method === 'setValues' || method === 'setFormulas' || method === 'setValue' || method === 'setFormula') {
        this.noteFormulas(range, plural ? (args[0] as unknown[][]) : null, plural ? undefined : args[0]);
      }
      this.recalc(range.sheetModel.name);
    } else if ((cls === 'Range' && (method === 'clearContent' || method === 'clear')) || (cls === 'Sheet' && method === 'appendRow')) {
      const n = cls === 'Sheet' ? gridSize([args[0]]) : (target as unknown as RawRange).rect.numRows * (target as unknown as RawRange).rect.numCols;
      this.counts.cellsWritten += n;
      this.recalc(cls === 'Sheet' ? (target as unknown as { model: SheetModel }).model.name : (target as unknown as RawRange).sheetModel.name);
    } else if (cls === 'Spreadsheet' && method === 'deleteSheet') {
      this.forgetDeletedSheets();
    }
  };

  private forgetDeletedSheets(): void {
    const live = new Set(this.book.sheets.map((s) => String(s.id)));
    for (const key of this.formulas.keys()) if (!live.has(key.split('!')[0])) this.formulas.delete(key);
  }

  /** A write to `sheet` makes every formula that reads it, and every volatile one, compute again. */
  private recalc(sheet: string): void {
    let work = 0;
    for (const f of this.formulas.values()) if (f.volatile || f.sheets.has(sheet)) work += cellsOf(f);
    this.counts.formulaWork += work;
  }

  private noteFormulas(range: RawRange, grid: unknown[][] | null, single: unknown): void {
    const { rect, sheetModel } = range;
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numCols; j++) {
        const v = grid ? grid[i]?.[j] : single;
        const key = `${sheetModel.id}!${rect.row + i},${rect.col + j}`;
        if (typeof v === 'string' && v.startsWith('=')) {
          const cost = this.formulaCost(v, sheetModel);
          this.formulas.set(key, cost);
          this.counts.formulaWork += cellsOf(cost);
        } else if (this.formulas.size) this.formulas.delete(key);
      }
    }
  }

  /** What a formula references (open ranges reach the sheet's edge) and whether it is volatile. */
  formulaCost(formula: string, own: SheetModel): FormulaCost {
    const body = formula.replace(/"(?:[^"]|"")*"/g, '""');
    const sheets = new Set<string>();
    const refs: FormulaCost['refs'] = [];
    for (const m of body.matchAll(REF)) {
      const sheetName = m[1]?.replace(/''/g, "'") ?? m[2];
      const text = m[3];
      const target = sheetName ? this.book.sheetByName(sheetName) : own;
      if (!target) continue;
      try {
        refs.push({ sheet: target, ref: parseA1(text) });
        sheets.add(target.name);
      } catch {
        // not a reference after all
      }
    }
    return { refs, sheets, volatile: VOLATILE.test(body) };
  }
}

export type { ServiceObject };
