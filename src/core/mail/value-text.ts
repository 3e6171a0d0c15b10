import { isDate } from '../values';

export interface ValueTextOptions {
  /** The spreadsheet's time zone (not the script's): it decides which day a date cell shows. */
  timeZone: string;
  /** Without a locale dates read dd.MM.yyyy and numbers use a dot. */
  locale?: string;
}

/**
 * A cell value as it should read inside a message. Text is kept exactly
 * (a value starting with "=" is text, never evaluated); unsupported types
 * (objects, functions, NaN) read as empty rather than "[object Object]".
 */
export function valueText(value: unknown, options: ValueTextOptions): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, options.locale);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return dateText(value, options);
  if (Array.isArray(value))
    return value
      .map((item) => valueText(item, options))
      .filter((t) => t !== '')
      .join(', ');
  return '';
}

function numberText(value: number, locale: string | undefined): string {
  if (!Number.isFinite(value)) return '';
  // 15 significant digits: what a sheet shows, without binary noise like 0.30000000000000004.
  const rounded = Number(value.toPrecision(15));
  if (locale) {
    const format = cached(`n|${locale}`, () => new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 15 }));
    if (format) return format.format(rounded);
  }
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function dateText(date: Date, options: ValueTextOptions): string {
  const parts = localParts(date, options.timeZone);
  const hasTime = parts.hour !== 0 || parts.minute !== 0 || parts.second !== 0;
  const time = hasTime ? ` ${pad(parts.hour)}:${pad(parts.minute)}` : '';
  if (options.locale) {
    const format = cached(
      `d|${options.locale}`,
      () => new Intl.DateTimeFormat(options.locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }),
    );
    if (format) return format.format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day))) + time;
  }
  return `${pad(parts.day)}.${pad(parts.month)}.${parts.year}${time}`;
}

/** Calendar fields of an instant in a time zone; an unknown zone falls back to UTC rather than failing the send. */
function localParts(date: Date, timeZone: string): LocalParts {
  const format = cached(
    `z|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
  if (format) {
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(date)) fields[part.type] = Number(part.value);
    if ([fields.year, fields.month, fields.day, fields.hour].every(Number.isFinite)) {
      return {
        year: fields.year,
        month: fields.month,
        day: fields.day,
        hour: fields.hour % 24,
        minute: fields.minute,
        second: fields.second,
      };
    }
  }
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

// Building an Intl formatter costs far more than using one; a mailing formats thousands of values.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | null>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T | null {
  if (!formatters.has(key)) {
    let made: T | null = null;
    try {
      made = make();
    } catch {
      made = null; // unknown time zone or locale
    }
    formatters.set(key, made);
  }
  return formatters.get(key) as T | null;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
