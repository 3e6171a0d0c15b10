/**
 * Web addresses typed in a template's own text, turned into links by both the
 * plain and the rich-text renderers: where one starts, where it ends, and
 * whether it names a host at all. One definition, so the two renderers never
 * disagree on what becomes a link.
 */

/** Candidates: http(s) up to whitespace, a quote or a bracket of markup. Written as \/\/ so the bundle never carries a bare "://" inside inlined sidebar scripts. */
export const BARE_LINK = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"\]]+$/;

/** The address without the sentence's punctuation after it. */
export function trimLink(url: string): string {
  let result = url.replace(TRAILING_PUNCTUATION, '');
  // "(see https://x.org/a)" keeps its closing bracket outside the link; "wiki/Foo_(bar)" keeps it inside.
  while (result.endsWith(')') && count(result, '(') < count(result, ')')) {
    result = result.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return result;
}

/** A host with a dot (or localhost): "https://" alone or "https://x" is not linked. */
export const namesHost = (url: string): boolean => /^https?:\/\/[^/?#.]+\.|^https?:\/\/localhost\b/i.test(url);

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
