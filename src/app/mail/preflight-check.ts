/**
 * The pre-flight check before a mailing: template, recipients, Mailings
 * history and the quota, read once each, checked by the pure core, and
 * turned into what the sidebar shows (counts, examples with names, the plan).
 */
import { alreadySent as sentInCampaign, parseStatus, type MailingRow } from '../../core/mail/campaign';
import { personFromRow, personMapping } from '../../core/clients/person';
import { buildMatchIndex, findMatches } from '../../core/dedupe/engine';
import { describePlan, planSends, type PlannedDay } from '../../core/mail/quota-plan';
import { preflight, type Finding, type PreflightReport } from '../../core/mail/preflight';
import type { PersonRecord } from '../../core/dedupe/record';
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

export function quotaPlan(base: Base, pending: number, lang: 'en' | 'ru', remainingToday = remainingDailyQuota()): QuotaPlanDto {
  const remaining = Math.max(0, Math.floor(remainingToday));
  const dailyQuota = dailyQuotaFor(remaining);
  const days = planSends(pending, remaining, dailyQuota, formatDay(now(), base.timeZone));
  const assumption =
    lang === 'ru'
      ? ` Сегодня можно ещё ${remaining}; дальше по ${dailyQuota} в день (лимит ${dailyQuota === CONSUMER_DAILY_QUOTA ? 'обычного аккаунта Google' : 'Google Workspace'}).`
      : ` ${remaining} more can go today; then ${dailyQuota} a day (the ${dailyQuota === CONSUMER_DAILY_QUOTA ? 'consumer Google account' : 'Google Workspace'} limit).`;
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

export function checkMailing(
  base: Base,
  clients: ClientsData,
  template: TemplateDto,
  campaign: string,
  recipients: ResolvedRecipients,
  mailings: readonly MailingRow[],
  lang: 'en' | 'ru',
): { dto: PreflightDto; report: PreflightReport } {
  const sent = sentInCampaign(mailings, campaign);
  const twins = duplicatesAmong(base, clients, [...new Set([...recipients.ids, ...sent])]);
  const report = preflight({
    template,
    recipients: recipients.ids.map((id) => ({ id, values: clients.byId.get(id)?.values ?? {} })),
    fieldNames: clients.fieldNames,
    alreadySent: sent,
    duplicatesOf: (id) => twins.get(id) ?? [],
    emailField: clients.emailField,
    optOutField: clients.optOutField,
  });
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
  ];
  for (const f of findings)
    for (const e of f.examples) {
      name(e.id);
      name(e.sameAs);
    }
  const pending = new Set(report.sendable);
  for (const id of queuedIn(mailings, campaign)) pending.add(id);
  const dto: PreflightDto = {
    campaign,
    template: template.name,
    total: report.total,
    sendable: report.sendable.length,
    blocking: report.blocking,
    warnings: report.warnings,
    unknownPlaceholders: report.unknownPlaceholders,
    emptyPlaceholders: report.emptyPlaceholders,
    invalidEmails: report.invalidEmails,
    missingEmails: report.missingEmails,
    optedOut: report.optedOut,
    duplicateEmails: report.duplicateEmails,
    duplicateClients: report.duplicateClients,
    alreadySent: report.alreadySent,
    names,
    recipients: recipients.ids.map((id) => ({ id, label: clientLabel(base, clients.byId.get(id)) })),
    hiddenByFilter: recipients.hiddenByFilter,
    notClients: recipients.notClients,
    plan: quotaPlan(base, pending.size, lang),
  };
  return { dto, report };
}

/** Clients whose newest row in the campaign is still queued. */
export function queuedIn(mailings: readonly MailingRow[], campaign: string): string[] {
  const latest = new Map<string, MailingRow>();
  for (const row of mailings) if (row.campaign === campaign && row.clientId !== '') latest.set(row.clientId, row);
  return [...latest.values()].filter((r) => parseStatus(r.status).kind === 'queued').map((r) => r.clientId);
}
