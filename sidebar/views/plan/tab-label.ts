/** The Plan tab's label in the sidebar's language, from the shared Messages the registry passes. */
import type { Messages } from '../../i18n/en';
import { LOCALES } from '../../i18n/locale';
import { planMessagesFor } from './messages';

export function planTabLabel(t: Messages): string {
  const locale = (Object.keys(LOCALES) as string[]).find((l) => (LOCALES as Record<string, { messages: Messages }>)[l].messages === t) ?? 'en';
  return planMessagesFor(locale).tab;
}
