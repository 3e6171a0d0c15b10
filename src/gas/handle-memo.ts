/**
 * The handles Apps Script hands out (the active spreadsheet, the document
 * properties) are the same objects for a whole execution, yet each fetch is a
 * counted service call. Inside `withHandleMemo` they are fetched once. Only
 * an operation that opts in is scoped (saving a segment): outside a scope
 * every fetch goes to the service, as before. The scope lives on the JS
 * stack, so a nested scope (the emulator runs another execution inside a
 * call) gets handles of its own.
 */
interface Memo {
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  documentProperties?: GoogleAppsScript.Properties.Properties;
}

let current: Memo | null = null;

export function withHandleMemo<T>(work: () => T): T {
  const outer = current;
  current = {};
  try {
    return work();
  } finally {
    current = outer;
  }
}

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  if (!current) return SpreadsheetApp.getActiveSpreadsheet();
  // Not memoised when null (a web app has no active spreadsheet): the next fetch asks again.
  current.spreadsheet ??= SpreadsheetApp.getActiveSpreadsheet() ?? undefined;
  return current.spreadsheet as GoogleAppsScript.Spreadsheet.Spreadsheet;
}

export function documentProperties(): GoogleAppsScript.Properties.Properties {
  if (!current) return PropertiesService.getDocumentProperties();
  current.documentProperties ??= PropertiesService.getDocumentProperties();
  return current.documentProperties;
}
