/**
 * Sheets parses a string written by setValues the way it parses typing: "=…"
 * becomes a formula, "+7 916…" a number, "2024-01-31" a date. In a cell not
 * formatted as plain text, a leading apostrophe keeps such a string as text;
 * in a plain-text cell the apostrophe would be stored, so the choice is made
 * per cell from its format at write time (src/gas/sheets.ts writeRange).
 */
const PARSED_BY_SHEETS = /^\s*([=+\-@]|\d|\.\d|\$|€|£|₽|%|\()/i;
/**
 * Booleans in the languages our spreadsheets' locales use: a ru_RU sheet reads
 * "ИСТИНА" as TRUE, a ro_RO sheet "FALS" as FALSE. The add-on does not know
 * the locale at write time, so every language's words are kept literal.
 */
const BOOLEAN_WORDS = new Set(
  [
    'TRUE',
    'FALSE',
    'ИСТИНА',
    'ЛОЖЬ',
    'ІСТИНА',
    'ХИБНІСТЬ',
    'ADEVĂRAT',
    'FALS',
    'WAHR',
    'FALSCH',
    'VRAI',
    'FAUX',
    'VERDADERO',
    'FALSO',
    'VERO',
    'VERDADEIRO',
    'PRAWDA',
    'FAŁSZ',
  ].map((w) => w.toLowerCase()),
);
/** "December 3, 2024", "Dec 3 2024", "дек. 3, 2024": a month name first is a date in any locale. */
const MONTH_FIRST_DATE = /^\s*\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2,4}\s*$/u;

export function looksParsedBySheets(text: string): boolean {
  return PARSED_BY_SHEETS.test(text) || text.startsWith("'") || BOOLEAN_WORDS.has(text.trim().toLowerCase()) || MONTH_FIRST_DATE.test(text);
}

/** The value to hand to setValues so that a string arrives exactly as it was written. */
export function asLiteral(value: unknown, cellIsPlainText: boolean): unknown {
  if (value instanceof SheetFormula) return value.text;
  if (typeof value !== 'string' || cellIsPlainText) return value;
  return looksParsedBySheets(value) ? `'${value}` : value;
}

/** A formula the add-on means to keep (someone's own, rewritten in place): the one string written unescaped. */
export class SheetFormula {
  constructor(readonly text: string) {}
}
