/**
 * Adoption of an existing list: the proposed mapping, editable column by
 * column, and what adoption will do in plain words. Nothing changes in the
 * sheet until the user presses Adopt; the server checks the mapping again.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AppError } from '../../../src/core/result';
import type { AdoptionProposal, AdoptionReport, ListCompanies } from '../../../src/server';
import { useLocale, useT } from '../../i18n/locale';
import { rpc } from '../../rpc';
import type { ViewProps } from '../registry';
import { CarriedLines } from '../company/company-view';
import { companyMessages } from '../company/messages';
import { AdoptReport } from './adopt-report';
import {
  addedFields,
  columnLetter,
  companyColumnsKey,
  extraColumns,
  initialChoices,
  mappingToSend,
  repeatedFields,
  sampleValues,
  type Choice,
} from './mapping';
import { messages, type AdoptMessages } from './messages';

const PROBLEMS_ID = 'cb-adopt-problems';
const SAMPLE_CHARS = 80;
/** Headers quoted in sentences: the table above shows them whole. */
const QUOTED_CHARS = 60;

const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function AdoptView({ active, restart }: ViewProps) {
  const t = useT();
  const m = messages[useLocale()];
  const [proposal, setProposal] = useState<AdoptionProposal | null>(null);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<AdoptionReport | null>(null);
  // Offered ticked: without it the Active / Passive segments see none of the history the list brings.
  const [importPurchases, setImportPurchases] = useState(true);
  // Offered ticked too: the list's companies, each group untickable; null while asked for again.
  const [companies, setCompanies] = useState<ListCompanies | null>(null);
  const [checkingCompanies, setCheckingCompanies] = useState(false);
  const [linkCompanies, setLinkCompanies] = useState(true);
  const [skipCompanies, setSkipCompanies] = useState<Set<string>>(new Set());
  const [companiesFor, setCompaniesFor] = useState('');

  const load = async () => {
    setError(null);
    setProposal(null);
    const result = await rpc.apiProposeAdoption();
    if (!result.ok) return setError(result.error);
    setProposal(result.value);
    const initial = initialChoices(result.value);
    setChoices(initial);
    setCompanies(result.value.companies ?? null);
    setCompaniesFor(companyColumnsKey(initial));
    setSkipCompanies(new Set());
  };

  // Another column chosen as Company or Tax ID: the groups change, so the server groups the list again.
  const companyKey = companyColumnsKey(choices);
  useEffect(() => {
    if (!proposal || companyKey === companiesFor || repeatedFields(choices).length) return;
    setCompaniesFor(companyKey);
    setCheckingCompanies(true);
    rpc.apiAdoptionCompanies(mappingToSend(proposal, choices)).then((result) => {
      setCheckingCompanies(false);
      // Without the groups adoption still runs; Link people to companies can make them afterwards.
      setCompanies(result.ok ? result.value : null);
      setSkipCompanies(new Set());
    });
  }, [companyKey]);

  // Proposed once: re-reading on every visit would throw away the user's edits.
  useEffect(() => {
    if (active && !proposal && !error && !report) load();
  }, [active]);

  const adopt = async () => {
    if (!proposal || repeatedFields(choices).length) return;
    setBusy(true);
    setError(null);
    const link = !!companies && !checkingCompanies && linkCompanies;
    const result = await rpc.apiAdopt(mappingToSend(proposal, choices, importPurchases, { link, skip: [...skipCompanies] }));
    if (!result.ok) {
      setBusy(false);
      return setError(result.error);
    }
    setReport(result.value);
    await restart?.(<AdoptReport report={result.value} />);
  };

  const choose = (i: number, next: Partial<Choice>) => setChoices((list) => list.map((c, j) => (j === i ? { ...c, ...next } : c)));

  return (
    <section class="adopt" aria-labelledby="cb-adopt-title">
      <h2 id="cb-adopt-title">{m.title}</h2>
      {error && (
        <div class="banner error" role="alert">
          <p>
            {t.errorPrefix} {error.message}
          </p>
          {(!proposal || error.code === 'conflict') && (
            <button type="button" onClick={load}>
              {m.readAgain}
            </button>
          )}
        </div>
      )}
      {report && (
        <div class="banner info">
          <AdoptReport report={report} />
        </div>
      )}
      {!proposal && !error && (
        <p class="muted" role="status">
          {m.reading}
        </p>
      )}
      {proposal && !report && (
        <Mapping
          m={m}
          proposal={proposal}
          choices={choices}
          busy={busy}
          choose={choose}
          adopt={adopt}
          importPurchases={importPurchases}
          setImportPurchases={setImportPurchases}
          companies={
            <CompaniesOffer
              m={m}
              companies={checkingCompanies ? null : companies}
              checking={checkingCompanies}
              link={linkCompanies}
              setLink={setLinkCompanies}
              skip={skipCompanies}
              setSkip={setSkipCompanies}
            />
          }
        />
      )}
    </section>
  );
}

interface MappingProps {
  m: AdoptMessages;
  proposal: AdoptionProposal;
  choices: Choice[];
  busy: boolean;
  choose: (i: number, next: Partial<Choice>) => void;
  adopt: () => void;
  importPurchases: boolean;
  setImportPurchases: (yes: boolean) => void;
  companies: preact.ComponentChildren;
}

function Mapping({ m, proposal, choices, busy, choose, adopt, importPurchases, setImportPurchases, companies }: MappingProps) {
  const headerOf = (i: number) => proposal.columns[i].header.trim() || m.unnamedColumn(columnLetter(proposal.columns[i].index));
  const quoted = (i: number) => short(headerOf(i), QUOTED_CHARS);
  const repeats = repeatedFields(choices);
  const clashing = new Set(repeats.flatMap((r) => r.columns));
  const extras = extraColumns(choices);
  const added = addedFields(proposal, choices);

  return (
    <div>
      <p>{m.intro(proposal.sheet, proposal.rowCount, proposal.headerRow + 1)}</p>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', margin: '6px 0' }}>
        <caption class="sr-only">{m.mappingCaption}</caption>
        <thead>
          <tr class="muted" style={{ textAlign: 'left' }}>
            <th scope="col" style={{ width: '52%', fontWeight: 500 }}>
              {m.columnHead}
            </th>
            <th scope="col" style={{ fontWeight: 500 }}>
              {m.fieldHead}
            </th>
          </tr>
        </thead>
        <tbody>
          {proposal.columns.map((column, i) => {
            const choice = choices[i];
            const id = `cb-adopt-col-${i}`;
            const changed = choice.field !== (column.field ?? '') || choice.split !== !!column.splitFullName;
            const samples = sampleValues(proposal, column.index);
            return (
              <tr key={column.index} class={clashing.has(i) ? 'has-error' : ''} style={{ borderTop: '1px solid #dadce0', verticalAlign: 'top' }}>
                <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal', padding: '4px 4px 4px 0', overflowWrap: 'anywhere' }}>
                  {choice.split ? (
                    <strong>{headerOf(i)}</strong>
                  ) : (
                    <label for={id} style={{ fontWeight: 500 }}>
                      {headerOf(i)}
                    </label>
                  )}{' '}
                  <span class="badge">{changed ? m.yourChoice : m.confidence[column.field ? column.confidence : 'none']}</span>
                  {samples.length ? (
                    <ul class="muted" style={{ margin: '2px 0 0', paddingLeft: '14px' }}>
                      {samples.map((value, k) => (
                        <li key={k} title={value}>
                          {short(value, SAMPLE_CHARS)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p class="muted">{m.noSample}</p>
                  )}
                </th>
                <td style={{ padding: '4px 0' }}>
                  {!choice.split && (
                    <select
                      id={id}
                      value={choice.field}
                      aria-invalid={clashing.has(i) ? 'true' : undefined}
                      aria-describedby={clashing.has(i) ? PROBLEMS_ID : undefined}
                      onChange={(e) => choose(i, { field: e.currentTarget.value })}
                    >
                      <option value="">{m.keepExtra}</option>
                      {proposal.fieldNames.map((name) => (
                        <option key={name} value={name}>
                          {name}
                        </option>
                      ))}
                    </select>
                  )}
                  {column.splitFullName && column.field && (choice.split || choice.field === column.field) && (
                    <div class="field check" style={{ marginTop: '4px' }}>
                      <input
                        id={`${id}-split`}
                        type="checkbox"
                        checked={choice.split}
                        onChange={(e) => choose(i, { split: e.currentTarget.checked, field: column.field })}
                      />
                      <label for={`${id}-split`}>{m.split}</label>
                    </div>
                  )}
                  {choice.split && <p class="help">{m.splitNote}</p>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>{m.whatHappens}</h3>
      <ul style={{ margin: 0, paddingLeft: '18px', overflowWrap: 'anywhere' }}>
        <li>{m.keepsValues}</li>
        <li>{m.addsIds(proposal.rowCount)}</li>
        <li>{m.snapshotFirst(proposal.sheet)}</li>
        {extras.some((i) => !choices[i].split) && <li>{m.keepsExtra(extras.filter((i) => !choices[i].split).map(quoted))}</li>}
        {choices.map((c, i) => (c.split ? <li key={`split-${i}`}>{m.splitsFrom(quoted(i))}</li> : null))}
        {added.length > 0 && <li>{m.addsFields(added)}</li>}
        <li>{m.alsoTabs}</li>
      </ul>
      {proposal.purchaseHistory && proposal.purchaseHistory.clients > 0 && (
        <div class="field check" style={{ marginTop: '6px' }}>
          <input id="cb-adopt-purchases" type="checkbox" checked={importPurchases} onChange={(e) => setImportPurchases(e.currentTarget.checked)} />
          <label for="cb-adopt-purchases">
            {m.purchasesOffer(
              proposal.purchaseHistory.headers.map((h) => short(h, QUOTED_CHARS)),
              proposal.purchaseHistory.clients,
            )}
          </label>
        </div>
      )}

      {companies}

      <div class="actions">
        {repeats.length > 0 && (
          <div id={PROBLEMS_ID} class="banner error" role="alert">
            {repeats.map((r) => (
              <p key={r.field}>{m.chosenTwice(r.field, r.columns.map(quoted))}</p>
            ))}
          </div>
        )}
        <button type="button" disabled={busy || repeats.length > 0} aria-describedby={repeats.length ? PROBLEMS_ID : undefined} onClick={adopt}>
          {busy ? m.adopting : m.adopt(proposal.rowCount)}
        </button>
      </div>
    </div>
  );
}

interface CompaniesOfferProps {
  m: AdoptMessages;
  companies: ListCompanies | null;
  checking: boolean;
  link: boolean;
  setLink: (yes: boolean) => void;
  skip: Set<string>;
  setSkip: (skip: Set<string>) => void;
}

/** The list's companies, for confirmation: one tick for the whole step, one per group (people counted, spellings shown). */
function CompaniesOffer({ m, companies, checking, link, setLink, skip, setSkip }: CompaniesOfferProps) {
  const cm = companyMessages(useLocale() as string);
  if (checking)
    return (
      <p class="muted" role="status">
        {m.companiesChecking}
      </p>
    );
  if (!companies || companies.total === 0) return null;
  const kept = companies.companies.filter((c) => !skip.has(c.key));
  const hidden = companies.total - companies.companies.length;
  const people = kept.reduce((n, c) => n + c.people, 0) + (hidden > 0 ? companies.linked - companies.companies.reduce((n, c) => n + c.people, 0) : 0);
  const toggle = (key: string, on: boolean) => {
    const next = new Set(skip);
    if (on) next.delete(key);
    else next.add(key);
    setSkip(next);
  };
  return (
    <fieldset class="cb-adopt-companies" style={{ margin: '8px 0', border: '1px solid #dadce0', padding: '4px 8px' }}>
      <legend>{m.companiesTitle}</legend>
      <div class="field check">
        <input id="cb-adopt-companies" type="checkbox" checked={link} onChange={(e) => setLink(e.currentTarget.checked)} />
        <label for="cb-adopt-companies">{m.companiesOffer(kept.length + Math.max(hidden, 0), people)}</label>
      </div>
      {link && (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: '220px', overflowY: 'auto', overflowWrap: 'anywhere' }}>
          {companies.companies.map((c, i) => (
            <li key={c.key} class="field check">
              <input id={`cb-adopt-company-${i}`} type="checkbox" checked={!skip.has(c.key)} onChange={(e) => toggle(c.key, e.currentTarget.checked)} />
              <label for={`cb-adopt-company-${i}`}>
                <strong>{short(c.name, QUOTED_CHARS)}</strong>
                {c.taxId ? ` · ${short(c.taxId, 30)}` : ''} · {m.companyPeople(c.people)} <span class="badge">{m.companyBy[c.by] ?? c.by}</span>
                {c.spellings.length > 1 && <span class="muted"> ({c.spellings.map((s) => short(s, QUOTED_CHARS)).join(' / ')})</span>}
              </label>
              <CarriedLines m={cm} carried={c.carried} conflicts={c.conflicts} />
            </li>
          ))}
        </ul>
      )}
      {link && hidden > 0 && <p class="muted">{m.companiesMore(hidden)}</p>}
      {companies.private > 0 && <p class="muted">{m.companiesPrivate(companies.private)}</p>}
    </fieldset>
  );
}
