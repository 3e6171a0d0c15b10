/** A client's interactions and audited changes as one list, newest first. */
import type { ChangeDto, InteractionDto } from '../../src/app/interactions';

export type TimelineEntry =
  | { kind: 'interaction'; at: string; interaction: InteractionDto }
  | { kind: 'changes'; at: string; user: string; action: string; source: string; changes: ChangeDto[] };

/** One save writes one audit row per field; they read better as one entry. */
function groupChanges(changes: readonly ChangeDto[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const change of changes) {
    const last = entries[entries.length - 1];
    if (last && last.kind === 'changes' && last.at === change.time && last.user === change.user && last.action === change.action) {
      last.changes.push(change);
    } else {
      entries.push({ kind: 'changes', at: change.time, user: change.user, action: change.action, source: change.source, changes: [change] });
    }
  }
  return entries;
}

export function timeline(interactions: readonly InteractionDto[], changes: readonly ChangeDto[]): TimelineEntry[] {
  const all = [...interactions.map((interaction): TimelineEntry => ({ kind: 'interaction', at: interaction.date, interaction })), ...groupChanges(changes)];
  // Stable sort: entries with the same stamp keep the server's newest-first order.
  return all
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.at < b.e.at ? 1 : a.e.at > b.e.at ? -1 : a.i - b.i))
    .map(({ e }) => e);
}
