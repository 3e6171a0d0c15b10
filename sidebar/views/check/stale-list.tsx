/** Clients nobody updated or contacted for longer than the team's period, per manager, each with an Open link. */
import { useEffect, useState } from 'preact/hooks';
import type { StaleDto, StaleGroupDto } from '../../../src/server';
import { rpc } from '../../rpc';
import { useCheckMessages } from './messages';

function StaleGroup({ group, openClient }: { group: StaleGroupDto; openClient: (id: string) => void }) {
  const m = useCheckMessages();
  const more = group.count - group.clients.length;
  return (
    <details class="stale-group">
      <summary>{m.staleGroup(group.manager || m.noManager, group.count)}</summary>
      <ul>
        {group.clients.map((c) => (
          <li key={c.id}>
            <div class="due-head">
              <strong>{c.name}</strong>
              <button type="button" class="secondary" aria-label={m.openClientNamed(c.name)} onClick={() => openClient(c.id)}>
                {m.openClient}
              </button>
            </div>
            <div class="muted">
              {[
                c.reasons.includes('not_updated') ? m.notUpdated(c.daysSinceUpdate) : '',
                c.reasons.includes('not_contacted') ? m.notContacted(c.daysSinceContact) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
          </li>
        ))}
      </ul>
      {more > 0 && <p class="muted">{m.staleMore(more)}</p>}
    </details>
  );
}

export function StaleList({ active, openClient }: { active: boolean; openClient: (id: string) => void }) {
  const m = useCheckMessages();
  const [stale, setStale] = useState<StaleDto | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!active) return;
    rpc.apiStaleClients().then((result) => {
      if (result.ok) {
        setStale(result.value);
        setError('');
      } else setError(result.error.message);
    });
  }, [active]);

  return (
    <section class="stale" aria-labelledby="cb-stale-title">
      <h3 id="cb-stale-title">{m.staleTitle}</h3>
      {error && (
        <p class="banner error" role="alert">
          {m.errorPrefix} {error}
        </p>
      )}
      {!stale && !error && <p class="muted">{m.loading}</p>}
      {stale && <p>{m.staleSummary(stale.total, stale.staleDays)}</p>}
      {stale?.groups.map((g) => (
        <StaleGroup key={g.manager} group={g} openClient={openClient} />
      ))}
    </section>
  );
}
