/**
 * A short, stable key for any text (a campaign name, a client ID), so that
 * property keys stay small whatever the text. Two 32-bit djb2-style hashes;
 * not a secret. Keys already stored depend on this exact arithmetic.
 */
export function shortKey(text: string): string {
  let h1 = 5381;
  let h2 = 52711;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = (h1 * 33) ^ c;
    h2 = (h2 * 33) ^ c;
  }
  return `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}
