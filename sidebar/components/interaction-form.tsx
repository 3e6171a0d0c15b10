/** Log a call, meeting or email in two clicks: pick the type (Call by default), Save. */
import { useState } from 'preact/hooks';
import type { InteractionDto, LastContactDto } from '../../src/server';
import type { InteractionType } from '../i18n/en';
import { useT } from '../i18n/locale';
import { rpc } from '../rpc';
import { useSession } from '../session';
import { LastContact } from '../views/plan/last-contact';

const EMPTY = { type: 'Call', result: '', nextStep: '', nextDate: '', date: '', manager: '' };

export function InteractionForm({
  clientId,
  onLogged,
  lastContact,
}: {
  clientId: string;
  onLogged: (i: InteractionDto) => void;
  /** The last contact that came with the card, if it did. */
  lastContact?: LastContactDto | null;
}) {
  const t = useT();
  const session = useSession();
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [logged, setLogged] = useState(0);
  const set = (name: keyof typeof EMPTY) => (e: { currentTarget: { value: string } }) => setForm((f) => ({ ...f, [name]: e.currentTarget.value }));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const result = await rpc.apiLogInteraction({
      clientId,
      type: form.type,
      date: form.date || undefined,
      manager: form.manager.trim() || undefined,
      result: form.result || undefined,
      nextStep: form.nextStep || undefined,
      nextDate: form.nextDate || undefined,
    });
    setBusy(false);
    if (result.ok) {
      setForm(EMPTY);
      setFieldErrors({});
      setMessage({ error: false, text: t.logged(t.interactionTypes[result.value.type as InteractionType] ?? result.value.type) });
      setLogged((n) => n + 1);
      onLogged(result.value);
    } else {
      setFieldErrors(result.error.fields ?? {});
      setMessage({ error: true, text: result.error.message });
    }
  };

  const input = (name: 'result' | 'nextStep' | 'nextDate' | 'date' | 'manager', label: string, type = 'text') => {
    const id = `cb-log-${name}`;
    const error = fieldErrors[name];
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          type={type}
          value={form[name]}
          onInput={set(name)}
          list={name === 'manager' ? 'cb-log-people' : undefined}
          autoComplete="off"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p id={`${id}-error`} class="error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form class="log" onSubmit={submit} aria-labelledby="cb-log-title" noValidate>
      <h3 id="cb-log-title">{t.logTitle}</h3>
      <LastContact clientId={clientId} refreshKey={logged} initial={lastContact} />
      <div class="field">
        <label for="cb-log-type">{t.type}</label>
        <select id="cb-log-type" value={form.type} onChange={set('type')}>
          {session.interactionTypes.map((type) => (
            <option key={type} value={type}>
              {t.interactionTypes[type as InteractionType] ?? type}
            </option>
          ))}
        </select>
      </div>
      {input('result', t.result)}
      {input('nextStep', t.nextStep)}
      {input('nextDate', t.nextDate, 'date')}
      <details>
        <summary>{t.moreDetails}</summary>
        {input('date', t.date, 'date')}
        {input('manager', t.manager)}
        <datalist id="cb-log-people">
          <option value={session.user} />
        </datalist>
      </details>
      <p role="status" aria-live="polite" class="ok">
        {message && !message.error ? message.text : ''}
      </p>
      {message?.error && (
        <p role="alert" class="banner error">
          {message.text}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t.saving : t.logSave}
      </button>
    </form>
  );
}
