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

/**
 * A tab only the listed admins (and the owner) may edit: Settings holds the
 * role lists and Fields the structure, so a manager must not change them by hand.
 */
export function protectForAdmins(sheet: GoogleAppsScript.Spreadsheet.Sheet, admins: readonly string[], description: string): void {
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)) if (p.getDescription() === description) p.remove();
  const protection = sheet.protect().setDescription(description);
  const me = Session.getEffectiveUser().getEmail();
  protection.addEditors([...new Set([...admins, me].filter(Boolean))]);
  const others = protection
    .getEditors()
    .map((u) => u.getEmail())
    .filter((e) => e && e !== me && !admins.includes(e.toLowerCase()));
  if (others.length) protection.removeEditors(others);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}
