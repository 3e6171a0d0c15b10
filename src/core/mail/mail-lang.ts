/** The languages the server words mailing summaries, plans and warnings in: the sidebar's four. */
export type MailLang = 'en' | 'ru' | 'uk' | 'ro';

/** Anything the RPC brings (old sidebars sent only en/ru; unknown values read as English). */
export function mailLangOf(value: unknown): MailLang {
  return value === 'ru' || value === 'uk' || value === 'ro' ? value : 'en';
}
