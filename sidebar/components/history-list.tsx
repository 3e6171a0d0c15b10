/**
 * The top of the client card: the next step (what to do and when, the first
 * thing a manager opening a client needs), then the most recent history,
 * interactions and changes newest first, with more on request.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InteractionDto } from '../../src/app/interactions';
import type { InteractionType } from '../i18n/en';
import { useLocale, useT } from '../i18n/locale';
import { cardMessages } from '../views/card/messages';
import { timeline, type TimelineEntry } from '../form/timeline';
import { dayText, shortTime, valueDates } from '../format/time';
import { rpc } from '../rpc';
import type { HistoryDto } from '../../src/server';

/** Recent entries shown before "Show more": the card's fields follow, so the top stays short. */
const FIRST = 5;
const PAGE = 20;

/** Open next steps, soonest first (undated last). */
export function openSteps(interactions: readonly InteractionDto[]): InteractionDto[] {
  return interactions.filter((i) => !i.done && (i.nextStep || i.nextDate)).sort((a, b) => (a.nextDate || '9999').localeCompare(b.nextDate || '9999'));
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

function NextStep({ steps, today }: { steps: InteractionDto[]; today: string }) {
  const locale = useLocale();
  const m = cardMessages(locale);
  const [first] = steps;
  let when = '';
  let late = false;
  if (first?.nextDate) {
    const days = Math.round((dayMs(today) - dayMs(first.nextDate)) / 86_400_000);
    late = days > 0;
    when = days > 0 ? m.nextOverdue(dayText(first.nextDate, locale), days) : days === 0 ? m.nextToday : m.nextDue(dayText(first.nextDate, locale));
  }
  return (
    <section class={`next-step${late ? ' overdue' : ''}`} aria-labelledby="cb-next-title">
      <h3 id="cb-next-title">{m.nextStepTitle}</h3>
      {first ? (
        <p>
          <strong>{first.nextStep || first.result || first.type}</strong>
          {when && <span class="badge">{when}</span>}
          {steps.length > 1 && <span class="muted"> {m.moreSteps(steps.length - 1)}</span>}
        </p>
      ) : (
        <p class="muted">{m.noNextStep}</p>
      )}
    </section>
  );
}

/** `initial`: the history that came with the card (apiOpenClient); it is fetched again only after a change (`version` > 0). */
export function HistoryList({
  clientId,
  version,
  timeZone,
  today,
  initial,
}: {
  clientId: string;
  version: number;
  timeZone: string;
  today: string;
  initial?: HistoryDto | null;
}) {
  const t = useT();
  const [entries, setEntries] = useState<TimelineEntry[] | null>(() => (initial ? timeline(initial.interactions, initial.changes) : null));
  const [steps, setSteps] = useState<InteractionDto[]>(() => (initial ? openSteps(initial.interactions) : []));
  const [error, setError] = useState('');
  const [shown, setShown] = useState(FIRST);

  useEffect(() => {
    if (version === 0 && initial) return undefined;
    let current = true;
    rpc.apiHistory(clientId).then((result) => {
      if (!current) return;
      if (result.ok) {
        setEntries(timeline(result.value.interactions, result.value.changes));
        setSteps(openSteps(result.value.interactions));
        setError('');
      } else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [clientId, version]);

  return (
    <section class="history" aria-labelledby="cb-history-title">
      {entries !== null && <NextStep steps={steps} today={today} />}
      <h3 id="cb-history-title">{t.historyTitle}</h3>
      {error && (
        <p class="banner error" role="alert">
          {t.errorPrefix} {error}
        </p>
      )}
      {entries === null && !error && <p class="muted">{t.loading}</p>}
      {entries?.length === 0 && <p class="muted">{t.noHistory}</p>}
      {entries && entries.length > 0 && (
        <ol class="timeline">
          {entries.slice(0, shown).map((entry, i) => (
            <li key={i} class={entry.kind}>
              {entry.kind === 'interaction' ? <InteractionEntry entry={entry} /> : <ChangeEntry entry={entry} timeZone={timeZone} />}
            </li>
          ))}
        </ol>
      )}
      {entries && entries.length > shown && (
        <button type="button" class="link" onClick={() => setShown((n) => n + PAGE)}>
          {t.showMore}
        </button>
      )}
    </section>
  );
}

function InteractionEntry({ entry }: { entry: Extract<TimelineEntry, { kind: 'interaction' }> }) {
  const t = useT();
  const locale = useLocale();
  const i = entry.interaction;
  const type = t.interactionTypes[i.type as InteractionType] ?? i.type;
  return (
    <>
      <div class="when">
        {dayText(i.date, locale)} · <strong>{type}</strong>
        {i.manager && ` · ${i.manager}`}
      </div>
      {i.result && <div class="what">{i.result}</div>}
      {i.nextStep && (
        <div class={`next${i.done ? ' done' : ''}`}>
          {t.nextShort(i.nextStep, dayText(i.nextDate, locale))}
          {i.done && ` (${t.done})`}
        </div>
      )}
    </>
  );
}

function ChangeEntry({ entry, timeZone }: { entry: Extract<TimelineEntry, { kind: 'changes' }>; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <div class="when">
        {shortTime(entry.at, timeZone, locale)} · {entry.user} · {t.actions[entry.action] ?? entry.action}
      </div>
      {entry.changes.map((c, i) => {
        // Older Audit rows hold dates as UTC ISO text: shown as the spreadsheet's day and time, in the reader's form.
        const line = t.changeLine(c.field, valueDates(c.oldValue, timeZone, locale), valueDates(c.newValue, timeZone, locale));
        return line ? (
          <div key={i} class="what">
            {line}
          </div>
        ) : null;
      })}
    </>
  );
}
