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
]);

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
  return text.split(/[\s,]+/).filter((w) => w !== '' && !TITLES.has(foldToLatin(w).replace(/[^a-z]/g, '')));
}

function compact(parts: NameParts): NameParts {
  const out: NameParts = {};
  if (parts.firstName) out.firstName = parts.firstName;
  if (parts.middleName) out.middleName = parts.middleName;
  if (parts.lastName) out.lastName = parts.lastName;
  return out;
}
