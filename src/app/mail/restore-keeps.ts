/**
 * What a snapshot restore must not rewind: the mail ledger is never in a
 * snapshot, and opt-outs (from the ledger and pending clicks) are ticked
 * again in the restored Clients, audited. The notes say so, and what the
 * restore loses (clients added since the snapshot, kept in the safety snapshot).
 */
import { Columns } from '../../core/clients/columns';
import type { TabImage } from '../../core/snapshot/encode';
import { TAB } from '../../core/schema/tabs';
import { cellText } from '../../core/values';
import { openLedger } from './ledger-store';
import { pendingOptOutIds, tickOptOuts } from './opt-outs';

function idsOf(image: TabImage | undefined): Set<string> {
  if (!image || image.cells.length === 0) return new Set();
  const [header, ...rows] = image.cells;
  const column = new Columns(header.map((h) => cellText(h).trim())).indexOf('ID');
  return new Set(column < 0 ? [] : rows.map((r) => cellText(r[column]).trim()).filter((id) => id !== ''));
}

/** Call under the document lock, right after the images were written. Returns the notes for the person. */
export function keepMailMemory(before: readonly TabImage[], restored: readonly TabImage[], safetySnapshot: string): string[] {
  const notes = ['Not rewound: the mail ledger (who received which template) and opt-outs.'];
  const restoredClients = restored.find((i) => i.tab === TAB.clients);
  if (!restoredClients) return notes;
  const kept = idsOf(restoredClients);
  const lost = [...idsOf(before.find((i) => i.tab === TAB.clients))].filter((id) => !kept.has(id));
  if (lost.length > 0) notes.push(`${lost.length} clients added since the snapshot are not in Clients now; snapshot ${safetySnapshot} still holds them.`);
  const ledger = openLedger();
  const pending = pendingOptOutIds();
  const optedOut = [...new Set([...ledger.entries.filter((e) => e.kind === 'opt-out' && e.clientId !== '').map((e) => e.clientId), ...pending])];
  const ticked = tickOptOuts(optedOut, () => 'restore: opt-out kept from the mail ledger', ledger, false);
  if (ticked > 0) notes.push(`${ticked} opt-outs the snapshot did not have were ticked again.`);
  return notes;
}
