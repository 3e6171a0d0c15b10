/** The UI language: the user's choice if they made one here, else the locale the server reports. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type Messages } from './en';
import { ru } from './ru';

export type Locale = 'en' | 'ru';
export const LOCALES: Record<Locale, { label: string; messages: Messages }> = {
  en: { label: 'English', messages: en },
  ru: { label: 'Русский', messages: ru },
};

const STORAGE_KEY = 'clientbase.locale';

const isLocale = (value: unknown): value is Locale => value === 'en' || value === 'ru';

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

export function guessLocale(): Locale {
  const nav = typeof navigator === 'undefined' ? '' : navigator.language || '';
  return /^(ru|uk|be)/i.test(nav) ? 'ru' : 'en';
}

export const MessagesContext = createContext<Messages>(en);

export function useT(): Messages {
  return useContext(MessagesContext);
}

/** The UI language now, for views that keep their own strings (views/<feature>/messages.ts). */
export function useLocale(): Locale {
  const t = useT();
  return (Object.keys(LOCALES) as Locale[]).find((l) => LOCALES[l].messages === t) ?? 'en';
}
