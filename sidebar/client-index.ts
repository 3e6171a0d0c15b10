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
import { candidateIndex, type CandidateIndex, type CandidateRows } from '../src/core/search/duplicate-candidates';
import { familiesFromTable } from '../src/core/search/find';
import type { ClientDto } from '../src/server';
import { companySearch, type CompanyHit, type CompanySearch } from '../src/core/search/company-rows';
import { rpc } from './rpc';

interface Loaded {
  version: string;
  fields: string[];
  search: ClientSearch;
  /** Built at the first duplicate check, then patched like the search. */
  candidates?: CandidateIndex;
  rows: string[][];
  defs: readonly FieldDef[];
  companies: CompanySearch;
}

let loaded: Loaded | null = null;
let loading: Promise<Loaded | null> | null = null;
let staleVersion: string | null = null;
let unavailable = false;

function load(fields: readonly FieldDef[]): Promise<Loaded | null> {
  loading ??= rpc.apiClientIndex().then((result) => {
    loading = null;
    if (!result.ok) return null;
    const index = result.value;
    const families = index.nicknames ? familiesFromTable(index.nicknames) : undefined;
    loaded = {
      version: index.version,
      fields: index.fields,
      search: clientSearch(fields, ['ID', ...index.fields], index.rows, families),
      rows: index.rows,
      defs: fields,
      companies: companySearch(index.companies ?? []),
    };
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

/** Companies matching a query, from the index the last search loaded (none before it, or when it could not be loaded). */
export function searchCompanies(query: string, limit = 5): CompanyHit[] {
  return loaded ? loaded.companies.search(query, limit) : [];
}

/**
 * The rows of the index a duplicate check of `draft` should score (the server then reads no
 * client), or null when the index cannot be loaded (the server reads Clients itself).
 */
export async function duplicateCandidates(fields: readonly FieldDef[], draft: Record<string, string>, exceptId?: string): Promise<CandidateRows | null> {
  if (unavailable) return null;
  const index = loaded && staleVersion === null ? loaded : await load(fields);
  // One failed load is enough: each check must not cost a second round trip that fails again.
  if (!index) {
    unavailable = true;
    return null;
  }
  index.candidates ??= candidateIndex(index.defs, ['ID', ...index.fields], index.rows);
  return { fields: index.fields, rows: index.candidates.candidates(draft, exceptId), total: index.search.size };
}

/** The poll saw this stamp: a different one than the index was read at means someone else changed Clients. */
export function noteClientsVersion(version: string | undefined): void {
  if (loaded && version && version !== loaded.version) staleVersion = version;
}

/** A client this sidebar just saved: patched into the index, and its stamp becomes the index's. */
export function clientSaved(client: ClientDto, version?: string): void {
  if (!loaded) return;
  const row = [client.id, ...loaded.fields.map((f) => client.values[f] ?? '')];
  loaded.search.upsert(row);
  loaded.candidates?.upsert(row);
  if (!loaded.candidates) loaded.rows.push(row);
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
  unavailable = false;
}
