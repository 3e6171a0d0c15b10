/** The first screen of a blank spreadsheet: what Set up creates, and the button that does it. */
import { useState } from 'preact/hooks';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import { TAB_LAYOUTS } from '../../../src/core/schema/tab-layouts';
import { TAB } from '../../../src/core/schema/tabs';
import { useLocale, useT } from '../../i18n/locale';
import { rpc } from '../../rpc';
import { useSession } from '../../session';
import type { ViewProps } from '../registry';
import { messages } from './messages';

/** The tabs in the order Set up creates them (src/app/setup.ts); hidden ones are the add-on's own business. */
export const VISIBLE_TABS = [
  TAB.clients,
  ...Object.entries(TAB_LAYOUTS)
    .filter(([, layout]) => !layout.hidden)
    .map(([name]) => name),
];

function SetUpNotice({ kind }: { kind: string }) {
  const m = messages[useLocale()];
  return <p>{kind === 'already_set_up' ? m.alreadySetUp : m.created}</p>;
}

export function SetupView({ restart }: ViewProps) {
  const t = useT();
  const m = messages[useLocale()];
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const setUp = async () => {
    setBusy(true);
    setError('');
    const result = await rpc.apiSetUp();
    if (!result.ok) {
      setBusy(false);
      return setError(result.error.message);
    }
    // 'needs_adoption': a list appeared meanwhile; the reloaded session opens the Adopt view instead.
    const loaded = await restart?.(result.value.kind === 'needs_adoption' ? null : <SetUpNotice kind={result.value.kind} />);
    if (!loaded) setBusy(false);
  };

  return (
    <section class="setup" aria-labelledby="cb-setup-title">
      <h2 id="cb-setup-title">{m.title}</h2>
      <p>{m.intro}</p>
      <h3>{m.tabsTitle}</h3>
      <ul style={{ margin: 0, paddingLeft: '18px' }}>
        {VISIBLE_TABS.map((tab) => (
          <li key={tab}>
            <strong>{tab}</strong>
            {m.tabPurposes[tab] ? `: ${m.tabPurposes[tab]}` : ''}
          </li>
        ))}
      </ul>
      <details style={{ margin: '8px 0' }}>
        <summary style={{ cursor: 'pointer', color: '#1a73e8' }}>{m.fieldsTitle(DEFAULT_FIELDS.length)}</summary>
        <p class="muted">{DEFAULT_FIELDS.map((f) => f.name).join(', ')}</p>
      </details>
      <p class="muted">{m.fieldsNote}</p>
      <p class="muted">{m.firstAdmin(session.user)}</p>
      {error && (
        <p class="banner error" role="alert">
          {t.errorPrefix} {error}
        </p>
      )}
      <div class="actions">
        <button type="button" disabled={busy} onClick={setUp}>
          {busy ? m.settingUp : m.setUp}
        </button>
      </div>
    </section>
  );
}
