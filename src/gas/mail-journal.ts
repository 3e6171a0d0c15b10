/**
 * Where the send journal of the batch in flight is kept: document properties,
 * outside the sheet, written before every send. The Properties object is
 * fetched once per execution so a write costs one service call.
 */
let store: GoogleAppsScript.Properties.Properties | undefined;
let storeOf: unknown;

function properties(): GoogleAppsScript.Properties.Properties {
  // Keyed by the service itself: tests install a fresh one per emulator.
  if (!store || storeOf !== PropertiesService) {
    store = PropertiesService.getDocumentProperties();
    storeOf = PropertiesService;
  }
  return store;
}

export function readJournalText(key: string): string | null {
  return properties().getProperty(key);
}

export function writeJournalText(key: string, text: string): void {
  properties().setProperty(key, text);
}

export function deleteJournalText(key: string): void {
  properties().deleteProperty(key);
}
