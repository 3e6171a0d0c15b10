/** Type-ahead search: a combobox whose list is driven by arrows, Enter and Escape. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchHitDto } from '../../src/server';
import { useT } from '../i18n/locale';
import { searchClients } from '../client-index';
import { useSession } from '../session';
import { timing } from '../timing';

const MIN_QUERY = 2;

export function SearchBox({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const { fields } = useSession();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHitDto[] | null>(null);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  // Enter pressed before the hits arrived (a fast typist): the first hit opens when they do.
  const enterPending = useRef(false);

  useEffect(() => {
    const q = query.trim();
    const ticket = ++latest.current;
    if (q.length < MIN_QUERY) {
      enterPending.current = false;
      setHits(null);
      setBusy(false);
      return undefined;
    }
    setBusy(true);
    const timer = setTimeout(async () => {
      const result = await searchClients(fields, q);
      // A slower answer to an older query must not replace the newer one.
      if (ticket !== latest.current) return;
      setBusy(false);
      if (result.ok) {
        setHits(result.value);
        setError('');
        setActive(result.value.length ? 0 : -1);
        if (enterPending.current) {
          enterPending.current = false;
          choose(result.value[0]);
        }
      } else {
        setHits(null);
        setError(result.error.message);
      }
    }, timing.searchDebounceMs);
    return () => clearTimeout(timer);
  }, [query]);

  const choose = (hit: SearchHitDto | undefined) => {
    if (!hit) return;
    setOpen(false);
    onOpen(hit.id);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const count = hits?.length ?? 0;
    if (e.key === 'ArrowDown' && count) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % count);
    } else if (e.key === 'ArrowUp' && count) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? count - 1 : i - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (busy) enterPending.current = true;
      else if (open && hits) choose(hits[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const showList = open && hits !== null;
  const status = busy ? t.searching : hits === null ? '' : hits.length ? t.resultCount(hits.length) : t.noResults;
  return (
    <div class="search">
      <label for="cb-search">{t.searchLabel}</label>
      <input
        id="cb-search"
        type="search"
        role="combobox"
        autoComplete="off"
        placeholder={t.searchPlaceholder}
        aria-autocomplete="list"
        aria-expanded={showList ? 'true' : 'false'}
        aria-controls="cb-search-results"
        aria-activedescendant={showList && active >= 0 ? `cb-hit-${active}` : undefined}
        value={query}
        onInput={(e) => {
          enterPending.current = false;
          setQuery(e.currentTarget.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <p class="search-status" role="status" aria-live="polite">
        {error ? `${t.errorPrefix} ${error}` : status}
      </p>
      <ul id="cb-search-results" role="listbox" aria-label={t.searchResults} class="results" hidden={!showList || !hits?.length}>
        {(showList ? (hits ?? []) : []).map((hit, i) => (
          <li
            key={hit.id}
            id={`cb-hit-${i}`}
            role="option"
            aria-selected={i === active ? 'true' : 'false'}
            class={i === active ? 'active' : ''}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(hit)}
          >
            <span class="hit-name">{hit.name || hit.company || t.unnamed}</span>
            {hit.stage && <span class="badge">{hit.stage}</span>}
            <span class="hit-meta">{[hit.name ? hit.company : '', hit.email, hit.phone].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
