/** Who is acting and where: the spreadsheet's time zone, not the script's, decides what "today" is. */
export function currentUserEmail(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'unknown user';
}

export function userLocale(): string {
  return Session.getActiveUserLocale() || 'en';
}

export function spreadsheetTimeZone(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone() || Session.getScriptTimeZone();
}

export function now(): Date {
  return new Date();
}
