/**
 * Sheets holds at most 50,000 characters in a cell; a longer write throws on
 * Google (developers.google.com/apps-script/guides/support/best-practices and
 * the Sheets size limits). Text that grows (merged notes) is shortened to fit
 * with a marker saying where the rest is.
 */
export const MAX_CELL_CHARS = 50_000;

/** `text` if it fits; else its start and `marker(total)`, together exactly within the limit. */
export function fitCell(text: string, marker: (total: number) => string, limit = MAX_CELL_CHARS): string {
  if (text.length <= limit) return text;
  const tail = marker(text.length);
  let head = text.slice(0, Math.max(0, limit - tail.length));
  // Never cut a surrogate pair in half (an emoji would become a broken character).
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${head}${tail}`;
}
