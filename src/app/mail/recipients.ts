/**
 * Who a mailing goes to: a segment (its members now), the selected rows of
 * Clients (rows a filter hides are not recipients), or a list of client IDs
 * the sidebar already resolved and showed in the pre-flight check.
 */
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import { selectedRows } from '../../gas/selection';
import { findSheet } from '../../gas/sheets';
import { segmentClientIds } from '../segments/members';
import type { ClientsData } from './clients-data';

export const MAX_RECIPIENTS = 20_000;

export type RecipientsInput = { kind: 'segment'; name: string } | { kind: 'selection' } | { kind: 'ids'; ids: string[] };

export interface ResolvedRecipients {
  ids: string[];
  /** Selected rows that a filter hides: not recipients. */
  hiddenByFilter: number;
  /** Selected rows (or IDs) that are not clients: blank rows, a deleted ID. */
  notClients: number;
}

export function resolveRecipients(input: unknown, clients: ClientsData): ResolvedRecipients {
  const value = (input ?? {}) as Record<string, unknown>;
  if (value.kind === 'selection') {
    const selection = selectedRows(findSheet(TAB.clients)?.getName() ?? TAB.clients);
    const idAt = new Map<number, string>();
    for (const client of clients.byId.values()) idAt.set(client.row, client.id);
    const ids: string[] = [];
    let notClients = 0;
    for (const row of selection.rows) {
      const id = idAt.get(row);
      if (id === undefined) notClients++;
      else ids.push(id);
    }
    if (ids.length === 0 && selection.rows.length === 0) {
      throw new AppFailure('bad_input', 'No client rows are selected: select the recipients’ rows in the Clients tab, then check again.');
    }
    return checkedSize({ ids: dedupe(ids), hiddenByFilter: selection.hiddenByFilter, notClients });
  }
  if (value.kind === 'segment') {
    if (typeof value.name !== 'string' || value.name.trim() === '' || value.name.length > 200) {
      throw new AppFailure('bad_input', 'Choose a segment by its name.');
    }
    const ids = segmentClientIds(value.name);
    const known = ids.filter((id) => clients.byId.has(id));
    return checkedSize({ ids: dedupe(known), hiddenByFilter: 0, notClients: ids.length - known.length });
  }
  if (value.kind === 'ids') {
    if (!Array.isArray(value.ids)) throw new AppFailure('bad_input', 'The recipients must be a list of client IDs.');
    if (value.ids.length > MAX_RECIPIENTS) throw tooMany(value.ids.length);
    const ids: string[] = [];
    let notClients = 0;
    for (const raw of value.ids) {
      const id = typeof raw === 'string' ? raw.trim() : '';
      if (id !== '' && clients.byId.has(id)) ids.push(id);
      else notClients++;
    }
    return checkedSize({ ids: dedupe(ids), hiddenByFilter: 0, notClients });
  }
  throw new AppFailure('bad_input', 'Choose the recipients: a segment, the selected rows of Clients, or a list of client IDs.');
}

function dedupe(ids: string[]): string[] {
  return [...new Set(ids)];
}

function checkedSize(resolved: ResolvedRecipients): ResolvedRecipients {
  if (resolved.ids.length > MAX_RECIPIENTS) throw tooMany(resolved.ids.length);
  return resolved;
}

function tooMany(n: number): AppFailure {
  return new AppFailure(
    'bad_input',
    `${n.toLocaleString('en')} recipients is more than one mailing can hold (${MAX_RECIPIENTS.toLocaleString('en')}); split it into several mailings.`,
  );
}
