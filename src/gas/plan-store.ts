/**
 * Where the plan keeps what the sheet does not show: scheduled mailings,
 * occasions and the day's digest and occasion ledgers, one document property
 * each (a value holds about 9 KB), listed with one getProperties call.
 */
export const PLAN_PREFIX = 'ClientBase.plan.';

export function readPlanProperties(): Record<string, string> {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const found: Record<string, string> = {};
  for (const key of Object.keys(all)) if (key.startsWith(PLAN_PREFIX)) found[key] = all[key];
  return found;
}

export function writePlanProperty(key: string, value: string): void {
  PropertiesService.getDocumentProperties().setProperty(key, value);
}

export function deletePlanProperty(key: string): void {
  PropertiesService.getDocumentProperties().deleteProperty(key);
}
