/**
 * Scheduling in the Mail view: after a clean check, set the mailing to start
 * at a date and time in the spreadsheet's zone; the list of scheduled
 * mailings says what keeps one from starting and offers Cancel, or sending it
 * from my account when its sender left. Every value renders as text.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PreflightDto, ScheduleDto } from '../../../src/server';
import type { MailLang } from '../../../src/core/mail/mail-lang';
import { rpc } from '../../rpc';
import { canEdit, useSession } from '../../session';
import { usePlanMessages } from '../plan/messages';
import { dayText } from '../../format/time';
import { useLocale } from '../../i18n/locale';

function tomorrow(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function ScheduleForm({
  report,
  recipients,
  lang,
  sendAgain,
  onePerCompany,
  onScheduled,
}: {
  report: PreflightDto;
  /** A segment stays a segment (its members at start time); chosen rows become their IDs. */
  recipients: { kind: 'segment'; name: string } | { kind: 'ids'; ids: string[] };
  lang: MailLang;
  sendAgain: boolean;
  /** The Mail view's toggle as it was checked: the scheduled run picks one person per company too. */
  onePerCompany: boolean;
  onScheduled: () => void;
}) {
  const p = usePlanMessages();
  const session = useSession();
  const [day, setDay] = useState(() => tomorrow(session.today));
  const [time, setTime] = useState('09:00');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  if (!canEdit(session) || report.blocking.length > 0 || report.sendable === 0) return null;

  const submit = async () => {
    setBusy(true);
    setError('');
    setNotice('');
    const result = await rpc.apiScheduleMailing({
      campaign: report.campaign,
      template: report.template,
      recipients,
      day,
      time,
      lang,
      sendAgain,
      onePerCompany,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setNotice(p.scheduled(result.value.schedule.campaign, result.value.schedule.localDay, result.value.schedule.localTime));
    onScheduled();
  };

  return (
    <fieldset class="mail-schedule">
      <legend>{p.scheduleSection}</legend>
      <label for="cb-schedule-day">{p.day}</label>
      <input id="cb-schedule-day" type="date" value={day} min={session.today} onInput={(e) => setDay(e.currentTarget.value)} />
      <label for="cb-schedule-time">{p.time}</label>
      <input id="cb-schedule-time" type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />
      <p class="muted">{p.scheduleHelp(session.timeZone)}</p>
      <button type="button" class="secondary" disabled={busy || !day || !time} onClick={submit}>
        {busy ? p.scheduling : p.schedule}
      </button>
      <p role="status" aria-live="polite" class="notice">
        {notice}
      </p>
      {error && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function ScheduledList({ active, refreshKey }: { active: boolean; refreshKey: number }) {
  const p = usePlanMessages();
  const locale = useLocale();
  const session = useSession();
  const [list, setList] = useState<ScheduleDto[]>([]);
  const [error, setError] = useState('');
  const [busyId, setBusyId] = useState('');

  const load = async () => {
    const result = await rpc.apiListSchedules();
    if (result.ok) setList(result.value);
    else setError(result.error.message);
  };

  useEffect(() => {
    if (active) load();
  }, [active, refreshKey]);

  const act = async (s: ScheduleDto, kind: 'cancel' | 'take') => {
    setBusyId(s.id);
    setError('');
    const result = kind === 'cancel' ? await rpc.apiCancelSchedule(s.id) : await rpc.apiTakeOverSchedule(s.id);
    setBusyId('');
    if (!result.ok) setError(result.error.message);
    await load();
  };

  const waiting = (s: ScheduleDto) => s.state === 'scheduled' || s.state === 'starting';
  return (
    <section class="mail-scheduled" aria-labelledby="cb-scheduled-title">
      <h3 id="cb-scheduled-title">{p.scheduledSection}</h3>
      {error && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
      {list.length === 0 && <p class="muted">{p.noneScheduled}</p>}
      <ul class="schedule-list">
        {list.map((s) => (
          <li key={s.id} class={`schedule ${s.state}`}>
            <strong>{s.campaign}</strong> <span class="muted">{s.template}</span>
            <div>
              {dayText(s.localDay, locale)} {s.localTime} · {p.states[s.state]} ·{' '}
              {s.recipients.kind === 'segment' ? p.recipientsSegment(s.recipients.segment) : p.recipientsIds(s.recipients.count)} · {p.by(s.by)}
              {s.onePerCompany ? ` · ${p.onePerCompany}` : ''}
            </div>
            {s.note && <div class="muted">{s.note}</div>}
            {s.problem && (
              <p class="banner warning" role="alert">
                {p.problems[s.problem](s.by)}
              </p>
            )}
            {canEdit(session) && waiting(s) && (
              <div class="row-actions">
                <button type="button" class="secondary" disabled={busyId === s.id} aria-label={p.cancelNamed(s.campaign)} onClick={() => act(s, 'cancel')}>
                  {p.cancel}
                </button>
                {s.problem && s.by.toLowerCase() !== session.user.toLowerCase() && (
                  <button type="button" disabled={busyId === s.id} aria-label={p.takeOverNamed(s.campaign)} onClick={() => act(s, 'take')}>
                    {p.takeOver}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
