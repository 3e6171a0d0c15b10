/**
 * The Fields and Settings tabs, cached between executions: every sidebar call
 * needs them, and reading them is two tab reads (about ten service calls) for
 * a few hundred cells that change a few times a year.
 *
 * The cache key carries a version stamp kept in document properties. Every
 * write the add-on makes to Fields or Settings moves it (gas/sheets.ts, the
 * fields editor, snapshot restores, Set up), and so does the edit trigger on a
 * hand edit of either tab, so a change is seen by the very next call. A cache
 * evicted early (CacheService promises nothing) only costs the two reads
 * again. A hand edit made while the edit trigger is not installed is not seen
 * for at most CACHE_SECONDS; operations that act on the Fields tab itself
 * (Apply fields, the fields editor, Set up, Diagnostics) read it fresh anyway.
 */
import { getDocumentProperty, setDocumentProperty } from './properties';

export const BASE_VERSION_KEY = 'clientbase.baseVersion';
const CACHE_PREFIX = 'clientbase.base.';
/** The backstop for edits no trigger saw: ten minutes (CacheService's default lifetime). */
export const CACHE_SECONDS = 600;
/** CacheService refuses values over 100 KB; a bigger Fields tab is simply read each time. */
const MAX_CACHED_CHARS = 90_000;

export interface BaseTables {
  fields: unknown[][];
  settings: unknown[][] | null;
}

export function bumpBaseVersion(): void {
  // A fresh random stamp, never read-modify-write: two writers cannot land on the same one.
  setDocumentProperty(BASE_VERSION_KEY, `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`);
}

function cache(): GoogleAppsScript.Cache.Cache | null {
  return CacheService.getDocumentCache();
}

function key(): string {
  return CACHE_PREFIX + (getDocumentProperty(BASE_VERSION_KEY) ?? '0');
}

// Dates survive the JSON round trip as tagged objects, so a cached cell reads as the sheet's would.
function reviveTables(text: string): BaseTables | null {
  try {
    const parsed = JSON.parse(text, (_, v) => {
      if (v && typeof v === 'object' && typeof (v as { $date?: unknown }).$date === 'string') return new Date((v as { $date: string }).$date);
      return v;
    }) as BaseTables;
    return Array.isArray(parsed?.fields) ? parsed : null;
  } catch {
    return null;
  }
}

function withDates(rows: unknown[][] | null): unknown[][] | null {
  return rows ? rows.map((r) => r.map((v) => (v instanceof Date ? { $date: v.toISOString() } : v))) : null;
}

/** The cached tables and the key to store fresh ones under (read once: the version may move meanwhile). */
export function readCachedBase(): { key: string; tables: BaseTables | null } {
  const k = key();
  const c = cache();
  const text = c ? c.get(k) : null;
  return { key: k, tables: text ? reviveTables(text) : null };
}

export function writeCachedBase(k: string, tables: BaseTables): void {
  const c = cache();
  if (!c) return;
  const text = JSON.stringify({ fields: withDates(tables.fields), settings: withDates(tables.settings) });
  if (text.length <= MAX_CACHED_CHARS) c.put(k, text, CACHE_SECONDS);
}
