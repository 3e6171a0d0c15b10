/** "Show on dashboard": brings the Dashboard tab to the front at the chart of what this view lists. */
import { useState } from 'preact/hooks';
import type { ChartKey } from '../../src/server';
import { useT } from '../i18n/locale';
import { rpc } from '../rpc';

export function DashboardLink({ chart, title }: { chart: ChartKey; title: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const show = async () => {
    setBusy(true);
    setError('');
    const result = await rpc.apiShowOnDashboard(chart);
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  };
  return (
    <>
      <button type="button" class="secondary" disabled={busy} title={t.showOnDashboardHint(title)} onClick={show}>
        {t.showOnDashboard}
      </button>
      {error && (
        <span class="error" role="alert">
          {t.errorPrefix} {error}
        </span>
      )}
    </>
  );
}
