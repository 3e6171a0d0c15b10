/**
 * Unsubscribe links. A token names a client and a campaign and carries an
 * HMAC of both, so only links the add-on made can set opt-out. The HMAC is
 * injected: the adapter computes it with Utilities' computeHmacSha256Signature
 * and a secret kept in script properties; tests use any function.
 */
import type { Lang } from '../i18n/lang';
import { base64UrlDecode, base64UrlEncode, utf8Bytes, utf8Text } from './base64url';
import { escapeHtml, type MessageFooter } from './render';

/** The query parameter of the web app that carries the token. */
export const UNSUBSCRIBE_PARAM = 'u';

const VERSION = 'v1';
const MAX_TOKEN_CHARS = 2000;

export type Hmac = (message: string) => string;

/** "<payload>.<signature>", both URL-safe Base64; the payload is "v1\n<client>\n<campaign>". */
export function signToken(clientId: string, campaign: string, hmac: Hmac): string {
  const payload = base64UrlEncode(utf8Bytes(`${VERSION}\n${clean(clientId)}\n${clean(campaign)}`));
  return `${payload}.${urlSafe(hmac(payload))}`;
}

/** The client and campaign of a token this add-on signed, or null for anything else. */
export function verifyToken(token: unknown, hmac: Hmac): { clientId: string; campaign: string } | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) return null;
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const payload = token.slice(0, dot);
  const signature = token.slice(dot + 1);
  let expected: string;
  try {
    expected = urlSafe(hmac(payload));
  } catch {
    return null;
  }
  if (!constantTimeEqual(signature, expected)) return null;
  const bytes = base64UrlDecode(payload);
  const text = bytes && utf8Text(bytes);
  if (text === undefined) return null;
  const [version, clientId, campaign, ...extra] = text.split('\n');
  if (version !== VERSION || extra.length > 0 || !clientId || campaign === undefined) return null;
  return { clientId, campaign };
}

/**
 * Compares every character whatever the first difference, so the time taken
 * says nothing about how much of a forged signature was right. The caller
 * passes the expected value second.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  // Walks the expected value's full length: the time depends on neither input's content.
  for (let i = 0; i < b.length; i++) diff |= (a.charCodeAt(i) || 0) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The opt-out footer. With the web app deployed, a signed unsubscribe link;
 * otherwise (or with a URL that is not plain https) an invitation to reply.
 */
const FOOTER_WORDS: Record<Lang, { lead: string; label: string; reply: string }> = {
  en: { lead: 'To stop receiving these messages, unsubscribe:', label: 'unsubscribe', reply: 'Reply to this email to stop receiving messages.' },
  ru: {
    lead: 'Чтобы больше не получать эти письма, отпишитесь:',
    label: 'отписаться',
    reply: 'Чтобы больше не получать эти письма, ответьте на это сообщение.',
  },
  uk: {
    lead: 'Щоб більше не отримувати ці листи, відпишіться:',
    label: 'відписатися',
    reply: 'Щоб більше не отримувати ці листи, дайте відповідь на це повідомлення.',
  },
  ro: {
    lead: 'Pentru a nu mai primi aceste mesaje, dezabonați-vă:',
    label: 'dezabonare',
    reply: 'Răspundeți la acest e-mail pentru a nu mai primi mesaje.',
  },
};

/** `lang`: the recipient's language (core/mail/recipient-language.ts). */
export function footerFor(options: { webAppUrl?: string; token?: string; lang: Lang }): MessageFooter {
  const words = FOOTER_WORDS[options.lang] ?? FOOTER_WORDS.en;
  const url = options.webAppUrl?.trim() ?? '';
  const token = options.token ?? '';
  if (/^https:\/\/[^\s"'<>`]+$/i.test(url) && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) {
    const link = `${url}${url.includes('?') ? '&' : '?'}${UNSUBSCRIBE_PARAM}=${token}`;
    return {
      text: `${words.lead} ${link}`,
      html: `${escapeHtml(words.lead)} <a href="${escapeHtml(link)}">${escapeHtml(words.label)}</a>`,
    };
  }
  return { text: words.reply, html: escapeHtml(words.reply) };
}

/** Line breaks would change the meaning of the payload, so they cannot be part of an ID. */
function clean(value: string): string {
  return String(value ?? '').replace(/[\r\n]+/g, ' ');
}

/** Standard Base64 or hex from the adapter, made safe for a URL. */
function urlSafe(signature: string): string {
  return String(signature).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
