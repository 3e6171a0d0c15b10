/**
 * Sending a campaign's queued rows, a batch at a time, never twice:
 *
 *   1. under the lock: settle what an interrupted execution left (`recover`,
 *      with the journal) and log its sends;
 *   2. under the lock: apply pending unsubscribe clicks, read Clients and
 *      the mail ledger afresh, and claim the next batch (rows become
 *      `sending`), skipping whoever opted out or already received this
 *      template's content in any mailing since the rows were queued;
 *   3. outside the lock: per row, persist the attempt in the journal, send,
 *      note the result (the next attempt's write persists it);
 *   4. under the lock: record sent, failed and released rows in one write,
 *      the sends in the mail ledger in one append, the interactions in one
 *      append (IDs derived from the claim, so a repeat after a kill is
 *      recognised and skipped), drop the journal.
 *
 * A quota error releases the rest of the batch (it was not sent); any other
 * service error marks that row failed and releases the rest, so a broken
 * service is not hammered. The time budget is checked before every send.
 */
import {
  CLAIM_STALE_AFTER_MS,
  claimInProgress,
  markClaimed,
  markFailed,
  markReleased,
  markSent,
  nextBatch,
  noteAttempt,
  noteResult,
  parseStatus,
  recover,
  startJournal,
  statusText,
  type MailingRow,
  type MailingUpdate,
  type SendJournal,
} from '../../core/mail/campaign';
import { recipientKey, templateHash, type LedgerEntry } from '../../core/mail/ledger';
import { hasRole } from '../../core/settings/roles';
import { TAB } from '../../core/schema/tabs';
import { cellText } from '../../core/values';
import { toSheetDay } from '../../gas/dates';
import { withDocumentLock } from '../../gas/lock';
import { remainingDailyQuota, sendMail } from '../../gas/mail';
import { appendRows, FIRST_DATA_ROW, findSheet } from '../../gas/sheets';
import { now } from '../../gas/session';
import type { Base } from '../base';
import { dropJournal, endedClaim, loadJournal, markClaimEnded, saveJournal, type CampaignInfo } from './campaigns';
import { readClients, type ClientsData } from './clients-data';
import { appendLedger, refreshLedger, type LedgerStore } from './ledger-store';
import { applyPendingOptOuts, pendingOptOutIds } from './opt-outs';
import { optedOutNow, receivedDay } from './preflight-check';
import { writeMailingUpdates, type MailingsStore } from './mailings-store';
import { messageMaker, type MessageMaker } from './message';
import { sameName } from './names';
import { unknownPlaceholders, type TemplateDto } from './templates';

/** Rows claimed at once: the journal of a batch (about 60 characters a row) stays far below 9 KB. */
export const BATCH_SIZE = 50;
/** A trigger run stops sending after this long: Apps Script kills an execution at 6 minutes. */
export const TRIGGER_BUDGET_MS = 270_000;
/** A sidebar call sends for about a minute, then reports progress and is called again. */
export const SIDEBAR_BUDGET_MS = 60_000;
/** Kept back after the last send for recording the batch. */
export const RECORD_MARGIN_MS = 20_000;

export type StopReason = 'done' | 'time' | 'quota' | 'waiting' | 'error' | 'paused';

export interface ChunkOutcome {
  campaign: string;
  sent: number;
  failed: number;
  /** Rows skipped when claimed: opted out since queued, client removed, mailbox already sent. */
  skippedAtSend: number;
  stoppedBy: StopReason;
  message: string;
}

export interface SendContext {
  base: Base;
  clients: ClientsData;
  templates: readonly TemplateDto[];
  store: MailingsStore;
  ledger: LedgerStore;
  pendingOptOuts: Set<string>;
  startedAt: number;
  budgetMs: number;
}

interface Target {
  clientId: string;
  email: string;
}

/** What the ledger needs to know about the template being sent. */
interface Sending {
  templateName: string;
  hash: string;
  info: CampaignInfo;
}

interface BatchResult {
  claimId: string;
  targets: Target[];
  journal: SendJournal;
  sent: { clientId: string; subject: string }[];
  failed: { clientId: string; error: string }[];
  released: string[];
  stop?: StopReason;
  message: string;
}

const elapsed = (ctx: SendContext) => Date.now() - ctx.startedAt;

export function isQuotaError(text: string): boolean {
  return /too many times for one day|quota|limit exceeded/i.test(text);
}

/** Errors that concern one address, not the service: the row fails, the batch goes on. */
export function isAddressError(text: string): boolean {
  return /invalid email|invalid argument: (to|recipient)|no recipient|invalid recipient/i.test(text);
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300) || 'unknown error';
}

function outcome(campaign: string, stoppedBy: StopReason, message = ''): ChunkOutcome {
  return { campaign, sent: 0, failed: 0, skippedAtSend: 0, stoppedBy, message };
}

/** Why a campaign cannot be sent as it stands, or undefined when it can. */
export function pauseReason(ctx: SendContext, info: CampaignInfo | undefined): string | undefined {
  if (!info)
    return 'ClientBase no longer knows which template this mailing sends. Start it again from the Mail view with the same name: nobody already sent is sent again.';
  const template = ctx.templates.find((t) => sameName(t.name, info.template));
  if (!template) return `The template "${info.template}" is no longer in the Templates tab: restore it to continue this mailing.`;
  const maker = messageMaker(ctx.base, template, ctx.clients.fieldNames, '', info.lang);
  if (!maker.compiled.subject.ok || !maker.compiled.body.ok) return `The template "${info.template}" has an error now: fix it in the Mail view to continue.`;
  const unknown = unknownPlaceholders(template, ctx.clients.fieldNames);
  if (unknown.length > 0) return `The template "${info.template}" now uses ${unknown.map((u) => u.message).join(' ')} Fix it to continue.`;
  return undefined;
}

/** Sends the campaign's queued rows until done, out of time or out of quota. */
export function sendChunk(ctx: SendContext, campaign: string, info: CampaignInfo | undefined): ChunkOutcome {
  // Settings are read at every run: a manager demoted since the mailing was queued sends nothing more.
  if (!hasRole(ctx.base.role, 'manager')) return outcome(campaign, 'paused', `${ctx.base.user} may no longer send mailings.`);
  const paused = pauseReason(ctx, info);
  if (paused || !info) return outcome(campaign, 'paused', paused);
  const template = ctx.templates.find((t) => sameName(t.name, info.template))!;
  const maker = messageMaker(ctx.base, template, ctx.clients.fieldNames, campaign, info.lang);
  const sending: Sending = { templateName: template.name, hash: templateHash(template.subject, template.body), info };
  const result = outcome(campaign, 'done');

  withDocumentLock(() => settleInterrupted(ctx, campaign, sending, maker));

  for (;;) {
    if (elapsed(ctx) > ctx.budgetMs - RECORD_MARGIN_MS) return { ...result, stoppedBy: 'time' };
    const quota = remainingDailyQuota();
    if (quota <= 0) return { ...result, stoppedBy: 'quota', message: 'The daily email quota is used up; the rest goes out when it renews.' };
    notePendingOptOuts(ctx);
    const claim = withDocumentLock(() => claimBatch(ctx, campaign, Math.min(BATCH_SIZE, quota), sending));
    if (!claim) {
      const waiting = claimInProgress(ctx.store.rows, campaign);
      return { ...result, stoppedBy: waiting ? 'waiting' : 'done', message: waiting ? 'Another run is sending this mailing right now.' : '' };
    }
    result.skippedAtSend += claim.skipped;
    if (claim.targets.length === 0) continue;
    const batch = sendBatch(ctx, campaign, claim.claimId, claim.targets, maker);
    recordBatch(ctx, campaign, sending, batch);
    result.sent += batch.sent.length;
    result.failed += batch.failed.length;
    if (batch.stop) return { ...result, stoppedBy: batch.stop, message: batch.message };
  }
}

/** Step 1: a claim left `sending` by an execution that stopped is resolved from its journal; its sends are logged. */
function settleInterrupted(ctx: SendContext, campaign: string, sending: Sending, maker: MessageMaker): void {
  const journal = loadJournal(campaign);
  const ended = journal ? endedClaim(campaign) : null;
  // A claim whose execution said it stopped can be settled now; any other waits until it cannot be alive.
  const staleAfter = journal && ended === journal.claimId ? 0 : CLAIM_STALE_AFTER_MS;
  const rowsBefore = ctx.store.rows;
  const written = writeMailingUpdates(ctx.store, (rows) => recover(rows, campaign, now(), journal, staleAfter));
  // A send that may have happened counts as received: a re-run, even after a restore of Mailings, skips it.
  const unknown = written.filter((u) => u.status === statusText.sending).map((u) => ctx.store.rows[u.index]);
  const entries: LedgerEntry[] = unknown.map((r) => ledgerEntry(ctx, campaign, sending, r.clientId, r.email, 'unknown'));
  if (journal && !claimOpen(ctx.store.rows, campaign, journal.claimId)) {
    const sent = journal.results.filter((r) => r.ok).map((r) => ({ clientId: r.clientId, subject: subjectFor(ctx, maker, r.clientId) }));
    const emailOf = (id: string) => rowsBefore.find((r) => r.campaign === campaign && r.clientId === id)?.email ?? clientEmail(ctx, id);
    entries.push(...sent.map((s) => ledgerEntry(ctx, campaign, sending, s.clientId, emailOf(s.clientId), 'sent')));
    if (journal.attempting) entries.push(ledgerEntry(ctx, campaign, sending, journal.attempting, emailOf(journal.attempting), 'unknown'));
    appendLedger(ctx.ledger, entries);
    logSends(ctx, campaign, sending.templateName, journal.claimId, sent, true);
    dropJournal(campaign);
  } else appendLedger(ctx.ledger, entries);
}

function clientEmail(ctx: SendContext, clientId: string): string {
  return cellText(ctx.clients.byId.get(clientId)?.values[ctx.clients.emailField]);
}

function ledgerEntry(_ctx: SendContext, campaign: string, sending: Sending, clientId: string, email: string, kind: 'sent' | 'unknown'): LedgerEntry {
  return { time: now(), kind, recipient: recipientKey(email), template: sending.hash, clientId, campaign, templateName: sending.templateName };
}

function claimOpen(rows: readonly MailingRow[], campaign: string, claimId: string): boolean {
  return rows.some((r) => r.campaign === campaign && parseStatus(r.status).kind === 'sending' && r.detail.startsWith(`claim ${claimId} `));
}

function subjectFor(ctx: SendContext, maker: MessageMaker, clientId: string): string {
  const client = ctx.clients.byId.get(clientId);
  return client ? maker.render(client).subject : '';
}

/**
 * Before each claim, outside its lock (applying takes the document lock itself
 * and a lock released from inside would free the claim's): unsubscribe clicks
 * reach Clients. If that fails, the clicks still count as opted out for this run.
 */
function notePendingOptOuts(ctx: SendContext): void {
  try {
    for (const id of applyPendingOptOuts(ctx.ledger).clientIds) ctx.pendingOptOuts.add(id);
  } catch (err) {
    for (const id of pendingOptOutIds()) ctx.pendingOptOuts.add(id);
    console.warn(`ClientBase: pending opt-outs not applied yet: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Step 2: the next queued rows become `sending`; those opted out, gone, or
 * already mailed this content since they were queued are skipped instead.
 * Opt-outs are looked at afresh for every batch: a click during a long run
 * stops the mails of the batches after it.
 */
function claimBatch(ctx: SendContext, campaign: string, limit: number, sending: Sending): { claimId: string; targets: Target[]; skipped: number } | null {
  const indexes = nextBatch(ctx.store.rows, campaign, limit);
  if (indexes.length === 0) return null;
  ctx.clients = readClients(ctx.base);
  refreshLedger(ctx.ledger);
  const claimId = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  saveJournal(startJournal(campaign, claimId));
  const written = writeMailingUpdates(ctx.store, (rows) => recheck(ctx, campaign, sending, rows, markClaimed(rows, campaign, indexes, now(), claimId)));
  const targets = written
    .filter((u) => u.status === statusText.sending)
    .map((u) => ({ clientId: ctx.store.rows[u.index].clientId, email: ctx.store.rows[u.index].email }));
  return { claimId, targets, skipped: written.length - targets.length };
}

function recheck(ctx: SendContext, campaign: string, sending: Sending, rows: readonly MailingRow[], updates: MailingUpdate[]): MailingUpdate[] {
  const memory = { ledger: ctx.ledger.index, pendingOptOuts: ctx.pendingOptOuts, sendAgain: sending.info.sendAgain === true };
  return updates.map((u) => {
    if (u.status !== statusText.sending) return u;
    const row = rows[u.index];
    const client = ctx.clients.byId.get(row.clientId);
    const mailbox = recipientKey(row.email);
    if (!client) return { ...u, status: statusText.skipped('client_removed'), detail: 'found at send time' };
    if (optedOutNow(ctx.clients, memory, row.clientId, mailbox)) return { ...u, status: statusText.skipped('opted_out'), detail: 'found at send time' };
    const on = receivedDay(ctx.base, memory, mailbox, sending.hash, campaign);
    if (on !== undefined) return { ...u, status: statusText.skipped('already_received'), detail: `received this template on ${on}` };
    return u;
  });
}

/** Step 3: send each claimed row, the journal one step ahead of the mail. */
function sendBatch(ctx: SendContext, campaign: string, claimId: string, targets: Target[], maker: MessageMaker): BatchResult {
  const result: BatchResult = { claimId, targets, journal: startJournal(campaign, claimId), sent: [], failed: [], released: [], message: '' };
  const settings = ctx.base.settings;
  try {
    for (const target of targets) {
      if (elapsed(ctx) > ctx.budgetMs - RECORD_MARGIN_MS) {
        result.stop = 'time';
        break;
      }
      const message = maker.render(ctx.clients.byId.get(target.clientId)!);
      result.journal = noteAttempt(result.journal, target.clientId);
      saveJournal(result.journal);
      try {
        sendMail({
          to: target.email,
          subject: message.subject,
          textBody: message.textBody,
          htmlBody: message.htmlBody,
          name: settings.senderName,
          replyTo: settings.replyTo,
        });
      } catch (error) {
        const text = errorText(error);
        if (isQuotaError(text)) {
          // Not sent: the row goes back to the queue for tomorrow.
          const { attempting: _notSent, ...rest } = result.journal;
          result.journal = rest;
          result.stop = 'quota';
          result.message = 'The daily email quota ran out; the rest goes out when it renews.';
          break;
        }
        result.failed.push({ clientId: target.clientId, error: text });
        result.journal = noteResult(result.journal, target.clientId, { ok: false, error: text }, now());
        if (!isAddressError(text)) {
          result.stop = 'error';
          result.message = `Sending stopped after an error from Gmail: ${text}`;
          break;
        }
        continue;
      }
      result.journal = noteResult(result.journal, target.clientId, { ok: true }, now());
      result.sent.push({ clientId: target.clientId, subject: message.subject });
    }
  } catch (error) {
    // The journal could not be written: this row's send was not attempted.
    result.stop = 'error';
    result.message = `Sending stopped: ${errorText(error)}`;
  }
  const attempted = new Set([...result.sent.map((s) => s.clientId), ...result.failed.map((f) => f.clientId)]);
  result.released = targets.map((t) => t.clientId).filter((id) => !attempted.has(id));
  return result;
}

/** Step 4: one write for the batch's rows, one append for its interactions; retried once, else left to the journal. */
function recordBatch(ctx: SendContext, campaign: string, sending: Sending, batch: BatchResult): void {
  const emails = new Map(batch.targets.map((t) => [t.clientId, t.email]));
  let attempts = 0;
  const record = () =>
    withDocumentLock(() => {
      const again = attempts++ > 0;
      const time = now();
      writeMailingUpdates(ctx.store, (rows) => [
        ...markSent(
          rows,
          campaign,
          batch.sent.map((s) => s.clientId),
          time,
        ),
        ...markFailed(rows, campaign, batch.failed, time),
        ...markReleased(rows, campaign, batch.released, time),
      ]);
      appendLedger(
        ctx.ledger,
        batch.sent.map((s) => ledgerEntry(ctx, campaign, sending, s.clientId, emails.get(s.clientId) ?? '', 'sent')),
      );
      logSends(ctx, campaign, sending.templateName, batch.claimId, batch.sent, again);
      dropJournal(campaign);
    });
  try {
    saveJournal(batch.journal);
  } catch {
    // The sheet write below is what counts; the journal only matters if it fails too.
  }
  try {
    record();
  } catch {
    try {
      record();
    } catch (error) {
      try {
        markClaimEnded(campaign, batch.claimId);
      } catch {
        // Without the mark the claim is settled once it is older than CLAIM_STALE_AFTER_MS.
      }
      throw error;
    }
  }
}

/**
 * Every sent mail becomes an Email interaction in the client's history: one
 * append per batch. Its ID comes from the claim and the client, so when a
 * run stopped after the append but before dropping the journal, the repeat
 * (`careful`: one read of the ID column) finds it and adds nothing.
 */
function logSends(
  ctx: SendContext,
  campaign: string,
  templateName: string,
  claimId: string,
  sent: readonly { clientId: string; subject: string }[],
  careful: boolean,
): void {
  if (sent.length === 0) return;
  const day = toSheetDay(now(), ctx.base.timeZone);
  const logged = careful ? loggedInteractionIds() : new Set<string>();
  const rows = sent
    .map((s) => ({ s, id: interactionId(claimId, s.clientId) }))
    .filter(({ id }) => !logged.has(id))
    .map(({ s, id }) => [id, s.clientId, day, 'Email', ctx.base.user, `${templateName}: ${s.subject}`.slice(0, 5000), '', '', false, `mailing ${campaign}`]);
  if (rows.length > 0) appendRows(TAB.interactions, rows);
}

export function interactionId(claimId: string, clientId: string): string {
  return `I-${claimId}-${clientId}`.slice(0, 120);
}

function loggedInteractionIds(): Set<string> {
  const sheet = findSheet(TAB.interactions);
  const last = sheet ? sheet.getLastRow() : 0;
  if (!sheet || last < FIRST_DATA_ROW) return new Set();
  return new Set(
    sheet
      .getRange(FIRST_DATA_ROW, 1, last - 1, 1)
      .getValues()
      .map((r) => cellText(r[0])),
  );
}
