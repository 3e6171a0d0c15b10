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
  /** Every document property, read once for the reads made before the lock (see propertySnapshot). */
  properties?: Record<string, string>;
  /** The lock was taken: reads go to the service again. */
  locked?: boolean;
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

/**
 * Inside a scope and before the lock: the document properties from one getProperties, for the
 * small reads every call makes first (the unfinished-intent check, the base cache's version
 * stamp), instead of one getProperty each. What they would read a few calls later is what
 * they read now; after the lock is taken (lockTaken) every read is fresh, because decisions
 * made under the lock must see what other executions wrote. Null outside a scope or after it.
 */
export function propertySnapshot(): Record<string, string> | null {
  if (!current || current.locked) return null;
  current.properties ??= { ...documentProperties().getProperties() };
  return current.properties;
}

/** This execution's own property writes, kept in the snapshot so its later reads see them. */
export function notePropertyWrite(key: string, value: string | null): void {
  if (!current?.properties || current.locked) return;
  if (value === null) delete current.properties[key];
  else current.properties[key] = value;
}

/**
 * Called once the lock is held: later reads go to the service. Returns the snapshot taken before
 * (null when none was), so the lock holder can tell that nothing was queued a moment ago.
 */
export function lockTaken(): Record<string, string> | null {
  if (!current) return null;
  const before = current.locked ? null : (current.properties ?? null);
  current.locked = true;
  return before;
}
