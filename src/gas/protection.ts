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
 * A tab only the listed admins (and the spreadsheet owner) may edit: Settings
 * holds the role lists and Fields the structure, so a manager must not change
 * them by hand. The protection is kept and its editors brought in line, so a
 * demoted admin loses the right at the next sync; re-creating it would make
 * whoever runs the sync its permanent editor. With nobody to name, no one is
 * removed: the add-on never locks every admin out.
 */
export function protectForAdmins(sheet: GoogleAppsScript.Spreadsheet.Sheet, admins: readonly string[], description: string): void {
  const mine = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).filter((p) => p.getDescription() === description);
  for (const extra of mine.slice(1)) extra.remove();
  const protection = mine[0] ?? sheet.protect().setDescription(description);
  const wanted = [...new Set(admins.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const missing = wanted.filter((a) => !current.includes(a));
  if (missing.length) protection.addEditors(missing);
  if (wanted.length) {
    const me = Session.getEffectiveUser().getEmail().toLowerCase();
    const others = current.filter((e) => e && !wanted.includes(e) && e !== me);
    if (others.length) protection.removeEditors(others);
    // Removing oneself may be refused (the owner, or rights that come from a group); the others are already gone.
    if (me && current.includes(me) && !wanted.includes(me)) {
      try {
        protection.removeEditor(me);
      } catch (err) {
        console.warn(`ClientBase: could not remove ${me} from "${description}": ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}
