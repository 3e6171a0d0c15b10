/**
 * TextFinder: Range.createTextFinder(text) / Sheet.createTextFinder(text).
 * Searches the displayed text of each cell of its scope, row by row, like
 * Sheets' Find (https://developers.google.com/apps-script/reference/spreadsheet/text-finder).
 * Emulated options: matchCase, matchEntireCell, findAll, findNext. Without
 * matchCase the match ignores case, as on Google.
 */
import { SERVICE } from '../calls';
import type { GridRect } from './a1';
import type { SheetsEnv } from './env';
import { ServiceError, type SheetModel } from './model';

type G = GoogleAppsScript.Spreadsheet.TextFinder;
type TextFinderMethod = 'matchCase' | 'matchEntireCell' | 'findAll' | 'findNext';

export class TextFinder implements Pick<G, TextFinderMethod> {
  readonly [SERVICE] = 'TextFinder';
  private caseSensitive = false;
  private entireCell = false;
  private cursor = -1;

  constructor(
    private env: SheetsEnv,
    readonly sheetModel: SheetModel,
    /** The searched rectangle (the cost meter charges its cells to each search). */
    readonly scope: GridRect,
    private text: string,
  ) {
    // Google's message for an empty search is unconfirmed; refusing it is the stricter reading.
    if (typeof text !== 'string' || text === '') throw new ServiceError('Invalid argument: findText');
  }

  private self(): G {
    return this as unknown as G;
  }

  matchCase(matchCase: boolean): G {
    this.caseSensitive = !!matchCase;
    return this.self();
  }

  matchEntireCell(matchEntireCell: boolean): G {
    this.entireCell = !!matchEntireCell;
    return this.self();
  }

  /** Row-major offsets of matching cells within the scope. */
  private matches(): number[] {
    const shown = this.env.model.readDisplay(this.sheetModel, this.scope);
    const needle = this.caseSensitive ? this.text : this.text.toLowerCase();
    const out: number[] = [];
    for (let i = 0; i < shown.length; i++) {
      for (let j = 0; j < shown[i].length; j++) {
        const cell = this.caseSensitive ? shown[i][j] : shown[i][j].toLowerCase();
        if (this.entireCell ? cell === needle : cell !== '' && cell.includes(needle)) out.push(i * this.scope.numCols + j);
      }
    }
    return out;
  }

  private cell(offset: number): GoogleAppsScript.Spreadsheet.Range {
    const i = Math.floor(offset / this.scope.numCols);
    const j = offset % this.scope.numCols;
    return this.env.range(this.sheetModel, { row: this.scope.row + i, col: this.scope.col + j, numRows: 1, numCols: 1 });
  }

  findAll(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.matches().map((o) => this.cell(o));
  }

  findNext(): GoogleAppsScript.Spreadsheet.Range | null {
    const next = this.matches().find((o) => o > this.cursor);
    if (next === undefined) return null;
    this.cursor = next;
    return this.cell(next);
  }
}
