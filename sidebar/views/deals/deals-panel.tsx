/**
 * The deals (contracts) of a client or a company, with adding and editing
 * one. The client card hands over the deals that came with its one round
 * trip (`initial`); the company card passes its ID and name and the panel
 * asks for them itself. Every value renders as text (Preact escapes it).
 */
import { useEffect, useState } from 'preact/hooks';
import { DEAL_STATUS_WORDS, DEAL_STATUSES, dealStatusOf } from '../../../src/core/deals/deal';
import type { DealDto } from '../../../src/server';
import { useLocale } from '../../i18n/locale';
import { rpc } from '../../rpc';
import { canEdit, useSession } from '../../session';
import { dealsMessages } from './messages';

export interface DealsPanelProps {
  clientId?: string;
  companyId?: string;
  companyName?: string;
  /** Deals already loaded with the card; without them the panel loads its own. */
  initial?: DealDto[];
}

type Draft = { number: string; date: string; amount: string; currency: string; status: string; appendices: string };
const EMPTY: Draft = { number: '', date: '', amount: '', currency: '', status: 'draft', appendices: '' };

function draftOf(deal: DealDto): Draft {
  return {
    number: deal.number,
    date: /^\d{4}-\d{2}-\d{2}$/.test(deal.date) ? deal.date : '',
    amount: deal.amount === '' ? '' : String(deal.amount),
    currency: deal.currency,
    status: dealStatusOf(deal.status) ?? deal.status,
    appendices: deal.appendices.join('\n'),
  };
}

export function DealsPanel({ clientId, companyId, companyName, initial }: DealsPanelProps) {
  const locale = useLocale();
  const m = dealsMessages(locale);
  const session = useSession();
  const editable = canEdit(session);
  const words = DEAL_STATUS_WORDS[(locale as string as keyof typeof DEAL_STATUS_WORDS) ?? 'en'] ?? DEAL_STATUS_WORDS.en;
  const [deals, setDeals] = useState<DealDto[]>(initial ?? []);
  const [editing, setEditing] = useState<DealDto | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (initial) {
      setDeals(initial);
      return undefined;
    }
    let current = true;
    rpc.apiDeals({ clientId, companyId, companyName }).then((result) => {
      if (current && result.ok) setDeals(result.value);
    });
    return () => {
      current = false;
    };
  }, [clientId, companyId, companyName, initial]);

  const statusWord = (status: string) => {
    const key = dealStatusOf(status);
    return key ? words[key] : status;
  };

  const open = (deal: DealDto | 'new') => {
    setEditing(deal);
    setDraft(deal === 'new' ? EMPTY : draftOf(deal));
    setErrors({});
    setMessage(null);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || !editing) return;
    setBusy(true);
    const appendices = draft.appendices
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const fields = { number: draft.number, date: draft.date, amount: draft.amount, currency: draft.currency, status: draft.status, appendices };
    const result = await rpc.apiSaveDeal(
      editing === 'new' ? { ...fields, clientId, companyId, company: companyName } : { ...fields, id: editing.id, expectedUpdated: editing.updated },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setMessage({ error: true, text: result.error.message });
      return;
    }
    const saved = result.value;
    setDeals((list) => [saved, ...list.filter((d) => d.id !== saved.id)].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)));
    setEditing(null);
    setMessage({ error: false, text: m.saved(saved.number || m.noNumber) });
  };

  const input = (name: keyof Draft, label: string, type = 'text') => {
    const id = `cb-deal-${name}`;
    const error = errors[name];
    return (
      <div class="field">
        <label for={id}>{label}</label>
        {name === 'appendices' ? (
          <textarea id={id} rows={2} value={draft[name]} onInput={(e) => setDraft((d) => ({ ...d, [name]: e.currentTarget.value }))} />
        ) : (
          <input
            id={id}
            type={type}
            value={draft[name]}
            autoComplete="off"
            onInput={(e) => setDraft((d) => ({ ...d, [name]: e.currentTarget.value }))}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        )}
        {error && (
          <p id={`${id}-error`} class="error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <section class="deals" aria-labelledby="cb-deals-title">
      <h3 id="cb-deals-title">{m.title(deals.length)}</h3>
      {deals.length === 0 ? (
        <p class="muted">{m.none}</p>
      ) : (
        <ul class="deal-list">
          {deals.map((d) => (
            <li key={d.id} class="deal" data-deal-id={d.id}>
              <strong>{d.number || m.noNumber}</strong> · {d.date} · {d.amount === '' ? '' : d.amount.toLocaleString(locale)} {d.currency} ·{' '}
              <span class="deal-status">{statusWord(d.status)}</span>
              {d.clientId !== clientId && d.company && <span class="muted"> · {m.companyDeal(d.company)}</span>}
              {d.appendices.length > 0 && (
                <div class="muted">
                  {m.appendicesShort}: {d.appendices.join(', ')}
                </div>
              )}
              {editable && (
                <button type="button" class="link" aria-label={m.editNamed(d.number || m.noNumber)} onClick={() => open(d)}>
                  {m.edit}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p role="status" aria-live="polite" class="ok">
        {message && !message.error ? message.text : ''}
      </p>
      {editable && !editing && (
        <button type="button" onClick={() => open('new')}>
          {m.add}
        </button>
      )}
      {editing && (
        <form class="deal-form" onSubmit={submit} noValidate>
          {input('number', m.number)}
          {input('date', m.date, 'date')}
          {input('amount', m.amount)}
          {input('currency', m.currency)}
          <div class="field">
            <label for="cb-deal-status">{m.status}</label>
            <select id="cb-deal-status" value={draft.status} onChange={(e) => setDraft((d) => ({ ...d, status: e.currentTarget.value }))}>
              {DEAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {words[s]}
                </option>
              ))}
              {!dealStatusOf(draft.status) && draft.status && <option value={draft.status}>{draft.status}</option>}
            </select>
          </div>
          {input('appendices', m.appendices)}
          {message?.error && (
            <p role="alert" class="banner error">
              {message.text}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {busy ? m.saving : m.save}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setEditing(null)}>
            {m.cancel}
          </button>
        </form>
      )}
    </section>
  );
}
