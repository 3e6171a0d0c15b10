/**
 * The Fields editor in Chromium over the playground (issue 15): ClientBase ▸
 * Edit fields opens it; a field renamed and one added, Preview says what
 * Clients will get, Apply fields does it: the renamed column keeps its data.
 */
import { expect, it } from 'vitest';
import { TAB } from '../../src/core/schema/tabs.ts';
import { BROWSER_TIMEOUT, describeBrowser, gridRows, openSidebarVia, showSheet, UI_TIMEOUT, usePlayground } from '../support/browser.ts';

describeBrowser('the Fields editor in the sidebar', () => {
  const pg = usePlayground();

  it(
    'renames City and adds a field, previewed, then applied to Clients',
    async () => {
      const page = await pg().page();
      await showSheet(page, TAB.clients);
      const [head, ...rows] = await gridRows(page);
      const cities = rows.map((r) => r[head.indexOf('City')]);
      const sidebar = await openSidebarVia(page, 'Edit fields', 'Fields');
      const city = sidebar.locator('.field-list > li', { has: sidebar.locator('summary strong', { hasText: /^City$/ }) });
      await city.locator(':scope > details > summary').click();
      await city.getByLabel('Name', { exact: true }).fill('Town');
      await sidebar.getByRole('button', { name: 'Add a field' }).click();
      const apply = sidebar.getByRole('button', { name: 'Apply fields' });
      expect(await apply.isDisabled()).toBe(true);
      await sidebar.getByRole('button', { name: 'Preview changes' }).click();
      const preview = sidebar.locator('.fields-preview');
      await expect.poll(() => preview.textContent(), { timeout: UI_TIMEOUT }).toContain('Column “City” renamed to “Town” (its data stays).');
      expect(await preview.textContent()).toContain('New columns: New field.');
      await apply.click();
      await expect.poll(async () => (await showSheet(page, TAB.clients), (await gridRows(page))[0]), { timeout: UI_TIMEOUT }).toContain('Town');
      const [after, ...data] = await gridRows(page);
      expect(after).toContain('New field');
      expect(after).not.toContain('City');
      expect(data.map((r) => r[after.indexOf('Town')])).toEqual(cities);
      expect(pg().pageErrors).toEqual([]);
      expect(pg().dialogs).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
