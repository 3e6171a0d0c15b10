/**
 * Verified opt-outs, from the click to the Clients tab.
 *
 * The web app (an unsubscribe link) runs with no active spreadsheet and no
 * document lock, and the add-on asks only for spreadsheets.currentonly, so it
 * cannot open the sheet: it verifies the token and leaves a pending opt-out
 * in script properties. Every execution of the add-on (sidebar load, menu,
 * the mailing trigger, every mailing batch) moves pending opt-outs into
 * Clients, audited, and into the mail ledger, which snapshots never restore:
 * a restore cannot undo an opt-out (restoreSnapshot re-applies them).
 */
import { auditRows, type AuditEntry } from '../../core/audit/entry';
import { Columns } from '../../core/clients/columns';
import { recipientKey, type LedgerEntry } from '../../core/mail/ledger';
import { isOptedOut } from '../../core/mail/preflight';
import { shortKey } from '../../core/mail/short-key';
import { verifyToken } from '../../core/mail/unsubscribe';
import { parseFieldsTab } from '../../core/schema/fields-tab';
import { TAB } from '../../core/schema/tabs';
import { cellText } from '../../core/values';
import { withDocumentLock } from '../../gas/lock';
import { deletePendingOptOuts, listPendingOptOuts, pendingKey, readPendingOptOut, withScriptLock, writePendingOptOut } from '../../gas/mail-opt-outs';
import { appendRows, readTable, writeBlocks } from '../../gas/sheets';
import { now } from '../../gas/session';
import { unsubscribeHmac } from '../../gas/signing';
import { appendLedger, openLedger, type LedgerStore } from './ledger-store';

export type UnsubscribeResult = 'unsubscribed' | 'already' | 'invalid';

interface Pending {
  clientId: string;
  campaign: string;
  /** Epoch ms of the click. */
  at: number;
}

/** A short key per client: a second click finds the first one's property. */
function keyFor(clientId: string): string {
  return pendingKey(shortKey(clientId));
}

/** The web app's whole job: needs only script properties and the script lock, which a web app has. */
export function recordUnsubscribe(token: unknown): UnsubscribeResult {
  if (typeof token !== 'string' || token === '') return 'invalid';
  const verified = verifyToken(token, unsubscribeHmac());
  if (!verified) return 'invalid';
  const key = keyFor(verified.clientId);
  return withScriptLock(() => {
    if (readPendingOptOut(key)) return 'already';
    const pending: Pending = { clientId: verified.clientId.slice(0, 200), campaign: verified.campaign.slice(0, 200), at: now().getTime() };
    writePendingOptOut(key, JSON.stringify(pending));
    return 'unsubscribed';
  });
}

function parsePending(value: string): Pending | undefined {
  try {
    const p = JSON.parse(value) as Pending;
    return p && typeof p.clientId === 'string' && p.clientId !== ''
      ? { clientId: p.clientId, campaign: String(p.campaign ?? ''), at: Number(p.at) || 0 }
      : undefined;
  } catch {
    return undefined;
  }
}

export interface AppliedOptOuts {
  /** Clients with a pending or just-applied opt-out: a batch treats them as opted out even if the write failed. */
  clientIds: Set<string>;
  /** Opt-out cells ticked now. */
  ticked: number;
}

/**
 * Moves pending opt-outs into Clients (one read, one write per run of
 * adjacent rows), Audit and the ledger, then removes them from script
 * properties. Costs one getProperties call when nothing is pending.
 */
export function applyPendingOptOuts(ledger?: LedgerStore): AppliedOptOuts {
  const pending = listPendingOptOuts();
  const parsed = pending.map((p) => ({ key: p.key, value: parsePending(p.value) }));
  const result: AppliedOptOuts = { clientIds: new Set(parsed.flatMap((p) => (p.value ? [p.value.clientId] : []))), ticked: 0 };
  if (pending.length === 0) return result;
  const entries = parsed.flatMap((p) => (p.value ? [p.value] : []));
  withDocumentLock(() => {
    result.ticked = tickOptOuts(
      entries.map((e) => e.clientId),
      (clientId) => {
        const e = entries.find((x) => x.clientId === clientId);
        return `unsubscribe link, mailing ${e?.campaign ?? ''}`;
      },
      ledger ?? openLedger(),
      true,
    );
  });
  withScriptLock(() => deletePendingOptOuts(pending.map((p) => p.key)));
  return result;
}

/** The clients of pending clicks, without applying them (one getProperties call). */
export function pendingOptOutIds(): string[] {
  return listPendingOptOuts().flatMap((p) => {
    const value = parsePending(p.value);
    return value ? [value.clientId] : [];
  });
}

/** For entry points whose own work must not fail because of this: the next execution tries again. */
export function applyPendingOptOutsQuietly(): void {
  try {
    applyPendingOptOuts();
  } catch (err) {
    console.warn(`ClientBase: pending opt-outs not applied yet: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Ticks Opt-out for these clients where it is not ticked, audits each tick,
 * and (when `record`) writes a ledger opt-out per client. Call under the
 * document lock. Returns how many cells were ticked.
 */
export function tickOptOuts(clientIds: readonly string[], sourceOf: (clientId: string) => string, ledger: LedgerStore, record: boolean): number {
  if (clientIds.length === 0) return 0;
  const fieldsTable = readTable(TAB.fields);
  const fields = parseFieldsTab(fieldsTable ? [fieldsTable.header, ...fieldsTable.rows] : []).fields;
  const optOutName = fields.find((f) => f.key === 'optOut')?.name ?? 'Opt-out';
  const emailName = (fields.find((f) => f.key === 'email') ?? fields.find((f) => f.type === 'email'))?.name ?? 'Email';
  const table = readTable(TAB.clients);
  const cols = new Columns(table?.header ?? []);
  const idColumn = cols.indexOf('ID');
  const optColumn = cols.indexOf(optOutName);
  const emailColumn = cols.indexOf(emailName);
  const rowOf = new Map<string, number>();
  table?.rows.forEach((r, i) => {
    const id = cellText(r[idColumn]).trim();
    if (id !== '' && !rowOf.has(id)) rowOf.set(id, i);
  });
  const time = now();
  const audits: AuditEntry[] = [];
  const ledgerEntries: LedgerEntry[] = [];
  const rows: number[] = [];
  for (const clientId of new Set(clientIds)) {
    const index = rowOf.get(clientId);
    const row = index === undefined || !table ? undefined : table.rows[index];
    ledgerEntries.push({
      time,
      kind: 'opt-out',
      recipient: row && emailColumn >= 0 ? recipientKey(row[emailColumn]) : '',
      template: '',
      clientId,
      campaign: '',
      templateName: '',
    });
    if (!row || optColumn < 0 || isOptedOut(row[optColumn])) continue;
    rows.push(index!);
    audits.push({
      time,
      user: 'unsubscribe link',
      action: 'opt-out',
      clientId,
      field: optOutName,
      oldValue: row[optColumn],
      newValue: true,
      source: sourceOf(clientId),
    });
  }
  if (rows.length > 0) {
    rows.sort((a, b) => a - b);
    const blocks: { row: number; column: number; values: unknown[][] }[] = [];
    for (const index of rows) {
      const last = blocks[blocks.length - 1];
      if (last && last.row + last.values.length === index + 2) last.values.push([true]);
      else blocks.push({ row: index + 2, column: optColumn + 1, values: [[true]] });
    }
    writeBlocks(TAB.clients, blocks);
    appendRows(TAB.audit, auditRows(audits));
  }
  if (record) appendLedger(ledger, ledgerEntries);
  return rows.length;
}
