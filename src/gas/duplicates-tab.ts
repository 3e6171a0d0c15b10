/** The Duplicates review tab: rewritten whole after each search or merge. */
import { TAB, TAB_HEADERS } from '../core/schema/tabs';
import { TAB_LAYOUTS } from '../core/schema/tab-layouts';
import { FIRST_DATA_ROW, writeRange } from './sheets';
import { ensureTab } from './tabs';
import { duplicateWhy } from '../core/i18n/dedupe-reasons';
import { languageOfTab } from './tab-keys';

const H = TAB_HEADERS.Duplicates;

/** Replaces the review rows in one write, with a Decision dropdown and a Survivor checkbox per row. */
export function replaceReviewRows(rows: unknown[][], decisions: string[]): void {
  const layout = TAB_LAYOUTS[TAB.duplicates];
  const { sheet } = ensureTab(TAB.duplicates, { header: H, formats: layout.formats });
  const last = sheet.getLastRow();
  if (last >= FIRST_DATA_ROW)
    sheet
      .getRange(FIRST_DATA_ROW, 1, last - 1, H.length)
      .clearContent()
      .clearDataValidations();
  if (rows.length === 0) return;
  if (sheet.getMaxRows() < rows.length + 1) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  // The Why column (index 6) is read by people only: written in the base's language; decisions stay the code's words.
  const lang = languageOfTab(sheet);
  const written = lang === 'en' ? rows : rows.map((r) => r.map((v, i) => (i === 6 && typeof v === 'string' ? duplicateWhy(v, lang) : v)));
  writeRange(sheet.getRange(FIRST_DATA_ROW, 1, written.length, H.length), written);
  const decision = SpreadsheetApp.newDataValidation()
    .requireValueInList(decisions, true)
    .setAllowInvalid(false)
    .setHelpText('merge, not duplicates or skip: set it on the first row of the group')
    .build();
  sheet.getRange(FIRST_DATA_ROW, H.indexOf('Decision') + 1, rows.length, 1).setDataValidation(decision);
  sheet.getRange(FIRST_DATA_ROW, H.indexOf('Survivor') + 1, rows.length, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
}
