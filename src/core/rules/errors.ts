/**
 * A rule the user typed that cannot be read. `position` is the 0-based offset
 * of the offending text in the rule and `length` how many characters it spans
 * (at least 1), so an editor can underline it; `message` says the 1-based
 * column, as people count.
 */
export interface RuleError {
  message: string;
  position: number;
  length: number;
}

export function ruleError(message: string, position: number, length = 1): RuleError {
  return { message, position, length: Math.max(1, length) };
}

/** A caret line under the rule, for terminals: the rule, then spaces and ^^^ under the offending text. */
export function pointAt(rule: string, error: RuleError): string {
  const lineStart = rule.lastIndexOf('\n', error.position - 1) + 1;
  const lineEndAt = rule.indexOf('\n', error.position);
  const line = rule.slice(lineStart, lineEndAt < 0 ? rule.length : lineEndAt);
  const column = error.position - lineStart;
  const shown = line.length > 200 ? line.slice(Math.max(0, column - 80), column + 120) : line;
  const shift = line.length > 200 ? Math.min(80, column) : column;
  const width = Math.max(1, Math.min(error.length, shown.length - shift));
  return `${shown}\n${' '.repeat(shift)}${'^'.repeat(width)}`;
}
