/**
 * Cyrillic ↔ Latin for matching names, not for display: the same person is
 * written "Щербаков", "Shcherbakov", "Scherbakov" or "Chtcherbakov" depending
 * on who typed it and which passport rules they followed. Two layers:
 *
 * - `cyrillicToLatin`: one reading of Russian/Ukrainian/Belarusian letters in
 *   Latin (close to the common passport style: Ж=zh, Х=kh, Щ=shch, Й=y).
 * - `latinSkeleton`: folds every common romanisation of the same sound to one
 *   spelling (kh/h, y/i/j, ks/x, ts/tz/c, doubled letters…), so that
 *   Aleksey, Alexei and Алексей meet.
 */

const COMMON: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  ѓ: 'g',
  ќ: 'k',
  ѕ: 'dz',
};

/** Letters only Ukrainian uses: their presence switches Г to H and И to Y. */
const UKRAINIAN_ONLY = /[іїєґ]/i;
const CYRILLIC = /[\u0400-\u04ff]/;
const CYRILLIC_ALL = /[\u0400-\u04ff]/g;
/** Anything but printable ASCII (which folding leaves as it is, apart from case). */
const NOT_ASCII = /[^ -~]/;

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

export function hasLatin(text: string): boolean {
  return /[a-z]/i.test(text);
}

/** Romanises Cyrillic letters, leaving everything else untouched. Lower-cases the text. */
export function cyrillicToLatin(text: string): string {
  const lower = text.toLowerCase();
  if (!CYRILLIC.test(lower)) return lower;
  const ukrainian = UKRAINIAN_ONLY.test(lower);
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    if (ch === 'г') out += ukrainian ? 'h' : 'g';
    else if (ch === 'и') out += ukrainian ? 'y' : 'i';
    else {
      const mapped = COMMON[ch];
      out += mapped === undefined ? ch : mapped;
    }
  }
  return out;
}

/** Latin letters that do not decompose under NFD. */
const SPECIAL_LATIN: Record<string, string> = {
  ß: 'ss',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
};

/**
 * Lower case, accents and diacritics removed (Romanian ș ț ă â î, German ü,
 * Polish ł…), Cyrillic romanised. Keeps spaces, digits and punctuation.
 */
export function foldToLatin(text: string): string {
  // Plain ASCII (most emails, phones, Latin names) has nothing to romanise or strip: lower case is the whole fold.
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  const once = foldStep(text);
  // A precomposed Cyrillic letter with a mark (ѐ, ѝ) only shows its base letter once the mark is stripped.
  const twice = CYRILLIC.test(once) ? foldStep(once) : once;
  // What is still Cyrillic has no romanisation here (archaic letters such as Ѡ, Ѣ, Ѳ, or the
  // Komi and Abkhaz additions): dropped, so a folded text is Latin and folding it again changes nothing.
  return CYRILLIC.test(twice) ? twice.replace(CYRILLIC_ALL, '') : twice;
}

function foldStep(text: string): string {
  const romanised = cyrillicToLatin(text);
  const stripped = romanised.normalize('NFD').replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, '');
  return stripped.replace(/[ßłøæœđðþıħŀ]/g, (ch) => SPECIAL_LATIN[ch]);
}

/**
 * One spelling for all the usual romanisations of a name, for blocking and
 * "same name in another alphabet" checks. Only letters survive. Lossy on purpose:
 * equality of skeletons is evidence, not proof.
 */
export function latinSkeleton(text: string): string {
  const once = skeletonStep(text);
  const twice = skeletonStep(once);
  return twice === once ? once : skeletonStep(twice);
}

/**
 * ʃ ʒ ʧ ʦ stand for the sh, zh, ch and ts families: letters that no rule
 * rewrites again, so the skeleton of a skeleton is itself.
 */
function skeletonStep(text: string): string {
  let s = foldToLatin(text).replace(/[^a-zʃʒʧʦ]/g, '');
  if (s === '') return '';
  s = s
    // Ё after a consonant is written yo or e (Artyom/Artem, Pyotr/Petr, Fyodor/Fedor).
    .replace(/([bcdfghklmnprstvzʃʒʧʦ])yo/g, '$1e')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/chr/g, 'kr')
    .replace(/s?shch|shtch|sch|sh|sz/g, 'ʃ')
    .replace(/zh/g, 'ʒ')
    .replace(/tch|ch|cz/g, 'ʧ')
    .replace(/kh/g, 'h')
    .replace(/tz|ts/g, 'ʦ')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/th/g, 't')
    .replace(/gh/g, 'g')
    .replace(/[yj]/g, 'i')
    .replace(/(.)\1+/g, '$1')
    .replace(/^ie/, 'e')
    .replace(/([aeiou])ie/g, '$1e')
    .replace(/(.)\1+/g, '$1');
  return s;
}

/**
 * A Latin name read the Romanian way, written as the Moldovan Cyrillic
 * spelling would romanise (Ciobanu → chobanu, Munteanu → muntianu, Țurcanu →
 * tsurkanu, Sârbu → syrbu), so that Чобану and Ciobanu meet. The empty string
 * when the reading says nothing new (no ci/ce/gi/ge/ea or Romanian letters).
 */
export function romanianReading(text: string): string {
  const t = text.toLowerCase();
  if (!/c[ei]|g[ei]|ea|[șşțţăâî]/.test(t) || CYRILLIC.test(t)) return '';
  return t
    .replace(/[șş]/g, 'sh')
    .replace(/[țţ]/g, 'ts')
    .replace(/ă/g, 'e')
    .replace(/[âî]/g, 'y')
    .replace(/ch(?=[ei])/g, 'k')
    .replace(/gh(?=[ei])/g, 'g')
    .replace(/ci(?=[aou])/g, 'ch')
    .replace(/c(?=[ei])/g, 'ch')
    .replace(/gi(?=[aou])/g, 'dzh')
    .replace(/g(?=[ei])/g, 'dzh')
    .replace(/ea/g, 'ya');
}

/**
 * The consonants of a name as heard, for names written in two alphabets that
 * no letter rule joins (Hughes / Хьюз): silent gh dropped, vowels and y/i
 * dropped, voiced and voiceless s/z merged. Weak on purpose.
 */
export function consonantKey(text: string): string {
  return latinSkeleton(foldToLatin(text).replace(/([aeiou])gh/g, '$1'))
    .replace(/[aeiouiʲ]/g, '')
    .replace(/z/g, 's')
    .replace(/(.)\1+/g, '$1');
}
