/** Where the one unfinished-operation intent lives: a document property (operations run one at a time under the document lock). */
import { decodeIntent, encodeIntent, type Intent } from '../core/snapshot/intent';
import { documentProperties } from './handle-memo';

const KEY = 'clientbase.intent';

export function readIntent(): Intent | null {
  return decodeIntent(documentProperties().getProperty(KEY));
}

export function writeIntent(intent: Intent): void {
  documentProperties().setProperty(KEY, encodeIntent(intent));
}

export function clearIntent(): void {
  documentProperties().deleteProperty(KEY);
}
