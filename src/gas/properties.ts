/** Small persistent state: document properties (shared by all users of the spreadsheet). */
export function getDocumentProperty(key: string): string | null {
  return PropertiesService.getDocumentProperties().getProperty(key);
}

export function setDocumentProperty(key: string, value: string): void {
  PropertiesService.getDocumentProperties().setProperty(key, value);
}

export function deleteDocumentProperty(key: string): void {
  PropertiesService.getDocumentProperties().deleteProperty(key);
}
