/** The UI language: the user's choice if they made one here, else the locale the server reports. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { isLang, langOfLocale, type Lang } from '../../src/core/i18n/lang';
import { en, type Messages } from './en';
import { ro } from './ro';
import { ru } from './ru';
import { uk } from './uk';

export type Locale = Lang;
export const LOCALES: Record<Locale, { label: string; messages: Messages }> = {
  en: { label: 'English', messages: en },
  ru: { label: 'Русский', messages: ru },
  uk: { label: 'Українська', messages: uk },
  ro: { label: 'Română', messages: ro },
};

const STORAGE_KEY = 'clientbase.locale';

const isLocale = (value: unknown): value is Locale => isLang(value);

/** Storage can be blocked in the Apps Script iframe (third-party cookies off): never let that break the UI. */
export function storedLocale(): Locale | undefined {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // The choice then lasts for this session only.
  }
}

/** uk → Ukrainian, ro/mo → Romanian, ru/be → Russian, anything else English. */
export function guessLocale(): Locale {
  return langOfLocale(typeof navigator === 'undefined' ? '' : navigator.language || '');
}

export const MessagesContext = createContext<Messages>(en);

export function useT(): Messages {
  return useContext(MessagesContext);
}

/** The language whose app catalogue this is (English for an unknown object). */
export function localeOfMessages(t: Messages): Locale {
  return (Object.keys(LOCALES) as Locale[]).find((l) => LOCALES[l].messages === t) ?? 'en';
}

/** The UI language now, for views that keep their own strings (views/<feature>/messages.ts). */
export function useLocale(): Locale {
  return localeOfMessages(useT());
}
