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
}
