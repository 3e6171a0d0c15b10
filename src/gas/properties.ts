import { documentProperties, notePropertyWrite, propertySnapshot } from './handle-memo';
/** Small persistent state: document properties (shared by all users of the spreadsheet). */
export function getDocumentProperty(key: string): string | null {
  const snapshot = propertySnapshot();
  if (snapshot) return snapshot[key] ?? null;
  return documentProperties().getProperty(key);
}

export function setDocumentProperty(key: string, value: string): void {
  documentProperties().setProperty(key, value);
  notePropertyWrite(key, value);
}

export function deleteDocumentProperty(key: string): void {
  documentProperties().deleteProperty(key);
  notePropertyWrite(key, null);
}
