/** Where the one unfinished-operation intent lives: a document property (operations run one at a time under the document lock). */
import { decodeIntent, encodeIntent, type Intent } from '../core/snapshot/intent';

const KEY = 'clientbase.intent';

export function readIntent(): Intent | null {
  return decodeIntent(PropertiesService.getDocumentProperties().getProperty(KEY));
}

export function writeIntent(intent: Intent): void {
  PropertiesService.getDocumentProperties().setProperty(KEY, encodeIntent(intent));
}

export function clearIntent(): void {
  PropertiesService.getDocumentProperties().deleteProperty(KEY);
}
