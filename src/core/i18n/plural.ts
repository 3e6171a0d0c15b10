/**
 * Plural forms by Intl.PluralRules, so "21 день", "22 дня", "25 дней", "1 zi",
 * "3 zile", "20 de zile" come from CLDR rather than hand-written modulo arithmetic.
 * Russian and Ukrainian use one/few/many (other only for fractions), Romanian
 * one/few/other, English one/other.
 */
import type { Lang } from './lang';

export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  /** Used for any category without its own form. */
  other: string;
}

const RULES = new Map<Lang, Intl.PluralRules>();

function rules(lang: Lang): Intl.PluralRules {
  let r = RULES.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    RULES.set(lang, r);
  }
  return r;
}

/** The word for n in lang: pluralWord('ru', 22, …) → the "few" form. */
export function pluralWord(lang: Lang, n: number, forms: PluralForms): string {
  const category = rules(lang).select(n) as keyof PluralForms | 'zero' | 'two';
  return (category in forms ? forms[category as keyof PluralForms] : undefined) ?? forms.other;
}

/** n and its word: "5 дней". */
export const countOf = (lang: Lang, n: number, forms: PluralForms): string => `${n} ${pluralWord(lang, n, forms)}`;

/** Russian or Ukrainian, as catalogues write it: one, few, many (fractions take few). */
export const slavic = (lang: 'ru' | 'uk', n: number, one: string, few: string, many: string): string => countOf(lang, n, { one, few, many, other: few });

/** Romanian: one, few (0, 2–19), other (20+, which catalogues write with "de": "20 de zile"). */
export const romanian = (n: number, one: string, few: string, other: string): string => countOf('ro', n, { one, few, other });

/** English: one, other. */
export const english = (n: number, one: string, other: string): string => countOf('en', n, { one, other });
