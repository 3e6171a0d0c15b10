export type EmailCheck = { ok: true; email: string } | { ok: false; reason: 'empty' | 'too_long' | 'invalid'; suggestion?: string };

const MAX_EMAIL = 254;
// Deliberately practical, not RFC 5322: what mail providers accept from people.
// Internationalised domains (ёлка.рф, müller.de) and their punycode (xn--…) are addresses too.
const EMAIL_SHAPE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"_]+\.(?:\p{L}{2,}|xn--[a-z0-9-]{2,})$/iu;

/** Common domain typos mapped to what was meant. */
const DOMAIN_TYPOS: Record<string, string> = {
  'gmial.com': 'gmail.com',
  'gmai.com': 'gmail.com',
  'gmal.com': 'gmail.com',
  'gamil.com': 'gmail.com',
  'gmail.co': 'gmail.com',
  'gmail.cm': 'gmail.com',
  'gmail.ru': 'gmail.com',
  'gmaill.com': 'gmail.com',
  'gnail.com': 'gmail.com',
  'gmail.con': 'gmail.com',
  'hotmial.com': 'hotmail.com',
  'hotmai.com': 'hotmail.com',
  'hotmail.co': 'hotmail.com',
  'yahooo.com': 'yahoo.com',
  'yaho.com': 'yahoo.com',
  'outlok.com': 'outlook.com',
  'yandex.ry': 'yandex.ru',
  'yandx.ru': 'yandex.ru',
  'yadex.ru': 'yandex.ru',
  'mail.ry': 'mail.ru',
  'mai.ru': 'mail.ru',
  'mail.ri': 'mail.ru',
  'ukr.nt': 'ukr.net',
  'ukrnet.net': 'ukr.net',
  'iclod.com': 'icloud.com',
};

/** Trims, lower-cases and checks an email; suggests a fix for a mistyped well-known domain. */
export function checkEmail(raw: unknown): EmailCheck {
  const text =
    raw == null
      ? ''
      : String(raw)
          .trim()
          .replace(/^mailto:/i, '');
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > MAX_EMAIL) return { ok: false, reason: 'too_long' };
  const email = text.toLowerCase();
  const at = email.lastIndexOf('@');
  const domain = at > 0 ? email.slice(at + 1) : '';
  const fixedDomain = DOMAIN_TYPOS[domain];
  if (fixedDomain) return { ok: false, reason: 'invalid', suggestion: email.slice(0, at + 1) + fixedDomain };
  if (!EMAIL_SHAPE.test(email) || email.includes('..')) {
    const cleaned = email.replace(/\s+/g, '').replace(/,/g, '.').replace(/\.\.+/g, '.');
    return cleaned !== email && EMAIL_SHAPE.test(cleaned) ? { ok: false, reason: 'invalid', suggestion: cleaned } : { ok: false, reason: 'invalid' };
  }
  return { ok: true, email };
}

const IGNORES_DOTS = new Set(['gmail.com', 'googlemail.com']);
const IGNORES_PLUS_TAG = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'icloud.com',
  'me.com',
  'yandex.ru',
  'yandex.com',
  'ya.ru',
  'fastmail.com',
  'proton.me',
  'protonmail.com',
]);

/**
 * The mailbox an address really reaches, for duplicate detection: dots and
 * "+tags" are dropped only where the provider ignores them.
 */
export function emailKey(raw: unknown): string | undefined {
  const text = raw == null ? '' : String(raw).trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at <= 0) return text === '' ? undefined : text;
  let local = text.slice(0, at);
  let domain = text.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (IGNORES_PLUS_TAG.has(domain)) local = local.replace(/\+.*$/, '');
  if (IGNORES_DOTS.has(domain)) local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}
