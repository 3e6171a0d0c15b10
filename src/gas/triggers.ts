/** Installable triggers: created once, found again by handler name. */
export function ensureEditTrigger(handler: string): boolean {
  const exists = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === handler);
  if (exists) return false;
  ScriptApp.newTrigger(handler).forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
  return true;
}

/** A time-driven trigger that runs `handler` every hour until removed (add-ons may not run more often). */
export function ensureHourlyTrigger(handler: string): boolean {
  const exists = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === handler);
  if (exists) return false;
  ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
  return true;
}

export function removeTriggers(handler: string): number {
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
  mine.forEach((t) => ScriptApp.deleteTrigger(t));
  return mine.length;
}
