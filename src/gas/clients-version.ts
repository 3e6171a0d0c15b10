/**
 * A stamp that changes whenever the add-on writes to Clients, so an open
 * sidebar knows its client index is stale from one property read instead of
 * re-reading the tab. Hand edits move it too: the edit trigger stamps Updated
 * through the same writers. The Clients row count is part of the stamp, so a
 * row pasted or deleted by hand while the trigger is absent still shows.
 */
import { getDocumentProperty, setDocumentProperty } from './properties';

const KEY = 'clientbase.clientsVersion';

export function bumpClientsVersion(): void {
  // No read-modify-write: a fresh random stamp cannot collide with a concurrent writer's.
  setDocumentProperty(KEY, `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`);
}

export function clientsVersion(lastRow: number): string {
  return `${getDocumentProperty(KEY) ?? '0'}/${lastRow}`;
}
