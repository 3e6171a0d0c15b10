/**
 * What Diagnostics asks Google, one small read each. Every probe may throw
 * (a missing scope, a service that is not there in this context): the caller
 * runs each in isolation.
 */
export const MANIFEST_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
] as const;

export interface AuthorizationProbe {
  status: string;
  /** Granted scopes among MANIFEST_SCOPES, when this Apps Script reports them (getAuthorizedScopes is recent). */
  granted: string[] | null;
}

/** ScriptApp.getAuthorizationInfo(FULL, scopes): whether the user still has to grant something, and what is granted. */
export function authorizationInfo(): AuthorizationProbe {
  const getInfo = ScriptApp.getAuthorizationInfo as unknown as (
    mode: GoogleAppsScript.Script.AuthMode,
    scopes?: string[],
  ) => GoogleAppsScript.Script.AuthorizationInfo;
  const info = getInfo.call(ScriptApp, ScriptApp.AuthMode.FULL, [...MANIFEST_SCOPES]) as GoogleAppsScript.Script.AuthorizationInfo & {
    getAuthorizedScopes?: () => string[] | null;
  };
  const status = String(info.getAuthorizationStatus());
  const granted = typeof info.getAuthorizedScopes === 'function' ? info.getAuthorizedScopes() : null;
  return { status, granted: granted ? [...granted] : null };
}

/** One call that needs each scope: a permission error names the one that is missing. */
export const SCOPE_PROBES: ReadonlyArray<{ scope: (typeof MANIFEST_SCOPES)[number]; what: string; probe: () => unknown }> = [
  { scope: MANIFEST_SCOPES[0], what: 'read this spreadsheet', probe: () => SpreadsheetApp.getActiveSpreadsheet().getName() },
  { scope: MANIFEST_SCOPES[1], what: 'show menus and dialogs', probe: () => SpreadsheetApp.getUi() },
  { scope: MANIFEST_SCOPES[2], what: 'send mail', probe: () => MailApp.getRemainingDailyQuota() },
  { scope: MANIFEST_SCOPES[3], what: 'manage triggers', probe: () => ScriptApp.getProjectTriggers().length },
];

export function identities(): { active: string; effective: string } {
  return { active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail() };
}

/** Whether the document lock exists here and can be taken at once; released (after a flush) straight away. */
export function documentLockProbe(): 'missing' | 'busy' | 'ok' {
  const lock = LockService.getDocumentLock();
  if (!lock) return 'missing';
  if (!lock.tryLock(1_000)) return 'busy';
  SpreadsheetApp.flush();
  lock.releaseLock();
  return 'ok';
}

export function projectTriggers(): { handler: string; type: string }[] {
  return ScriptApp.getProjectTriggers().map((t) => ({ handler: t.getHandlerFunction(), type: String(t.getEventType()) }));
}

/** The URL of this script's web app deployment as Apps Script reports it; null when not deployed or not available. */
export function webAppUrl(): string | null {
  const service = ScriptApp.getService();
  return service ? service.getUrl() || null : null;
}

export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

export function localeAndZones(): { locale: string; spreadsheetZone: string; scriptZone: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return { locale: ss.getSpreadsheetLocale(), spreadsheetZone: ss.getSpreadsheetTimeZone(), scriptZone: Session.getScriptTimeZone() };
}

/** Cells the spreadsheet holds (every tab's grid, used or not): what Sheets counts against its 10,000,000. */
export function cellsUsed(): { cells: number; tabs: number } {
  const sheets = SpreadsheetApp.getActiveSpreadsheet().getSheets();
  let cells = 0;
  for (const sheet of sheets) cells += sheet.getMaxRows() * sheet.getMaxColumns();
  return { cells, tabs: sheets.length };
}

/**
 * Writes `values` (row 1 on) and `formulas` (row 1, from column `formulaColumn`)
 * into a new hidden tab, flushes, reads back the values as stored and
 * `readRows` rows of the formula columns (two reads), and removes the tab
 * whatever happens.
 */
export function computeInScratchTab(
  name: string,
  values: unknown[][],
  formulaColumn: number,
  formulas: string[],
  readRows: number,
): { stored: unknown[][]; computed: unknown[][] } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // insertSheet makes the new tab the active one: the user is put back where they were.
  const active = ss.getActiveSheet();
  const stale = ss.getSheetByName(name);
  if (stale) ss.deleteSheet(stale); // left by a run that was killed
  const sheet = ss.insertSheet(name);
  try {
    sheet.hideSheet();
    const width = Math.max(...values.map((r) => r.length));
    const needColumns = formulaColumn + formulas.length - 1 - sheet.getMaxColumns();
    if (needColumns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needColumns);
    sheet.getRange(1, 1, values.length, width).setValues(values.map((r) => (r.length === width ? r : [...r, ...Array(width - r.length).fill('')])));
    sheet.getRange(1, formulaColumn, 1, formulas.length).setFormulas([formulas]);
    SpreadsheetApp.flush();
    const stored = sheet.getRange(1, 1, values.length, width).getValues();
    return { stored, computed: sheet.getRange(1, formulaColumn, readRows, formulas.length).getValues() };
  } finally {
    ss.deleteSheet(sheet);
    if (active) active.activate();
  }
}

export function showReportDialog(html: string, title: string): void {
  SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(760).setHeight(560), title);
}
