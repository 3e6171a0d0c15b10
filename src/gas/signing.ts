/**
 * The HMAC behind unsubscribe links. The secret is generated once and kept in
 * script properties, which only the script's owner can read; it never leaves
 * the server.
 */
import { releaseAfterFlush } from './lock';

const SECRET_KEY = 'ClientBase.unsubscribeSecret';

function secret(): string {
  const properties = PropertiesService.getScriptProperties();
  const existing = properties.getProperty(SECRET_KEY);
  if (existing) return existing;
  const lock = LockService.getScriptLock();
  lock.waitLock(10_000);
  try {
    // Another execution may have made it while this one waited.
    const again = properties.getProperty(SECRET_KEY);
    if (again) return again;
    const made = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
    properties.setProperty(SECRET_KEY, made);
    return made;
  } finally {
    releaseAfterFlush(lock);
  }
}

/** message → web-safe Base64 of HMAC-SHA256(message, secret). The secret is read once per call of this function. */
export function unsubscribeHmac(): (message: string) => string {
  const key = secret();
  return (message) => Utilities.base64EncodeWebSafe(Utilities.computeHmacSha256Signature(message, key));
}
