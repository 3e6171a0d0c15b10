/**
 * How a spreadsheet's locale reads typed input (and script-written strings,
 * which Sheets parses the same way). Source: Sheets' File ▸ Settings ▸ Locale
 * behaviour (support.google.com/docs/answer/58515); where it is unconfirmed the
 * stricter reading is taken: more strings become numbers, dates or booleans.
 */
export interface LocaleRules {
  /** '1,5' is a number and '1.5' is not. */
  decimalComma: boolean;
  /** Thousands separators accepted before the decimal comma ('1 234,5', '1.234,5'). */
  groupSeparators: string;
  /** '31.12.2024' (and '31.12', this year) is a date. */
  dotDates: boolean;
  /** '1/31/2024' is month first (en_US). */
  usDates: boolean;
  trueWords: readonly string[];
  falseWords: readonly string[];
}

const EN: LocaleRules = { decimalComma: false, groupSeparators: ',', dotDates: false, usDates: true, trueWords: ['TRUE'], falseWords: ['FALSE'] };

/** Boolean words per language; English TRUE/FALSE are read in every locale (stricter). */
const BOOLEANS: Record<string, [string, string]> = {
  ru: ['ИСТИНА', 'ЛОЖЬ'],
  uk: ['ІСТИНА', 'ХИБНІСТЬ'],
  ro: ['ADEVĂRAT', 'FALS'],
  de: ['WAHR', 'FALSCH'],
  fr: ['VRAI', 'FAUX'],
  es: ['VERDADERO', 'FALSO'],
  it: ['VERO', 'FALSO'],
  pt: ['VERDADEIRO', 'FALSO'],
  pl: ['PRAWDA', 'FAŁSZ'],
};

const COMMA_DECIMAL = new Set([
  'ru',
  'uk',
  'ro',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'pl',
  'nl',
  'cs',
  'sk',
  'bg',
  'tr',
  'sv',
  'fi',
  'da',
  'nb',
  'hr',
  'sl',
  'hu',
  'lt',
  'lv',
  'et',
  'el',
  'be',
  'kk',
  'az',
  'sr',
  'id',
]);
/** Languages whose thousands separator is a space (NBSP, narrow NBSP); the rest use a dot. */
const SPACE_GROUPS = new Set(['ru', 'uk', 'fr', 'pl', 'cs', 'sk', 'bg', 'sv', 'fi', 'nb', 'hu', 'lt', 'lv', 'et', 'be', 'kk', 'az']);
const DOT_DATES = new Set(['ru', 'uk', 'ro', 'de', 'pl', 'cs', 'sk', 'bg', 'tr', 'fi', 'da', 'nb', 'hr', 'sl', 'hu', 'lt', 'lv', 'et', 'be', 'kk', 'az', 'sr']);

const cache = new Map<string, LocaleRules>();

export function localeRules(locale: string): LocaleRules {
  const known = cache.get(locale);
  if (known) return known;
  const lang = locale.toLowerCase().split(/[_-]/)[0];
  let rules: LocaleRules = EN;
  if (lang !== 'en') {
    const words = BOOLEANS[lang];
    rules = {
      decimalComma: COMMA_DECIMAL.has(lang),
      groupSeparators: COMMA_DECIMAL.has(lang) ? (SPACE_GROUPS.has(lang) ? ' \u00a0\u202f' : '.') : ',',
      dotDates: DOT_DATES.has(lang),
      usDates: false,
      trueWords: words ? ['TRUE', words[0]] : ['TRUE'],
      falseWords: words ? ['FALSE', words[1]] : ['FALSE'],
    };
  }
  cache.set(locale, rules);
  return rules;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 'Dec', 'December', 'Sept' → 1-based month, or 0. */
export function englishMonth(word: string): number {
  const w = word.toLowerCase();
  if (w.length < 3) return 0;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return 0;
  return full[i].startsWith(w) || w === 'sept' ? i + 1 : 0;
}
