/**
 * A field's words in the user's language: the label, help and option names a
 * team writes in the Fields tab's Label ru / Help uk / Options ro… columns.
 * The sheet and the code keep using Name and Options (a Stage cell still says
 * Hot); only what a person reads or types changes, so a rule may say
 * `Стадия = "Горячий"` and be read as `Stage = "Hot"`.
 */
import { FIELD_WORD_LANGS, type FieldDef, type FieldWordLang, type FieldWords } from './field';
import { headerKey } from './header-map';

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

const wordsIn = (field: FieldDef, lang: string) => (field.words as Record<string, FieldWords[FieldWordLang]> | undefined)?.[lang];

/** The field's name as a user of `lang` reads it: the team's label, else the Name. */
export function fieldLabel(field: FieldDef, lang: string): string {
  return wordsIn(field, lang)?.label || field.name;
}

export function fieldHelp(field: FieldDef, lang: string): string {
  return wordsIn(field, lang)?.help || field.help;
}

/** An option as a user of `lang` reads it ("Hot" → "Горячий"); a value that is not an option stays as written. */
export function optionLabel(field: FieldDef, option: string, lang: string): string {
  const words = wordsIn(field, lang)?.options;
  if (!words) return option;
  const at = field.options.findIndex((o) => norm(o) === norm(option));
  return (at >= 0 && words[at]) || option;
}

/** The option a word names in any language ("горячий", "Fierbinte", "hot" → "Hot"), if any. */
export function optionOfWord(field: FieldDef, word: string): string | undefined {
  const key = norm(word);
  const direct = field.options.find((o) => norm(o) === key);
  if (direct) return direct;
  for (const lang of FIELD_WORD_LANGS) {
    const words = wordsIn(field, lang)?.options ?? [];
    const at = words.findIndex((w) => w && norm(w) === key);
    if (at >= 0 && at < field.options.length) return field.options[at];
  }
  return undefined;
}

/** headerKey of every label → the field's Name, for the rule language; a label that is another field's Name is left out. */
export function labelAliases(fields: readonly FieldDef[]): Map<string, string> {
  const names = new Set(fields.map((f) => headerKey(f.name)));
  const aliases = new Map<string, string>();
  for (const field of fields) {
    for (const lang of FIELD_WORD_LANGS) {
      const label = wordsIn(field, lang)?.label;
      const key = label ? headerKey(label) : '';
      if (key && !names.has(key) && !aliases.has(key)) aliases.set(key, field.name);
    }
  }
  return aliases;
}

/** Per choice/tags field Name, word (normalised) → option, for every language's option words. */
export function optionWordsOf(fields: readonly FieldDef[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const field of fields) {
    if (!field.words || field.options.length === 0) continue;
    const map = new Map<string, string>();
    for (const lang of FIELD_WORD_LANGS) {
      (wordsIn(field, lang)?.options ?? []).forEach((w, i) => {
        if (w && i < field.options.length && !map.has(norm(w))) map.set(norm(w), field.options[i]);
      });
    }
    if (map.size) out.set(field.name, map);
  }
  return out;
}

export const normalizeWord = norm;
