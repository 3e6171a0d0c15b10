/**
 * Creating and dressing the tabs the add-on manages: header row, frozen,
 * bold, column formats, and a warning-only protection where people should
 * not type. Service calls here depend on the number of columns, never rows.
 */
import type { Lang } from '../core/i18n/lang';
import { localFormat } from '../core/i18n/date-formats';
import { localHeaders, localTabName } from '../core/i18n/sheet-words';
import { spreadsheet } from './sheets';
import { rememberTabs, resolveSheet, sheetLanguage } from './tab-keys';

export interface TabLayout {
  header: readonly string[];
  /** Number format per column ('@' plain text, 'yyyy-mm-dd', …); missing → left alone. */
  formats?: readonly (string | undefined)[];
  hidden?: boolean;
  /** Warn anyone who edits the tab by hand (system tabs such as Audit and Archive). */
  protectWholeTab?: string;
}

/**
 * Returns the tab (by key, gas/tab-keys.ts), creating it with its layout when
 * missing: named and headed in the base's language, its ID recorded so a
 * rename never loses it. Existing tabs get their header only if empty.
 */
export function ensureTab(name: string, layout: TabLayout, lang?: Lang): { sheet: GoogleAppsScript.Spreadsheet.Sheet; created: boolean } {
  const ss = spreadsheet();
  let sheet = resolveSheet(ss, name);
  const created = !sheet;
  if (!sheet || sheet.getLastRow() === 0) {
    const language = lang ?? sheetLanguage();
    if (!sheet) {
      sheet = ss.insertSheet(localTabName(name, language));
      rememberTabs({ [name]: sheet });
    }
    dressTab(sheet, { ...layout, header: localHeaders(layout.header, language), formats: layout.formats?.map((f) => localFormat(f, language)) });
  }
  // A new tab is 26 columns wide: log tabs of 4 to 10 columns would carry empty grid cells on every row, toward the 10 M-cell limit.
  if (created) {
    const extra = sheet.getMaxColumns() - layout.header.length;
    if (extra > 0) sheet.deleteColumns(layout.header.length + 1, extra);
  }
  return { sheet, created };
}

export function dressTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: TabLayout): void {
  const width = layout.header.length;
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const header = sheet.getRange(1, 1, 1, width);
  header.setNumberFormat('@');
  header.setValues([layout.header.slice()]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  applyColumnFormats(sheet, layout.formats ?? []);
  if (layout.hidden) sheet.hideSheet();
  if (layout.protectWholeTab) sheet.protect().setDescription(layout.protectWholeTab).setWarningOnly(true);
}

/**
 * Number formats for the first `formats.length` columns of every data row in
 * one call; a column whose format is undefined keeps the automatic format.
 */
export function applyColumnFormats(sheet: GoogleAppsScript.Spreadsheet.Sheet, formats: readonly (string | undefined)[], firstColumn = 1): void {
  if (formats.length === 0) return;
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const row = formats.map((f) => f ?? 'General');
  sheet.getRange(2, firstColumn, rows, formats.length).setNumberFormats(Array.from({ length: rows }, () => row));
}
