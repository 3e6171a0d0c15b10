/**
 * Sheets parses a string written by setValues the way it parses typing: "=…"
 * becomes a formula, "+7 916…" a number, "2024-01-31" a date. In columns not
 * formatted as plain text, a leading apostrophe keeps such a string as text.
 */
const PARSED_BY_SHEETS = /^\s*([=+\-@]|\d|\.\d|true\s*$|false\s*$|\$|€|£|₽|%|\()/i;

export function looksParsedBySheets(text: string): boolean {
  return PARSED_BY_SHEETS.test(text) || text.startsWith("'");
}

/** The value to hand to setValues so that a string arrives exactly as it was written. */
export function asLiteral(value: unknown, columnIsPlainText: boolean): unknown {
  if (typeof value !== 'string' || columnIsPlainText) return value;
  return looksParsedBySheets(value) ? `'${value}` : value;
}
