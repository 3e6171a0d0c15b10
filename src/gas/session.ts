import { activeSpreadsheet } from './handle-memo';
/** Who is acting and where: the spreadsheet's time zone, not the script's, decides what "today" is. */
export function currentUserEmail(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'unknown user';
}

/**
 * The person acting, never the account the script runs as: under an installable
 * trigger the effective user is the trigger's creator, so falling back to it
 * would credit the owner with someone else's edit. '' when Google hides it.
 */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail();
}

export function userLocale(): string {
  return Session.getActiveUserLocale() || 'en';
}

export function spreadsheetTimeZone(): string {
  return activeSpreadsheet().getSpreadsheetTimeZone() || Session.getScriptTimeZone();
}

export function now(): Date {
  return new Date();
}

/** The spreadsheet's own locale (File ▸ Settings), which decides the language of what the add-on writes into it. */
export function spreadsheetLocale(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale() || '';
}
