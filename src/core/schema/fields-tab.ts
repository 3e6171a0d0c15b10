/**
 * The `Fields` tab ⇄ FieldDef[]. The team edits this tab by hand, so parsing
 * is forgiving where intent is clear (columns in any order, "yes"/"да"/ticked
 * checkboxes, type aliases such as "dropdown" or "дата") and precise where it
 * is not: a bad row gives an error with its sheet row number and is left
 * out, while every other row still parses.
 *
 * Rows are whole-tab values: the first row is the header, so row numbers in
 * errors are sheet rows (the header is row 1).
 */
import { tabNamesOf } from '../i18n/sheet-words';
import { TAB, TAB_HEADERS } from './tabs';
import { FIELD_KEYS, FIELD_TYPES, FIELD_WORD_LANGS, SYSTEM_COLUMNS, type FieldDef, type FieldKey, type FieldType, type FieldWords } from './field';
import { HEADER_SYNONYMS } from './header-synonyms';
import { headerKey } from './header-map';
import { parseBoolean } from '../validate/parse-boolean';
import { hasControlCharacters, shown } from '../validate/problem';
import { isBlank } from '../values';

export interface FieldsTabError {
  row: number;
  message: string;
}

const HEADER = TAB_HEADERS.Fields;
const TABLE_COLUMN = HEADER.indexOf('Table');
const MAX_NAME = 100;
const MAX_OPTIONS = 500;

/** Ways people name a type, mapped to the type. */
const TYPE_ALIASES: Record<string, FieldType> = {
  string: 'text',
  текст: 'text',
  строка: 'text',
  text: 'text',
  textarea: 'text',
  mail: 'email',
  'e-mail': 'email',
  почта: 'email',
  email: 'email',
  tel: 'phone',
  telephone: 'phone',
  телефон: 'phone',
  telefon: 'phone',
  дата: 'date',
  data: 'date',
  datetime: 'date',
  integer: 'number',
  int: 'number',
  float: 'number',
  decimal: 'number',
  число: 'number',
  număr: 'number',
  numar: 'number',
  currency: 'money',
  amount: 'money',
  деньги: 'money',
  сумма: 'money',
  bani: 'money',
  sumă: 'money',
  suma: 'money',
  list: 'choice',
  dropdown: 'choice',
  select: 'choice',
  enum: 'choice',
  список: 'choice',
  выбор: 'choice',
  listă: 'choice',
  lista: 'choice',
  multiselect: 'tags',
  'multi-select': 'tags',
  labels: 'tags',
  теги: 'tags',
  метки: 'tags',
  etichete: 'tags',
  bool: 'checkbox',
  boolean: 'checkbox',
  'yes/no': 'checkbox',
  флажок: 'checkbox',
  чекбокс: 'checkbox',
  галочка: 'checkbox',
  bifă: 'checkbox',
  link: 'url',
  website: 'url',
  ссылка: 'url',
  сайт: 'url',
  legătură: 'url',
  user: 'person',
  manager: 'person',
  owner: 'person',
  человек: 'person',
  сотрудник: 'person',
  менеджер: 'person',
  persoană: 'person',
};

function readType(raw: unknown): FieldType | undefined {
  const text = String(raw ?? '')
    .trim()
    .toLowerCase();
  if (text === '') return 'text';
  if ((FIELD_TYPES as readonly string[]).includes(text)) return text as FieldType;
  return TYPE_ALIASES[text];
}

/** Options are split on line breaks when there are any (so an option may hold a comma), else on commas. */
export function splitOptions(raw: unknown): string[] {
  const text = raw == null ? '' : String(raw);
  const parts = /[\r\n]/.test(text) ? text.split(/\r?\n|\r/) : text.split(',');
  const seen = new Set<string>();
  const options: string[] = [];
  for (const part of parts) {
    const option = part.replace(/\s+/g, ' ').trim();
    if (option && !seen.has(option.toLowerCase())) {
      seen.add(option.toLowerCase());
      options.push(option);
    }
  }
  return options;
}

export function joinOptions(options: readonly string[]): string {
  // One option holding a comma still needs a line break to be read back as one option.
  if (options.some((o) => o.includes(','))) return options.length === 1 ? `${options[0]}\n` : options.join('\n');
  return options.join(', ');
}

/**
 * The Table column says which tab a field is a column of: blank (every base made before
 * Companies) or Clients for Clients, Companies for Companies, in any of the four languages.
 */
export const FIELD_TABLES = [TAB.clients, TAB.companies] as const;
export type FieldTable = (typeof FIELD_TABLES)[number];

export function tableOfCell(raw: unknown): FieldTable | undefined {
  const text = String(raw ?? '')
    .trim()
    .toLowerCase();
  if (text === '') return TAB.clients;
  return FIELD_TABLES.find((t) => tabNamesOf(t).some((n) => n.toLowerCase() === text));
}

/** Label, Help and Options cells of each language, in the tab's column order. */
function wordCells(f: FieldDef): string[] {
  return FIELD_WORD_LANGS.flatMap((lang) => {
    const w = f.words?.[lang];
    return [w?.label ?? '', w?.help ?? '', w?.options?.length ? joinOptions(w.options) : ''];
  });
}

export function fieldsToRows(fields: readonly FieldDef[], table: FieldTable = TAB.clients): unknown[][] {
  const tableCell = table === TAB.clients ? '' : table;
  return [
    [...HEADER],
    ...fields.map((f) => [f.name, f.type, f.required, joinOptions(f.options), f.unique, f.help, f.key ?? '', f.default ?? '', tableCell, ...wordCells(f)]),
  ];
}

const MAX_WORD = 500;

/**
 * The Label/Help/Options cells of one row. A label or help that cannot be shown as plain text, or option
 * words that do not line up one to one with the options, are reported and left out: the field then shows its Name.
 */
function readWords(cell: (column: number) => unknown, field: FieldDef, error: (message: string) => void): FieldWords | undefined {
  const words: FieldWords = {};
  for (const lang of FIELD_WORD_LANGS) {
    const at = (what: string) => HEADER.indexOf(`${what} ${lang}` as (typeof HEADER)[number]);
    const text = (what: string): string => {
      const raw = cell(at(what));
      const value = isBlank(raw) ? '' : String(raw).replace(/\s+/g, ' ').trim();
      if (value === '') return '';
      if (hasControlCharacters(String(raw).replace(/[\r\n\t]/g, ' '))) error(`${what} ${lang} of ${field.name} contains control characters; it is ignored`);
      else if (value.length > (what === 'Label' ? MAX_NAME : MAX_WORD))
        error(`${what} ${lang} of ${field.name} is longer than ${what === 'Label' ? MAX_NAME : MAX_WORD} characters; it is ignored`);
      else return value;
      return '';
    };
    const entry: NonNullable<FieldWords[typeof lang]> = {};
    const label = text('Label');
    const help = text('Help');
    if (label) entry.label = label;
    if (help) entry.help = help;
    const options = splitOptions(cell(at('Options')));
    if (options.length && field.options.length === 0) error(`Options ${lang} of ${field.name}: the field has no options to name; they are ignored`);
    else if (options.length && options.length !== field.options.length) {
      error(
        `Options ${lang} of ${field.name} names ${options.length} options but the field has ${field.options.length}, one word per option in the same order; they are ignored`,
      );
    } else if (options.length) entry.options = options;
    if (Object.keys(entry).length) words[lang] = entry;
  }
  return Object.keys(words).length ? words : undefined;
}

/** Rows of the tab (header first) that describe another table's fields, kept as they are when one table's fields are rewritten. */
export function rowsOfOtherTables(rows: readonly (readonly unknown[])[], table: FieldTable = TAB.clients): unknown[][] {
  const { indexes, hasHeader } = columnIndexes(rows[0]);
  const at = indexes[TABLE_COLUMN];
  if (at < 0) return [];
  return rows
    .slice(hasHeader ? 1 : 0)
    .filter((row) => tableOfCell(row[at]) !== table && !row.every(isBlank))
    .map((row) => HEADER.map((_, c) => (indexes[c] >= 0 ? row[indexes[c]] : '')));
}

const SYSTEM_KEYS = new Set(SYSTEM_COLUMNS.map(headerKey));
const FORMULA_LIKE = /^[=+\-@]/;

/** Where each known column of the tab is: by header name when the first row is a header, else the standard order. */
function columnIndexes(first: readonly unknown[] | undefined): { indexes: number[]; hasHeader: boolean } {
  const standard = HEADER.map((_, i) => i);
  if (!first) return { indexes: standard, hasHeader: false };
  const keys = first.map(headerKey);
  const found = HEADER.map((h) => keys.indexOf(headerKey(h)));
  const hasHeader = found[0] >= 0 && found.filter((i) => i >= 0).length >= 2;
  return hasHeader ? { indexes: found, hasHeader } : { indexes: standard, hasHeader: false };
}

/** The key a field gets when the Key column is blank: the default field whose name or synonym it carries. */
function inferKey(name: string): FieldKey | undefined {
  const key = headerKey(name);
  return FIELD_KEYS.find((k) => HEADER_SYNONYMS[k].some((s) => headerKey(s) === key));
}

export function parseFieldsTab(rows: readonly (readonly unknown[])[], table: FieldTable = TAB.clients): { fields: FieldDef[]; errors: FieldsTabError[] } {
  const { indexes, hasHeader } = columnIndexes(rows[0]);
  const cell = (row: readonly unknown[], column: number): unknown => (indexes[column] >= 0 ? row[indexes[column]] : '');
  const fields: FieldDef[] = [];
  const errors: FieldsTabError[] = [];
  const names = new Map<string, number>();
  const keysUsed = new Map<FieldKey, number>();
  const pendingInferred: { field: FieldDef; key: FieldKey }[] = [];

  for (let r = hasHeader ? 1 : 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const sheetRow = r + 1;
    if (row.every(isBlank)) continue;
    // A row of another table (or naming no table we know) is not a column of this one.
    const rowTable = tableOfCell(cell(row, TABLE_COLUMN));
    const error = (message: string) => errors.push({ row: sheetRow, message: `Fields row ${sheetRow}: ${message}` });
    if (!rowTable && table === TAB.clients) error(`"${shown(cell(row, TABLE_COLUMN))}" is not a table; use Clients or Companies (the field is left out)`);
    if (rowTable !== table) continue;

    const rawName = cell(row, 0);
    const name = typeof rawName === 'string' ? rawName.replace(/\s+/g, ' ').trim() : rawName == null ? '' : String(rawName).trim();
    if (name === '') {
      error('the name is empty');
      continue;
    }
    if (typeof rawName === 'string' && hasControlCharacters(rawName)) {
      error(`the name "${shown(name)}" contains control characters`);
      continue;
    }
    if (name.length > MAX_NAME) {
      error(`the name "${shown(name)}" is longer than ${MAX_NAME} characters`);
      continue;
    }
    if (FORMULA_LIKE.test(name)) {
      error(`the name "${shown(name)}" starts with ${name[0]} and would be read as a formula; start it with a letter`);
      continue;
    }
    const key = headerKey(name);
    if (key === '') {
      error(`the name "${shown(name)}" has no letters or digits`);
      continue;
    }
    if (SYSTEM_KEYS.has(key)) {
      error(`"${shown(name)}" is a column the add-on manages (${SYSTEM_COLUMNS.join(', ')}); choose another name`);
      continue;
    }
    const earlier = names.get(key);
    if (earlier !== undefined) {
      error(`"${shown(name)}" repeats the field on row ${earlier}; names must differ by more than case, spaces or punctuation`);
      continue;
    }
    const type = readType(cell(row, 1));
    if (!type) {
      error(`"${shown(cell(row, 1))}" is not a field type; use one of ${FIELD_TYPES.join(', ')}`);
      continue;
    }
    const flag = (column: number, label: string): boolean => {
      const raw = cell(row, column);
      if (isBlank(raw)) return false;
      const parsed = parseBoolean(raw);
      if (parsed === undefined) error(`${label} "${shown(raw)}" is not yes/no; read as no`);
      return parsed ?? false;
    };
    const options = splitOptions(cell(row, 3));
    if (options.length > MAX_OPTIONS) {
      error(`${name} has ${options.length} options; at most ${MAX_OPTIONS} fit a dropdown`);
      continue;
    }
    if (type === 'choice' && options.length === 0) {
      error(`${name} is a choice field with no options; list them in the Options column`);
      continue;
    }
    const field: FieldDef = {
      name,
      type,
      required: flag(2, 'Required'),
      options: type === 'choice' || type === 'tags' ? options : [],
      unique: flag(4, 'Unique'),
      help: String(cell(row, 5) ?? '').trim(),
    };
    const rawKey = String(cell(row, 6) ?? '').trim();
    if (rawKey !== '') {
      const known = FIELD_KEYS.find((k) => k.toLowerCase() === rawKey.toLowerCase());
      if (!known) error(`key "${shown(rawKey)}" is unknown; the field is kept as a custom field`);
      else if (keysUsed.has(known)) error(`key "${known}" is already used on row ${keysUsed.get(known)}; the field is kept as a custom field`);
      else {
        field.key = known;
        keysUsed.set(known, sheetRow);
      }
    } else {
      const inferred = inferKey(name);
      if (inferred) pendingInferred.push({ field, key: inferred });
    }
    const rawDefault = cell(row, 7);
    const defaultText = isBlank(rawDefault) ? '' : String(rawDefault).replace(/\s+/g, ' ').trim();
    if (defaultText !== '') {
      const option = field.options.find((o) => o.toLowerCase() === defaultText.toLowerCase());
      if (FORMULA_LIKE.test(defaultText)) error(`the default "${shown(defaultText)}" of ${name} would be read as a formula; it is ignored`);
      else if (type === 'choice' && !option) error(`the default "${shown(defaultText)}" of ${name} is not one of its options; it is ignored`);
      else field.default = option ?? defaultText;
    }
    const words = readWords((column) => cell(row, column), field, error);
    if (words) field.words = words;
    names.set(key, sheetRow);
    fields.push(field);
  }
  // Explicit keys win over inferred ones, wherever they appear in the tab.
  for (const { field, key } of pendingInferred) {
    if (!keysUsed.has(key)) {
      field.key = key;
      keysUsed.set(key, 0);
    }
  }
  return { fields, errors };
}
