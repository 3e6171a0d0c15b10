/** RangeList (several ranges at once) and Selection (what the user has selected). */
import { SERVICE } from '../calls';
import type { GridRect } from './a1';
import type { SheetsEnv } from './env';
import type { SheetModel } from './model';

type G = GoogleAppsScript.Spreadsheet.RangeList;
type GRange = GoogleAppsScript.Spreadsheet.Range;

export class RangeList
  implements
    Pick<
      G,
      | 'getRanges'
      | 'setValue'
      | 'clear'
      | 'clearContent'
      | 'clearFormat'
      | 'setBackground'
      | 'setFontWeight'
      | 'setFontColor'
      | 'setNumberFormat'
      | 'setNote'
      | 'activate'
      | 'insertCheckboxes'
      | 'clearDataValidations'
    >
{
  readonly [SERVICE] = 'RangeList';

  constructor(
    private env: SheetsEnv,
    private ranges: { sheet: SheetModel; rect: GridRect }[],
  ) {}

  private each(apply: (range: GRange) => unknown): G {
    for (const { sheet, rect } of this.ranges) apply(this.env.range(sheet, rect));
    return this as unknown as G;
  }

  getRanges(): GRange[] {
    return this.ranges.map(({ sheet, rect }) => this.env.range(sheet, rect));
  }

  setValue(value: any): G {
    return this.each((r) => r.setValue(value));
  }

  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean }): G {
    return this.each((r) => (options ? r.clear(options) : r.clear()));
  }

  clearContent(): G {
    return this.each((r) => r.clearContent());
  }

  clearFormat(): G {
    return this.each((r) => r.clearFormat());
  }

  clearDataValidations(): G {
    return this.each((r) => r.clearDataValidations());
  }

  setBackground(color: string | null): G {
    return this.each((r) => r.setBackground(color));
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): G {
    return this.each((r) => r.setFontWeight(fontWeight));
  }

  setFontColor(color: string | null): G {
    return this.each((r) => r.setFontColor(color));
  }

  setNumberFormat(numberFormat: string): G {
    return this.each((r) => r.setNumberFormat(numberFormat));
  }

  setNote(note: string | null): G {
    return this.each((r) => r.setNote(note));
  }

  insertCheckboxes(checkedValue?: any, uncheckedValue?: any): G {
    return this.each((r) => r.insertCheckboxes(checkedValue, uncheckedValue));
  }

  activate(): G {
    const first = this.ranges[0];
    if (first)
      this.env.model.select(
        first.sheet,
        this.ranges.filter((r) => r.sheet === first.sheet).map((r) => ({ ...r.rect })),
      );
    return this as unknown as G;
  }
}

export class Selection implements Pick<GoogleAppsScript.Spreadsheet.Selection, 'getActiveRange' | 'getActiveRangeList' | 'getActiveSheet' | 'getCurrentCell'> {
  readonly [SERVICE] = 'Selection';

  constructor(private env: SheetsEnv) {}

  private book() {
    return this.env.spreadsheet();
  }

  getActiveRange(): GRange | null {
    return this.book().getActiveRange();
  }

  getActiveRangeList(): G | null {
    return this.book().getActiveRangeList();
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.book().getActiveSheet();
  }

  getCurrentCell(): GRange | null {
    return this.book().getCurrentCell();
  }
}
