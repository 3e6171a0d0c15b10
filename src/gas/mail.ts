/**
 * MailApp, not GmailApp: sending needs only the `script.send_mail` scope,
 * while GmailApp would ask every user for the restricted full-mailbox scope.
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  /** The plain-text version; mail clients that do not show HTML show this. */
  textBody: string;
  htmlBody: string;
  /** Sender display name; empty: the Google account's name. */
  name?: string;
  replyTo?: string;
}

export function sendMail(mail: OutgoingMail): void {
  const options: GoogleAppsScript.Mail.MailAdvancedParameters & { to: string; subject: string; body: string } = {
    to: mail.to,
    subject: mail.subject,
    body: mail.textBody,
    htmlBody: mail.htmlBody,
  };
  if (mail.name) options.name = mail.name;
  if (mail.replyTo) options.replyTo = mail.replyTo;
  MailApp.sendEmail(options);
}

/** Recipients this account may still mail today (100 a day for consumer accounts, 1,500 for Workspace). */
export function remainingDailyQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
