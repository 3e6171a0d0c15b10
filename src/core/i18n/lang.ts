/**
 * The four languages ClientBase speaks, and how a locale tag (navigator.language,
 * Session.getActiveUserLocale(), getSpreadsheetLocale()) maps onto them.
 * Belarusian readers are closer to Russian than English; Moldovan ("mo") is Romanian.
 */

export const LANGS = ['en', 'ru', 'uk', 'ro'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (value: unknown): value is Lang => typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/** "uk_UA" → uk, "ro-MD"/"mo" → ro, "ru"/"be_BY" → ru, anything else → en. */
export function langOfLocale(tag: unknown): Lang {
  const code = String(tag ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_]/)[0];
  if (code === 'uk') return 'uk';
  if (code === 'ro' || code === 'mo') return 'ro';
  if (code === 'ru' || code === 'be') return 'ru';
  return 'en';
}
