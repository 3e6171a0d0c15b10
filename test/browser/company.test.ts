/**
 * Companies in Chromium over the playground's demo base (issue 17): Link people
 * to companies from the menu, confirm the proposal, open a company, jump to a
 * person's card and back to the company.
 */
import { expect, it } from 'vitest';
import { BROWSER_TIMEOUT, describeBrowser, gridRows, openSidebarVia, showSheet, UI_TIMEOUT, usePlayground } from '../support/browser.ts';

describeBrowser('companies in the sidebar', () => {
  const pg = usePlayground();

  it(
    'links the demo list, opens a company, jumps to a person and back',
    async () => {
      const page = await pg().page();
      const sidebar = await openSidebarVia(page, 'Link people to companies', 'Companies');
      await sidebar.getByRole('button', { name: 'Find companies' }).click();
      await sidebar.locator('.cb-company-proposals li').first().waitFor({ timeout: UI_TIMEOUT });
      await sidebar.getByRole('button', { name: 'Create and link' }).click();
      await expect.poll(() => sidebar.getByRole('status').textContent(), { timeout: UI_TIMEOUT }).toMatch(/companies created, \d+ people linked/);

      await showSheet(page, 'Companies');
      const [head, first] = await gridRows(page);
      const id = first[head.indexOf('ID')];
      await sidebar.getByLabel('Company ID').fill(id);
      await sidebar.getByRole('button', { name: 'Open', exact: true }).click();
      const person = sidebar.locator('.cb-company-people button').first();
      await person.waitFor({ timeout: UI_TIMEOUT });
      const name = (await person.textContent()) ?? '';
      await person.click();
      await sidebar.getByRole('tab', { name: 'Client', exact: true, selected: true }).waitFor({ timeout: UI_TIMEOUT });
      // Back: the Companies view is under ⋮ (More) once another tab is chosen; it kept the company.
      const tab = sidebar.getByRole('tab', { name: 'Companies', exact: true });
      if (!(await tab.isVisible())) {
        await sidebar.locator('summary[aria-label="More"]').click();
        await sidebar.getByRole('button', { name: 'Companies', exact: true }).click();
      } else await tab.click();
      await expect.poll(() => sidebar.locator('.cb-company-card h2').textContent(), { timeout: UI_TIMEOUT }).toBe(first[head.indexOf('Name')]);
      expect(name.length).toBeGreaterThan(0);
    },
    BROWSER_TIMEOUT,
  );
});
