/**
 * Numbers and amounts as they appear in exports from different locales:
 * "1 234,50", "1,234.50", "1.234,50", "1234.5 ₽", "$1,200", "(300)", "−5", "15%".
 *
 * The decimal separator is the last of "," and "." when both appear. A lone
 * separator followed by exactly three digits ("1,234") is ambiguous: for money
 * it is read as grouping (amounts have two decimals); for plain numbers it is
 * a decimal comma in countries that write one (the default, as in RU/UA/RO/MD)
 * and grouping where the decimal mark is a dot. A lone "." with three digits
 * is a decimal point, except in amounts of decimal-comma countries
 * ("1.234 ₽" = 1234).
 */
export type NumberParse = { ok: true; value: number } | { ok: false; reason: 'not_a_number' | 'too_large' };

export interface NumberParseOptions {
  money?: boolean;
  /** true when the default country writes 1234,5 (most of Europe). */
  decimalComma?: boolean;
}

/** Past 15 significant digits Sheets silently rounds: refuse rather than change the amount. */
export const MAX_EXACT_NUMBER = 1e15;

const DOT_DECIMAL_COUNTRIES = new Set([
  'US',
  'GB',
  'IE',
  'CA',
  'AU',
  'NZ',
  'IN',
  'IL',
  'JP',
  'CN',
  'HK',
  'TW',
  'KR',
  'SG',
  'MY',
  'TH',
  'PH',
  'MX',
  'CH',
  'NG',
  'ZA',
  'KE',
  'EG',
  'PK',
  'BD',
]);

export function usesDecimalComma(country: string | undefined): boolean {
  return !country || !DOT_DECIMAL_COUNTRIES.has(country.toUpperCase());
}

const CURRENCY_SYMBOL = /[$€£¥₽₴₸₺₼₾₹¢]/g;
const CURRENCY_WORD =
  /^(?:usd|eur|gbp|rub|rur|uah|ron|mdl|kzt|byn|pln|chf|руб\.?|р\.?|грн\.?|лей|lei|ron)\s*|\s*(?:usd|eur|gbp|rub|rur|uah|ron|mdl|kzt|byn|pln|chf|руб(?:лей|ля|\.)?|р\.?|грн\.?|лей|lei)$/i;
const GROUPED = /^\d{1,3}(?:[,.]\d{3})+$/;

export function parseNumberText(raw: string, options: NumberParseOptions = {}): NumberParse {
  let text = raw.trim();
  if (text === '' || text.length > 64) return { ok: false, reason: 'not_a_number' };
  const dollarOrPound = /[$£]/.test(text);
  text = text.replace(CURRENCY_SYMBOL, ' ').trim().replace(CURRENCY_WORD, '').trim();

  let negative = false;
  const accounting = /^\((.*)\)$/.exec(text);
  if (accounting) {
    negative = true;
    text = accounting[1].trim();
  }
  text = text.replace(/^[\u2212\u2013]/, '-');
  if (text.startsWith('-') || text.startsWith('+')) {
    if (negative && text.startsWith('-')) return { ok: false, reason: 'not_a_number' };
    negative = negative !== text.startsWith('-');
    text = text.slice(1).trim();
  }
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  // Spaces, no-break spaces and apostrophes group thousands ("1 234", "1'234") only between digits.
  text = text.replace(/(\d)[\s\u00a0\u202f\u2009'’](?=\d)/g, '$1');

  let normalized: string;
  if (/^\d+(?:\.\d+)?e[+-]?\d+$/i.test(text)) {
    normalized = text;
  } else if (!/^(?:\d[\d.,]*|[.,]\d+)$/.test(text) || /[.,]$/.test(text)) {
    return { ok: false, reason: 'not_a_number' };
  } else {
    const lastComma = text.lastIndexOf(',');
    const lastDot = text.lastIndexOf('.');
    const commas = text.split(',').length - 1;
    const dots = text.split('.').length - 1;
    let decimal: ',' | '.' | '' = '';
    if (commas > 0 && dots > 0) {
      decimal = lastComma > lastDot ? ',' : '.';
      if (text.split(decimal).length - 1 > 1) return { ok: false, reason: 'not_a_number' };
      const intPart = text.slice(0, text.lastIndexOf(decimal));
      if (!GROUPED.test(intPart) || intPart.includes(decimal)) return { ok: false, reason: 'not_a_number' };
    } else if (commas + dots > 1) {
      if (!GROUPED.test(text)) return { ok: false, reason: 'not_a_number' };
    } else if (commas + dots === 1) {
      const sep = commas ? ',' : '.';
      const threeAfter = GROUPED.test(text);
      const decimalComma = options.decimalComma ?? true;
      const grouping = !threeAfter
        ? false
        : sep === ','
          ? options.money || !decimalComma || dollarOrPound
          : options.money === true && decimalComma && !dollarOrPound;
      decimal = grouping ? '' : sep;
    }
    const [intPart, fraction] = decimal ? [text.slice(0, text.lastIndexOf(decimal)), text.slice(text.lastIndexOf(decimal) + 1)] : [text, ''];
    normalized = intPart.replace(/[.,]/g, '') + (fraction ? '.' + fraction : '');
    if (normalized.startsWith('.')) normalized = '0' + normalized;
  }
  let value = Number(normalized);
  if (!Number.isFinite(value)) return { ok: false, reason: 'too_large' };
  if (percent) value = value / 100;
  if (negative) value = -value;
  if (Math.abs(value) >= MAX_EXACT_NUMBER) return { ok: false, reason: 'too_large' };
  return { ok: true, value: value === 0 ? 0 : value };
}
