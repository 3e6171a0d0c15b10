/** Telling the sidebar's read-only polling from actions that may change something. */

/** Service methods that only read: get…, is…, has…, can… (Range.getValues, Session.getActiveUser…). */
export function onlyReads(serviceCalls: Record<string, number>): boolean {
  return Object.keys(serviceCalls).every((key) => /^(get|is|has|can)[A-Z]/.test(key.slice(key.lastIndexOf('.') + 1)));
}
