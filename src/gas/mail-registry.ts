/**
 * Where the campaign registry lives: document properties, one property per
 * campaign, so no value grows with the number of campaigns (a value holds
 * about 9 KB). Listing them is one getProperties call.
 */
export function readPropertiesWithPrefix(prefix: string): Record<string, string> {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const found: Record<string, string> = {};
  for (const key of Object.keys(all)) if (key.startsWith(prefix)) found[key] = all[key];
  return found;
}

export function writeRegistryProperty(key: string, value: string): void {
  PropertiesService.getDocumentProperties().setProperty(key, value);
}

export function deleteRegistryProperty(key: string): void {
  PropertiesService.getDocumentProperties().deleteProperty(key);
}
