/**
 * Checkbox values as people type them in English, Russian, Ukrainian and
 * Romanian, plus the marks spreadsheets and exports use.
 */
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on', 'x', '✓', '✔', '☑', 'checked', 'да', 'д', 'так', 'da', 'adevarat', 'adevărat', 'истина', 'правда']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', '✗', '✘', '☐', 'unchecked', 'нет', 'н', 'ні', 'nu', 'fals', 'ложь']);

/** true / false, or undefined when the value is not a recognisable yes/no. */
export function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
