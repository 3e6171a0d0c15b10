/** Type-ahead search: a combobox whose list is driven by arrows, Enter and Escape. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchHitDto } from '../../src/server';
import { useT } from '../i18n/locale';
import { searchClients, searchCompanies } from '../client-index';
import type { CompanyHit } from '../../src/core/search/company-rows';
import { useLocale } from '../i18n/locale';
import { companyMessages } from '../views/company/messages';
import { useSession } from '../session';
import { timing } from '../timing';

const MIN_QUERY = 2;

/** `onOpenCompany`: companies are listed after the people (by name form or tax ID) and open their card. */
export function SearchBox({ onOpen, onOpenCompany }: { onOpen: (id: string) => void; onOpenCompany?: (id: string) => void }) {
  const t = useT();
  const cm = companyMessages(useLocale() as string);
  const [companies, setCompanies] = useState<CompanyHit[]>([]);
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
        const found = onOpenCompany ? searchCompanies(q) : [];
        setHits(result.value);
        setCompanies(found);
        setError('');
        setActive(result.value.length + found.length ? 0 : -1);
        if (enterPending.current) {
          enterPending.current = false;
          if (result.value.length) choose(result.value[0]);
          else if (found[0] && onOpenCompany) {
            setOpen(false);
            onOpenCompany(found[0].id);
          }
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
  const shownCompanies = hits === null ? [] : companies;
  const clientCount = hits?.length ?? 0;
  /** The i-th entry of the list: the people first, then the companies. */
  const chooseAt = (i: number) => {
    if (i < clientCount) return choose(hits?.[i]);
    const company = shownCompanies[i - clientCount];
    if (!company || !onOpenCompany) return;
    setOpen(false);
    onOpenCompany(company.id);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const count = clientCount + shownCompanies.length;
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
      else if (open && hits) chooseAt(active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const showList = open && hits !== null;
  const total = clientCount + shownCompanies.length;
  const status = busy ? t.searching : hits === null ? '' : total ? t.resultCount(total) : t.noResults;
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
      <ul id="cb-search-results" role="listbox" aria-label={t.searchResults} class="results" hidden={!showList || !total}>
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
        {(showList ? shownCompanies : []).map((company, k) => {
          const i = clientCount + k;
          return (
            <li
              key={`company-${company.id}`}
              id={`cb-hit-${i}`}
              role="option"
              aria-selected={i === active ? 'true' : 'false'}
              class={i === active ? 'active company-hit' : 'company-hit'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => chooseAt(i)}
            >
              <span class="hit-name">{company.name || company.id}</span>
              <span class="badge">{cm.companyBadge}</span>
              {company.taxId && <span class="hit-meta">{company.taxId}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
