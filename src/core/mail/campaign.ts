/**
 * The per-recipient state machine of a mailing, persisted one row a recipient
 * in the `Mailings` tab. All functions are pure: they read rows and return
 * rows to append or cell updates to write.
 *
 *   queued ──claim──▶ sending ──record──▶ sent | failed: <error>
 *      ▲                 │
 *      └──release/recover┘ (only when provably not sent)
 *   skipped: <reason> is final.
 *
 * The server's loop, under the script lock:
 *   1. read Mailings once; `recover` stale claims (write the updates if any);
 *   2. `nextBatch` + `markClaimed` → one write (rows become `sending`);
 *      persist `startJournal` first (PropertiesService) if journalling;
 *   3. for each claimed row: persist `noteAttempt`, send, persist `noteResult`;
 *   4. `markSent` + `markFailed` (+ `markReleased` for rows not attempted
 *      before the time budget ran out) → one write; `updateSpan` makes it
 *      one setValues.
 * A row is `sending` from just before its send until its result is written,
 * so a kill can never lead to a second send: `recover` re-queues a claimed
 * row only when the journal proves its send was never attempted, and leaves
 * the one in flight as "unknown: check the outbox" for a person. Without a
 * journal, a kill leaves at most one batch in that state, never a resend.
 * One claim at a time per campaign: `nextBatch` waits while a claim is
 * unsettled, so a second execution (sidebar and trigger) never sends
 * alongside the first.
 */
import type { MailLang } from './mail-lang';
import { REASON_WORDS, statusCode, statusWords } from './status-words';
import { emailKey } from '../normalize/email';
import { TAB_HEADERS } from '../schema/tabs';
import { isDate } from '../values';

export const MAILING_HEADERS = TAB_HEADERS.Mailings;

/** 0-based columns of `Mailings`. Status, Time and Detail are adjacent, so an update is one block. */
export const MAILING_COLUMN = { campaign: 0, clientId: 1, email: 2, status: 3, time: 4, detail: 5 } as const;
export const UPDATE_FIRST_COLUMN = MAILING_COLUMN.status;

/** After this long a `sending` claim cannot belong to a live execution (Apps Script stops at 6 minutes). */
export const CLAIM_STALE_AFTER_MS = 7 * 60_000;

export const MAX_ERROR_CHARS = 100;

export interface MailingRow {
  campaign: string;
  clientId: string;
  email: string;
  status: string;
  time: Date | string;
  detail: string;
}

export type MailingCell = string | Date;

/** A change to one row's Status, Time and Detail; `index` is into the rows array the update was computed from. */
export interface MailingUpdate {
  index: number;
  status: string;
  time: Date;
  detail: string;
}

export type MailingState =
  | { kind: 'queued' }
  | { kind: 'sending' }
  | { kind: 'sent' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; error: string }
  /** Blank or anything a person typed: never sent, counted apart. */
  | { kind: 'other'; text: string };

export const UNKNOWN_DETAIL = 'unknown: check the outbox';

// ---------------------------------------------------------------- rows and cells

/**
 * Rows from `getValues()` of Mailings without its header row; short or odd
 * rows are read leniently. Status comes back as its code whatever language
 * its words are in (status-words.ts).
 */
export function rowsFromValues(values: readonly (readonly unknown[])[]): MailingRow[] {
  return (Array.isArray(values) ? values : []).map((cells) => {
    const at = (i: number) => (Array.isArray(cells) ? cells[i] : undefined);
    const time = at(MAILING_COLUMN.time);
    return {
      campaign: text(at(MAILING_COLUMN.campaign)),
      clientId: text(at(MAILING_COLUMN.clientId)),
      email: text(at(MAILING_COLUMN.email)),
      status: statusCode(text(at(MAILING_COLUMN.status))),
      time: isDate(time) ? time : text(time),
      detail: text(at(MAILING_COLUMN.detail)),
    };
  });
}

/** The cells of a row, its Status in words of `lang` (the tab's language). */
export function rowToValues(row: MailingRow, lang: string): MailingCell[] {
  return [row.campaign, row.clientId, row.email, statusWords(row.status, lang), row.time, row.detail];
}

export function parseStatus(status: unknown): MailingState {
  const raw = text(status).trim();
  const lower = raw.toLowerCase();
  if (lower === 'queued') return { kind: 'queued' };
  if (lower === 'sending') return { kind: 'sending' };
  if (lower === 'sent') return { kind: 'sent' };
  const colon = raw.indexOf(':');
  const head = (colon === -1 ? lower : lower.slice(0, colon)).trim();
  const rest = colon === -1 ? '' : raw.slice(colon + 1).trim();
  if (head === 'skipped') return { kind: 'skipped', reason: rest || 'unspecified' };
  if (head === 'failed') return { kind: 'failed', error: rest || 'unspecified' };
  return { kind: 'other', text: raw };
}

export const statusText = {
  queued: 'queued',
  sending: 'sending',
  sent: 'sent',
  skipped: (reason: string) => `skipped: ${reason}`,
  failed: (error: string) => `failed: ${oneLine(error).slice(0, MAX_ERROR_CHARS) || 'unspecified'}`,
} as const;

// ---------------------------------------------------------------- queueing

export type QueueEntry = string | { id: string; email?: string };
export interface SkipEntry {
  id: string;
  reason: string;
  email?: string;
  sameAs?: string;
  /** The reason in words for the Detail column (status-words.ts); the Status keeps the code. */
  detail?: string;
}

/**
 * Rows to append for a mailing. Clients already tracked in this campaign are
 * not queued again, so running the same mailing twice appends nothing new;
 * a client whose only rows are `skipped` (say, an email fixed since) is
 * queued anew and the newest row is its state.
 */
export function queueRows(
  campaign: string,
  sendable: readonly QueueEntry[],
  skipped: readonly SkipEntry[],
  now: Date,
  existing: readonly MailingRow[] = [],
): MailingRow[] {
  const latest = latestRows(existing, campaign);
  const rows: MailingRow[] = [];
  const added = new Set<string>();
  for (const entry of sendable) {
    const id = typeof entry === 'string' ? entry : entry?.id;
    if (typeof id !== 'string' || id === '' || added.has(id)) continue;
    const current = latest.get(id);
    if (current !== undefined && parseStatus(existing[current].status).kind !== 'skipped') continue;
    added.add(id);
    rows.push({ campaign, clientId: id, email: typeof entry === 'string' ? '' : (entry.email ?? ''), status: statusText.queued, time: now, detail: '' });
  }
  for (const entry of skipped) {
    if (!entry || typeof entry.id !== 'string' || entry.id === '' || added.has(entry.id)) continue;
    const status = statusText.skipped(entry.reason);
    const current = latest.get(entry.id);
    if (current !== undefined) {
      const state = parseStatus(existing[current].status);
      // Already tracked, or the same skip already on record: nothing new to say.
      if (state.kind !== 'skipped' || existing[current].status === status) continue;
    }
    added.add(entry.id);
    rows.push({
      campaign,
      clientId: entry.id,
      email: entry.email ?? '',
      status,
      time: now,
      detail: entry.detail ?? (entry.sameAs ? `same as ${entry.sameAs}` : ''),
    });
  }
  return rows;
}

/** Clients this campaign has sent to or may have sent to (`sending`): preflight's `alreadySent`. */
export function alreadySent(rows: readonly MailingRow[], campaign: string): Set<string> {
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.campaign !== campaign) continue;
    const kind = parseStatus(row.status).kind;
    if (kind === 'sent' || kind === 'sending') ids.add(row.clientId);
  }
  return ids;
}

// ---------------------------------------------------------------- claiming

/**
 * Indexes of the next queued rows of the campaign, in sheet order, at most
 * `limit`. Empty while an earlier claim is unsettled (rows `sending` that
 * `recover` has not yet resolved): one claim at a time per campaign, so two
 * executions never send side by side and a claim's journal is never
 * overwritten before its rows are settled.
 */
export function nextBatch(rows: readonly MailingRow[], campaign: string, limit: number): number[] {
  const max = Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : 0;
  if (claimInProgress(rows, campaign)) return [];
  const latest = latestRows(rows, campaign);
  const batch: number[] = [];
  for (let i = 0; i < rows.length && batch.length < max; i++) {
    const row = rows[i];
    if (row.campaign === campaign && latest.get(row.clientId) === i && parseStatus(row.status).kind === 'queued') batch.push(i);
  }
  return batch;
}

/** True while some row of the campaign is `sending` and not yet marked unknown by `recover`. */
export function claimInProgress(rows: readonly MailingRow[], campaign: string): boolean {
  for (const index of sendingRows(rows, campaign).values()) if (!rows[index].detail.startsWith('unknown')) return true;
  return false;
}

/**
 * Claims rows for sending: `sending`, the claim time, and "claim <id> #<n>"
 * in Detail. Last line of defence against a second send: a queued row whose
 * client or mailbox was already sent (or is being sent) in this campaign is
 * skipped instead of claimed. Indexes that are no longer queued are ignored.
 */
export function markClaimed(rows: readonly MailingRow[], campaign: string, indexes: readonly number[], now: Date, claimId: string): MailingUpdate[] {
  const id = claimId.replace(/\s+/g, '-') || String(now.getTime());
  const claiming = new Set(indexes);
  const takenClients = new Set<string>();
  const takenMailboxes = new Set<string>();
  rows.forEach((row, i) => {
    if (row.campaign !== campaign || claiming.has(i)) return;
    const kind = parseStatus(row.status).kind;
    if (kind !== 'sent' && kind !== 'sending') return;
    takenClients.add(row.clientId);
    const key = emailKey(row.email);
    if (key) takenMailboxes.add(key);
  });
  const updates: MailingUpdate[] = [];
  let n = 0;
  for (const index of claiming) {
    const row = rows[index];
    if (!row || row.campaign !== campaign || parseStatus(row.status).kind !== 'queued') continue;
    const key = emailKey(row.email);
    let skip: string | undefined;
    if (takenClients.has(row.clientId)) skip = 'already_sent';
    else if (!key) skip = 'missing_email';
    else if (takenMailboxes.has(key)) skip = 'duplicate_email';
    if (skip) {
      updates.push({ index, status: statusText.skipped(skip), time: now, detail: 'found at claim time' });
      continue;
    }
    takenClients.add(row.clientId);
    takenMailboxes.add(key!);
    updates.push({ index, status: statusText.sending, time: now, detail: `claim ${id} #${++n}` });
  }
  return updates;
}

// ---------------------------------------------------------------- recording

/** Sent: the claimed rows of these clients become `sent` at `now`. Clients with no `sending` row are left out. */
export function markSent(rows: readonly MailingRow[], campaign: string, clientIds: readonly string[], now: Date): MailingUpdate[] {
  const sending = sendingRows(rows, campaign);
  return clientIds.flatMap((clientId) => {
    const index = sending.get(clientId);
    return index === undefined ? [] : [{ index, status: statusText.sent, time: now, detail: '' }];
  });
}

export function markFailed(
  rows: readonly MailingRow[],
  campaign: string,
  failures: readonly { clientId: string; error: string }[],
  now: Date,
): MailingUpdate[] {
  const sending = sendingRows(rows, campaign);
  return failures.flatMap(({ clientId, error }) => {
    const index = sending.get(clientId);
    return index === undefined ? [] : [{ index, status: statusText.failed(error), time: now, detail: oneLine(error).slice(0, 500) }];
  });
}

/**
 * Hands claimed rows back to the queue. Only for rows whose send was never
 * attempted (time budget ran out, quota error before sending), never for a
 * send that may have happened.
 */
export function markReleased(rows: readonly MailingRow[], campaign: string, clientIds: readonly string[], now: Date): MailingUpdate[] {
  const sending = sendingRows(rows, campaign);
  return clientIds.flatMap((clientId) => {
    const index = sending.get(clientId);
    return index === undefined ? [] : [{ index, status: statusText.queued, time: now, detail: 'released: not attempted' }];
  });
}

/**
 * A person's decision after checking the outbox (or fixing the cause of a
 * failure): `failed` and `sending` rows of these clients go back to the queue.
 */
export function requeue(rows: readonly MailingRow[], campaign: string, clientIds: readonly string[], now: Date): MailingUpdate[] {
  const latest = latestRows(rows, campaign);
  return clientIds.flatMap((clientId) => {
    const index = latest.get(clientId);
    if (index === undefined) return [];
    const kind = parseStatus(rows[index].status).kind;
    if (kind !== 'failed' && kind !== 'sending') return [];
    return [{ index, status: statusText.queued, time: now, detail: `requeued after: ${rows[index].status}` }];
  });
}

// ---------------------------------------------------------------- the send journal

/**
 * A small record of the batch in flight, kept outside the sheet (document
 * properties): it is written before and after each send, so after a kill it
 * tells which claimed rows were sent, which failed, which one was in flight
 * and which were never attempted. About 60 characters a recipient: a batch of
 * 40 fits well inside the 9 KB a property value may hold.
 */
export interface SendJournal {
  campaign: string;
  claimId: string;
  /** The client whose send may be under way: its attempt is persisted, its result is not. */
  attempting?: string;
  results: JournalResult[];
}

export interface JournalResult {
  clientId: string;
  ok: boolean;
  error?: string;
  /** Epoch milliseconds. */
  at: number;
}

export function startJournal(campaign: string, claimId: string): SendJournal {
  return { campaign, claimId: claimId.replace(/\s+/g, '-'), results: [] };
}

export function noteAttempt(journal: SendJournal, clientId: string): SendJournal {
  return { ...journal, attempting: clientId };
}

export function noteResult(journal: SendJournal, clientId: string, outcome: { ok: true } | { ok: false; error: string }, now: Date): SendJournal {
  const result: JournalResult = outcome.ok
    ? { clientId, ok: true, at: now.getTime() }
    : { clientId, ok: false, error: oneLine(outcome.error).slice(0, MAX_ERROR_CHARS), at: now.getTime() };
  const { attempting: _done, ...rest } = journal;
  return { ...rest, results: [...journal.results.filter((r) => r.clientId !== clientId), result] };
}

/** A journal read back from storage, or undefined if it is missing or not one. */
export function parseJournal(json: unknown): SendJournal | undefined {
  if (typeof json !== 'string' || json === '') return undefined;
  try {
    const value = JSON.parse(json) as Partial<SendJournal>;
    if (typeof value?.campaign !== 'string' || typeof value.claimId !== 'string' || !Array.isArray(value.results)) return undefined;
    const results = value.results.filter(
      (r): r is JournalResult => !!r && typeof r.clientId === 'string' && typeof r.ok === 'boolean' && typeof r.at === 'number',
    );
    const journal: SendJournal = { campaign: value.campaign, claimId: value.claimId, results };
    if (typeof value.attempting === 'string') journal.attempting = value.attempting;
    return journal;
  } catch {
    return undefined;
  }
}

/**
 * Resolves `sending` rows left by an execution that died. Claims younger than
 * `staleAfterMs` are left alone: they may belong to a live execution. With the
 * journal of the claim: recorded results are written, rows never attempted go
 * back to the queue, and the one in flight is marked unknown. Without it,
 * every row of the claim is marked unknown: nothing is ever re-sent on a guess.
 */
export function recover(
  rows: readonly MailingRow[],
  campaign: string,
  now: Date,
  journal?: SendJournal,
  staleAfterMs: number = CLAIM_STALE_AFTER_MS,
): MailingUpdate[] {
  const latest = latestRows(rows, campaign);
  const updates: MailingUpdate[] = [];
  rows.forEach((row, index) => {
    if (row.campaign !== campaign || latest.get(row.clientId) !== index) return;
    if (parseStatus(row.status).kind !== 'sending' || row.detail.startsWith('unknown')) return;
    const claimedAt = timeOf(row.time);
    if (claimedAt !== undefined && now.getTime() - claimedAt < staleAfterMs) return;
    const claim = /^claim (\S+)/.exec(row.detail)?.[1];
    const known = journal && claim !== undefined && journal.campaign === campaign && journal.claimId === claim ? journal : undefined;
    const result = known?.results.find((r) => r.clientId === row.clientId);
    if (result) {
      updates.push({
        index,
        status: result.ok ? statusText.sent : statusText.failed(result.error ?? 'unspecified'),
        time: new Date(result.at),
        detail: result.ok ? 'recorded after an interruption' : (result.error ?? ''),
      });
    } else if (known && known.attempting !== row.clientId) {
      updates.push({ index, status: statusText.queued, time: now, detail: `released: claim ${claim} was interrupted before this send` });
    } else {
      updates.push({ index, status: statusText.sending, time: now, detail: `${UNKNOWN_DETAIL} (${row.detail || 'no claim'} was interrupted)` });
    }
  });
  return updates;
}

// ---------------------------------------------------------------- writing

/** The rows with updates applied (a new array; the input is untouched). */
export function applyUpdates(rows: readonly MailingRow[], updates: readonly MailingUpdate[]): MailingRow[] {
  const next = rows.slice();
  for (const u of updates) {
    if (!next[u.index]) continue;
    next[u.index] = { ...next[u.index], status: u.status, time: u.time, detail: u.detail };
  }
  return next;
}

/**
 * All updates as one block of Status/Time/Detail cells from the first to the
 * last updated row (rows in between keep their current values), so the server
 * writes them with a single setValues at row `firstIndex` of the data and
 * column UPDATE_FIRST_COLUMN; Status in words of `lang`. Undefined when there is nothing to write.
 */
export function updateSpan(
  rows: readonly MailingRow[],
  updates: readonly MailingUpdate[],
  lang: string,
): { firstIndex: number; values: MailingCell[][] } | undefined {
  const valid = updates.filter((u) => rows[u.index] !== undefined);
  if (valid.length === 0) return undefined;
  const first = Math.min(...valid.map((u) => u.index));
  const last = Math.max(...valid.map((u) => u.index));
  const next = applyUpdates(rows, valid);
  const values: MailingCell[][] = [];
  for (let i = first; i <= last; i++) values.push([statusWords(next[i].status, lang), next[i].time, next[i].detail]);
  return { firstIndex: first, values };
}

// ---------------------------------------------------------------- reporting

export interface CampaignSummary {
  /** Distinct clients in the campaign. */
  total: number;
  sent: number;
  skipped: Record<string, number>;
  skippedTotal: number;
  failed: number;
  /** Still queued. */
  remaining: number;
  /** `sending`: claimed and not recorded; after an interruption, a person checks the outbox. */
  unknown: number;
  /** Rows whose Status no one here wrote (blank or typed by a person). */
  other: number;
}

/** The campaign by each client's newest row. */
export function summarize(rows: readonly MailingRow[], campaign: string): CampaignSummary {
  const summary: CampaignSummary = { total: 0, sent: 0, skipped: {}, skippedTotal: 0, failed: 0, remaining: 0, unknown: 0, other: 0 };
  for (const index of latestRows(rows, campaign).values()) {
    const state = parseStatus(rows[index].status);
    summary.total++;
    if (state.kind === 'sent') summary.sent++;
    else if (state.kind === 'failed') summary.failed++;
    else if (state.kind === 'queued') summary.remaining++;
    else if (state.kind === 'sending') summary.unknown++;
    else if (state.kind === 'skipped') {
      summary.skipped[state.reason] = (summary.skipped[state.reason] ?? 0) + 1;
      summary.skippedTotal++;
    } else summary.other++;
  }
  return summary;
}

/** The summary's own words: sent, skipped, failed, remaining and the unknown note. */
const SUMMARY_WORDS: Record<MailLang, { sent: string; skipped: string; failed: string; remaining: string; unknown: (n: number) => string }> = {
  en: { sent: 'Sent', skipped: 'skipped', failed: 'failed', remaining: 'remaining', unknown: (n) => `unknown ${n} (check the outbox)` },
  ru: { sent: 'Отправлено', skipped: 'пропущено', failed: 'ошибок', remaining: 'осталось', unknown: (n) => `неизвестно ${n} (проверьте «Отправленные»)` },
  uk: { sent: 'Надіслано', skipped: 'пропущено', failed: 'помилок', remaining: 'залишилося', unknown: (n) => `невідомо ${n} (перевірте «Надіслані»)` },
  ro: { sent: 'Trimise', skipped: 'omise', failed: 'eșuate', remaining: 'rămase', unknown: (n) => `necunoscute ${n} (verificați dosarul Trimise)` },
};

/** "Sent 42, skipped 3 (opted out 2, no email 1), failed 1, remaining 58." */
export function describeSummary(summary: CampaignSummary, lang: MailLang): string {
  const words = REASON_WORDS[lang] ?? REASON_WORDS.en;
  const reasons = Object.entries(summary.skipped).map(([reason, n]) => `${words[reason] ?? reason} ${n}`);
  const skipped = summary.skippedTotal + (reasons.length > 0 ? ` (${reasons.join(', ')})` : '');
  const w = SUMMARY_WORDS[lang] ?? SUMMARY_WORDS.en;
  const parts = [`${w.sent} ${summary.sent}`, `${w.skipped} ${skipped}`, `${w.failed} ${summary.failed}`, `${w.remaining} ${summary.remaining}`];
  if (summary.unknown > 0) parts.push(w.unknown(summary.unknown));
  return parts.join(', ') + '.';
}

// ---------------------------------------------------------------- helpers

/** Client ID → index of its newest (last) row in the campaign. */
function latestRows(rows: readonly MailingRow[], campaign: string): Map<string, number> {
  const latest = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.campaign === campaign && row.clientId !== '') latest.set(row.clientId, i);
  });
  return latest;
}

/** Client ID → index of its newest row, for clients whose newest row is `sending`. */
function sendingRows(rows: readonly MailingRow[], campaign: string): Map<string, number> {
  const sending = new Map<string, number>();
  for (const [clientId, index] of latestRows(rows, campaign)) {
    if (parseStatus(rows[index].status).kind === 'sending') sending.set(clientId, index);
  }
  return sending;
}

function timeOf(value: Date | string): number | undefined {
  if (isDate(value)) return value.getTime();
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value.toISOString();
  return String(value);
}

function oneLine(text: string): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
