/** The client's history: interactions and changes, newest first. */
import { useEffect, useState } from 'preact/hooks';
import type { InteractionType } from '../i18n/en';
import { useT } from '../i18n/locale';
import { timeline, type TimelineEntry } from '../form/timeline';
import { shortTime } from '../format/time';
import { rpc } from '../rpc';
import type { HistoryDto } from '../../src/server';

const PAGE = 20;

/** `initial`: the history that came with the card (apiOpenClient); it is fetched again only after a change (`version` > 0). */
export function HistoryList({ clientId, version, timeZone, initial }: { clientId: string; version: number; timeZone: string; initial?: HistoryDto | null }) {
  const t = useT();
  const [entries, setEntries] = useState<TimelineEntry[] | null>(() => (initial ? timeline(initial.interactions, initial.changes) : null));
  const [error, setError] = useState('');
  const [shown, setShown] = useState(PAGE);

  useEffect(() => {
    if (version === 0 && initial) return undefined;
    let current = true;
    rpc.apiHistory(clientId).then((result) => {
      if (!current) return;
      if (result.ok) {
        setEntries(timeline(result.value.interactions, result.value.changes));
        setError('');
      } else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [clientId, version]);

  return (
    <section class="history" aria-labelledby="cb-history-title">
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
  const i = entry.interaction;
  const type = t.interactionTypes[i.type as InteractionType] ?? i.type;
  return (
    <>
      <div class="when">
        {i.date} · <strong>{type}</strong>
        {i.manager && ` · ${i.manager}`}
      </div>
      {i.result && <div class="what">{i.result}</div>}
      {i.nextStep && (
        <div class={`next${i.done ? ' done' : ''}`}>
          {t.nextShort(i.nextStep, i.nextDate)}
          {i.done && ` (${t.done})`}
        </div>
      )}
    </>
  );
}

function ChangeEntry({ entry, timeZone }: { entry: Extract<TimelineEntry, { kind: 'changes' }>; timeZone: string }) {
  const t = useT();
  return (
    <>
      <div class="when">
        {shortTime(entry.at, timeZone)} · {entry.user} · {t.actions[entry.action] ?? entry.action}
      </div>
      {entry.changes.map((c, i) => {
        const line = t.changeLine(c.field, c.oldValue, c.newValue);
        return line ? (
          <div key={i} class="what">
            {line}
          </div>
        ) : null;
      })}
    </>
  );
}
