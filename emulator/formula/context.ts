/** What a formula can see while it is evaluated. */
export interface FormulaContext {
  /**
   * Evaluated values of a range, e.g. "'Clients'!A2:A" or "Clients!B2:B1000"
   * (open ranges reach the last row of the sheet). A range without a sheet
   * name refers to the formula's own sheet. Empty cells are ''.
   */
  values(rangeA1: string): unknown[][];
  /** Midnight today in the spreadsheet's time zone. */
  today(): Date;
  timeZone: string;
  /**
   * Results of subtrees that read only other sheets, kept across formulas by
   * whoever knows when those sheets change: `get` gives back what `set` was
   * given if none of `sheets` (nor the day, if `today`) changed since. Never
   * mutate a grid from here: it is shared.
   */
  shared?: {
    get(key: string, sheets: string[], today: boolean): unknown[][] | undefined;
    set(key: string, sheets: string[], today: boolean, grid: unknown[][]): void;
  };
}
