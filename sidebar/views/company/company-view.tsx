/**
 * Companies: the proposal of Link people to companies (confirm, untick the
 * wrong ones), and the company card: its fields (saved with the Updated stamp
 * it loaded), its people (one click to a person's card; this view stays as it
 * was, so its tab is the way back), their interactions and next steps merged.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OpenCompanyDto, ProposalDto } from '../../../src/server';
import type { FieldDef } from '../../../src/core/schema/field';
import { FieldInput } from '../../components/field-input';
import { checkField } from '../../form/check-field';
import { useLocale } from '../../i18n/locale';
import { rpc } from '../../rpc';
import { canEdit, useSession } from '../../session';
import { DealsPanel } from '../deals/deals-panel';
import type { ViewProps } from '../registry';
import { type CompanyMessages, companyMessages } from './messages';

export function CompanyView({ active, openClient, companyRequest }: ViewProps) {
  const m = companyMessages(useLocale() as string);
  const [proposals, setProposals] = useState<ProposalDto[] | null>(null);
  const [skip, setSkip] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [companyId, setCompanyId] = useState('');
  const [card, setCard] = useState<OpenCompanyDto | null>(null);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const session = useSession();
  const editable = canEdit(session);

  const find = async () => {
    setBusy(true);
    setError('');
    const r = await rpc.apiProposeCompanies();
    setBusy(false);
    if (r.ok) setProposals(r.value);
    else setError(r.error.message);
  };
  const link = async () => {
    setBusy(true);
    const r = await rpc.apiLinkCompanies([...skip]);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setStatus(m.linked(r.value.companiesCreated, r.value.peopleLinked));
    setProposals(null);
  };
  const open = async (id: string) => {
    setError('');
    setStatus('');
    const r = await rpc.apiOpenCompany(id);
    if (!r.ok) return setError(r.error.message);
    setCard(r.value);
    setEdits({});
    setErrors({});
  };
  // A client card or a search hit asked for this company: one round trip to its card.
  useEffect(() => {
    if (!companyRequest) return;
    setCompanyId(companyRequest.id);
    open(companyRequest.id);
  }, [companyRequest?.seq]);
  // Back from a person's card the company's history and people may have changed (a call just logged there):
  // the card is read again, unless the user has unsaved edits on it, which a reload would throw away.
  const [wasActive, setWasActive] = useState(active);
  useEffect(() => {
    if (active && !wasActive && card && Object.keys(edits).length === 0) open(card.company.id);
    setWasActive(active);
  }, [active]);
  // The client card's checks, in the browser before the round trip; the server checks again.
  const problemOf = (f: FieldDef, value: string) => checkField(f, value, { today: new Date() })?.message ?? '';
  const blur = (f: FieldDef) => {
    if (edits[f.name] === undefined) return;
    const problem = problemOf(f, edits[f.name]);
    setErrors((was) => {
      const { [f.name]: _, ...rest } = was;
      return problem ? { ...rest, [f.name]: problem } : rest;
    });
  };
  const save = async () => {
    if (!card) return;
    const found: Record<string, string> = {};
    for (const f of card.fields) {
      const problem = edits[f.name] === undefined ? '' : problemOf(f, edits[f.name]);
      if (problem) found[f.name] = problem;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    const r = await rpc.apiSaveCompany({ id: card.company.id, values: edits, expectedUpdated: card.company.updated });
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      return setError(r.error.message);
    }
    // Reopening clears the status line, so "Saved." comes after it (it used to vanish at once).
    await open(card.company.id);
    setStatus(m.saved);
  };

  return (
    <section class="cb-company" aria-label={m.tab}>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {status && <p role="status">{status}</p>}
      <form
        class="cb-company-open"
        onSubmit={(e) => {
          e.preventDefault();
          if (companyId.trim()) open(companyId.trim());
        }}
      >
        <label>
          {m.openById}
          <input value={companyId} onInput={(e) => setCompanyId((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">{m.open}</button>
      </form>
      {card && (
        <article class="cb-company-card" aria-label={card.company.values[card.fields[0]?.name ?? ''] || card.company.id}>
          <h2>{card.company.values[card.fields[0]?.name ?? ''] || card.company.id}</h2>
          <fieldset>
            <legend>{m.fields}</legend>
            {card.fields.map((f, i) => (
              <FieldInput
                key={f.name}
                field={f}
                id={`cb-company-field-${i}`}
                value={edits[f.name] ?? card.company.values[f.name] ?? ''}
                error={errors[f.name]}
                readOnly={!editable}
                user={session.user}
                onValue={(v) => setEdits((was) => ({ ...was, [f.name]: v }))}
                onBlur={() => blur(f)}
              />
            ))}
            {editable && (
              <button type="button" onClick={save} disabled={Object.keys(edits).length === 0}>
                {m.save}
              </button>
            )}
          </fieldset>
          <h3>{m.peopleTitle}</h3>
          <ul class="cb-company-people">
            {card.people.map((p) => (
              <li key={p.id}>
                <button type="button" class="link" onClick={() => openClient(p.id)}>
                  {p.name}
                </button>{' '}
                {[p.role, p.phone, p.email].filter(Boolean).join(' · ')}
              </li>
            ))}
          </ul>
          {card.morePeople && <p>{m.morePeople}</p>}
          <h3>{m.nextTitle}</h3>
          <ul class="cb-company-next">
            {card.nextSteps.map((i) => (
              <li key={i.id}>
                {i.nextDate} {i.nextStep} — {i.clientName}
              </li>
            ))}
          </ul>
          <h3>{m.historyTitle}</h3>
          {card.interactions.length === 0 && <p>{m.noHistory}</p>}
          <ul class="cb-company-history">
            {card.interactions.map((i) => (
              <li key={i.id}>
                {i.date} {i.type} — {i.clientName}: {i.result}
              </li>
            ))}
          </ul>
          <section class="cb-company-deals" data-company-id={card.company.id} aria-label={m.deals}>
            <DealsPanel companyId={card.company.id} companyName={card.company.values[card.fields[0]?.name ?? ''] ?? ''} />
          </section>
        </article>
      )}
      <h2>{m.linkTitle}</h2>
      <p>{m.linkIntro}</p>
      <button type="button" onClick={find} disabled={busy}>
        {busy ? m.finding : m.find}
      </button>
      {proposals && proposals.length === 0 && <p>{m.none}</p>}
      {proposals && proposals.length > 0 && (
        <>
          <ul class="cb-company-proposals">
            {proposals.map((p) => (
              <li key={p.key}>
                <label>
                  <input
                    type="checkbox"
                    checked={!skip.has(p.key)}
                    onChange={(e) => {
                      const next = new Set(skip);
                      if ((e.target as HTMLInputElement).checked) next.delete(p.key);
                      else next.add(p.key);
                      setSkip(next);
                    }}
                  />
                  {p.name} {p.taxId && `(${p.taxId})`} — {m.people(p.people.length)}
                  {p.companyId && `, ${m.existing}`}
                </label>
                {p.spellings.length > 1 && (
                  <div>
                    {m.spelled}: {p.spellings.join(' / ')}
                  </div>
                )}
                <CarriedLines m={m} carried={p.carried} conflicts={p.conflicts} />
              </li>
            ))}
          </ul>
          <button type="button" onClick={link} disabled={busy}>
            {m.confirm}
          </button>
        </>
      )}
    </section>
  );
}

/** What a new company takes from its people's rows, and where they disagree: shown before anything is written. */
export function CarriedLines({ m, carried, conflicts }: { m: CompanyMessages; carried?: string[]; conflicts?: { field: string; values: string[] }[] }) {
  if (!carried?.length) return null;
  return (
    <div class="cb-company-carried muted">
      <div>{m.carried(carried)}</div>
      {(conflicts ?? []).map((c) => (
        <div key={c.field} class="cb-company-conflict">
          {m.conflict(c.field, c.values)}
        </div>
      ))}
    </div>
  );
}
