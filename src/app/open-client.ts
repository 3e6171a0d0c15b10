/**
 * Everything the client card shows when it opens, in one google.script.run
 * round trip (each costs about a second on Google): the client, its recent
 * history (next steps come from it) and when it was last contacted.
 */
import { loadBase } from './base';
import { type DealDto, listDeals } from './deals/list';
import { type ClientDto, getClient } from './clients';
import { clientHistory, HISTORY_LIMIT, type HistoryDto } from './interactions';
import { type LastContactDto, lastContactAmong, lastContactOf } from './plan/contact-pressure';

export interface OpenClientDto {
  client: ClientDto;
  history: HistoryDto;
  lastContact: LastContactDto | null;
  /** The client's deals and its company's, newest first (deals/list.ts). */
  deals?: DealDto[];
}

export function openClient(id: string): OpenClientDto {
  const client = getClient(id);
  const history = clientHistory(id);
  // The history holds this client's latest interaction rows; only one cut off at HISTORY_LIMIT needs the whole Interactions read.
  const base = loadBase();
  const lastContact = history.interactions.length >= HISTORY_LIMIT ? lastContactOf(id) : lastContactAmong(base, history.interactions);
  const companyField = base.fields.find((f) => f.key === 'company');
  const deals = listDeals(
    { clientId: id, companyId: client.values['Company ID'], companyName: companyField ? client.values[companyField.name] : undefined },
    base.timeZone,
  );
  return { client, history, lastContact, deals };
}
