/** The dashboard's date and its rebuild hint for a Russian user: 04.12.2026 and the menu's own caption, not 2026-12-04 and "Dashboard". */
import { describe, expect, it } from 'vitest';
import * as server from '../../../src/server';
import { DASHBOARD_TAB } from '../../../src/core/dashboard/plan';
import { useEmulator } from '../../support/emulated';

describe('the dashboard in Russian', () => {
  const emu = useEmulator({ locale: 'ru_RU', timeZone: 'Europe/Moscow', now: () => new Date('2026-12-04T10:00:00Z') });

  it('shows today as 04.12.2026 and names the menu item as the menu does', () => {
    server.menuSetUp();
    server.menuDashboard();
    const [head, params] = emu().readSheetDisplay(DASHBOARD_TAB);
    expect(params.slice(0, 2)).toEqual(['Сегодня', '04.12.2026']);
    expect(head[1]).toContain('ClientBase ▸ Панель показателей');
    expect(head[1]).not.toContain('▸ Dashboard');
  });
});

describe('the dashboard in English', () => {
  const emu = useEmulator({ timeZone: 'Europe/Moscow', now: () => new Date('2026-12-04T10:00:00Z') });

  it('keeps the ISO day', () => {
    server.menuSetUp();
    server.menuDashboard();
    expect(emu().readSheetDisplay(DASHBOARD_TAB)[1].slice(0, 2)).toEqual(['Today', '2026-12-04']);
  });
});
