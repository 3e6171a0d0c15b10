/**
 * The dashboard in Chromium over the playground: ClientBase ▸ Dashboard draws
 * the charts (Chart.js, playground only); typing a new amount into a
 * Purchases cell moves the sales chart's numbers, recomputed by the live
 * formulas with no add-on call. Also writes docs/screenshots/dashboard.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DASHBOARD_TAB } from '../../src/core/dashboard/plan.ts';
import { TAB } from '../../src/core/schema/tabs.ts';
import { BROWSER_TIMEOUT, chooseMenu, describeBrowser, gridCell, openSidebar, showGridRow, showSheet, UI_TIMEOUT, usePlayground } from '../support/browser.ts';

const SALES = 'Sales per month: new and regular clients';

/** The data table under a chart, as a screen reader reads it: label → numbers. */
async function chartData(page: Page, title: string): Promise<string[][]> {
  return page
    .locator('#charts figure', { has: page.locator('figcaption', { hasText: title }) })
    .locator('table.chart-data tr')
    .evaluateAll((rows) => rows.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
}

describeBrowser('the dashboard in the playground', () => {
  const pg = usePlayground();

  it(
    'ClientBase ▸ Dashboard draws eight charts; a changed purchase moves the sales chart',
    async () => {
      // The data-quality chart reads the last Check data report.
      expect((await pg().run('menuCheckData')).ok).toBe(true);
      const page = await pg().page();
      await chooseMenu(page, 'Dashboard');
      await expect.poll(() => page.locator('#grid-note').textContent(), { timeout: UI_TIMEOUT }).toMatch(new RegExp(`^${DASHBOARD_TAB}:`));
      await expect.poll(() => page.locator('#charts figure canvas').count(), { timeout: UI_TIMEOUT }).toBe(8);
      const captions = await page.locator('#charts figcaption').allTextContents();
      expect(captions).toContain(SALES);
      expect(captions).toContain('Clients by stage and purchase recency');
      // Chart.js drew something on the canvases (not a blank box).
      const painted = await page
        .locator('#charts canvas')
        .first()
        .evaluate((c) => (c as HTMLCanvasElement).width > 0);
      expect(painted).toBe(true);
      const before = await chartData(page, SALES);
      expect(before).toHaveLength(13);
      await page.setViewportSize({ width: 1400, height: 1100 });
      await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'screenshots', 'dashboard.png') });

      // A purchase of this month, found in the emulator; its Amount cell is then typed into in the grid.
      const emu = pg().session.runtime().emulator;
      const [header, ...rows] = emu.readSheet(TAB.purchases);
      const dateCol = header.indexOf('Date');
      const amountCol = header.indexOf('Amount');
      const now = new Date();
      const index = rows.findIndex(
        (r) =>
          r[dateCol] instanceof Date &&
          (r[dateCol] as Date).getMonth() === now.getMonth() &&
          (r[dateCol] as Date).getFullYear() === now.getFullYear() &&
          typeof r[amountCol] === 'number',
      );
      expect(index).toBeGreaterThanOrEqual(0);
      const oldAmount = rows[index][amountCol] as number;
      await showSheet(page, TAB.purchases);
      const cell = gridCell(page, 'Amount', index + 2);
      // Purchases runs to hundreds of rows: scrolled to it, as a user does, before the double-click.
      await showGridRow(page, index + 2);
      await cell.dblclick();
      const editor = cell.locator('input.cell-editor');
      await editor.fill(String(oldAmount + 1000));
      await editor.press('Enter');
      await expect.poll(() => emu.readSheet(TAB.purchases)[index + 1][amountCol], { timeout: UI_TIMEOUT }).toBe(oldAmount + 1000);

      await showSheet(page, DASHBOARD_TAB);
      const total = (data: string[][]) => Number(data[12][1]) + Number(data[12][2]);
      await expect.poll(async () => total(await chartData(page, SALES)), { timeout: UI_TIMEOUT }).toBeCloseTo(total(before) + 1000, 2);
      expect(pg().pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT * 2,
  );

  it(
    "the sidebar's Due view links to the activity chart: the grid switches to Dashboard at that table",
    async () => {
      const page = await pg().page();
      await showSheet(page, TAB.clients);
      const frame = await openSidebar(page);
      await frame.getByRole('tab', { name: 'Due', exact: true }).click();
      await frame.getByRole('button', { name: 'Show on dashboard' }).click();
      await expect.poll(() => page.locator('#grid-note').textContent(), { timeout: UI_TIMEOUT }).toMatch(new RegExp(`^${DASHBOARD_TAB}:`));
      const selection = pg().session.runtime().emulator.globals.SpreadsheetApp.getActiveRange().getA1Notation();
      const [first] = selection.split(':');
      const row = Number(first.replace(/[A-Z]+/, ''));
      const col = first.replace(/\d+/, '');
      await expect.poll(() => page.locator(`#grid td[data-a1="${col}${row}"]`).textContent()).toBe('Activity per manager, last 7 days');
    },
    BROWSER_TIMEOUT,
  );
});
