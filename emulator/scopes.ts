/**
 * OAuth scopes: which scope each emulated method needs, and the check that a
 * call's scope is granted by the manifest. With explicit `oauthScopes` in
 * appsscript.json Apps Script grants exactly those, and a method whose scope
 * is missing fails at run time. Each entry cites the reference page whose
 * "Authorization" section lists it; emulator/README.md has the table.
 */
import shippedManifest from '../appsscript.json';

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPE = {
  spreadsheets: `${AUTH}spreadsheets`,
  spreadsheetsCurrentOnly: `${AUTH}spreadsheets.currentonly`,
  containerUi: `${AUTH}script.container.ui`,
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  userinfoEmail: `${AUTH}userinfo.email`,
} as const;

/** Any one of the listed scopes suffices ("one or more of the following scopes"). */
type Requirement = readonly string[];

const SHEETS: Requirement = [SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets];
const NONE: Requirement = [];

/**
 * `Class.method` entries win over `Class` entries; a class with no entry needs
 * no scope. Stricter readings (marked) are taken where the page is silent.
 */
const REQUIRED: Record<string, Requirement> = {
  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app (and every class page under /spreadsheet/)
  SpreadsheetApp: SHEETS,
  'SpreadsheetApp.getUi': NONE, // a menu must be buildable before authorisation (AuthMode.NONE)
  'SpreadsheetApp.openById': [SCOPE.spreadsheets],
  'SpreadsheetApp.openByUrl': [SCOPE.spreadsheets],
  'SpreadsheetApp.open': [SCOPE.spreadsheets],
  Spreadsheet: SHEETS,
  Sheet: SHEETS,
  Range: SHEETS,
  RangeList: SHEETS,
  Selection: SHEETS,
  Protection: SHEETS,
  Filter: SHEETS,
  // Stricter reading: builders are pure values on Google, but they exist only to be applied to a sheet.
  DataValidation: SHEETS,
  DataValidationBuilder: SHEETS,
  ConditionalFormatRule: SHEETS,
  ConditionalFormatRuleBuilder: SHEETS,
  BooleanCondition: SHEETS,
  // developers.google.com/apps-script/reference/base/ui
  'Ui.showSidebar': [SCOPE.containerUi],
  'Ui.showModalDialog': [SCOPE.containerUi],
  'Ui.showModelessDialog': [SCOPE.containerUi],
  // Stricter reading: alert and prompt list no scope on the page; they are container UI all the same.
  'Ui.alert': [SCOPE.containerUi],
  'Ui.prompt': [SCOPE.containerUi],
  // developers.google.com/apps-script/reference/mail/mail-app (getRemainingDailyQuota too)
  MailApp: [SCOPE.sendMail],
  // developers.google.com/apps-script/reference/script/script-app (+ trigger-builder, clock-trigger-builder, …)
  'ScriptApp.newTrigger': [SCOPE.scriptApp],
  'ScriptApp.getProjectTriggers': [SCOPE.scriptApp],
  'ScriptApp.getUserTriggers': [SCOPE.scriptApp],
  'ScriptApp.deleteTrigger': [SCOPE.scriptApp],
  TriggerBuilder: [SCOPE.scriptApp],
  ClockTriggerBuilder: [SCOPE.scriptApp],
  SpreadsheetTriggerBuilder: [SCOPE.scriptApp],
  Trigger: [SCOPE.scriptApp],
  // developers.google.com/apps-script/reference/base/session
  'Session.getActiveUser': [SCOPE.userinfoEmail],
  'Session.getEffectiveUser': [SCOPE.userinfoEmail],
};

/** The scopes a call needs (any one of them), or [] when it needs none. */
export function requiredScopes(cls: string, method: string): readonly string[] {
  return REQUIRED[`${cls}.${method}`] ?? REQUIRED[cls] ?? NONE;
}

/** Every `Class` / `Class.method` that needs a scope, for the README table and its test. */
export function scopeTable(): { key: string; scopes: readonly string[] }[] {
  return Object.entries(REQUIRED).map(([key, scopes]) => ({ key, scopes }));
}

/** Google's wording for a call whose scope the manifest does not grant. */
export function permissionMessage(key: string, scopes: readonly string[]): string {
  const list = scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
  return `You do not have permission to call ${key}. Required permissions: ${list}`;
}

export interface Manifest {
  oauthScopes?: string[];
  [key: string]: unknown;
}

/**
 * The granted scopes: `scopes` if given, else the manifest's oauthScopes, else
 * the project's appsscript.json so every test is strict by default. `null`
 * means "every scope" (a manifest without oauthScopes: Apps Script infers them).
 */
export function grantedScopes(options: { manifest?: Manifest; scopes?: readonly string[] | 'all' }): Set<string> | null {
  if (options.scopes === 'all') return null;
  if (options.scopes) return new Set(options.scopes);
  const manifest = options.manifest ?? projectManifest();
  return manifest.oauthScopes ? new Set(manifest.oauthScopes) : null;
}

/** The project's own appsscript.json (the one `npm run build` ships). */
export function projectManifest(): Manifest {
  return shippedManifest as Manifest;
}

const verdicts = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();

/** Throws Google's permission error when `granted` lacks every scope the call accepts. */
export function checkScope(granted: ReadonlySet<string> | null, cls: string, method: string): void {
  if (!granted) return;
  let known = verdicts.get(granted);
  if (!known) verdicts.set(granted, (known = new Map()));
  const key = `${cls}.${method}`;
  let allowed = known.get(key);
  if (allowed === undefined) {
    const needed = requiredScopes(cls, method);
    allowed = needed.length === 0 || needed.some((s) => granted.has(s));
    known.set(key, allowed);
  }
  if (!allowed) throw new Error(permissionMessage(key, requiredScopes(cls, method)));
}
