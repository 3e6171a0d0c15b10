/**
 * The duplicates review in the sidebar, in Chromium over the playground's
 * demo base (issue 15): ClientBase ▸ Review duplicates, Find duplicates, a
 * group opened side by side with survivorship's choice pre-selected, another
 * value chosen for one field, Merge (the merged-away client leaves Clients,
 * the group leaves the Duplicates tab), Undo (it is back), Not duplicates
 * (remembered). Keyboard only for the choices. With CLIENTBASE_SCREENSHOTS=1
 * it writes docs/screenshots/duplicates-review.png.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { TAB } from '../../src/core/schema/tabs.ts';
import { BROWSER_TIMEOUT, describeBrowser, gridRows, openSidebarVia, showSheet, UI_TIMEOUT, usePlayground } from '../support/browser.ts';

const shotDir =
  process.env.CLIENTBASE_SCREENSHOTS === '1' ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'cb-shot-'));

describeBrowser('duplicates review in the sidebar', () => {
  const pg = usePlayground();
  let sidebar: FrameLocator;

  async function columnOf(page: Page, tab: string, header: string): Promise<string[]> {
    await showSheet(page, tab);
    const [head, ...rows] = await gridRows(page);
    return rows.map((r) => r[head.indexOf(header)]).filter((v) => v !== '');
  }

  it(
    'finds the groups and opens one side by side, survivorship pre-selected',
    async () => {
      const page = await pg().page();
      sidebar = await openSidebarVia(page, 'Review duplicates', 'Duplicates');
      await sidebar.getByRole('button', { name: 'Find duplicates', exact: true }).click();
      await expect.poll(() => sidebar.getByRole('status').first().textContent(), { timeout: UI_TIMEOUT }).toMatch(/^\d+ groups of likely duplicates/);
      const groups = sidebar.locator('.dup-groups > li');
      expect(await groups.count()).toBeGreaterThanOrEqual(10);
      // The Duplicates tab holds the same groups: it stays the record.
      const tabGroups = new Set(await columnOf(page, TAB.duplicates, 'Group'));
      expect(tabGroups.size).toBe(await groups.count());

      await sidebar
        .getByRole('button', { name: /Саша|Александр/ })
        .first()
        .click();
      const table = sidebar.locator('.dup-table');
      await table.waitFor();
      await expect.poll(() => sidebar.locator('h3#cb-dup-compare').evaluate((h) => h === document.activeElement)).toBe(true);
      // One survivor chosen, one value chosen per differing field.
      expect(await sidebar.getByRole('radio', { name: /./, checked: true }).count()).toBeGreaterThan(1);
      const rows = await table.locator('tbody tr').count();
      expect(rows).toBeGreaterThan(0);
      expect(await table.locator('tbody tr').evaluateAll((trs) => trs.every((tr) => tr.querySelectorAll('input:checked').length === 1))).toBe(true);
      // The side panel as the user sees it next to the grid.
      await page.locator('#sidebar-panel').screenshot({ path: join(shotDir, 'duplicates-review.png') });
    },
    BROWSER_TIMEOUT,
  );

  it(
    'merges with a value chosen from the keyboard, then Undo brings the client back',
    async () => {
      const page = await pg().page();
      const survivor = sidebar.locator('.dup-survivor input:checked');
      const survivorLabel = (await sidebar.locator('.dup-survivor label:has(input:checked) .badge').textContent()) ?? '';
      const ids = await sidebar.locator('.dup-survivor .badge').allTextContents();
      const away = ids.filter((id) => id !== survivorLabel);
      expect(await survivor.count()).toBe(1);
      // Choose the other member's value in the first differing row, with the arrow keys.
      const firstRow = sidebar.locator('.dup-table tbody tr').first();
      const field = (await firstRow.locator('th').textContent()) ?? '';
      const before = await firstRow.locator('input').evaluateAll((inputs) => inputs.findIndex((i) => (i as HTMLInputElement).checked));
      await firstRow.locator('input:checked').focus();
      await page.keyboard.press(before === 0 ? 'ArrowRight' : 'ArrowLeft');
      const after = await firstRow.locator('input').evaluateAll((inputs) => inputs.findIndex((i) => (i as HTMLInputElement).checked));
      expect(after).not.toBe(before);
      const chosenText = (await firstRow.locator('td.chosen .dup-value').first().textContent()) ?? '';

      await sidebar.getByRole('button', { name: 'Merge', exact: true }).click();
      await expect.poll(() => sidebar.getByRole('status').first().textContent(), { timeout: UI_TIMEOUT }).toMatch(/^Merged .+ into /);
      const clientIds = await columnOf(page, TAB.clients, 'ID');
      for (const id of away) expect(clientIds).not.toContain(id);
      expect(clientIds).toContain(survivorLabel);
      if (chosenText !== '—' && !/^(TRUE|FALSE)$/.test(chosenText)) {
        await showSheet(page, TAB.clients);
        const [head, ...data] = await gridRows(page);
        const row = data.find((r) => r[head.indexOf('ID')] === survivorLabel)!;
        expect(row[head.indexOf(field)]).toBe(chosenText);
      }
      expect(await columnOf(page, TAB.duplicates, 'Client ID')).not.toContain(survivorLabel);

      await sidebar.getByRole('button', { name: 'Undo merge', exact: true }).click();
      await expect.poll(() => sidebar.getByRole('status').first().textContent(), { timeout: UI_TIMEOUT }).toMatch(/undone/);
      const back = await columnOf(page, TAB.clients, 'ID');
      for (const id of away) expect(back).toContain(id);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'Not duplicates removes the group from the review and the tab, and remembers it',
    async () => {
      const page = await pg().page();
      const count = await sidebar.locator('.dup-groups > li').count();
      await sidebar.locator('.dup-groups > li button').first().click();
      const ids = await sidebar.locator('.dup-survivor .badge').allTextContents();
      await sidebar.getByRole('button', { name: 'Not duplicates', exact: true }).click();
      await expect.poll(() => sidebar.getByRole('status').first().textContent(), { timeout: UI_TIMEOUT }).toMatch(/not duplicates/);
      expect(await sidebar.locator('.dup-groups > li').count()).toBe(count - 1);
      const left = await columnOf(page, TAB.duplicates, 'Client ID');
      expect(ids.every((id) => left.includes(id))).toBe(false);
      expect(pg().pageErrors).toEqual([]);
      expect(pg().dialogs).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
