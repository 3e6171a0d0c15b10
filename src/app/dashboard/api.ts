/**
 * The dashboard as the menu and the sidebar call it: ClientBase ▸ Dashboard
 * (re)builds the tab; "Show on dashboard" brings it to the front at a chart's
 * table.
 */
import type { ChartKey } from '../../core/dashboard/plan';
import type { Result } from '../../core/result';
import { AppFailure } from '../../core/result';
import { alert } from '../../gas/ui';
import { handle } from '../handle';
import { buildDashboard, showOnDashboard } from './build';

export type { DashboardReport } from './build';
export type { ChartKey } from '../../core/dashboard/plan';

const CHART_KEYS: readonly ChartKey[] = ['stages', 'segments', 'sales', 'share', 'activity', 'mail', 'checks', 'stale'];

export function menuDashboard(): void {
  const result = handle(() => {
    const report = buildDashboard();
    showOnDashboard(report.charts[0] ?? 'stages');
    return report;
  });
  if (!result.ok) alert(result.error.message);
}

export function apiShowOnDashboard(chart: ChartKey): Result<{ tab: string; range: string }> {
  return handle(() => {
    const key = String(chart ?? '') as ChartKey;
    if (!CHART_KEYS.includes(key)) throw new AppFailure('bad_input', `Unknown dashboard chart "${String(chart).slice(0, 40)}".`);
    return showOnDashboard(key);
  });
}
