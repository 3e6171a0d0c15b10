/**
 * RFC 4180 CSV as spreadsheets export it: quoted fields with doubled quotes
 * and embedded line breaks, a UTF-8 BOM, CRLF or LF, and the delimiter that
 * the export's locale chose (`,` in English, `;` in Russian/Romanian Excel, tab).
 */
export class CsvError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(`${message} (line ${line})`);
    this.name = 'CsvError';
    this.line = line;
  }
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter that splits the first line into the most fields, ignoring quoted text. */
export function detectDelimiter(text: string): string {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let quoteStartLine = 1;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (inQuotes) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quoteStartLine = line;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else {
      field += ch;
    }
  }
  if (inQuotes) throw new CsvError('Unterminated quoted field', quoteStartLine);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Quotes a field when it needs it. Formula-looking text is not altered: CSV carries text, not formulas. */
export function formatCsvField(value: string): string {
  return /[",;\t\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((r) => r.map(formatCsvField).join(',')).join('\n') + '\n';
}

export interface RaggedRow {
  /** 1-based record number in the file (the header is record headerRow + 1). */
  row: number;
  fields: number;
  expected: number;
}

/**
 * Records whose number of fields differs from the header's: an unquoted comma
 * in a value shifts every later value one column right, a missing one shifts
 * them left. Nobody can tell which value moved, so such rows are reported
 * instead of being read as if they fitted. Trailing empty fields beyond the
 * header (some exporters pad rows) move nothing and are not reported.
 */
export function raggedRows(rows: readonly (readonly string[])[], headerRow = 0): RaggedRow[] {
  const expected = rows[headerRow]?.length ?? 0;
  const out: RaggedRow[] = [];
  for (let i = headerRow + 1; i < rows.length; i++) {
    const row = rows[i];
    let fields = row.length;
    while (fields > expected && row[fields - 1].trim() === '') fields--;
    if (fields !== expected) out.push({ row: i + 1, fields: row.length, expected });
  }
  return out;
}

/** One line a person can act on: which records, and what is wrong with them. */
export function describeRaggedRows(ragged: readonly RaggedRow[], limit = 10): string {
  if (ragged.length === 0) return '';
  const shown = ragged.slice(0, limit).map((r) => `row ${r.row} has ${r.fields} values for ${r.expected} columns`);
  const more = ragged.length > limit ? `, and ${ragged.length - limit} more` : '';
  return `${ragged.length} row${ragged.length === 1 ? ' does' : 's do'} not match the header (an unquoted comma or a missing value shifts the columns): ${shown.join('; ')}${more}. Quote values that contain the delimiter and check those rows.`;
}
