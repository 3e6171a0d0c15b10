/**
 * getDisplayValues: a cell value rendered through its number format, the way
 * Sheets renders it in the en locale. Covers the common number and date
 * patterns; unknown tokens are printed literally.
 */
import { isDateValue, zonedDate, zonedParts } from '../time';

/** What getNumberFormat returns for a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

const MS_PER_DAY = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Sheets' serial number of a date: days since 1899-12-30 on the wall clock of `timeZone`. */
export function dateToSerial(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - EPOCH_UTC) / MS_PER_DAY;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = new Date(EPOCH_UTC + Math.round(serial * MS_PER_DAY));
  return zonedDate(
    timeZone,
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  );
}

function splitSections(pattern: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < pattern.length) {
      current += ch + pattern[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  sections.push(current);
  return sections;
}

function isDatePattern(pattern: string): boolean {
  const bare = pattern
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[yYdDhHsS]|[mM]/.test(bare) && !/[0#?]/.test(bare.replace(/\.0+/g, ''));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface DateToken {
  kind: 'lit' | 'y' | 'm' | 'minute' | 'd' | 'h' | 's' | 'ampm' | 'frac';
  len: number;
  text: string;
}

const tokenCache = new Map<string, DateToken[]>();

function tokenizeDate(pattern: string): DateToken[] {
  let cached = tokenCache.get(pattern);
  if (!cached) {
    cached = tokenizeDateUncached(pattern);
    if (tokenCache.size > 1000) tokenCache.clear();
    tokenCache.set(pattern, cached);
  }
  return cached;
}

function tokenizeDateUncached(pattern: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      const stop = end < 0 ? pattern.length : end;
      tokens.push({ kind: 'lit', len: 0, text: pattern.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'lit', len: 0, text: pattern[i + 1] ?? '' });
      i += 2;
    } else if (pattern.slice(i, i + 5).toLowerCase() === 'am/pm') {
      tokens.push({ kind: 'ampm', len: 5, text: pattern.slice(i, i + 5) });
      i += 5;
    } else if (ch === '.' && pattern[i + 1] === '0') {
      let j = i + 1;
      while (pattern[j] === '0') j++;
      tokens.push({ kind: 'frac', len: j - i - 1, text: '' });
      i = j;
    } else if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < pattern.length && pattern[j].toLowerCase() === lower) j++;
      tokens.push({ kind: lower as DateToken['kind'], len: j - i, text: pattern.slice(i, j) });
      i = j;
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i);
      i = end < 0 ? pattern.length : end + 1; // elapsed-time and locale tags: ignored
    } else {
      tokens.push({ kind: 'lit', len: 0, text: ch });
      i++;
    }
  }
  // 'm' right after an hour or right before a second is minutes.
  const fields = tokens.filter((t) => t.kind !== 'lit');
  fields.forEach((t, k) => {
    if (t.kind !== 'm' || t.len > 2) return;
    const prev = fields[k - 1];
    const next = fields[k + 1];
    if (prev?.kind === 'h' || next?.kind === 's') t.kind = 'minute';
  });
  return tokens;
}

const pad = (n: number, len: number) => String(n).padStart(len, '0');

function formatDatePattern(date: Date, pattern: string, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const tokens = tokenizeDate(pattern);
  const twelveHour = tokens.some((t) => t.kind === 'ampm');
  let out = '';
  for (const t of tokens) {
    switch (t.kind) {
      case 'lit':
        out += t.text;
        break;
      case 'y':
        out += t.len <= 2 ? pad(p.year % 100, 2) : pad(p.year, 4);
        break;
      case 'm': {
        const len = t.len;
        out +=
          len === 1
            ? p.month
            : len === 2
              ? pad(p.month, 2)
              : len === 3
                ? MONTHS[p.month - 1].slice(0, 3)
                : len === 5
                  ? MONTHS[p.month - 1][0]
                  : MONTHS[p.month - 1];
        break;
      }
      case 'minute':
        out += t.len === 1 ? p.minute : pad(p.minute, 2);
        break;
      case 'd': {
        const len = t.len;
        out += len === 1 ? p.day : len === 2 ? pad(p.day, 2) : len === 3 ? DAYS[p.weekday].slice(0, 3) : DAYS[p.weekday];
        break;
      }
      case 'h': {
        const h = twelveHour ? p.hour % 12 || 12 : p.hour;
        out += t.len === 1 ? h : pad(h, 2);
        break;
      }
      case 's':
        out += t.len === 1 ? p.second : pad(p.second, 2);
        break;
      case 'frac':
        out += '.' + pad(p.millisecond, 3).slice(0, t.len).padEnd(t.len, '0');
        break;
      case 'ampm': {
        const pm = p.hour >= 12;
        out += t.text === t.text.toLowerCase() ? (pm ? 'pm' : 'am') : pm ? 'PM' : 'AM';
        break;
      }
    }
  }
  return out;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumberSection(value: number, section: string): string {
  // Literal parts around the numeric core: quoted text, escapes, [$€] currency tags, other symbols.
  let prefix = '';
  let suffix = '';
  let core = '';
  let seenCore = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    let literal: string | null = null;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal = section.slice(i + 1, stop);
      i = stop;
    } else if (ch === '\\') {
      literal = section[++i] ?? '';
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const tag = section.slice(i + 1, end < 0 ? section.length : end);
      literal = tag.startsWith('$') ? tag.slice(1).split('-')[0] : '';
      i = end < 0 ? section.length : end;
    } else if (ch === '_' || ch === '*') {
      i++;
      literal = ch === '_' ? ' ' : '';
    } else if ('0#?.,'.includes(ch) || (ch.toLowerCase() === 'e' && seenCore && /[+-]/.test(section[i + 1] ?? ''))) {
      if (ch.toLowerCase() === 'e') {
        core += section.slice(i, i + 2);
        i++;
      } else {
        core += ch;
      }
      seenCore = true;
      continue;
    } else {
      literal = ch;
    }
    if (seenCore) suffix += literal;
    else prefix += literal;
  }
  const percent = (prefix + suffix).includes('%');
  let n = percent ? value * 100 : value;
  if (!core) return prefix + suffix;
  const expMatch = /[eE]([+-])(0+)$/.exec(core);
  const mantissa = expMatch ? core.slice(0, expMatch.index) : core;
  const [intPart, fracPart = ''] = mantissa.split('.');
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const maxDecimals = (fracPart.match(/[0#?]/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const grouped = /[0#?],[0#?]/.test(intPart);
  let exponentText = '';
  if (expMatch) {
    const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
    n = n / 10 ** exp;
    exponentText = 'E' + (exp < 0 ? '-' : expMatch[1] === '+' ? '+' : '') + pad(Math.abs(exp), expMatch[2].length);
  }
  let fixed = Math.abs(n).toFixed(maxDecimals);
  let [whole, frac = ''] = fixed.split('.');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (whole === '0' && minInt === 0) whole = '';
  whole = whole.padStart(minInt, '0');
  if (grouped) whole = groupThousands(whole);
  // Like Sheets, '0.##' keeps its decimal point even when no decimals are left ("1.").
  fixed = whole + (mantissa.includes('.') ? '.' + frac : '');
  return prefix + fixed + exponentText + suffix;
}

function formatNumber(value: number, pattern: string): string {
  const sections = splitSections(pattern);
  if (value < 0 && sections.length >= 2 && sections[1] !== '') return formatNumberSection(-value, sections[1]);
  if (value === 0 && sections.length >= 3 && sections[2] !== '') return formatNumberSection(0, sections[2]);
  const text = formatNumberSection(Math.abs(value), sections[0]);
  const negative = value < 0 && /[1-9]/.test(text);
  return negative ? '-' + text : text;
}

function automaticNumber(value: number): string {
  if (!Number.isFinite(value)) return '#NUM!';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const rounded = Number(value.toPrecision(10));
  if (Math.abs(rounded) >= 1e15 || (rounded !== 0 && Math.abs(rounded) < 1e-9)) {
    return rounded.toExponential().replace(/e\+?/, 'E+').replace('E+-', 'E-').toUpperCase();
  }
  return String(rounded);
}

function isMidnight(date: Date, timeZone: string): boolean {
  const p = zonedParts(date, timeZone);
  return p.hour === 0 && p.minute === 0 && p.second === 0;
}

/** The format Sheets gives a cell when a script writes a Date into an unformatted cell. */
export function defaultDateFormat(date: Date, timeZone: string): string {
  return isMidnight(date, timeZone) ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss';
}

export function formatDisplay(value: unknown, pattern: string | undefined, timeZone: string): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    const sections = pattern ? splitSections(pattern) : [];
    const textSection = sections.length === 4 ? sections[3] : sections.find((s) => s.includes('@'));
    return textSection ? textSection.replace(/"([^"]*)"/g, '$1').replace('@', value) : value;
  }
  const automatic = !pattern || pattern === DEFAULT_NUMBER_FORMAT || pattern.toLowerCase() === 'general' || pattern === '@';
  if (isDateValue(value)) {
    if (automatic) return formatDatePattern(value, defaultDateFormat(value, timeZone), timeZone);
    if (isDatePattern(pattern)) return formatDatePattern(value, pattern, timeZone);
    return formatNumber(dateToSerial(value, timeZone), pattern);
  }
  if (typeof value === 'number') {
    if (automatic) return automaticNumber(value);
    if (isDatePattern(pattern)) return formatDatePattern(serialToDate(value, timeZone), pattern, timeZone);
    return formatNumber(value, pattern);
  }
  return String(value);
}
