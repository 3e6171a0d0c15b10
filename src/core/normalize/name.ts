/**
 * Person names for matching: one comparable spelling per name, and a full
 * name ("Петров Александр Сергеевич", "Mr John A. Smith") split into parts.
 */
import { foldToLatin } from './translit';
import { isKnownGivenName } from './nicknames';

/** Longer than any real name; keeps a 50,000-character cell from costing anything. */
const MAX_NAME_INPUT = 200;

/**
 * The comparable spelling of a name: Latin letters only, lower case, no
 * accents, Cyrillic romanised; spaces, hyphens and apostrophes dropped so that
 * "Mary-Ann", "mary ann" and "MaryAnn" agree. Idempotent.
 */
export function nameKey(raw: unknown): string {
  const text = raw == null ? '' : String(raw).trim().slice(0, MAX_NAME_INPUT);
  return foldToLatin(text).replace(/[^a-z]/g, '');
}

/** The words of a name, folded like `nameKey`, in their order. */
export function nameWords(raw: unknown): string[] {
  const text = raw == null ? '' : String(raw).slice(0, MAX_NAME_INPUT);
  return foldToLatin(text)
    .split(/[\s,.;/\\|()]+/)
    .map((w) => w.replace(/[^a-z]/g, ''))
    .filter((w) => w !== '');
}

const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'jr',
  'sr',
  'ii',
  'iii',
  'phd',
  'md',
  'gospodin',
  'gospozha',
  'g',
  'gn',
  'gzha',
  'pan',
  'pani',
  'dl',
  'dna',
  'domnul',
  'doamna',
  'baronet',
  'bt',
  'bart',
  'lord',
  'lady',
  'rev',
  'revd',
  'rt',
  'hon',
  'esq',
  'jnr',
  'snr',
  'iv',
  'vi',
  'vii',
  'viii',
  'gzh',
  'gospozha',
  'tovarishch',
  'dnul',
  'dra',
  'sra',
]);

/** An ordinal ("1st", "2nd", "3-й") or bare number: part of a title ("sir John Smith, 1st baronet"), never a name. */
function isOrdinal(word: string): boolean {
  return /^\d+(st|nd|rd|th|[-]?[йяое]|[-]?(th|st))?\.?$/i.test(word);
}

/** True for words that are titles, honorifics or ordinals rather than names. */
export function isTitleWord(word: string): boolean {
  return isOrdinal(word) || TITLES.has(foldToLatin(word).replace(/[^a-z]/g, ''));
}

/**
 * True when a name field holds titles and nothing else ("sir", "1st bt.",
 * "Baronet"): registers that split "Sir John Starkey, 1st Baronet" by
 * position leave the title as the first or last name, and one title shared
 * by hundreds of people must not read as the same name.
 */
export function isOnlyTitles(raw: unknown): boolean {
  const text = raw == null ? '' : String(raw).slice(0, MAX_NAME_INPUT).trim();
  const words = text.split(/[\s,]+/).filter((w) => w !== '');
  return words.length > 0 && words.every(isTitleWord);
}

/** One initial ("А.", "J", "j.") rather than a name. */
export function isInitial(word: string): boolean {
  return /^\p{L}\.?$/u.test(word);
}

/**
 * A name field without its titles, honorifics and ordinals ("Sir John",
 * "д-р Петров", "Smith, 1st Bt." → "John", "Петров", "Smith"); the text as
 * it was when nothing else is left.
 */
export function stripTitles(raw: unknown): string {
  const text = raw == null ? '' : String(raw).slice(0, MAX_NAME_INPUT).trim();
  if (!/[\s.,\d]/.test(text) && !TITLES.has(foldToLatin(text).replace(/[^a-z]/g, ''))) return text;
  const words = separateInitials(text)
    .split(/[\s,]+/)
    .filter((w) => w !== '' && !isTitleWord(w));
  return words.length > 0 ? words.join(' ') : text;
}

/** "А.В." and "J.R.R." become separate initials: "А. В.", "J. R. R.". */
function separateInitials(text: string): string {
  return text.replace(/(^|[\s.])(\p{L})\.(?=\p{L})/gu, '$1$2. ');
}

/** Russian/Ukrainian patronymics (Сергеевич, Ivanovna, Петрович, Миколаївна…). */
export function isPatronymic(word: string): boolean {
  const w = foldToLatin(word).replace(/[^a-z]/g, '');
  return w.length > 5 && /(vich|vych|vna|ichna|ychna|ilyich|ilich|kuzmich|lukich|fomich)$/.test(w);
}

export interface NameParts {
  firstName?: string;
  middleName?: string;
  lastName?: string;
}

/**
 * Splits a full name as people type it. Patronymics mark Russian order
 * (Last First Patronymic); otherwise a word the nickname table knows as a
 * given name is taken as the first name; failing that, "First … Last".
 * "Last, First" is honoured. Titles are dropped.
 */
export function splitFullName(raw: unknown): NameParts {
  const text = raw == null ? '' : String(raw).slice(0, MAX_NAME_INPUT).trim();
  if (text === '') return {};
  const comma = text.indexOf(',');
  if (comma > 0) {
    const last = originalWords(text.slice(0, comma));
    const rest = originalWords(text.slice(comma + 1));
    if (last.length > 0 && rest.length > 0) {
      return compact({ lastName: last.join(' '), firstName: rest[0], middleName: rest.slice(1).join(' ') });
    }
  }
  const words = originalWords(text);
  if (words.length === 0) return {};
  if (words.length === 1) return { firstName: words[0] };
  // "Петров А. В.", "А.В. Петров", "Smith J": the one full word is the surname, the initials first and middle.
  const full = words.filter((w) => !isInitial(w));
  if (full.length === 1 && words.length <= 4) {
    const initials = words.filter(isInitial);
    return compact({ lastName: full[0], firstName: initials[0], middleName: initials.slice(1).join(' ') });
  }
  const patronymicAt = words.findIndex((w, i) => i > 0 && isPatronymic(w));
  if (patronymicAt > 0) {
    const others = words.filter((_, i) => i !== patronymicAt);
    if (others.length === 2 && patronymicAt === 2) {
      return compact({ lastName: others[0], firstName: others[1], middleName: words[patronymicAt] });
    }
    return compact({
      firstName: words[patronymicAt - 1],
      middleName: words[patronymicAt],
      lastName: words.filter((_, i) => i !== patronymicAt && i !== patronymicAt - 1).join(' '),
    });
  }
  if (words.length === 2 && !isKnownGivenName(words[0]) && isKnownGivenName(words[1])) {
    return { lastName: words[0], firstName: words[1] };
  }
  return compact({ firstName: words[0], middleName: words.slice(1, -1).join(' '), lastName: words[words.length - 1] });
}

function originalWords(text: string): string[] {
  return separateInitials(text)
    .split(/[\s,]+/)
    .filter((w) => w !== '' && !isTitleWord(w));
}

function compact(parts: NameParts): NameParts {
  const out: NameParts = {};
  if (parts.firstName) out.firstName = parts.firstName;
  if (parts.middleName) out.middleName = parts.middleName;
  if (parts.lastName) out.lastName = parts.lastName;
  return out;
}
