/**
 * Companies in Chromium over the playground's demo base (issue 17): Link people
 * to companies from the menu, confirm the proposal, open a company, jump to a
 * person's card and back to the company; give the company a sector on its card
 * and make a segment of its people by that company field (Company.Sector =
 * "Icebreakers"), whose preview and live tab list exactly the company's people.
 * (Stage is no use for this: linking gave each company its people's stage.)
 */
import { expect, it } from 'vitest';
import { BROWSER_TIMEOUT, chooseSidebarView, describeBrowser, gridRows, openSidebarVia, showSheet, UI_TIMEOUT, usePlayground } from '../support/browser.ts';

describeBrowser('companies in the sidebar', () => {
  const pg = usePlayground();

  it(
    'links the demo list, opens a company, jumps to a person and back',
    async () => {
      const page = await pg().page();
      const sidebar = await openSidebarVia(page, 'Link people to companies', 'Companies');
      await sidebar.getByRole('button', { name: 'Find companies' }).click();
      await sidebar.locator('.cb-company-proposals li').first().waitFor({ timeout: UI_TIMEOUT });
      // Each new company says what it takes from its people's rows, before anything is written.
      expect(await sidebar.locator('.cb-company-proposals').textContent()).toMatch(/The company also gets [^.]*Stage[^.]* from its people\./);
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

      // The company gets a sector on its card; a segment over the company field selects exactly its people.
      const card = sidebar.locator('.cb-company-card');
      await card.getByLabel('Sector', { exact: true }).fill('Icebreakers');
      await card.getByRole('button', { name: 'Save company' }).click();
      await expect.poll(() => sidebar.locator('.cb-company > p[role="status"]').textContent(), { timeout: UI_TIMEOUT }).toBe('Saved.');
      const people = await sidebar.locator('.cb-company-people li').count();
      await chooseSidebarView(sidebar, 'Segments');
      await sidebar.getByRole('button', { name: 'New segment', exact: true }).click();
      // The company card stays mounted (hidden) with its own Name field: the segment form is looked up within.
      const form = sidebar.locator('.segment-form');
      await form.getByLabel('Name', { exact: true }).fill('Icebreaker builders');
      await form.getByLabel('Rule', { exact: true }).fill('Company.Sector = "Icebreakers"');
      await expect.poll(() => sidebar.locator('#cb-segment-rule-check').textContent(), { timeout: UI_TIMEOUT }).toBe('The rule reads well.');
      await form.getByRole('button', { name: 'Preview', exact: true }).click();
      await expect
        .poll(() => sidebar.locator('.segment-preview p').first().textContent(), { timeout: UI_TIMEOUT })
        .toBe(`${people} client${people === 1 ? '' : 's'} match now.`);
      await sidebar.getByRole('button', { name: 'Save', exact: true }).click();
      await expect
        .poll(() => sidebar.locator('.segments > p.notice').textContent(), { timeout: UI_TIMEOUT })
        .toBe('Saved "Icebreaker builders"; its tab and count are up to date.');
      await showSheet(page, 'Seg · Icebreaker builders');
      const [segHead, ...segRows] = await gridRows(page);
      expect(segRows.map((r) => r[segHead.indexOf('ID')]).filter((v) => v !== '')).toHaveLength(people);
    },
    BROWSER_TIMEOUT,
  );
});
