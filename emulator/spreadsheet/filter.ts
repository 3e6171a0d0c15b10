/** A sheet's basic filter. Criteria are stored, not applied; sort reorders the rows. */
import { SERVICE } from '../calls';
import type { SheetsEnv } from './env';
import { ServiceError, type SheetModel } from './model';

type G = GoogleAppsScript.Spreadsheet.Filter;

export class Filter implements Pick<G, 'getRange' | 'remove' | 'sort' | 'getColumnFilterCriteria' | 'setColumnFilterCriteria' | 'removeColumnFilterCriteria'> {
  readonly [SERVICE] = 'Filter';

  constructor(
    private env: SheetsEnv,
    private sheet: SheetModel,
  ) {}

  private data() {
    if (!this.sheet.filter) throw new ServiceError('This filter has been removed.');
    return this.sheet.filter;
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.env.range(this.sheet, this.data().rect);
  }

  remove(): void {
    this.data();
    this.sheet.filter = null;
    this.env.model.touchLooks();
  }

  sort(columnPosition: number, ascending: boolean): G {
    const { rect } = this.data();
    if (rect.numRows > 1)
      this.env.model.sortRows(this.sheet, { ...rect, row: rect.row + 1, numRows: rect.numRows - 1 }, [{ column: columnPosition, ascending }]);
    return this as unknown as G;
  }

  getColumnFilterCriteria(columnPosition: number): GoogleAppsScript.Spreadsheet.FilterCriteria | null {
    return (this.data().criteria[columnPosition] as GoogleAppsScript.Spreadsheet.FilterCriteria | undefined) ?? null;
  }

  setColumnFilterCriteria(columnPosition: number, filterCriteria: GoogleAppsScript.Spreadsheet.FilterCriteria | null): G {
    if (filterCriteria === null) delete this.data().criteria[columnPosition];
    else this.data().criteria[columnPosition] = filterCriteria;
    this.env.model.touchLooks();
    return this as unknown as G;
  }

  removeColumnFilterCriteria(columnPosition: number): G {
    return this.setColumnFilterCriteria(columnPosition, null);
  }
}
