/**
 * The snapshots taken before bulk changes, newest first, each restorable in
 * one step after a confirmation inside the sidebar. Only admins restore; the
 * server enforces it too and snapshots the current state before restoring.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SnapshotInfo } from '../../../src/server';
import { useLocale, useT } from '../../i18n/locale';
import { rpc } from '../../rpc';
import { useSession } from '../../session';
import type { ViewProps } from '../registry';
import { messages } from './messages';
import { newestFirst, snapshotTime } from './snapshot-time';

const ROLE_NOTE_ID = 'cb-snapshots-role';

export function SnapshotsView({ active }: ViewProps) {
  const t = useT();
  const locale = useLocale();
  const m = messages[locale];
  const session = useSession();
  const [list, setList] = useState<SnapshotInfo[] | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [notes, setNotes] = useState<string[]>([]);
  const [confirming, setConfirming] = useState('');
  const [busy, setBusy] = useState(false);
  const question = useRef<HTMLDivElement>(null);
  const isAdmin = session.role === 'admin';

  const load = async () => {
    setError('');
    const result = await rpc.apiListSnapshots();
    if (result.ok) setList(newestFirst(result.value));
    else setError(result.error.message);
  };

  // Listed afresh each time the view is opened: any bulk operation may have added one meanwhile.
  useEffect(() => {
    if (active) load();
  }, [active]);

  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  const restore = async (id: string) => {
    setBusy(true);
    setError('');
    setStatus('');
    setNotes([]);
    const result = await rpc.apiRestoreSnapshot(id);
    setBusy(false);
    setConfirming('');
    if (!result.ok) return setError(result.error.message);
    setStatus(m.restored(result.value.restored, result.value.safetySnapshot));
    setNotes(result.value.notes ?? []);
    await load();
  };

  return (
    <section class="snapshots" aria-labelledby="cb-snapshots-title">
      <div class="section-head">
        <h2 id="cb-snapshots-title">{m.title}</h2>
        <button type="button" class="secondary" onClick={load}>
          {m.refresh}
        </button>
      </div>
      <p class="muted">{m.intro}</p>
      {!isAdmin && (
        <p id={ROLE_NOTE_ID} class="banner info">
          {m.onlyAdmins(session.role)}
        </p>
      )}
      <p role="status" aria-live="polite" class="notice">
        {status}
      </p>
      {notes.length > 0 && (
        <ul class="muted snapshot-restore-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {error && (
        <p class="banner error" role="alert">
          {t.errorPrefix} {error}
        </p>
      )}
      {list === null && !error && <p class="muted">{m.loading}</p>}
      {list?.length === 0 && <p class="muted">{m.none}</p>}
      {list && list.length > 0 && (
        <ul class="due-list snapshot-list">
          {list.map((s, i) => {
            const time = snapshotTime(s.time, locale, session.timeZone);
            return (
              <li key={s.id}>
                <div class="due-head">
                  <strong>{time}</strong>
                  <span class="badge">{s.id}</span>
                </div>
                <div>{s.reason}</div>
                <div class="muted">{m.by(s.user)}</div>
                <div class="muted">{m.tabs(s.tabs)}</div>
                {confirming === s.id ? (
                  <div class="banner warning" role="group" aria-labelledby={`cb-snapshot-question-${i}`} tabIndex={-1} ref={question}>
                    <p id={`cb-snapshot-question-${i}`}>
                      <strong>{m.confirmTitle(s.tabs, time)}</strong>
                    </p>
                    <p>{m.confirmDetail}</p>
                    <button type="button" disabled={busy} onClick={() => restore(s.id)}>
                      {busy ? m.restoring : m.confirm}
                    </button>
                    <button type="button" class="secondary" disabled={busy} onClick={() => setConfirming('')}>
                      {m.cancel}
                    </button>
                  </div>
                ) : (
                  <div class="row-actions">
                    <button
                      type="button"
                      class="secondary"
                      disabled={!isAdmin || busy}
                      aria-label={m.restoreNamed(s.id, time)}
                      aria-describedby={isAdmin ? undefined : ROLE_NOTE_ID}
                      onClick={() => setConfirming(s.id)}
                    >
                      {m.restore}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
