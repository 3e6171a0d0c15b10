/**
 * Google's hard limits, each with the page it comes from. Services and the
 * spreadsheet model take their numbers from here, so a test can name them.
 */
export const LIMITS = {
  /** developers.google.com/apps-script/guides/services/quotas is silent; support.google.com/drive/answer/37603: 50,000 characters a cell. */
  cellCharacters: 50_000,
  /** support.google.com/drive/answer/37603: up to 10 million cells a spreadsheet, all tabs' grids together. */
  spreadsheetCells: 10_000_000,
  /**
   * developers.google.com/apps-script/guides/services/quotas documents "Properties value size 9 KB / val";
   * measured writes fail earlier (issue #11: ~8 KB), so the stricter 8 KB (UTF-8 bytes) applies.
   */
  propertyValueBytes: 8 * 1024,
  /** developers.google.com/apps-script/guides/services/quotas: "Properties total storage 500 KB / property store". */
  propertyStoreBytes: 500 * 1024,
  /** developers.google.com/apps-script/reference/cache/cache#put(String,String): "The maximum length of a value is 100KB". */
  cacheValueBytes: 100 * 1024,
  /** developers.google.com/apps-script/guides/services/quotas: "Triggers 20 / user / script". */
  triggersPerUser: 20,
  /** Sheets refuses a list-of-items rule past 500 items (the wording below is the editor's). */
  dropdownItems: 500,
  /** developers.google.com/apps-script/guides/services/quotas: email recipients per day, consumer and Workspace. */
  mailRecipientsConsumer: 100,
  mailRecipientsWorkspace: 1_500,
} as const;

export const CELL_TOO_LONG = `Your input contains more than the maximum of ${LIMITS.cellCharacters} characters in a single cell.`;
export const TOO_MANY_CELLS = `This action would increase the number of cells in the workbook above the limit of ${LIMITS.spreadsheetCells} cells.`;

/** Whether a written string (value or formula) is longer than a cell holds. */
export function cellTextTooLong(text: unknown): boolean {
  return typeof text === 'string' && text.length > LIMITS.cellCharacters;
}

/** Whether the spreadsheet's grids would hold more than 10 million cells after adding `extra`. */
export function cellCountExceeded(sheets: readonly { maxRows: number; maxCols: number }[], extra: number): boolean {
  let cells = extra;
  for (const s of sheets) cells += s.maxRows * s.maxCols;
  return cells > LIMITS.spreadsheetCells;
}
