/** Where the one unfinished-operation intent lives: a document property (operations run one at a time under the document lock). */
import { decodeIntent, encodeIntent, type Intent } from '../core/snapshot/intent';
import { deleteDocumentProperty, getDocumentProperty, setDocumentProperty } from './properties';

const KEY = 'clientbase.intent';

export function readIntent(): Intent | null {
  return decodeIntent(getDocumentProperty(KEY));
}

export function writeIntent(intent: Intent): void {
  setDocumentProperty(KEY, encodeIntent(intent));
}

export function clearIntent(): void {
  deleteDocumentProperty(KEY);
}
