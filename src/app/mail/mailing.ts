/**
 * Mailings as the user drives them: start (check, queue, send the first
 * chunk), continue (the sidebar's next chunk, or the hourly trigger), status,
 * and retrying failed rows.
 */
import { mailLangOf, type MailLang } from '../../core/mail/mail-lang';
import { skipWords } from '../../core/mail/status-words';
import { auditRows } from '../../core/audit/entry';
import {
  claimInProgress,
  describeSummary,
  parseStatus,
  queueRows,
  rowsFromValues,
  requeue,
  summarize,
  type CampaignSummary,
  type MailingRow,
} from '../../core/mail/campaign';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import { withDocumentLock } from '../../gas/lock';
import { appendRows, readTable } from '../../gas/sheets';
import { now } from '../../gas/session';
import { ensureHourlyTrigger, removeTriggers } from '../../gas/triggers';
import { hasRole } from '../../core/settings/roles';
import { releaseTickTrigger } from '../plan/keeps-trigger';
import { loadBase, requireRole, type Base } from '../base';
import { knownCampaignName, readCampaigns, rememberCampaign, type CampaignInfo } from './campaigns';
import { openLedger, type LedgerStore } from './ledger-store';
import { applyPendingOptOuts } from './opt-outs';
import { clientLabel, readClients, type ClientsData } from './clients-data';
import { appendMailings, openMailings, writeMailingUpdates, type MailingsStore } from './mailings-store';
import { checkedName, sameName } from './names';
import { checkMailing, quotaPlan, queuedIn, type MailMemory, type PreflightDto, type QuotaPlanDto } from './preflight-check';
import { contactPauseOf, readLastContacts } from '../plan/contact-pressure';
import { resolveRecipients, type RecipientsInput } from './recipients';
import { sendChunk, SIDEBAR_BUDGET_MS, TRIGGER_BUDGET_MS, RECORD_MARGIN_MS, type ChunkOutcome, type SendContext } from './send';
import { findTemplate, templatesFrom, type TemplateDto } from './templates';

export const TICK_HANDLER = 'mailingTick';

export interface StartMailingInput {
  campaign: string;
  template: string;
  recipients: RecipientsInput;
  lang?: MailLang;
  /** Mail those who already received this template in another mailing too (never twice within this one). */
  sendAgain?: boolean;
  /** Greetings on the day (occasions) go even to a client contacted yesterday; every other mailing respects the contact pause. */
  ignoreContactPause?: boolean;
  /** One recipient per company (issue 17): stored with the mailing, so a re-run keeps it. */
  onePerCompany?: boolean;
}

export interface MailingStatusDto {
  campaign: string;
  template: string;
  owner: string;
  summary: CampaignSummary;
  /** "Sent 42, skipped 3 (opted out 2, no email 1), failed 1, remaining 58." */
  text: string;
  plan: QuotaPlanDto;
  failed: { id: string; label: string; email: string; error: string }[];
  /** Rows whose send was interrupted: check the outbox before sending them again. */
  unknown: { id: string; label: string; email: string }[];
  /** Still queued or being sent: the sidebar keeps calling apiContinueMailing. */
  active: boolean;
}

export interface StartMailingOutcome {
  preflight: PreflightDto;
  queued: number;
  skipped: number;
  chunk: ChunkOutcome;
  status: MailingStatusDto;
}

export interface ContinueOutcome {
  chunk: ChunkOutcome;
  status: MailingStatusDto;
}

export interface MailingListItem {
  campaign: string;
  template: string;
  owner: string;
  started: string;
  text: string;
  failed: number;
  active: boolean;
}

interface Loaded {
  base: Base;
  clients: ClientsData;
  templates: TemplateDto[];
  ledger: LedgerStore;
  /** Clients with an unsubscribe click not yet (or just) written into Clients. */
  pendingOptOuts: Set<string>;
}

/** Pending opt-outs reach Clients before Clients is read. */
function load(): Loaded {
  const base = loadBase();
  const ledger = openLedger();
  const pendingOptOuts = applyPendingOptOuts(ledger).clientIds;
  return { base, clients: readClients(base), templates: templatesFrom(readTable(TAB.templates)), ledger, pendingOptOuts };
}

/** The registered spelling of a campaign name: case and spaces do not make a new mailing. */
function campaignName(raw: unknown, campaigns: Record<string, CampaignInfo>): string {
  const name = checkedName(raw, 'campaign');
  return knownCampaignName(campaigns, name) ?? name;
}

function langOf(value: unknown): MailLang {
  return mailLangOf(value);
}

function context(loaded: Loaded, store: MailingsStore, budgetMs: number, startedAt: number): SendContext {
  return { ...loaded, store, budgetMs, startedAt };
}

function requireOwner(base: Base, campaign: string, info: CampaignInfo | undefined): void {
  if (info && info.owner.toLowerCase() !== base.user.toLowerCase()) {
    throw new AppFailure(
      'forbidden',
      `The mailing "${campaign}" is sent from ${info.owner}'s account (Gmail sends as the person running it). It continues from there: hourly, or when ${info.owner} opens Mail.`,
    );
  }
}

/** Pre-flight for the sidebar: nothing is written or sent. */
export function preflightMailing(input: Omit<StartMailingInput, 'lang'> & { lang?: MailLang }): PreflightDto {
  checkedName(input?.campaign, 'campaign');
  const templateName = checkedName(input?.template, 'template');
  const loaded = load();
  const campaigns = readCampaigns();
  const campaign = campaignName(input?.campaign, campaigns);
  const sendAgain = input?.sendAgain === true || campaigns[campaign]?.sendAgain === true;
  const onePerCompany = input?.onePerCompany === true || campaigns[campaign]?.onePerCompany === true;
  const template = findTemplate(loaded.templates, templateName);
  const recipients = resolveRecipients(input?.recipients, loaded.clients);
  const mailings = readTable(TAB.mailings);
  const rows = mailingRows(mailings?.rows ?? []);
  return checkMailing(loaded.base, loaded.clients, template, campaign, recipients, rows, langOf(input?.lang), {
    ...memoryOf(loaded, sendAgain, contactsFor(loaded.base, input)),
    onePerCompany,
  }).dto;
}

function memoryOf(loaded: Loaded, sendAgain: boolean, contacts?: MailMemory['contacts']): MailMemory {
  return { ledger: loaded.ledger.index, pendingOptOuts: loaded.pendingOptOuts, sendAgain, contacts };
}

/** One read of Interactions, only when the team keeps a contact pause and the mailing respects it. */
function contactsFor(base: Base, input: { ignoreContactPause?: boolean } | undefined): MailMemory['contacts'] {
  const pause = contactPauseOf(base);
  if (pause.days <= 0 || input?.ignoreContactPause === true) return undefined;
  return { last: readLastContacts(base), pause };
}

function mailingRows(values: unknown[][]): MailingRow[] {
  return rowsFromValues(values);
}

export function startMailing(input: StartMailingInput): StartMailingOutcome {
  const startedAt = Date.now();
  checkedName(input?.campaign, 'campaign');
  const templateName = checkedName(input?.template, 'template');
  const lang = langOf(input?.lang);
  const loaded = load();
  const { base, clients } = loaded;
  requireRole(base, 'manager', 'send mailings');
  const template = findTemplate(loaded.templates, templateName);
  const recipients = resolveRecipients(input?.recipients, clients);
  const campaigns = readCampaigns();
  const campaign = campaignName(input?.campaign, campaigns);
  const known = campaigns[campaign];
  requireOwner(base, campaign, known);
  if (known && !sameName(known.template, template.name)) {
    throw new AppFailure('conflict', `A mailing named "${campaign}" already sends the template "${known.template}". Choose another name for this one.`);
  }
  const sendAgain = input?.sendAgain === true || known?.sendAgain === true;
  const onePerCompany = input?.onePerCompany === true || known?.onePerCompany === true;
  const info: CampaignInfo = {
    ...(known ?? { template: template.name, owner: base.user, lang, started: now().toISOString() }),
    sendAgain,
    ...(onePerCompany ? { onePerCompany } : {}),
  };

  const contacts = contactsFor(base, input);
  const { store, preflight, queued, skipped } = withDocumentLock(() => {
    const store = openMailings();
    const { dto, report } = checkMailing(base, clients, template, campaign, recipients, store.rows, lang, {
      ...memoryOf(loaded, sendAgain, contacts),
      onePerCompany,
    });
    if (dto.blocking.length > 0) {
      throw new AppFailure('validation', `Nothing was sent. ${dto.blocking.join(' ')}`);
    }
    const rows = queueRows(
      campaign,
      report.sendable.map((id) => ({ id, email: report.emails[id] })),
      report.skipped.map((s) => ({ ...s, detail: skipWords(s.reason, lang, s.sameAs) })),
      now(),
      store.rows,
    );
    // The registry first: rows queued for a campaign nobody can name would never be sent.
    if (!known || known.sendAgain !== info.sendAgain || known.onePerCompany !== info.onePerCompany) rememberCampaign(campaign, info);
    appendMailings(store, rows);
    const queuedNow = rows.filter((r) => parseStatus(r.status).kind === 'queued').length;
    appendRows(
      TAB.audit,
      auditRows([
        {
          time: now(),
          user: base.user,
          action: 'mailing queued',
          clientId: '',
          field: campaign,
          oldValue: '',
          newValue: `${template.name}: ${queuedNow} queued, ${rows.length - queuedNow} skipped`,
          source: 'sidebar',
        },
      ]),
    );
    return { store, preflight: dto, queued: queuedNow, skipped: rows.length - queuedNow };
  });
  if (queuedIn(store.rows, campaign).length > 0) ensureHourlyTrigger(TICK_HANDLER);
  const chunk = sendChunk(context(loaded, store, SIDEBAR_BUDGET_MS, startedAt), campaign, info);
  tidyTrigger(base, store.rows);
  return { preflight, queued, skipped, chunk, status: statusOf(loaded, store.rows, campaign, info, lang) };
}

/** A mailing only the person who started it may continue or retry: Gmail sends as whoever runs the script. */
function ownCampaign(rawCampaign: unknown) {
  const startedAt = Date.now();
  checkedName(rawCampaign, 'campaign');
  const loaded = load();
  requireRole(loaded.base, 'manager', 'send mailings');
  const campaigns = readCampaigns();
  const campaign = campaignName(rawCampaign, campaigns);
  const info = campaigns[campaign];
  requireOwner(loaded.base, campaign, info);
  return { startedAt, campaign, loaded, info };
}

/** The sidebar's next chunk of a mailing this user sends. */
export function continueMailing(rawCampaign: unknown, lang?: MailLang): ContinueOutcome {
  const { startedAt, campaign, loaded, info } = ownCampaign(rawCampaign);
  const store = openMailings();
  if (!store.rows.some((r) => r.campaign === campaign)) throw new AppFailure('not_found', `There is no mailing named "${campaign}" in Mailings.`);
  const chunk = sendChunk(context(loaded, store, SIDEBAR_BUDGET_MS, startedAt), campaign, info);
  tidyTrigger(loaded.base, store.rows);
  return { chunk, status: statusOf(loaded, store.rows, campaign, info, langOf(lang ?? info?.lang)) };
}

/**
 * The hourly trigger: continues every mailing this user sends until the time
 * budget is spent, and removes itself once none has anything left to send.
 */
export function mailingTickRun(): ChunkOutcome[] {
  const startedAt = Date.now();
  const loaded = load();
  const store = openMailings();
  const campaigns = readCampaigns();
  const me = loaded.base.user.toLowerCase();
  const mine = Object.keys(campaigns).filter((c) => campaigns[c].owner.toLowerCase() === me);
  const outcomes: ChunkOutcome[] = [];
  // The trigger runs as its creator whatever Settings say now: a demoted manager's queue waits for a manager.
  if (!hasRole(loaded.base.role, 'manager')) {
    removeTriggers(TICK_HANDLER);
    console.warn(`ClientBase: ${loaded.base.user} may no longer send mailings; queued mails wait until a manager continues them.`);
    return mine
      .filter((c) => hasWork(store.rows, c))
      .map((campaign) => ({ campaign, sent: 0, failed: 0, skippedAtSend: 0, stoppedBy: 'paused', message: 'Not a manager any more.' }));
  }
  for (const campaign of mine) {
    if (!hasWork(store.rows, campaign)) continue;
    if (Date.now() - startedAt > TRIGGER_BUDGET_MS - RECORD_MARGIN_MS) break;
    const outcome = sendChunk(context(loaded, store, TRIGGER_BUDGET_MS, startedAt), campaign, campaigns[campaign]);
    outcomes.push(outcome);
    if (outcome.stoppedBy === 'quota') break;
  }
  if (!mine.some((c) => hasWork(store.rows, c))) releaseTickTrigger(TICK_HANDLER, loaded.base.user);
  return outcomes;
}

/** After a sidebar chunk: the trigger stays while any of this user's mailings has work, else it goes. */
function tidyTrigger(base: Base, rows: readonly MailingRow[]): void {
  const campaigns = readCampaigns();
  const me = base.user.toLowerCase();
  const busy = Object.keys(campaigns).some((c) => campaigns[c].owner.toLowerCase() === me && hasWork(rows, c));
  if (busy) ensureHourlyTrigger(TICK_HANDLER);
  else releaseTickTrigger(TICK_HANDLER, base.user);
}

/** Queued rows, or a claim not yet settled (its journal is read by the next run). */
function hasWork(rows: readonly MailingRow[], campaign: string): boolean {
  return queuedIn(rows, campaign).length > 0 || claimInProgress(rows, campaign);
}

export function mailingStatus(rawCampaign: unknown, lang?: MailLang): MailingStatusDto {
  checkedName(rawCampaign, 'campaign');
  const loaded = load();
  const campaigns = readCampaigns();
  const campaign = campaignName(rawCampaign, campaigns);
  const info = campaigns[campaign];
  const table = readTable(TAB.mailings);
  const rows = mailingRows(table?.rows ?? []);
  if (!rows.some((r) => r.campaign === campaign)) throw new AppFailure('not_found', `There is no mailing named "${campaign}" in Mailings.`);
  return statusOf(loaded, rows, campaign, info, langOf(lang ?? info?.lang));
}

export function listMailings(lang?: MailLang): MailingListItem[] {
  loadBase();
  const campaigns = readCampaigns();
  const rows = mailingRows(readTable(TAB.mailings)?.rows ?? []);
  const names = [...new Set(rows.map((r) => r.campaign).filter((c) => c !== ''))];
  return names
    .map((campaign) => {
      const info = campaigns[campaign];
      const summary = summarize(rows, campaign);
      return {
        campaign,
        template: info?.template ?? '',
        owner: info?.owner ?? '',
        started: info?.started ?? '',
        text: describeSummary(summary, langOf(lang ?? info?.lang)),
        failed: summary.failed,
        active: summary.remaining > 0 || claimInProgress(rows, campaign),
      };
    })
    .sort((a, b) => (a.started < b.started ? 1 : -1));
}

/** Failed rows go back to the queue; rows of unknown outcome too, but only when the person says they checked the outbox. */
export function retryMailing(rawCampaign: unknown, includeUnknown: boolean, lang?: MailLang): ContinueOutcome {
  const { startedAt, campaign, loaded, info } = ownCampaign(rawCampaign);
  const store = withDocumentLock(() => {
    const store = openMailings();
    const written = writeMailingUpdates(store, (rows) => {
      const latest = new Map<string, number>();
      rows.forEach((r, i) => r.campaign === campaign && latest.set(r.clientId, i));
      const ids = [...latest.entries()]
        .filter(([, i]) => {
          const kind = parseStatus(rows[i].status).kind;
          return kind === 'failed' || (includeUnknown === true && kind === 'sending' && rows[i].detail.startsWith('unknown'));
        })
        .map(([id]) => id);
      return requeue(rows, campaign, ids, now());
    });
    appendRows(
      TAB.audit,
      auditRows([
        {
          time: now(),
          user: loaded.base.user,
          action: 'mailing retry',
          clientId: '',
          field: campaign,
          oldValue: '',
          newValue: `${written.length} requeued`,
          source: 'sidebar',
        },
      ]),
    );
    return store;
  });
  if (queuedIn(store.rows, campaign).length > 0) ensureHourlyTrigger(TICK_HANDLER);
  const chunk = sendChunk(context(loaded, store, SIDEBAR_BUDGET_MS, startedAt), campaign, info);
  tidyTrigger(loaded.base, store.rows);
  return { chunk, status: statusOf(loaded, store.rows, campaign, info, langOf(lang ?? info?.lang)) };
}

const MAX_LISTED = 20;

function statusOf(loaded: Loaded, rows: readonly MailingRow[], campaign: string, info: CampaignInfo | undefined, lang: MailLang): MailingStatusDto {
  const summary = summarize(rows, campaign);
  const latest = new Map<string, MailingRow>();
  for (const r of rows) if (r.campaign === campaign && r.clientId !== '') latest.set(r.clientId, r);
  const failed: MailingStatusDto['failed'] = [];
  const unknown: MailingStatusDto['unknown'] = [];
  for (const r of latest.values()) {
    const state = parseStatus(r.status);
    const label = clientLabel(loaded.base, loaded.clients.byId.get(r.clientId));
    if (state.kind === 'failed' && failed.length < MAX_LISTED) failed.push({ id: r.clientId, label, email: r.email, error: state.error });
    if (state.kind === 'sending' && r.detail.startsWith('unknown') && unknown.length < MAX_LISTED) unknown.push({ id: r.clientId, label, email: r.email });
  }
  return {
    campaign,
    template: info?.template ?? '',
    owner: info?.owner ?? '',
    summary,
    text: describeSummary(summary, lang),
    plan: quotaPlan(loaded.base, summary.remaining, lang),
    failed,
    unknown,
    active: summary.remaining > 0 || claimInProgress(rows, campaign),
  };
}
