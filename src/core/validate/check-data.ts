/**
 * `Check data`: every problem in the client rows, one entry per cell (or row)
 * with the field's own message and, where one is likely, a suggested fix.
 * Linear in the number of cells: one pass over the rows, duplicate detection
 * through a map per unique column, repeated values of low-variety columns
 * (choices, tags, checkboxes, managers) validated once.
 */
import { IDENTITY_KEYS } from '../schema/defaults';
import type { FieldDef, FieldType } from '../schema/field';
import type { HeaderMapping } from '../schema/header-map';
import { countryCode } from '../normalize/country';
import { uniqueValueKey } from './unique-key';
import { nameKey } from '../schema/name-key';
import { isBlank, type CellValue } from '../values';
import { fixId, reportValue, suggestFormatFix } from './fixes';
import { tidySpaces } from './name-case';
import { shown, type ProblemKind } from './problem';
import { validateValue, type ValidateContext, type ValueCheck } from './value';

export interface CheckProblem {
  /** 1-based sheet row, counting the header and anything above it. */
  row: number;
  column: string;
  value: string;
  problem: string;
  fix?: CellValue;
  clientId?: string;
  kind: ProblemKind;
  /** Index into the rows given to checkData, and into the header. */
  rowIndex: number;
  columnIndex: number;
  /** Identity for accepting the fix (see fixId). */
  id: string;
}

export interface CheckReport {
  problems: CheckProblem[];
  summary: Partial<Record<ProblemKind, number>> & Record<string, number>;
  checkedRows: number;
}

export interface CheckContext extends ValidateContext {
  /** The confirmed header mapping (adoption, CSV); without it headers are matched to field names. */
  mapping?: HeaderMapping;
  /** 1-based sheet row of rows[0]; defaults to the row after the header. */
  firstDataRow?: number;
}

interface CheckedColumn {
  index: number;
  header: string;
  field: FieldDef;
  splitFullName: boolean;
  cache?: Map<string, ValueCheck>;
}

/** Types whose columns repeat few distinct values, worth validating once per value. */
const CACHED_TYPES = new Set<FieldType>(['choice', 'tags', 'checkbox', 'person', 'date']);
const CACHE_LIMIT = 5000;

function resolveColumns(fields: readonly FieldDef[], header: readonly unknown[], mapping: HeaderMapping | undefined): CheckedColumn[] {
  const columns: CheckedColumn[] = [];
  const used = new Set<FieldDef>();
  const add = (index: number, field: FieldDef, splitFullName: boolean) => {
    if (used.has(field)) return;
    used.add(field);
    columns.push({
      index,
      header: String(header[index] ?? field.name),
      field,
      splitFullName,
      cache: CACHED_TYPES.has(field.type) ? new Map() : undefined,
    });
  };
  if (mapping) {
    const byName = new Map(fields.map((f) => [nameKey(f.name), f]));
    for (const column of mapping.columns) {
      const field = column.field === undefined ? undefined : byName.get(nameKey(column.field));
      if (field) add(column.index, field, column.splitFullName === true);
    }
  } else {
    const byName = new Map(fields.map((f) => [nameKey(f.name), f]));
    header.forEach((h, i) => {
      const field = byName.get(nameKey(h));
      if (field) add(i, field, false);
    });
  }
  return columns;
}

/** The value two rows must share to collide in a unique column. */
function uniqueKey(field: FieldDef, raw: unknown, checked: ValueCheck): string {
  return checked.ok ? uniqueValueKey(field, checked.value) : tidySpaces(reportValue(raw)).toLowerCase();
}

function validateCached(column: CheckedColumn, raw: unknown, ctx: ValidateContext): ValueCheck {
  if (column.cache && typeof raw === 'string' && raw.length < 200) {
    // A phone reads differently in another country: the country is part of the key.
    const cacheKey = column.field.type === 'phone' ? `${ctx.defaultCountry ?? ''}|${raw}` : raw;
    const hit = column.cache.get(cacheKey);
    if (hit) return hit;
    const checked = validateValue(column.field, raw, ctx);
    if (column.cache.size < CACHE_LIMIT) column.cache.set(cacheKey, checked);
    return checked;
  }
  return validateValue(column.field, raw, ctx);
}

function listRows(rows: number[], except: number): string {
  const others = rows.filter((r) => r !== except);
  const listed = others.slice(0, 5).join(', ');
  return (others.length === 1 ? 'row ' : 'rows ') + (others.length > 5 ? `${listed} and ${others.length - 5} more` : listed);
}

export function checkData(fields: readonly FieldDef[], header: readonly unknown[], rows: readonly (readonly unknown[])[], ctx: CheckContext = {}): CheckReport {
  const columns = resolveColumns(fields, header, ctx.mapping);
  const firstDataRow = ctx.firstDataRow ?? (ctx.mapping ? ctx.mapping.headerRow + 2 : 2);
  const idColumn = header.findIndex((h) => nameKey(h) === 'id');
  const problems: CheckProblem[] = [];
  const identityColumns = columns.filter((c) => c.splitFullName || (c.field.key !== undefined && IDENTITY_KEYS.includes(c.field.key)));
  const identityLabel = identityColumns.map((c) => c.header).join(', ');
  const seen = new Map<CheckedColumn, Map<string, number[]>>();
  for (const c of columns) if (c.field.unique) seen.set(c, new Map());
  let checkedRows = 0;
  const countryColumn = columns.find((c) => c.field.key === 'country');

  const report = (
    rowIndex: number,
    column: { index: number; header: string },
    raw: unknown,
    kind: ProblemKind,
    problem: string,
    fix: CellValue | undefined,
    clientId: string | undefined,
  ) => {
    const entry: CheckProblem = {
      row: firstDataRow + rowIndex,
      column: column.header,
      value: reportValue(raw),
      problem,
      kind,
      rowIndex,
      columnIndex: column.index,
      id: '',
    };
    if (fix !== undefined) entry.fix = fix;
    if (clientId) entry.clientId = clientId;
    entry.id = fixId(entry);
    problems.push(entry);
  };

  // A required field with no column at all is one problem, not one per row.
  for (const field of fields) {
    if (field.required && !columns.some((c) => c.field === field || (c.splitFullName && (field.key === 'firstName' || field.key === 'lastName')))) {
      report(
        -1,
        { index: -1, header: field.name },
        '',
        'required',
        `${field.name} is required, but the sheet has no ${field.name} column`,
        undefined,
        undefined,
      );
    }
  }

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    let blank = true;
    for (let i = 0; i < row.length; i++) {
      if (!isBlank(row[i])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    checkedRows++;
    const clientId = idColumn >= 0 && !isBlank(row[idColumn]) ? String(row[idColumn]).trim() : undefined;
    // Each client's phone is read in the client's own country when the row names one.
    const rowCountry = countryColumn ? countryCode(row[countryColumn.index]) : undefined;
    const rowCtx: ValidateContext = {
      ...ctx,
      defaultCountry: rowCountry ?? ctx.defaultCountry,
      phoneCountry: rowCountry ? 'row' : countryColumn && !isBlank(row[countryColumn.index]) ? 'unknown' : 'assumed',
    };

    for (const column of columns) {
      const raw = row[column.index];
      const checked = validateCached(column, raw, rowCtx);
      if (!checked.ok) {
        report(r, column, raw, checked.kind, checked.message, checked.suggestion, clientId);
      } else {
        const format = suggestFormatFix(column.field, raw, checked, rowCtx, column.splitFullName);
        if (format) report(r, column, raw, 'format', `${column.field.name}: ${format.reason}`, format.fix, clientId);
      }
      const unique = seen.get(column);
      if (unique && !isBlank(raw)) {
        const key = uniqueKey(column.field, raw, checked);
        const list = unique.get(key);
        if (list) list.push(r);
        else unique.set(key, [r]);
      }
    }
    if (identityColumns.length > 0 && identityColumns.every((c) => isBlank(row[c.index]))) {
      report(r, identityColumns[0], '', 'no_name', `A client needs a name or a company: ${identityLabel} are all empty`, undefined, clientId);
    }
  }

  for (const [column, groups] of seen) {
    for (const indexes of groups.values()) {
      if (indexes.length < 2) continue;
      const sheetRows = indexes.map((i) => firstDataRow + i);
      for (const i of indexes) {
        const raw = rows[i][column.index];
        const clientId = idColumn >= 0 && !isBlank(rows[i][idColumn]) ? String(rows[i][idColumn]).trim() : undefined;
        report(
          i,
          column,
          raw,
          'duplicate',
          `${column.field.name}: "${shown(raw)}" is also in ${listRows(sheetRows, firstDataRow + i)}; it must be unique`,
          undefined,
          clientId,
        );
      }
    }
  }

  problems.sort((a, b) => a.rowIndex - b.rowIndex || a.columnIndex - b.columnIndex);
  const summary: Record<string, number> = {};
  for (const p of problems) summary[p.kind] = (summary[p.kind] ?? 0) + 1;
  return { problems, summary, checkedRows };
}
