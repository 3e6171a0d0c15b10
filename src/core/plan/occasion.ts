/**
 * Seasonal and personal occasions: a yearly campaign on a fixed date to a
 * segment, or a greeting on each client's own date (a birthday, the
 * anniversary of the first purchase) read from a date field. Sent on the day
 * in the spreadsheet's zone, once a year per client: each year is its own
 * campaign, so the mailing ledger stops a second greeting that year.
 */
export type OccasionKind = 'yearly' | 'personal';

export interface Occasion {
  id: string;
  kind: OccasionKind;
  /** Campaign names are "<name> <year>" (plus " (ru)" etc. for a language's own template). */
  name: string;
  template: string;
  /** Yearly: who gets it. Personal: an optional narrowing ('' = every client with a date). */
  segment: string;
  /** Yearly: the date (month 1-12, day 1-31). */
  month: number;
  day: number;
  /** Personal: the date field (Birthday, Client since…). */
  field: string;
  /** Not before this hour of the day in the spreadsheet's zone. */
  hour: number;
  by: string;
  created: string;
  /** yyyy-MM-dd of the day it last ran to the end (the hourly trigger skips it for the rest of that day). */
  doneDay?: string;
}

export const LANGS = ['en', 'ru', 'uk', 'ro'] as const;
export type Lang = (typeof LANGS)[number];

/** 29 February falls on 28 February in a year without it. */
export function occursOn(month: number, day: number, today: { year: number; month: number; dayOfMonth: number }): boolean {
  if (month === today.month && day === today.dayOfMonth) return true;
  const leap = (today.year % 4 === 0 && today.year % 100 !== 0) || today.year % 400 === 0;
  return month === 2 && day === 29 && !leap && today.month === 2 && today.dayOfMonth === 28;
}

/** The next date (yyyy-MM-dd) on or after `from` when a month/day comes round. */
export function nextOccurrence(month: number, day: number, from: { year: number; month: number; dayOfMonth: number }): string {
  for (let year = from.year; year <= from.year + 4; year++) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const d = month === 2 && day === 29 && !leap ? 28 : day;
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const fromIso = `${from.year}-${String(from.month).padStart(2, '0')}-${String(from.dayOfMonth).padStart(2, '0')}`;
    if (iso >= fromIso) return iso;
  }
  return '';
}

/** Month and day of a yyyy-MM-dd (or dd.mm.yyyy) text; null when it is not one. */
export function monthDay(text: string): { month: number; day: number } | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text.trim());
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text.trim());
  const [month, day] = iso ? [Number(iso[2]), Number(iso[3])] : dotted ? [Number(dotted[2]), Number(dotted[1])] : [0, 0];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { month, day };
}

const LANGUAGE_NAMES: Record<Lang, RegExp> = {
  en: /^(en|eng|english|англ\w*)$/i,
  ru: /^(ru|rus|russian|русский|рус\.?|російська|rusă|rusa)$/i,
  uk: /^(uk|ua|ukr|ukrainian|українська|укр\.?|украинский|ucraineană|ucraineana)$/i,
  ro: /^(ro|ron|rum|mo|romanian|moldovan|română|romana|moldovenească|румынский|молдавский|румунська)$/i,
};

/** A client's Language cell as a code, or null when empty or unknown. */
export function languageCode(value: string): Lang | null {
  const text = value.trim();
  if (!text) return null;
  for (const lang of LANGS) if (LANGUAGE_NAMES[lang].test(text)) return lang;
  return null;
}

/** The template for a language: "Birthday (ru)" when it exists, else the occasion's own. */
export function templateForLanguage(base: string, lang: Lang | null, names: readonly string[]): string {
  if (!lang) return base;
  const wanted = `${base} (${lang})`.toLowerCase();
  return names.find((n) => n.trim().toLowerCase() === wanted) ?? base;
}

/** The campaign one year of an occasion sends under: one per template, so the ledger's never-twice holds per year. */
export function occasionCampaign(name: string, year: number, template: string, base: string): string {
  const suffix = template === base ? '' : template.slice(base.length).trim();
  return `${name} ${year}${suffix ? ` ${suffix}` : ''}`;
}

export function isOccasion(value: unknown): value is Occasion {
  const v = value as Occasion;
  return !!v && typeof v.id === 'string' && (v.kind === 'yearly' || v.kind === 'personal') && typeof v.name === 'string' && typeof v.template === 'string';
}
