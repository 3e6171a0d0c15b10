/**
 * One validator per field type. Each returns either the normalised value (a
 * Date for dates, a number for numbers and money, a lower-cased email, an
 * E.164 phone, the option as spelled in Fields) or the field's own
 * user-facing message, with a suggested replacement when one is likely.
 * Nothing here throws, whatever the cell holds.
 */
import type { CountryCode } from '../normalize/phone';
import { parsePhone } from '../normalize/phone';
import { checkEmail } from '../normalize/email';
import { synonymOption } from './option-synonyms';
import type { FieldDef, FieldType } from '../schema/field';
import { isBlank, isDate, type CellValue } from '../values';
import { closest } from './edit-distance';
import { parseBoolean } from './parse-boolean';
import { formatDate, MAX_YEAR, MIN_YEAR, parseDateText } from './parse-date';
import { MAX_EXACT_NUMBER, parseNumberText, usesDecimalComma } from './parse-number';
import { groupDigits, hasControlCharacters, MAX_CELL_TEXT, shown, stripControlCharacters, type ProblemKind } from './problem';
import { tidySpaces } from './name-case';

export interface ValidateContext {
  /** Country assumed for phones written without a country code; also decides 03/04 and 1,234. */
  defaultCountry?: CountryCode;
  /** "Today" in the spreadsheet's time zone: birthdays cannot be later. */
  today?: Date;
  /**
   * Where defaultCountry came from for this row: its own Country cell ('row'), the base's setting because
   * the row names none ('assumed'), or nowhere because the row names a country nobody knows ('unknown').
   * A fix that adds a country code to a national number is offered only when the country is known.
   */
  phoneCountry?: 'row' | 'assumed' | 'unknown';
}

export type ValueCheck =
  /** `display`: how people read the value, when it differs (a phone in international format). */
  { ok: true; value: CellValue; display?: string } | { ok: false; message: string; suggestion?: CellValue; kind: ProblemKind };

type Validator = (field: FieldDef, value: unknown, ctx: ValidateContext) => ValueCheck;

const fail = (kind: ProblemKind, message: string, suggestion?: CellValue): ValueCheck =>
  suggestion === undefined ? { ok: false, kind, message } : { ok: false, kind, message, suggestion };

const INVALID_KIND: Record<FieldType, ProblemKind> = {
  text: 'invalid_text',
  email: 'invalid_email',
  phone: 'invalid_phone',
  date: 'invalid_date',
  number: 'invalid_number',
  money: 'invalid_number',
  choice: 'not_an_option',
  tags: 'not_an_option',
  checkbox: 'invalid_checkbox',
  url: 'invalid_url',
  person: 'invalid_person',
};

const MONTH_FIRST_COUNTRIES = new Set(['US', 'PH', 'FM', 'MH', 'PW']);

function describeType(value: unknown): string {
  if (isDate(value)) return 'a date';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a checkbox value';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function wrongType(field: FieldDef, value: unknown, expected: string): ValueCheck {
  return fail(INVALID_KIND[field.type], `${field.name}: ${describeType(value)} (${shown(value)}) is not ${expected}`);
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

const text: Validator = (field, value) => {
  if (typeof value === 'number' || typeof value === 'boolean' || isDate(value)) return { ok: true, value: value as CellValue };
  if (typeof value !== 'string') return wrongType(field, value, 'text');
  if (hasControlCharacters(value)) {
    return fail('control_characters', `${field.name}: "${shown(value)}" contains invisible control characters`, stripControlCharacters(value).trim());
  }
  return { ok: true, value: value.trim() };
};

const email: Validator = (field, value) => {
  const raw = asText(value);
  if (raw === undefined || typeof value === 'number') return wrongType(field, value, 'an email address');
  const parts = raw.split(/[,;\s]+/).filter((p) => p.includes('@'));
  if (parts.length > 1) return fail('invalid_email', `${field.name}: "${shown(raw)}" holds more than one address — keep one per cell`);
  const checked = checkEmail(raw);
  if (checked.ok) return { ok: true, value: checked.email };
  if (checked.reason === 'too_long') return fail('invalid_email', `${field.name}: "${shown(raw)}" is longer than an email address can be (254 characters)`);
  return checked.suggestion
    ? fail('invalid_email', `${field.name}: "${shown(raw)}" is not a valid address — did you mean ${checked.suggestion}?`, checked.suggestion)
    : fail('invalid_email', `${field.name}: "${shown(raw)}" is not a valid address`);
};

const phone: Validator = (field, value, ctx) => {
  if (typeof value === 'number' && !Number.isInteger(value)) return wrongType(field, value, 'a phone number');
  const raw = asText(value);
  if (raw === undefined) return wrongType(field, value, 'a phone number');
  if ((raw.match(/\d{5,}|\d[\d\s()-]{6,}\d/g) ?? []).length > 1 && /[,;\n]|\s\/\s|\sи\s|\sor\s/i.test(raw)) {
    return fail('invalid_phone', `${field.name}: "${shown(raw)}" holds more than one number — keep one per cell`);
  }
  let parsed = parsePhone(raw, ctx.defaultCountry);
  // Sheets drops the "+" of a phone typed into a number cell: 79161234567 is +7 916 123-45-67.
  if (!parsed.ok && /^\d{10,15}$/.test(raw.trim())) parsed = parsePhone('+' + raw.trim());
  if (parsed.ok) return { ok: true, value: parsed.e164, display: parsed.international };
  switch (parsed.reason) {
    case 'not_a_number':
      return fail('invalid_phone', `${field.name}: "${shown(raw)}" is not a phone number (only digits, spaces, + - ( ) . / are allowed)`);
    case 'too_short':
      return fail('invalid_phone', `${field.name}: "${shown(raw)}" is too short for a phone number`);
    case 'too_long':
      return fail('invalid_phone', `${field.name}: "${shown(raw)}" is too long for a phone number`);
    default:
      return !ctx.defaultCountry && !raw.trim().startsWith('+') && !raw.trim().startsWith('00')
        ? fail('invalid_phone', `${field.name}: "${shown(raw)}" cannot be read without a country code — write it as +… or set a default country`)
        : fail('invalid_phone', `${field.name}: "${shown(raw)}" is not a valid phone number`);
  }
};

/** Sheets counts days from 1899-12-30; a number in a date column is usually such a serial. */
function fromSerial(serial: number): Date | undefined {
  if (!Number.isInteger(serial)) return undefined;
  const utc = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  const local = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
  return local.getFullYear() >= MIN_YEAR && local.getFullYear() <= MAX_YEAR ? local : undefined;
}

function checkDateSense(field: FieldDef, date: Date, ctx: ValidateContext, original: unknown): ValueCheck {
  if (date.getFullYear() < MIN_YEAR || date.getFullYear() > MAX_YEAR) {
    return fail('invalid_date', `${field.name}: ${shown(original)} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  if (field.key === 'birthday' && date.getTime() > (ctx.today ?? new Date()).getTime()) {
    return fail('invalid_date', `${field.name}: ${formatDate(date)} is in the future`);
  }
  return { ok: true, value: date };
}

const date: Validator = (field, value, ctx) => {
  if (isDate(value)) return checkDateSense(field, value, ctx, value);
  if (typeof value === 'number') {
    const guess = fromSerial(value);
    return guess
      ? fail('invalid_date', `${field.name}: ${shown(value)} is a number, not a date — did you mean ${formatDate(guess)}?`, guess)
      : wrongType(field, value, 'a date');
  }
  if (typeof value !== 'string') return wrongType(field, value, 'a date');
  const parsed = parseDateText(value, {
    monthFirst: ctx.defaultCountry ? MONTH_FIRST_COUNTRIES.has(ctx.defaultCountry) : false,
    today: ctx.today,
  });
  if (parsed.ok) return checkDateSense(field, parsed.date, ctx, value);
  if (parsed.reason === 'impossible')
    return fail('invalid_date', `${field.name}: "${shown(value)}" is not a real date${parsed.detail ? ` — ${parsed.detail}` : ''}`);
  if (parsed.reason === 'out_of_range') return fail('invalid_date', `${field.name}: "${shown(value)}" is outside ${MIN_YEAR}–${MAX_YEAR}`);
  return fail('invalid_date', `${field.name}: "${shown(value)}" is not a date (write it as 2024-12-31 or 31.12.2024)`);
};

const numeric: Validator = (field, value, ctx) => {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) >= MAX_EXACT_NUMBER)
      return fail('invalid_number', `${field.name}: ${shown(value)} is too large to store exactly`);
    return { ok: true, value };
  }
  if (typeof value !== 'string') return wrongType(field, value, 'a number');
  const parsed = parseNumberText(value, { money: field.type === 'money', decimalComma: usesDecimalComma(ctx.defaultCountry) });
  if (parsed.ok) return { ok: true, value: parsed.value };
  return parsed.reason === 'too_large'
    ? fail('invalid_number', `${field.name}: "${shown(value)}" is too large to store exactly (15 digits at most)`)
    : fail('invalid_number', `${field.name}: "${shown(value)}" is not ${field.type === 'money' ? 'an amount' : 'a number'}`);
};

const optionKey = (s: string) => tidySpaces(s).toLowerCase();

function findOption(options: readonly string[], value: string): string | undefined {
  const key = optionKey(value);
  return options.find((o) => optionKey(o) === key);
}

function suggestOption(options: readonly string[], value: string): string | undefined {
  const key = optionKey(value);
  if (key.length === 0) return undefined;
  const synonym = synonymOption(options, value);
  if (synonym) return synonym;
  const near = closest(key, options, optionKey, Math.max(1, Math.floor(key.length / 3)));
  if (near) return near;
  const prefixed = options.filter((o) => key.length >= 3 && optionKey(o).startsWith(key));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

function listOptions(options: readonly string[]): string {
  return options.length > 10 ? `${options.slice(0, 10).join(', ')}, …` : options.join(', ');
}

const choice: Validator = (field, value, ctx) => {
  if (field.options.length === 0) return text(field, value, ctx);
  const raw = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : asText(value);
  if (raw === undefined) return wrongType(field, value, `one of ${listOptions(field.options)}`);
  const option = findOption(field.options, raw);
  if (option !== undefined) return { ok: true, value: option };
  const suggestion = suggestOption(field.options, raw);
  return fail(
    'not_an_option',
    `${field.name}: "${shown(raw)}" is not one of ${listOptions(field.options)}${suggestion ? ` — did you mean ${suggestion}?` : ''}`,
    suggestion,
  );
};

/** Tags are written comma-separated in one cell; ";" and line breaks are read as separators too. */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const tag = tidySpaces(part);
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

const tags: Validator = (field, value) => {
  const raw = asText(value);
  if (raw === undefined) return wrongType(field, value, 'a list of tags');
  if (hasControlCharacters(raw)) {
    return fail('control_characters', `${field.name}: "${shown(raw)}" contains invisible control characters`, stripControlCharacters(raw));
  }
  const list = splitTags(raw);
  if (field.options.length === 0) return { ok: true, value: list.join(', ') };
  const canonical: string[] = [];
  const unknown: string[] = [];
  const suggested: string[] = [];
  for (const tag of list) {
    const option = findOption(field.options, tag);
    if (option !== undefined) {
      canonical.push(option);
      suggested.push(option);
    } else {
      unknown.push(tag);
      const near = suggestOption(field.options, tag);
      if (near !== undefined) suggested.push(near);
    }
  }
  if (unknown.length === 0) return { ok: true, value: canonical.join(', ') };
  const fixable = suggested.length === list.length;
  const names =
    unknown
      .slice(0, 5)
      .map((t) => `"${shown(t, 30)}"`)
      .join(', ') + (unknown.length > 5 ? ', …' : '');
  return fail(
    'not_an_option',
    `${field.name}: ${names} ${unknown.length === 1 ? 'is' : 'are'} not among ${listOptions(field.options)}${fixable ? ` — did you mean ${Array.from(new Set(suggested)).join(', ')}?` : ''}`,
    fixable ? Array.from(new Set(suggested)).join(', ') : undefined,
  );
};

const checkbox: Validator = (field, value) => {
  const parsed = parseBoolean(value);
  if (parsed !== undefined) return { ok: true, value: parsed };
  return fail('invalid_checkbox', `${field.name}: "${shown(value)}" is not a yes/no value (use TRUE or FALSE)`);
};

const HOST = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}\.?(?::\d{1,5})?$/u;
const MAX_URL = 2048;

const url: Validator = (field, value) => {
  if (typeof value !== 'string') return wrongType(field, value, 'a link');
  const link = value.trim();
  if (link.length > MAX_URL) return fail('invalid_url', `${field.name}: the link is longer than ${MAX_URL} characters`);
  if (/[\s\u0000-\u001f\u007f]/.test(link)) return fail('invalid_url', `${field.name}: "${shown(link)}" contains spaces or control characters`);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(link);
  if (scheme && !/^https?$/i.test(scheme[1]) && !/^\d+$/.test(link.slice(scheme[0].length, scheme[0].length + 5).split('/')[0])) {
    return fail('invalid_url', `${field.name}: "${shown(link)}" is not a web link — only http:// and https:// links are allowed`);
  }
  const match = /^https?:\/\/([^/?#]*)([/?#].*)?$/i.exec(link);
  if (match) {
    return HOST.test(match[1]) ? { ok: true, value: link } : fail('invalid_url', `${field.name}: "${shown(link)}" is not a valid web address`);
  }
  const host = link.split(/[/?#]/)[0];
  if (HOST.test(host))
    return fail('invalid_url', `${field.name}: "${shown(link)}" has no http:// or https:// — did you mean https://${shown(link, 200)}?`, `https://${link}`);
  return fail('invalid_url', `${field.name}: "${shown(link)}" is not a web address`);
};

const MAX_PERSON = 200;

const person: Validator = (field, value) => {
  if (typeof value !== 'string') return wrongType(field, value, 'a person (a name or an email)');
  const raw = tidySpaces(value);
  if (raw.includes('@')) {
    const checked = checkEmail(raw);
    if (checked.ok) return { ok: true, value: checked.email };
    return checked.suggestion
      ? fail('invalid_person', `${field.name}: "${shown(raw)}" is not a valid email — did you mean ${checked.suggestion}?`, checked.suggestion)
      : fail('invalid_person', `${field.name}: "${shown(raw)}" is neither a name nor a valid email`);
  }
  if (raw.length > MAX_PERSON) return fail('invalid_person', `${field.name}: a name longer than ${MAX_PERSON} characters is not a person`);
  if (hasControlCharacters(raw)) {
    return fail('control_characters', `${field.name}: "${shown(raw)}" contains invisible control characters`, stripControlCharacters(raw));
  }
  if (!/\p{L}/u.test(raw)) return fail('invalid_person', `${field.name}: "${shown(raw)}" is neither a name nor an email`);
  return { ok: true, value: raw };
};

const VALIDATORS: Record<FieldType, Validator> = { text, email, phone, date, number: numeric, money: numeric, choice, tags, checkbox, url, person };

export function validateValue(field: FieldDef, value: unknown, ctx: ValidateContext = {}): ValueCheck {
  if (isBlank(value) || (typeof value === 'number' && Number.isNaN(value))) {
    return field.required ? fail('required', `${field.name} is required`) : { ok: true, value: '' };
  }
  if (typeof value === 'string' && value.length > MAX_CELL_TEXT) {
    return fail('too_long', `${field.name}: ${groupDigits(value.length)} characters is longer than a cell can hold (${groupDigits(MAX_CELL_TEXT)})`);
  }
  const validator = VALIDATORS[field.type] ?? text;
  return validator(field, value, ctx);
}
