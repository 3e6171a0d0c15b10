/**
 * The plan in the sidebar: next steps, scheduled mailings, yearly campaigns
 * and greetings for the coming days, by date, with a manager and a VIP
 * filter; the calendar opens in a dialog. Below, who sends the morning
 * e-mails and occasions, with a way to take that over when it stopped.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PlanDto, RunnerDto } from '../../../src/server';
import { useLocale } from '../../i18n/locale';
import { dayText, shortTime } from '../../format/time';
import { rpc } from '../../rpc';
import { canEdit, useSession } from '../../session';
import type { ViewProps } from '../registry';
import { usePlanMessages } from './messages';
import { OccasionsPanel } from './occasions-panel';

const SPANS = [7, 14, 31];

export function PlanView({ active, openClient }: ViewProps) {
  const p = usePlanMessages();
  const locale = useLocale() as string;
  const session = useSession();
  const [plan, setPlan] = useState<PlanDto | null>(null);
  const [runner, setRunner] = useState<RunnerDto | null>(null);
  const [vipOnly, setVipOnly] = useState(false);
  const [manager, setManager] = useState('');
  const [days, setDays] = useState(14);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setError('');
    const [list, run] = await Promise.all([rpc.apiListPlan({ days, vipOnly, manager }), rpc.apiRunnerStatus()]);
    if (list.ok) setPlan(list.value);
    else setError(list.error.message);
    if (run.ok) setRunner(run.value);
  };

  useEffect(() => {
    if (active) load();
  }, [active, vipOnly, manager, days]);

  const calendar = async () => {
    setBusy(true);
    const result = await rpc.apiShowPlanCalendar(locale);
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  };

  const runFromMe = async () => {
    setBusy(true);
    const result = await rpc.apiStartRunner();
    setBusy(false);
    if (result.ok) setRunner(result.value);
    else setError(result.error.message);
  };

  const byDay = new Map<string, PlanDto['items']>();
  for (const item of plan?.items ?? []) byDay.set(item.date, [...(byDay.get(item.date) ?? []), item]);

  return (
    <section class="plan" aria-labelledby="cb-plan-title">
      <div class="section-head">
        <h2 id="cb-plan-title">{p.title}</h2>
        <button type="button" class="secondary" onClick={load}>
          {p.refresh}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={calendar}>
          {p.openCalendar}
        </button>
      </div>
      {error && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
      <div class="plan-filters">
        <label class="checkbox">
          <input id="cb-plan-vip" type="checkbox" checked={vipOnly} onChange={(e) => setVipOnly(e.currentTarget.checked)} /> {p.vipOnly}
        </label>
        <label for="cb-plan-manager">{p.manager}</label>
        <select id="cb-plan-manager" value={manager} onChange={(e) => setManager(e.currentTarget.value)}>
          <option value="">{p.everyone}</option>
          {(plan?.managers ?? []).map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <label for="cb-plan-days" class="sr-only">
          {p.days(days)}
        </label>
        <select id="cb-plan-days" value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value))}>
          {SPANS.map((n) => (
            <option key={n} value={String(n)}>
              {p.days(n)}
            </option>
          ))}
        </select>
      </div>
      {plan && plan.items.length === 0 && <p class="muted">{p.nothing}</p>}
      {[...byDay.entries()].map(([day, items]) => (
        <div key={day} class="plan-day">
          <h3>
            {dayText(day, locale)}
            {day === plan?.today ? ` · ${p.today}` : ''}
          </h3>
          <ul class="plan-list">
            {items.map((item, i) => (
              <li key={`${item.kind}-${item.clientId}-${i}`} class={`plan-item ${item.kind}${item.vip ? ' vip' : ''}${item.overdue ? ' overdue' : ''}`}>
                <div>
                  {item.time && <span class="muted">{item.time} </span>}
                  <strong>{p.kinds[item.kind]}:</strong> {item.title}
                  {item.vip && <span class="badge">VIP</span>}
                  {item.overdue && <span class="badge">{p.overdue}</span>}
                </div>
                <div class="muted">
                  {item.clientId ? (
                    <button type="button" class="link" onClick={() => openClient?.(item.clientId)}>
                      {item.client}
                    </button>
                  ) : null}
                  {item.manager ? ` ${item.manager}` : ''}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {plan && plan.more > 0 && <p class="muted">{p.more(plan.more)}</p>}

      <OccasionsPanel active={active} onChanged={load} />

      {runner && (runner.needed || runner.runner) && (
        <div class="plan-runner">
          <h3>{p.runnerTitle}</h3>
          {runner.runner && <p class="muted">{p.runnerIs(runner.runner, runner.lastRun ? shortTime(runner.lastRun, session.timeZone, locale) : '')}</p>}
          {runner.problem && (
            <p class="banner warning" role="alert">
              {p.runnerProblems[runner.problem](runner.runner)}
            </p>
          )}
          {canEdit(session) && runner.problem && (
            <button type="button" disabled={busy} onClick={runFromMe}>
              {p.runFromMe}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
