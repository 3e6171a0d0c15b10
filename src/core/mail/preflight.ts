import { checkEmail, emailKey } from '../normalize/email';
import { isBlank } from '../values';
import { parseBoolean } from '../validate/parse-boolean';
import { closestField, resolveField } from './field-match';
import { compileTemplate, placeholderValue, type MailTemplate } from './render';

/** Why a recipient is not sent; persisted as "skipped: <reason>" in Mailings. */
export const SKIP_REASONS = [
  'opted_out',
  'invalid_email',
  'missing_email',
  'duplicate_email',
  'duplicate_client',
  'already_sent',
  'already_received',
  'recently_contacted',
  'one_per_company',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface PreflightRecipient {
  id: string;
  values: Record<string, unknown>;
}

export interface PreflightInput {
  template: MailTemplate;
  recipients: readonly PreflightRecipient[];
  fieldNames: readonly string[];
  /** Client IDs already sent (or being sent) in this campaign. */
  alreadySent: ReadonlySet<string>;
  /** Likely duplicates of a client, from the dedupe engine. */
  duplicatesOf?: (id: string) => readonly string[];
  emailField: string;
  optOutField: string;
  /** Opted out outside the Opt-out column (the mail ledger, a pending unsubscribe click). */
  optedOutIds?: ReadonlySet<string>;
  /** When this mailbox already got this template's content (the mail ledger), as shown to people; undefined if never. */
  receivedOn?: (id: string, mailbox: string) => string | undefined;
}

export const MAX_EXAMPLES = 5;
/** Examples travel to the sidebar: a 50,000-character cell is shown by its start. */
const MAX_SHOWN_CHARS = 200;

export interface Finding<E> {
  count: number;
  /** Up to MAX_EXAMPLES, in recipient order. */
  examples: E[];
}

export interface UnknownPlaceholder {
  part: 'subject' | 'body';
  placeholder: string;
  position: number;
  suggestion?: string;
}

export interface SkippedRecipient {
  id: string;
  reason: SkipReason;
  email?: string;
  /** For duplicates: the recipient that is sent instead (or was sent already). */
  sameAs?: string;
}

export interface PreflightReport {
  /** Distinct recipients considered (an ID listed twice counts once). */
  total: number;
  /** Problems that stop the whole mailing until the template is fixed; empty means it may go. */
  blocking: string[];
  /** Worth reading, not stopping for. */
  warnings: string[];
  templateErrors: { part: 'subject' | 'body'; code: string; message: string; position: number }[];
  unknownPlaceholders: Finding<UnknownPlaceholder>;
  /** Recipients (among those to be sent) with at least one placeholder empty and no fallback. */
  emptyPlaceholders: Finding<{ id: string; placeholders: string[] }> & { byPlaceholder: Record<string, number> };
  invalidEmails: Finding<{ id: string; email: string; suggestion?: string }>;
  missingEmails: Finding<{ id: string }>;
  optedOut: Finding<{ id: string; email?: string }>;
  duplicateEmails: Finding<{ id: string; email: string; sameAs: string }>;
  duplicateClients: Finding<{ id: string; sameAs: string }>;
  alreadySent: Finding<{ id: string }>;
  /** Recipients whose mailbox already received this template (any mailing, by content), with the day. */
  alreadyReceived: Finding<{ id: string; on: string }>;
  /** IDs that will be sent, in recipient order. */
  sendable: string[];
  skipped: SkippedRecipient[];
  /** Normalised address of every recipient that has a valid one (for the Mailings Email column). */
  emails: Record<string, string>;
}

/**
 * Everything a careful person checks before a mailing, computed without
 * sending anything. Each recipient gets exactly one fate, decided in this
 * order: opted out, already sent, no email, invalid email, already received
 * this template (in any mailing), same mailbox as an earlier recipient, likely duplicate of an earlier or already-sent recipient,
 * else sendable. Opt-out is contagious on purpose: a mailbox that an opted-out
 * recipient uses, or a likely duplicate of an opted-out recipient, is never
 * mailed, since it is most likely the same person who asked us to stop.
 */
export function preflight(input: PreflightInput): PreflightReport {
  const report = emptyReport();
  const compiled = compileTemplate(input.template, input.fieldNames);

  for (const [part, parsed] of [
    ['subject', compiled.subject],
    ['body', compiled.body],
  ] as const) {
    if (!parsed.ok) {
      report.templateErrors.push({ part, ...parsed.error });
      report.blocking.push(`${part === 'subject' ? 'Subject' : 'Body'}: ${parsed.error.message}`);
      continue;
    }
    const reported = new Set<string>();
    for (const p of parsed.placeholders) {
      if (compiled.fieldOf.get(p.name) !== undefined || reported.has(p.name)) continue;
      reported.add(p.name);
      const suggestion = closestField(p.name, input.fieldNames);
      add(
        report.unknownPlaceholders,
        suggestion ? { part, placeholder: p.name, position: p.position, suggestion } : { part, placeholder: p.name, position: p.position },
      );
      report.blocking.push(
        `Unknown placeholder {{${p.name}}} in the ${part}` + (suggestion ? `: did you mean {{${suggestion}}}?` : ': no field has this name.'),
      );
    }
  }
  if (compiled.subject.ok && compiled.subjectSource.trim() === '') report.blocking.push('The subject is empty.');
  if (compiled.body.ok && compiled.bodySource.trim() === '') report.blocking.push('The body is empty.');

  if (resolveField(input.emailField ?? '', input.fieldNames) === undefined) {
    report.blocking.push(`There is no email column "${input.emailField}".`);
  }
  if (resolveField(input.optOutField ?? '', input.fieldNames) === undefined) {
    report.warnings.push(`There is no opt-out column "${input.optOutField}": nobody is treated as opted out.`);
  }

  const recipients = distinctRecipients(input.recipients);
  report.total = recipients.length;
  const fieldValue = (values: Record<string, unknown>, field: string): unknown => {
    const name = hasOwn(values, field) ? field : resolveField(field, Object.keys(values));
    return name === undefined ? undefined : values[name];
  };

  const optedOutMailboxes = new Set<string>();
  const optedOutIds = new Set<string>();
  for (const r of recipients) {
    if (!isOptedOut(fieldValue(r.values, input.optOutField)) && !input.optedOutIds?.has(r.id)) continue;
    optedOutIds.add(r.id);
    const key = emailKey(fieldValue(r.values, input.emailField));
    if (key) optedOutMailboxes.add(key);
  }

  const mailboxOwner = new Map<string, string>(); // mailbox → first recipient sent (or already sent) to it
  const claimed = new Set<string>(); // recipients sent, or already sent, in this mailing
  const skip = (entry: SkippedRecipient) => report.skipped.push(entry);

  for (const r of recipients) {
    const rawEmail = fieldValue(r.values, input.emailField);
    const check = checkEmail(rawEmail);
    const email = check.ok ? check.email : undefined;
    const key = email ? emailKey(email) : undefined;
    if (email) report.emails[r.id] = email;

    const twins = safeDuplicates(input.duplicatesOf, r.id);
    if (optedOutIds.has(r.id) || (key !== undefined && optedOutMailboxes.has(key)) || twins.some((other) => optedOutIds.has(other))) {
      add(report.optedOut, email ? { id: r.id, email } : { id: r.id });
      skip(withEmail({ id: r.id, reason: 'opted_out' }, email));
      continue;
    }
    if (input.alreadySent.has(r.id)) {
      add(report.alreadySent, { id: r.id });
      skip(withEmail({ id: r.id, reason: 'already_sent' }, email));
      claimed.add(r.id);
      if (key && !mailboxOwner.has(key)) mailboxOwner.set(key, r.id);
      continue;
    }
    if (!check.ok && (check.reason === 'empty' || isBlank(rawEmail))) {
      add(report.missingEmails, { id: r.id });
      skip({ id: r.id, reason: 'missing_email' });
      continue;
    }
    if (!check.ok || key === undefined) {
      const shown = (typeof rawEmail === 'string' ? rawEmail : String(rawEmail)).slice(0, MAX_SHOWN_CHARS);
      add(report.invalidEmails, !check.ok && check.suggestion ? { id: r.id, email: shown, suggestion: check.suggestion } : { id: r.id, email: shown });
      skip({ id: r.id, reason: 'invalid_email' });
      continue;
    }
    const receivedOn = input.receivedOn?.(r.id, key);
    if (receivedOn !== undefined) {
      add(report.alreadyReceived, { id: r.id, on: receivedOn });
      skip(withEmail({ id: r.id, reason: 'already_received' }, email));
      claimed.add(r.id);
      if (!mailboxOwner.has(key)) mailboxOwner.set(key, r.id);
      continue;
    }
    const mailboxTwin = mailboxOwner.get(key);
    if (mailboxTwin !== undefined) {
      add(report.duplicateEmails, { id: r.id, email: email!, sameAs: mailboxTwin });
      skip({ id: r.id, reason: 'duplicate_email', email, sameAs: mailboxTwin });
      continue;
    }
    const clientTwin = twins.find((other) => claimed.has(other) || input.alreadySent.has(other));
    if (clientTwin !== undefined) {
      add(report.duplicateClients, { id: r.id, sameAs: clientTwin });
      skip({ id: r.id, reason: 'duplicate_client', email, sameAs: clientTwin });
      continue;
    }
    report.sendable.push(r.id);
    claimed.add(r.id);
    mailboxOwner.set(key, r.id);

    const empty: string[] = [];
    for (const p of placeholdersWithoutFallback(compiled)) {
      if (compiled.fieldOf.get(p) === undefined) continue; // already blocking as unknown
      if (placeholderValue(compiled, p, r.values, { timeZone: 'UTC' }).trim() === '') empty.push(p);
    }
    if (empty.length > 0) {
      add(report.emptyPlaceholders, { id: r.id, placeholders: empty });
      for (const p of empty) report.emptyPlaceholders.byPlaceholder[p] = (report.emptyPlaceholders.byPlaceholder[p] ?? 0) + 1;
    }
  }
  return report;
}

/**
 * Opt-out is read conservatively: only a clear "no" (unchecked, false, "no",
 * "нет", 0) or an empty cell allows mailing; anything else someone typed there
 * ("yes", "stop", "unsubscribed 12.03") means do not mail.
 */
export function isOptedOut(value: unknown): boolean {
  if (isBlank(value)) return false;
  return parseBoolean(value) !== false;
}

function placeholdersWithoutFallback(compiled: ReturnType<typeof compileTemplate>): string[] {
  const names: string[] = [];
  for (const parsed of [compiled.subject, compiled.body]) {
    if (!parsed.ok) continue;
    for (const p of parsed.placeholders) if (p.fallback === undefined && !names.includes(p.name)) names.push(p.name);
  }
  // A placeholder written once with a fallback and once without is still empty where it lacks one.
  return names;
}

function distinctRecipients(recipients: readonly PreflightRecipient[]): PreflightRecipient[] {
  const seen = new Set<string>();
  const result: PreflightRecipient[] = [];
  for (const r of Array.isArray(recipients) ? recipients : []) {
    if (!r || typeof r.id !== 'string' || r.id.trim() === '' || seen.has(r.id)) continue;
    seen.add(r.id);
    result.push({ id: r.id, values: r.values && typeof r.values === 'object' ? r.values : {} });
  }
  return result;
}

function safeDuplicates(duplicatesOf: PreflightInput['duplicatesOf'], id: string): readonly string[] {
  if (!duplicatesOf) return [];
  const found = duplicatesOf(id);
  return Array.isArray(found) ? found.filter((other) => other !== id) : [];
}

function withEmail(entry: SkippedRecipient, email: string | undefined): SkippedRecipient {
  return email ? { ...entry, email } : entry;
}

function add<E>(finding: Finding<E>, example: E): void {
  finding.count++;
  if (finding.examples.length < MAX_EXAMPLES) finding.examples.push(example);
}

function finding<E>(): Finding<E> {
  return { count: 0, examples: [] };
}

function emptyReport(): PreflightReport {
  return {
    total: 0,
    blocking: [],
    warnings: [],
    templateErrors: [],
    unknownPlaceholders: finding(),
    emptyPlaceholders: { ...finding<{ id: string; placeholders: string[] }>(), byPlaceholder: {} },
    invalidEmails: finding(),
    missingEmails: finding(),
    optedOut: finding(),
    duplicateEmails: finding(),
    duplicateClients: finding(),
    alreadySent: finding(),
    alreadyReceived: finding(),
    sendable: [],
    skipped: [],
    emails: {},
  };
}

function hasOwn(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}
