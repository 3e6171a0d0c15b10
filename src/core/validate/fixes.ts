/**
 * Suggested fixes and their application. A fix is only ever a suggestion in
 * the report; `applyFixes` writes exactly the fixes the user accepted, and
 * skips any whose cell changed since the check (someone edited or sorted the
 * sheet in between), so a human edit is never overwritten.
 */
import { parsePhone } from '../normalize/phone';
import type { FieldDef, FieldKey } from '../schema/field';
import { isBlank, isDate, type CellValue } from '../values';
import { capitaliseName, tidySpaces } from './name-case';
import { formatDate } from './parse-date';
import type { ValueCheck, ValidateContext } from './value';

/** Fields whose values are names people capitalise: "ИВАН" → "Иван". */
const NAME_KEYS = new Set<FieldKey | undefined>(['firstName', 'lastName', 'city']);

export interface FormatFix {
  fix: CellValue;
  reason: string;
}

const sameValue = (a: unknown, b: unknown) => (isDate(a) && isDate(b) ? a.getTime() === b.getTime() : a === b);

/**
 * A better way to write a valid value, or undefined when it is already fine:
 * phones in international format, emails trimmed and lower-cased, dates,
 * numbers and yes/no stored as real values instead of text, options spelled
 * as in Fields, names capitalised, stray spaces trimmed.
 * `asName` treats the value as a name even when the field has no name key
 * (a full-name column being split).
 */
export function suggestFormatFix(field: FieldDef, original: unknown, checked: ValueCheck, ctx: ValidateContext, asName = false): FormatFix | undefined {
  if (!checked.ok || isBlank(original)) return undefined;
  const value = checked.value;
  const text = typeof original === 'string' ? original : undefined;
  switch (field.type) {
    case 'phone': {
      const raw = text ?? String(original);
      const e164 = String(value);
      const compact = raw.trim().replace(/[\s().\-/]/g, '');
      if (raw.trim().startsWith('+') && compact === e164) return undefined;
      // A national number gets a country code only from a country the row names, or from the base's
      // default when the number is written the way that country writes it (8 916…, 0721…): a US
      // contact's "(415) 555-0100" in a Russian base is not made "+7 415…".
      if (!/^\s*(\+|00)/.test(raw) && !nationalFor(raw, ctx)) return undefined;
      const international =
        checked.display ??
        (() => {
          const parsed = parsePhone(e164, ctx.defaultCountry);
          return parsed.ok ? parsed.international : undefined;
        })();
      return international ? { fix: international, reason: 'not in international format' } : undefined;
    }
    case 'email':
    case 'url':
    case 'person':
      return text !== undefined && text !== value ? { fix: value, reason: 'extra spaces or capital letters' } : undefined;
    case 'date':
      // "1988-07-15" → 1988-07-15 would read as no change at all: not offered.
      return text !== undefined && reportValue(value) !== text.trim() ? { fix: value, reason: 'date written as text' } : undefined;
    case 'number':
    case 'money':
      return text !== undefined && String(value) !== text.trim() ? { fix: value, reason: 'number written as text' } : undefined;
    case 'checkbox':
      return typeof original !== 'boolean' ? { fix: value, reason: 'yes/no written as text' } : undefined;
    case 'choice':
    case 'tags':
      return text !== undefined && text !== value ? { fix: value, reason: 'spelled differently from the options in Fields' } : undefined;
    default: {
      if (text === undefined) return undefined;
      if (asName || NAME_KEYS.has(field.key)) {
        const named = capitaliseName(text);
        if (named !== text) return { fix: named, reason: named === tidySpaces(text) ? 'extra spaces' : 'name not capitalised' };
        return undefined;
      }
      const trimmed = text.trim();
      return trimmed !== text ? { fix: trimmed, reason: 'leading or trailing spaces' } : undefined;
    }
  }
}

/** Trunk prefixes national numbers start with: 8 in Russia, Kazakhstan and Belarus, 1 in North America, 0 elsewhere in Europe. */
const TRUNK: Partial<Record<string, string>> = { RU: '8', KZ: '8', BY: '8', US: '1', CA: '1' };

function nationalFor(raw: string, ctx: ValidateContext): boolean {
  if (ctx.phoneCountry === undefined || ctx.phoneCountry === 'row') return true;
  if (ctx.phoneCountry === 'unknown' || !ctx.defaultCountry) return false;
  const digits = raw.replace(/\D/g, '');
  return digits.startsWith(TRUNK[ctx.defaultCountry] ?? '0');
}

/** How a cell reads in the report, and how applyFixes recognises that it is unchanged. */
export const REPORT_VALUE_LIMIT = 1000;

export function reportValue(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (isDate(value)) {
    const midnight = value.getHours() === 0 && value.getMinutes() === 0 && value.getSeconds() === 0 && value.getMilliseconds() === 0;
    text = midnight ? formatDate(value) : value.toISOString();
  } else text = String(value);
  return text.length > REPORT_VALUE_LIMIT ? `${text.slice(0, REPORT_VALUE_LIMIT - 1)}…` : text;
}

/** The fields applyFixes needs from a reported problem. */
export interface FixableProblem {
  id: string;
  row: number;
  rowIndex: number;
  column: string;
  columnIndex: number;
  value: string;
  fix?: CellValue;
  clientId?: string;
}

export interface CellChange {
  /** 1-based sheet row at the time of writing. */
  row: number;
  rowIndex: number;
  column: string;
  columnIndex: number;
  clientId?: string;
  oldValue: unknown;
  newValue: CellValue;
}

export interface FixResult {
  /** The rows with accepted fixes applied; unchanged rows are the same arrays as given, never mutated. */
  rows: unknown[][];
  changes: CellChange[];
  skipped: { id: string; reason: string }[];
}

/** A problem's identity for accepting its fix: client and column when the row has an ID, else sheet row and column. */
export function fixId(problem: { row: number; column: string; clientId?: string }): string {
  return problem.clientId ? `${problem.clientId}|${problem.column}` : `row ${problem.row}|${problem.column}`;
}

/**
 * Applies the accepted fixes to `rows` (the data rows, without the header).
 * With `idColumn`, rows are found by client ID (they may have been sorted
 * since the check); otherwise by the row the check saw.
 */
export function applyFixes(
  rows: readonly (readonly unknown[])[],
  problems: readonly FixableProblem[],
  accepted: ReadonlySet<string>,
  options: { idColumn?: number } = {},
): FixResult {
  const out = rows.slice() as unknown[][];
  const copied = new Set<number>();
  const changes: CellChange[] = [];
  const skipped: { id: string; reason: string }[] = [];
  const idColumn = options.idColumn ?? -1;
  let byId: Map<string, number> | undefined;

  for (const problem of problems) {
    if (problem.fix === undefined || !accepted.has(problem.id)) continue;
    let index = problem.rowIndex;
    if (idColumn >= 0 && problem.clientId) {
      if (!byId) {
        byId = new Map();
        for (let i = 0; i < rows.length; i++) {
          const id = String(rows[i][idColumn] ?? '');
          if (id && !byId.has(id)) byId.set(id, i);
        }
      }
      const found = byId.get(problem.clientId);
      if (found === undefined) {
        skipped.push({ id: problem.id, reason: `client ${problem.clientId} is no longer in the sheet` });
        continue;
      }
      index = found;
    }
    const row = out[index];
    if (!row) {
      skipped.push({ id: problem.id, reason: `row ${problem.row} is no longer in the sheet` });
      continue;
    }
    const current = row[problem.columnIndex];
    if (reportValue(current) !== problem.value) {
      skipped.push({ id: problem.id, reason: `${problem.column} changed since the check; check again` });
      continue;
    }
    if (sameValue(current, problem.fix)) continue;
    if (!copied.has(index)) {
      out[index] = row.slice();
      copied.add(index);
    }
    out[index][problem.columnIndex] = problem.fix;
    changes.push({
      row: problem.row + (index - problem.rowIndex),
      rowIndex: index,
      column: problem.column,
      columnIndex: problem.columnIndex,
      ...(problem.clientId ? { clientId: problem.clientId } : {}),
      oldValue: current,
      newValue: problem.fix,
    });
  }
  return { rows: out, changes, skipped };
}
