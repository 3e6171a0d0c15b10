/** The current user's next steps that are due or overdue: mark one done, or open its client. */
import { useEffect, useState } from 'preact/hooks';
import type { DueItemDto } from '../../src/server';
import { DashboardLink } from '../components/dashboard-link';
import { useT } from '../i18n/locale';
import { rpc } from '../rpc';
import { canEdit, useSession } from '../session';
import { setDueCount } from './plan/due-count';

export function DueView({ active, openClient }: { active: boolean; openClient: (id: string) => void }) {
  const t = useT();
  const session = useSession();
  const [items, setItems] = useState<DueItemDto[] | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [busyId, setBusyId] = useState('');

  const load = async () => {
    setError('');
    const result = await rpc.apiDueList();
    if (result.ok) {
      setItems(result.value);
      setDueCount(result.value.length);
    } else setError(result.error.message);
  };

  // Refreshed each time the tab is shown: next steps change as the day goes on.
  useEffect(() => {
    if (active) load();
  }, [active]);

  const done = async (item: DueItemDto) => {
    setBusyId(item.id);
    const result = await rpc.apiMarkDone(item.id);
    setBusyId('');
    if (result.ok) {
      setItems((list) => {
        const rest = (list ?? []).filter((i) => i.id !== item.id);
        setDueCount(rest.length);
        return rest;
      });
      setStatus(t.markedDone(item.nextStep));
    } else setError(result.error.message);
  };

  return (
    <section class="due" aria-labelledby="cb-due-title">
      <div class="section-head">
        <h2 id="cb-due-title">{t.dueTitle}</h2>
        <button type="button" class="secondary" onClick={load}>
          {t.refresh}
        </button>
        <DashboardLink chart="activity" title={t.dueTitle} />
      </div>
      <p role="status" aria-live="polite" class="notice">
        {status}
      </p>
      {error && (
        <p class="banner error" role="alert">
          {t.errorPrefix} {error}
        </p>
      )}
      {items === null && !error && <p class="muted">{t.loading}</p>}
      {items?.length === 0 && <p class="muted">{t.noDue}</p>}
      {items && items.length > 0 && (
        <ul class="due-list">
          {items.map((item) => (
            <li key={item.id} class={item.overdueDays > 0 ? 'overdue' : 'today'}>
              <div class="due-head">
                <strong>{item.clientName}</strong>
                <span class="badge">{item.overdueDays > 0 ? t.overdue(item.overdueDays) : t.dueToday}</span>
              </div>
              <div>{item.nextStep || item.result || item.type}</div>
              <div class="muted">{item.nextDate}</div>
              <div class="row-actions">
                {canEdit(session) && (
                  <button
                    type="button"
                    disabled={busyId === item.id}
                    aria-label={t.markDoneNamed(item.nextStep || item.type, item.clientName)}
                    onClick={() => done(item)}
                  >
                    {t.markDone}
                  </button>
                )}
                <button type="button" class="secondary" aria-label={t.openClientNamed(item.clientName)} onClick={() => openClient(item.clientId)}>
                  {t.openClient}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
