/** MailApp: sends into an outbox, with the daily recipient quota and the real errors. */
import { rawOf, SERVICE } from '../calls';

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
  attachments?: { name: string; contentType: string; size: number }[];
  /** The active user who sent it. */
  from: string;
  at: Date;
}

export interface MailState {
  outbox: SentMail[];
  remaining: number;
}

export const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Splits "a@x.com, Name <b@y.com>" into addresses; throws `Invalid email: …` on the first bad one. */
export function recipients(list: string | undefined): string[] {
  if (list === undefined || list === null || String(list).trim() === '') return [];
  return String(list)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const named = /^.*<([^<>]+)>$/.exec(part);
      const address = (named ? named[1] : part).trim();
      if (!ADDRESS.test(address)) throw new Error(`Invalid email: ${part}`);
      return address;
    });
}

type Options = GoogleAppsScript.Mail.MailAdvancedParameters;
type Message = GoogleAppsScript.Mail.MailAdvancedParameters & { to: string; subject: string; body?: string };

interface BlobLike {
  getName(): string | null;
  getContentType(): string | null;
  getBytes(): number[];
}

export class MailApp implements Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  readonly [SERVICE] = 'MailApp';
  constructor(
    private state: MailState,
    private user: () => string,
    private now: () => Date,
  ) {}

  getRemainingDailyQuota(): number {
    return this.state.remaining;
  }

  sendEmail(message: Message): void;
  sendEmail(recipient: string, subject: string, body: string): void;
  sendEmail(recipient: string, subject: string, body: string, options: Options): void;
  sendEmail(to: string, replyTo: string, subject: string, body: string): void;
  sendEmail(a: string | Message, b?: string, c?: string, d?: Options | string): void {
    let message: Message;
    if (typeof a === 'object' && a !== null) message = a;
    else if (typeof d === 'string') message = { to: a, replyTo: b, subject: c as string, body: d };
    else message = { ...(d ?? {}), to: a, subject: b as string, body: c ?? '' };
    this.send(message);
  }

  private send(message: Message): void {
    const to = recipients(message.to);
    const cc = recipients(message.cc);
    const bcc = recipients(message.bcc);
    if (to.length + cc.length + bcc.length === 0) throw new Error('Failed to send email: no recipient');
    if (message.replyTo) recipients(message.replyTo);
    if (message.subject === undefined || message.subject === null) throw new Error('Invalid argument: subject');
    const count = to.length + cc.length + bcc.length;
    if (this.state.remaining < count) throw new Error(QUOTA_EXCEEDED);
    const attachments = ((message.attachments ?? []) as unknown as BlobLike[]).map(rawOf).map((blob) => ({
      name: blob.getName() ?? '',
      contentType: blob.getContentType() ?? 'application/octet-stream',
      size: blob.getBytes().length,
    }));
    this.state.remaining -= count;
    const sent: SentMail = {
      to: String(message.to),
      subject: String(message.subject),
      body: message.body === undefined || message.body === null ? '' : String(message.body),
      from: this.user(),
      at: this.now(),
    };
    if (message.htmlBody !== undefined) sent.htmlBody = String(message.htmlBody);
    if (message.name !== undefined) sent.name = String(message.name);
    if (message.replyTo !== undefined) sent.replyTo = String(message.replyTo);
    if (message.cc !== undefined) sent.cc = String(message.cc);
    if (message.bcc !== undefined) sent.bcc = String(message.bcc);
    if (message.noReply !== undefined) sent.noReply = Boolean(message.noReply);
    if (attachments.length) sent.attachments = attachments;
    this.state.outbox.push(sent);
  }
}
