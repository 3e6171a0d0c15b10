/**
 * Sheets parses a string written by setValues the way it parses typing: "=…"
 * becomes a formula, "+7 916…" a number, "2024-01-31" a date. In a cell not
 * formatted as plain text, a leading apostrophe keeps such a string as text;
 * in a plain-text cell the apostrophe would be stored, so the choice is made
 * per cell from its format at write time (src/gas/sheets.ts writeRange).
 */
const PARSED_BY_SHEETS = /^\s*([=+\-@]|\d|\.\d|true\s*$|false\s*$|\$|€|£|₽|%|\()/i;

export function looksParsedBySheets(text: string): boolean {
  return PARSED_BY_SHEETS.test(text) || text.startsWith("'");
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
