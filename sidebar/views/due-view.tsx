/**
 * The current user's open next steps in three sections, overdue, today and
 * the coming days, with their counts on top so today's steps are found at a
 * glance however long the overdue list is: mark one done, or open its client.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DueItemDto } from '../../src/server';
import { DashboardLink } from '../components/dashboard-link';
import { useLocale, useT } from '../i18n/locale';
import { dayText } from '../format/time';
import { cardMessages, type CardMessages } from './card/messages';
import { rpc } from '../rpc';
import { canEdit, useSession } from '../session';
import { setDueCount } from './plan/due-count';

const SECTIONS = ['overdue', 'today', 'later'] as const;
type Section = (typeof SECTIONS)[number];

/** An older server sends no `when`: the days past due say it. */
// The tab's badge counts what needs doing now; the list also shows the coming two weeks.
const dueNow = (items: readonly DueItemDto[]): number => items.filter((item) => section(item) !== 'later').length;
const section = (item: DueItemDto): Section => item.when ?? (item.overdueDays > 0 ? 'overdue' : item.overdueDays === 0 ? 'today' : 'later');

function sectionTitle(m: CardMessages, when: Section, n: number): string {
  return when === 'overdue' ? m.dueOverdueTitle(n) : when === 'today' ? m.dueTodayTitle(n) : m.dueLaterTitle(n);
}

export function DueView({ active, openClient }: { active: boolean; openClient: (id: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const m = cardMessages(locale);
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
      setDueCount(dueNow(result.value));
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
        setDueCount(dueNow(rest));
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
        <>
          <p class="due-summary">
            {SECTIONS.map((when, i) => (
              <span key={when}>
                {i > 0 && ' · '}
                <a
                  href={`#cb-due-${when}`}
                  onClick={(e) => {
                    e.preventDefault();
                    const heading = document.getElementById(`cb-due-${when}`);
                    heading?.scrollIntoView({ block: 'start' });
                    heading?.focus({ preventScroll: true });
                  }}
                >
                  {sectionTitle(m, when, items.filter((i) => section(i) === when).length)}
                </a>
              </span>
            ))}
          </p>
          {SECTIONS.map((when) => {
            const list = items.filter((i) => section(i) === when);
            if (!list.length) return null;
            return (
              <section key={when} class={`due-section ${when}`} aria-labelledby={`cb-due-${when}`}>
                <h3 id={`cb-due-${when}`} tabIndex={-1}>
                  {sectionTitle(m, when, list.length)}
                </h3>
                <ul class="due-list">
                  {list.map((item) => (
                    <li key={item.id} class={when}>
                      <div class="due-head">
                        <strong>{item.clientName}</strong>
                        <span class="badge">
                          {when === 'overdue' ? t.overdue(item.overdueDays) : when === 'today' ? t.dueToday : m.dueInDays(-item.overdueDays)}
                        </span>
                      </div>
                      <div>{item.nextStep || item.result || item.type}</div>
                      <div class="muted">{dayText(item.nextDate, locale)}</div>
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
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}
