/**
 * The pre-flight check before a mailing: template, recipients, Mailings
 * history and the quota, read once each, checked by the pure core, and
 * turned into what the sidebar shows (counts, examples with names, the plan).
 */
import { quotaAssumption, receivedWords, recentWords } from '../../core/mail/preflight-words';
import type { MailLang } from '../../core/mail/mail-lang';
import { applyContactPause, type ContactPause, type LastContact, type RecentFinding } from '../../core/plan/contact-pause';
import { alreadySent as sentInCampaign, parseStatus, type MailingRow } from '../../core/mail/campaign';
import { personFromRow, personMapping } from '../../core/clients/person';
import { buildMatchIndex, findMatches } from '../../core/dedupe/engine';
import { describePlan, planSends, type PlannedDay } from '../../core/mail/quota-plan';
import { preflight, type Finding, type PreflightReport } from '../../core/mail/preflight';
import type { PersonRecord } from '../../core/dedupe/record';
import { recipientKey, templateHash, type LedgerIndex } from '../../core/mail/ledger';
import { isOptedOut } from '../../core/mail/preflight';
import { applyOnePerCompany, type CompanyFinding, type CompanyPerson } from '../../core/mail/one-per-company';
import { cellText } from '../../core/values';
import { formatDay } from '../../gas/dates';
import { remainingDailyQuota } from '../../gas/mail';
import { now } from '../../gas/session';
import type { Base } from '../base';
import { clientLabel, type ClientsData } from './clients-data';
import type { ResolvedRecipients } from './recipients';
import type { TemplateDto } from './templates';

/** What a fresh day allows: MailApp does not say, so it is inferred from what is left today. */
export const CONSUMER_DAILY_QUOTA = 100;
export const WORKSPACE_DAILY_QUOTA = 1500;

export interface QuotaPlanDto {
  remainingToday: number;
  dailyQuota: number;
  days: PlannedDay[];
  /** "100 emails: 42 today, 58 tomorrow." */
  text: string;
}

export interface PreflightDto {
  campaign: string;
  template: string;
  total: number;
  sendable: number;
  blocking: string[];
  warnings: string[];
  unknownPlaceholders: PreflightReport['unknownPlaceholders'];
  emptyPlaceholders: PreflightReport['emptyPlaceholders'];
  invalidEmails: PreflightReport['invalidEmails'];
  missingEmails: PreflightReport['missingEmails'];
  optedOut: PreflightReport['optedOut'];
  duplicateEmails: PreflightReport['duplicateEmails'];
  duplicateClients: PreflightReport['duplicateClients'];
  alreadySent: PreflightReport['alreadySent'];
  /** Already received this template's content in some mailing (the mail ledger): skipped unless sendAgain. */
  alreadyReceived: PreflightReport['alreadyReceived'];
  /** The person asked to send again to those who already received this template. */
  sendAgain: boolean;
  /** Contacted within the team's pause (call, meeting, mail…), with when and by whom: skipped, or only warned about. */
  recentlyContacted?: RecentFinding;
  contactPause?: ContactPause | null;
  /** The mailing writes to one person per company (issue 17). */
  onePerCompany?: boolean;
  /** With that option: the people left out, how many per company, and who gets it instead (sameAs). */
  skippedPerCompany?: CompanyFinding;
  /** Names of the clients the examples mention. */
  names: Record<string, string>;
  /** Every resolved recipient in order: what Start sends to, and what the preview can show. */
  recipients: { id: string; label: string }[];
  hiddenByFilter: number;
  notClients: number;
  plan: QuotaPlanDto;
}

export function dailyQuotaFor(remainingToday: number): number {
  return remainingToday > CONSUMER_DAILY_QUOTA ? WORKSPACE_DAILY_QUOTA : CONSUMER_DAILY_QUOTA;
}

export function quotaPlan(base: Base, pending: number, lang: MailLang, remainingToday = remainingDailyQuota()): QuotaPlanDto {
  const remaining = Math.max(0, Math.floor(remainingToday));
  const dailyQuota = dailyQuotaFor(remaining);
  const days = planSends(pending, remaining, dailyQuota, formatDay(now(), base.timeZone));
  const assumption = quotaAssumption(remaining, dailyQuota, dailyQuota === CONSUMER_DAILY_QUOTA, lang);
  return { remainingToday: remaining, dailyQuota, days, text: describePlan(days, lang) + (pending > 0 ? assumption : '') };
}

/**
 * Likely duplicates (sure matches of the duplicate finder) among the
 * recipients and those already sent. The index covers the whole base, so
 * name and domain frequencies are those of the team's clients, not of a
 * short recipient list.
 */
export function duplicatesAmong(base: Base, clients: ClientsData, ids: readonly string[]): Map<string, string[]> {
  const twins = new Map<string, string[]>();
  if (ids.length < 2) return twins;
  const mapping = personMapping(base.fields, clients.cols);
  const records: PersonRecord[] = [];
  for (const client of clients.byId.values()) records.push(personFromRow(clients.table.rows[client.row - 2], mapping, client.id));
  const index = buildMatchIndex(records, { defaultCountry: base.settings.defaultCountry });
  const wanted = new Set(ids);
  for (const record of records) {
    if (!wanted.has(record.id)) continue;
    const matches = findMatches(index, record, 10).filter((m) => m.level === 'sure' && wanted.has(m.b));
    if (matches.length > 0)
      twins.set(
        record.id,
        matches.map((m) => m.b),
      );
  }
  return twins;
}

/** What the mail ledger and pending unsubscribe clicks say, beside the sheet. */
export interface MailMemory {
  ledger: LedgerIndex;
  /** Clients whose unsubscribe click is not in Clients yet. */
  pendingOptOuts: ReadonlySet<string>;
  /** Send again to those who received this template in other mailings (never twice within this one). */
  sendAgain: boolean;
  /** Each client's latest contact and the team's pause (Settings contactPauseDays): recently contacted clients are left out or warned about. */
  contacts?: { last: ReadonlyMap<string, LastContact>; pause: ContactPause };
  /** The mailing's option "one recipient per company". */
  onePerCompany?: boolean;
}

/**
 * Opted out by the Opt-out column, a pending click, or the ledger (by client
 * or mailbox): what a restore of Clients cannot undo.
 */
/** People as the one-per-company choice sees them: the company by Company ID, else by name, and the contact role. */
function companyPeople(base: Base, clients: ClientsData, ids: readonly string[]): CompanyPerson[] {
  const nameOf = (key: string, fallback: string) => base.fields.find((f) => f.key === key)?.name ?? fallback;
  const company = nameOf('company', 'Company');
  const role = nameOf('contactRole', 'Contact role');
  return ids.map((id) => {
    const values = clients.byId.get(id)?.values ?? {};
    return {
      id,
      name: clientLabel(base, clients.byId.get(id)),
      company: cellText(values[company]).trim(),
      companyId: cellText(values['Company ID']).trim(),
      role: cellText(values[role]).trim(),
    };
  });
}

export function optedOutNow(clients: ClientsData, memory: MailMemory, id: string, mailbox: string): boolean {
  const client = clients.byId.get(id);
  if (client && isOptedOut(client.values[clients.optOutField])) return true;
  return memory.pendingOptOuts.has(id) || memory.ledger.optedOut(mailbox, id);
}

/** The day this mailbox got this content (outside this mailing only when the person asked to send again). */
export function receivedDay(base: Base, memory: MailMemory, mailbox: string, hash: string, campaign: string): string | undefined {
  const on = memory.ledger.received(mailbox, hash, memory.sendAgain ? campaign : undefined);
  return on ? formatDay(on, base.timeZone) : undefined;
}

export function checkMailing(
  base: Base,
  clients: ClientsData,
  template: TemplateDto,
  campaign: string,
  recipients: ResolvedRecipients,
  mailings: readonly MailingRow[],
  lang: MailLang,
  memory: MailMemory,
): { dto: PreflightDto; report: PreflightReport } {
  const sent = sentInCampaign(mailings, campaign);
  const twins = duplicatesAmong(base, clients, [...new Set([...recipients.ids, ...sent])]);
  const hash = templateHash(template.subject, template.body);
  const optedOutIds = new Set<string>();
  for (const id of recipients.ids) {
    const email = clients.byId.get(id)?.values[clients.emailField];
    if (optedOutNow(clients, memory, id, recipientKey(email))) optedOutIds.add(id);
  }
  const report = preflight({
    optedOutIds,
    receivedOn: (_id, mailbox) => receivedDay(base, memory, mailbox, hash, campaign),
    template,
    recipients: recipients.ids.map((id) => ({ id, values: clients.byId.get(id)?.values ?? {} })),
    fieldNames: clients.fieldNames,
    alreadySent: sent,
    duplicatesOf: (id) => twins.get(id) ?? [],
    emailField: clients.emailField,
    optOutField: clients.optOutField,
  });
  const recentlyContacted = memory.contacts
    ? applyContactPause(report, memory.contacts.last, formatDay(now(), base.timeZone), memory.contacts.pause)
    : { count: 0, examples: [] };
  const heldBack = new Set(report.skipped.filter((s) => s.reason === 'recently_contacted').map((s) => s.id));
  const byCompany = memory.onePerCompany ? applyOnePerCompany(report, companyPeople(base, clients, recipients.ids), sent, 5, heldBack) : undefined;
  const names: Record<string, string> = {};
  const name = (id: string | undefined) => {
    if (id && !(id in names)) names[id] = clientLabel(base, clients.byId.get(id));
  };
  const findings: Finding<{ id?: string; sameAs?: string }>[] = [
    report.emptyPlaceholders,
    report.invalidEmails,
    report.missingEmails,
    report.optedOut,
    report.duplicateEmails,
    report.duplicateClients,
    report.alreadySent,
    report.alreadyReceived,
    recentlyContacted,
    ...(byCompany ? [byCompany] : []),
  ];
  for (const f of findings)
    for (const e of f.examples) {
      name(e.id);
      name(e.sameAs);
    }
  const warnings = [...report.warnings];
  if (report.alreadyReceived.count > 0) warnings.push(receivedWarning(report.alreadyReceived, memory.sendAgain, lang));
  if (recentlyContacted.count > 0 && memory.contacts) warnings.push(recentWarning(recentlyContacted.count, memory.contacts.pause, lang));
  if (byCompany && byCompany.count > 0) warnings.push(companyWarning(byCompany, lang));
  const pending = new Set(report.sendable);
  for (const id of queuedIn(mailings, campaign)) pending.add(id);
  const dto: PreflightDto = {
    campaign,
    template: template.name,
    total: report.total,
    sendable: report.sendable.length,
    blocking: report.blocking,
    warnings,
    unknownPlaceholders: report.unknownPlaceholders,
    emptyPlaceholders: report.emptyPlaceholders,
    invalidEmails: report.invalidEmails,
    missingEmails: report.missingEmails,
    optedOut: report.optedOut,
    duplicateEmails: report.duplicateEmails,
    duplicateClients: report.duplicateClients,
    alreadySent: report.alreadySent,
    alreadyReceived: report.alreadyReceived,
    sendAgain: memory.sendAgain,
    recentlyContacted,
    contactPause: memory.contacts?.pause ?? null,
    onePerCompany: memory.onePerCompany === true,
    ...(byCompany ? { skippedPerCompany: byCompany } : {}),
    names,
    recipients: recipients.ids.map((id) => ({ id, label: clientLabel(base, clients.byId.get(id)) })),
    hiddenByFilter: recipients.hiddenByFilter,
    notClients: recipients.notClients,
    plan: quotaPlan(base, pending.size, lang),
  };
  return { dto, report };
}

/** "One recipient per company: 3 people left out (Romashka 2, Acme 1)." */
export function companyWarning(found: CompanyFinding, lang: MailLang): string {
  const list = Object.entries(found.perCompany)
    .map(([company, n]) => `${company} ${n}`)
    .join(', ');
  const words: Record<MailLang, string> = {
    en: `One recipient per company: ${found.count} left out (${list}).`,
    ru: `Один получатель на компанию: пропущено ${found.count} (${list}).`,
    uk: `Один одержувач на компанію: пропущено ${found.count} (${list}).`,
    ro: `Un singur destinatar pe companie: ${found.count} omiși (${list}).`,
  };
  return words[lang] ?? words.en;
}

/** "3 recipients already received this template on 2026-12-01: they are skipped." in the sidebar's language. */
export function receivedWarning(found: PreflightReport['alreadyReceived'], sendAgain: boolean, lang: MailLang): string {
  const days = [...new Set(found.examples.map((e) => e.on))].sort();
  const on = days.length === 1 ? days[0] : `${days[0]}…${days[days.length - 1]}`;
  return receivedWords(found.count, on, sendAgain, lang);
}

/** "2 recipients were contacted in the last 3 days: they are left out." in the sidebar's language. */
export function recentWarning(n: number, pause: ContactPause, lang: MailLang): string {
  return recentWords(n, pause, lang);
}

/** Clients whose newest row in the campaign is still queued. */
export function queuedIn(mailings: readonly MailingRow[], campaign: string): string[] {
  const latest = new Map<string, MailingRow>();
  for (const row of mailings) if (row.campaign === campaign && row.clientId !== '') latest.set(row.clientId, row);
  return [...latest.values()].filter((r) => parseStatus(r.status).kind === 'queued').map((r) => r.clientId);
}
