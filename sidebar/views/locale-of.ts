/** The language whose messages these are, for a view's tab label kept in its own messages.ts. */
import type { Messages } from '../i18n/en';
import { LOCALES, type Locale } from '../i18n/locale';

export const localeOfMessages = (t: Messages): string => (Object.keys(LOCALES) as Locale[]).find((l) => LOCALES[l].messages === t) ?? 'en';
