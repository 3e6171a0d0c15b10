/**
 * Everything the client card shows when it opens, in one google.script.run
 * round trip (each costs about a second on Google): the client, its recent
 * history (next steps come from it) and when it was last contacted.
 */
import { loadBase } from './base';
import { type ClientDto, getClient } from './clients';
import { clientHistory, HISTORY_LIMIT, type HistoryDto } from './interactions';
import { type LastContactDto, lastContactAmong, lastContactOf } from './plan/contact-pressure';

export interface OpenClientDto {
  client: ClientDto;
  history: HistoryDto;
  lastContact: LastContactDto | null;
}

export function openClient(id: string): OpenClientDto {
  const client = getClient(id);
  const history = clientHistory(id);
  // The history holds this client's latest interaction rows; only one cut off at HISTORY_LIMIT needs the whole Interactions read.
  const lastContact = history.interactions.length >= HISTORY_LIMIT ? lastContactOf(id) : lastContactAmong(loadBase(), history.interactions);
  return { client, history, lastContact };
}
