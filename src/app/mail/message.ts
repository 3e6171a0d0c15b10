/**
 * The exact message a client gets: the template rendered with the client's
 * row, and the opt-out footer (a signed unsubscribe link when the web app's
 * URL is in Settings, otherwise an invitation to reply).
 */
import type { MailLang } from '../../core/mail/mail-lang';
import { compileTemplate, renderCompiled, type CompiledTemplate, type MailTemplate, type RenderedMessage } from '../../core/mail/render';
import { recipientLanguage } from '../../core/mail/recipient-language';
import { footerFor, signToken, type Hmac } from '../../core/mail/unsubscribe';
import { unsubscribeHmac } from '../../gas/signing';
import type { Base } from '../base';
import type { ClientRecord } from './clients-data';

/** How a number or date in a message reads for the sidebar's language (1500,5 outside English); English keeps the plain form. */
const VALUE_LOCALE: Record<MailLang, string | undefined> = { en: undefined, ru: 'ru-RU', uk: 'uk-UA', ro: 'ro-RO' };

export interface MessageMaker {
  compiled: CompiledTemplate;
  render(client: ClientRecord): RenderedMessage;
}

/**
 * What a preview shows instead of a signed token: anyone who can open the
 * sidebar can preview, and a valid token would let a reader opt anyone out.
 * It has the token's shape, so the footer looks as it will, but no signature verifies it.
 */
export const PREVIEW_TOKEN = 'preview.the-real-link-is-made-when-sending';

export function messageMaker(
  base: Base,
  template: MailTemplate,
  fieldNames: readonly string[],
  campaign: string,
  lang: MailLang,
  purpose: 'send' | 'preview' = 'send',
): MessageMaker {
  const compiled = compileTemplate(template, fieldNames);
  const personFields = base.fields.filter((f) => f.type === 'person').map((f) => f.name);
  const url = base.settings.unsubscribeUrl;
  let hmac: Hmac | undefined;
  return {
    compiled,
    render(client) {
      let token: string | undefined;
      if (url && purpose === 'preview') token = PREVIEW_TOKEN;
      else if (url) {
        hmac ??= unsubscribeHmac();
        token = signToken(client.id, campaign, hmac);
      }
      // The footer speaks the recipient's language (their Language column, else the template's), not the sender's.
      const footer = footerFor({ webAppUrl: url, token, lang: recipientLanguage(client.values, template) });
      return renderCompiled(compiled, client.values, {
        fieldNames,
        timeZone: base.timeZone,
        locale: VALUE_LOCALE[lang],
        footer,
        personFields,
        people: base.settings.people,
      });
    },
  };
}
