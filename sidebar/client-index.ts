/**
 * The sidebar's copy of the clients it searches: loaded in one round trip
 * the first time the user searches, then searched in the browser on every
 * keystroke. It is kept current cheaply: the card's own saves are patched in
 * (upsert), and the active-row poll carries the clients version stamp, so a
 * change made elsewhere makes the next search load the index again. If the
 * index cannot be loaded the search asks the server instead.
 */
import type { FieldDef } from '../src/core/schema/field';
import { clientSearch, type ClientHit, type ClientSearch } from '../src/core/search/client-rows';
import { familiesFromTable } from '../src/core/search/find';
import type { ClientDto } from '../src/server';
import { rpc } from './rpc';

interface Loaded {
  version: string;
  fields: string[];
  search: ClientSearch;
}

let loaded: Loaded | null = null;
let loading: Promise<Loaded | null> | null = null;
let staleVersion: string | null = null;

function load(fields: readonly FieldDef[]): Promise<Loaded | null> {
  loading ??= rpc.apiClientIndex().then((result) => {
    loading = null;
    if (!result.ok) return null;
    const index = result.value;
    const families = index.nicknames ? familiesFromTable(index.nicknames) : undefined;
    loaded = { version: index.version, fields: index.fields, search: clientSearch(fields, ['ID', ...index.fields], index.rows, families) };
    staleVersion = null;
    return loaded;
  });
  return loading;
}

/** Search hits for a query: in the browser over the index; the server only when the index is unavailable. */
export async function searchClients(
  fields: readonly FieldDef[],
  query: string,
): Promise<{ ok: true; value: ClientHit[] } | { ok: false; error: { message: string } }> {
  const index = loaded && staleVersion === null ? loaded : await load(fields);
  if (index) return { ok: true, value: index.search.search(query, 20) };
  return rpc.apiSearch(query);
}

/** The poll saw this stamp: a different one than the index was read at means someone else changed Clients. */
export function noteClientsVersion(version: string | undefined): void {
  if (loaded && version && version !== loaded.version) staleVersion = version;
}

/** A client this sidebar just saved: patched into the index, and its stamp becomes the index's. */
export function clientSaved(client: ClientDto, version?: string): void {
  if (!loaded) return;
  loaded.search.upsert([client.id, ...loaded.fields.map((f) => client.values[f] ?? '')]);
  if (version) {
    loaded.version = version;
    if (staleVersion === version) staleVersion = null;
  }
}

/** For tests: forget the index. */
export function resetClientIndex(): void {
  loaded = null;
  loading = null;
  staleVersion = null;
}
