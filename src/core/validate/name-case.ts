/**
 * Capitalisation of personal and place names typed in one case
 * ("ИВАН" → "Иван", "anna-maria popescu" → "Anna-Maria Popescu",
 * "mcdonald" → "McDonald", "o'brien" → "O'Brien"). A name already in mixed
 * case is the writer's choice ("DiCaprio", "van der Berg") and is only
 * trimmed: we never "correct" a deliberate spelling.
 */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'das', 'dos', 'del', 'della', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al']);

function hasCase(text: string): boolean {
  return text.toLowerCase() !== text.toUpperCase();
}

/** Whitespace trimmed and collapsed to single spaces. */
export function tidySpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function capitaliseWord(word: string, isFirst: boolean): string {
  if (!isFirst && PARTICLES.has(word)) return word;
  // Capital after the start, a hyphen, an apostrophe or an initial's dot: Anna-Maria, O'Brien, С.С.
  let out = word.replace(/(^|[-'’.])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
  if (/^mc\p{Ll}{2,}/u.test(word)) out = 'Mc' + out.charAt(2).toUpperCase() + out.slice(3);
  return out;
}

export function capitaliseName(raw: string): string {
  const text = tidySpaces(raw);
  if (!hasCase(text)) return text;
  const oneCase = text === text.toUpperCase() || text === text.toLowerCase();
  if (!oneCase) return text;
  const words = text.toLowerCase().split(' ');
  const result = words.map((w, i) => capitaliseWord(w, i === 0)).join(' ');
  // A result that changes length (ß → SS) or loses mixed case on a second pass is left as typed.
  return result.length === text.length ? result : text;
}
