/**
 * The mail ledger: one line per mail that went out (or may have), and per
 * verified opt-out, kept in a hidden tab that no snapshot contains, so a
 * restore never rewinds it. Whether someone already got a template is decided
 * here, by mailbox (the duplicate finder's normalised address) and by the
 * template's content, never by the mailing's name: renaming a mailing, or
 * restoring Mailings to before it ran, cannot mail the same people again.
 */
import { emailKey } from '../normalize/email';
import { isDate } from '../values';

export const LEDGER_TAB = 'Mail ledger';
export const LEDGER_HEADERS = ['Time', 'Kind', 'Recipient', 'Template', 'Client ID', 'Campaign', 'Template name'] as const;

/** sent: recorded as sent; unknown: interrupted during its send (counts as received); opt-out: verified unsubscribe. */
export type LedgerKind = 'sent' | 'unknown' | 'opt-out';

export interface LedgerEntry {
  time: Date;
  kind: LedgerKind;
  /** Normalised mailbox (lower-case, Gmail dots and +tags dropped). */
  recipient: string;
  /** templateHash of subject and body; empty for opt-outs. */
  template: string;
  clientId: string;
  campaign: string;
  templateName: string;
}

/** The mailbox an address reaches, as the duplicate finder compares them. */
export function recipientKey(email: unknown): string {
  return emailKey(email) ?? '';
}

/**
 * A short fingerprint of a template's content: two independent 32-bit hashes
 * of subject and body (line endings unified, outer spaces trimmed). Not a
 * secret, only "is this the same text".
 */
export function templateHash(subject: unknown, body: unknown): string {
  const text = `${norm(subject)}\u0000${norm(body)}`;
  let h1 = 0x811c9dc5;
  let h2 = 5381;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = (Math.imul(h2, 33) ^ c) | 0;
  }
  return `t${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}

function norm(value: unknown): string {
  return String(value ?? '')
    .replace(/\r\n?/g, '\n')
    .trim();
}

export function ledgerRow(entry: LedgerEntry): unknown[] {
  return [entry.time, entry.kind, entry.recipient, entry.template, entry.clientId, entry.campaign, entry.templateName];
}

/** Rows of the tab below its header; lines a person mangled are skipped, never guessed at. */
export function ledgerFromValues(values: readonly (readonly unknown[])[]): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const cells of Array.isArray(values) ? values : []) {
    const kind = String(cells?.[1] ?? '').trim() as LedgerKind;
    if (kind !== 'sent' && kind !== 'unknown' && kind !== 'opt-out') continue;
    const time = cells[0];
    entries.push({
      time: isDate(time) ? time : new Date(Date.parse(String(time)) || 0),
      kind,
      recipient: String(cells[2] ?? '')
        .trim()
        .toLowerCase(),
      template: String(cells[3] ?? '').trim(),
      clientId: String(cells[4] ?? '').trim(),
      campaign: String(cells[5] ?? ''),
      templateName: String(cells[6] ?? ''),
    });
  }
  return entries;
}

export interface LedgerIndex {
  /** When this mailbox first got this template (sent or possibly sent); with `campaign`, only within that mailing. */
  received(recipient: string, template: string, campaign?: string): Date | undefined;
  /** True when this mailbox or this client unsubscribed through a verified link. */
  optedOut(recipient: string, clientId: string): boolean;
  /** True when this campaign already recorded this mailbox (any template): a re-run never re-sends. */
  sentInCampaign(recipient: string, campaign: string): boolean;
}

export function indexLedger(entries: readonly LedgerEntry[]): LedgerIndex {
  const first = new Map<string, LedgerEntry[]>();
  const optedMailboxes = new Set<string>();
  const optedClients = new Set<string>();
  const inCampaign = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'opt-out') {
      if (e.recipient) optedMailboxes.add(e.recipient);
      if (e.clientId) optedClients.add(e.clientId);
      continue;
    }
    if (!e.recipient) continue;
    const key = `${e.recipient}\u0000${e.template}`;
    const list = first.get(key) ?? [];
    list.push(e);
    first.set(key, list);
    inCampaign.add(`${e.recipient}\u0000${e.campaign.trim().toLowerCase()}`);
  }
  return {
    received(recipient, template, campaign) {
      const list = first.get(`${recipient}\u0000${template}`);
      if (!list) return undefined;
      const only = campaign?.trim().toLowerCase();
      let earliest: Date | undefined;
      for (const e of list) {
        if (only !== undefined && e.campaign.trim().toLowerCase() !== only) continue;
        if (!earliest || e.time.getTime() < earliest.getTime()) earliest = e.time;
      }
      return earliest;
    },
    optedOut: (recipient, clientId) => (recipient !== '' && optedMailboxes.has(recipient)) || (clientId !== '' && optedClients.has(clientId)),
    sentInCampaign: (recipient, campaign) => inCampaign.has(`${recipient}\u0000${campaign.trim().toLowerCase()}`),
  };
}

/** Entries not already on record (same kind, mailbox, template and campaign): a recovery that repeats a write adds nothing. */
export function newEntries(existing: readonly LedgerEntry[], entries: readonly LedgerEntry[]): LedgerEntry[] {
  const seen = new Set(existing.map(entryKey));
  const fresh: LedgerEntry[] = [];
  for (const e of entries) {
    const key = entryKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(e);
  }
  return fresh;
}

function entryKey(e: LedgerEntry): string {
  return e.kind === 'opt-out'
    ? `opt-out\u0000${e.recipient}\u0000${e.clientId}`
    : `${e.kind}\u0000${e.recipient}\u0000${e.template}\u0000${e.campaign.trim().toLowerCase()}`;
}
