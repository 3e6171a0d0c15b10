/**
 * The language a recipient reads, for the words the add-on adds to a mail
 * (the opt-out footer): the client's Language column when it names one of
 * ours (ru, "Русский", "українська", "Română"…), else the language the
 * template is written in, never the sender's sidebar language.
 */
import type { Lang } from '../i18n/lang';
import type { CellValue } from '../values';

/** Column headers that hold a client's language. */
const LANGUAGE_COLUMNS = new Set(['language', 'lang', 'язык', 'мова', 'limba', 'limbă']);

const LANGUAGE_WORDS: Record<Lang, readonly string[]> = {
  en: ['en', 'eng', 'english', 'английский', 'англійська', 'engleză', 'engleza'],
  ru: ['ru', 'rus', 'russian', 'русский', 'рус', 'російська', 'rusă', 'rusa'],
  uk: ['uk', 'ua', 'ukr', 'ukrainian', 'українська', 'укр', 'украинский', 'ucraineană', 'ucraineana'],
  ro: ['ro', 'mo', 'rom', 'romanian', 'română', 'romana', 'moldovenească', 'румынский', 'румунська', 'молдавский'],
};

const norm = (s: string): string => s.normalize('NFC').trim().toLowerCase().replace(/ş/g, 'ș').replace(/ţ/g, 'ț');

/** One of ours when the cell names it ("RU", "ru-RU", "Українська"), else undefined. */
export function languageOfValue(value: CellValue | undefined): Lang | undefined {
  const text = norm(String(value ?? ''));
  if (text === '') return undefined;
  const head = text.split(/[-_\s,;/]/)[0];
  for (const [lang, words] of Object.entries(LANGUAGE_WORDS) as [Lang, readonly string[]][]) {
    if (words.includes(text) || words.includes(head)) return lang;
  }
  return undefined;
}

/**
 * The language a template is written in, from its letters: mostly Cyrillic is
 * Ukrainian when it has і ї є ґ and none of ы э ъ, else Russian; Latin with
 * ă â î ș ț is Romanian; anything else English. Placeholders do not count.
 */
export function templateLanguage(subject: string, body: string): Lang {
  const text = `${subject}\n${body}`.replace(/\{\{[^}]*\}\}/g, ' ').toLowerCase();
  const cyrillic = (text.match(/[\u0400-\u04ff]/g) ?? []).length;
  const latin = (text.match(/[a-zăâîșțşţ]/g) ?? []).length;
  if (cyrillic > latin) return /[іїєґ]/.test(text) && !/[ыэъ]/.test(text) ? 'uk' : 'ru';
  return /[ăâîșțşţ]/.test(text) ? 'ro' : 'en';
}

export function recipientLanguage(values: Readonly<Record<string, CellValue>>, template: { subject: string; body: string }): Lang {
  for (const [header, value] of Object.entries(values)) {
    if (!LANGUAGE_COLUMNS.has(norm(header))) continue;
    const lang = languageOfValue(value);
    if (lang) return lang;
  }
  return templateLanguage(template.subject, template.body);
}
