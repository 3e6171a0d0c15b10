/** Warning-only protections: people can still fix things by hand, but Sheets asks them first. */
export function protectColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstColumn: number, count: number, description: string): void {
  if (count <= 0) return;
  sheet.getRange(1, firstColumn, sheet.getMaxRows(), count).protect().setDescription(description).setWarningOnly(true);
}

export function protectHeaderRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, description: string): void {
  sheet.getRange(1, 1, 1, sheet.getMaxColumns()).protect().setDescription(description).setWarningOnly(true);
}

/** Removes the add-on's own protections (by description prefix) before re-applying them. */
export function removeProtections(sheet: GoogleAppsScript.Spreadsheet.Sheet, descriptionPrefix: string): void {
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (p.getDescription().startsWith(descriptionPrefix)) p.remove();
  }
}
