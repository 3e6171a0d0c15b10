/**
 * Preview and test send: the exact message one recipient would get, from the
 * template as it stands in the editor (saved or not).
 */
import { mailLangOf, type MailLang } from '../../core/mail/mail-lang';
import type { RenderedMessage } from '../../core/mail/render';
import { AppFailure } from '../../core/result';
import { remainingDailyQuota, sendMail } from '../../gas/mail';
import { currentUserEmail } from '../../gas/session';
import { activeClientId } from '../../gas/active-row';
import { loadBase, requireRole } from '../base';
import { clientLabel, readClients } from './clients-data';
import { messageMaker } from './message';
import { unknownPlaceholders, type TemplateWarning } from './templates';
import { MAX_TEMPLATE_CHARS } from '../../core/mail/template';

export interface PreviewInput {
  subject: string;
  body: string;
  /** The recipient to preview; absent: the client under the cursor, else the first client. */
  clientId?: string;
  /** The footer's unsubscribe link names the campaign. */
  campaign?: string;
  lang?: MailLang;
}

export interface PreviewDto extends RenderedMessage {
  clientId: string;
  label: string;
  to: string;
  /** The sender as the recipient's mail client shows it: `senderName` from Settings and the sending account. */
  from?: string;
  replyTo?: string;
  unknown: TemplateWarning[];
}

function templateOf(input: PreviewInput): { subject: string; body: string } {
  const subject = typeof input?.subject === 'string' ? input.subject : '';
  const body = typeof input?.body === 'string' ? input.body : '';
  if (subject.length > MAX_TEMPLATE_CHARS || body.length > MAX_TEMPLATE_CHARS) {
    throw new AppFailure('validation', `The template is too long (at most ${MAX_TEMPLATE_CHARS.toLocaleString('en')} characters a part).`);
  }
  return { subject, body };
}

export function previewMessage(input: PreviewInput): PreviewDto {
  const template = templateOf(input);
  const base = loadBase();
  const clients = readClients(base);
  const wanted = typeof input?.clientId === 'string' && input.clientId.trim() !== '' ? input.clientId.trim() : activeClientId();
  const client = (wanted !== undefined ? clients.byId.get(wanted) : undefined) ?? clients.byId.values().next().value;
  if (!client) {
    if (wanted) throw new AppFailure('not_found', `No client with ID ${wanted}.`);
    throw new AppFailure('not_found', 'There are no clients to preview with yet.');
  }
  const campaign = typeof input?.campaign === 'string' ? input.campaign.trim().slice(0, 100) : '';
  const lang = mailLangOf(input?.lang);
  const message = messageMaker(base, template, clients.fieldNames, campaign, lang, 'preview').render(client);
  return {
    ...message,
    clientId: client.id,
    label: clientLabel(base, client),
    to: String(client.values[clients.emailField] ?? ''),
    from: base.settings.senderName ? `${base.settings.senderName} <${base.user}>` : base.user,
    replyTo: base.settings.replyTo || undefined,
    unknown: unknownPlaceholders(template, clients.fieldNames),
  };
}

/** Sends the preview to the current user only, subject marked "[Test]". Not logged as an interaction. */
export function testSend(input: PreviewInput): { to: string; subject: string } {
  const base = loadBase();
  requireRole(base, 'manager', 'send test emails');
  const preview = previewMessage(input);
  if (preview.errors?.length) throw new AppFailure('validation', `Fix the template first: ${preview.errors[0].message}`);
  if (remainingDailyQuota() < 1) throw new AppFailure('busy', 'The daily email quota is used up; try the test send tomorrow.');
  const to = currentUserEmail();
  const subject = `[Test] ${preview.subject}`;
  sendMail({ to, subject, textBody: preview.textBody, htmlBody: preview.htmlBody, name: base.settings.senderName, replyTo: base.settings.replyTo });
  return { to, subject };
}
