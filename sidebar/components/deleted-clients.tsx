/**
 * Deleted clients (admins): each can come back on its own from Archive,
 * audited, without restoring a snapshot and losing what changed since.
 * Loaded only when opened: most visits never need it.
 */
import { useState } from 'preact/hooks';
import type { DeletedClientDto } from '../../src/server';
import { shortTime } from '../format/time';
import { useLocale, useT } from '../i18n/locale';
import { rpc } from '../rpc';
import { useSession } from '../session';
import { cardMessages } from '../views/card/messages';

export function DeletedClients({ onRestored }: { onRestored: (id: string, message: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const m = cardMessages(locale);
  const session = useSession();
  const [items, setItems] = useState<DeletedClientDto[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');

  const load = async () => {
    const result = await rpc.apiListDeleted();
    if (result.ok) setItems(result.value);
    else setError(result.error.message);
  };

  const restore = async (item: DeletedClientDto) => {
    setBusy(item.deletionId);
    setError('');
    const result = await rpc.apiUndeleteClient(item.deletionId);
    setBusy('');
    if (!result.ok) return setError(result.error.message);
    setItems((list) => (list ?? []).filter((i) => i.deletionId !== item.deletionId));
    onRestored(result.value.id, m.restored(item.name));
  };

  return (
    <details
      class="deleted-clients"
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) load();
      }}
    >
      <summary>{m.showArchive}</summary>
      <section aria-labelledby="cb-deleted-title">
        <h3 id="cb-deleted-title">{m.archiveTitle}</h3>
        <p class="muted">{m.archiveIntro}</p>
        {error && (
          <p class="banner error" role="alert">
            {t.errorPrefix} {error}
          </p>
        )}
        {items === null && !error && <p class="muted">{t.loading}</p>}
        {items?.length === 0 && <p class="muted">{m.archiveEmpty}</p>}
        {items && items.length > 0 && (
          <ul class="due-list">
            {items.map((item) => (
              <li key={item.deletionId}>
                <div class="due-head">
                  <strong>{item.name}</strong>
                  <span class="muted">{item.clientId}</span>
                </div>
                <div class="muted">{m.archiveDeleted(shortTime(item.deletedAt, session.timeZone, locale), item.deletedBy)}</div>
                <div class="row-actions">
                  <button type="button" disabled={busy === item.deletionId} aria-label={m.restoreNamed(item.name)} onClick={() => restore(item)}>
                    {m.restore}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </details>
  );
}
