/**
 * `npm start -- --import FILE.csv` as a new user meets it in Chromium: the
 * page says how the file was read, the sidebar Set up opened is still open
 * on the proposed column mapping, and nothing is adopted until the user
 * confirms it there.
 */
import { expect, it } from 'vitest';
import { csvSource } from '../../playground/seeding.ts';
import { TAB } from '../../src/core/schema/tabs.ts';
import { BROWSER_TIMEOUT, describeBrowser, gridRows, sheetTabs, sidebarFrame, UI_TIMEOUT, usePlayground } from '../support/browser.ts';

const EXPORT = ['Имя;E-mail;Телефон;Город', 'Саша Иванов;sasha@example.com;+7 916 123-45-67;Москва', '<b>Ion</b>;ion@example.md;;Chișinău'].join('\r\n');

describeBrowser('importing a CSV export into the playground', () => {
  const pg = usePlayground({
    seed: () => csvSource(EXPORT),
    notices: ['Imported export.csv: read as UTF-8'],
  });

  it(
    'opens on the raw list with the import report and the sidebar on the proposed mapping; Adopt confirms it',
    async () => {
      const page = await pg().page();
      await expect.poll(() => page.locator('#notices').textContent(), { timeout: UI_TIMEOUT }).toContain('read as UTF-8');
      expect(await sheetTabs(page)).not.toContain(TAB.clients);
      expect((await gridRows(page))[1]).toEqual(['Саша Иванов', 'sasha@example.com', '+7 916 123-45-67', 'Москва']);
      expect(await page.locator('#grid b').count()).toBe(0);

      const sidebar = sidebarFrame(page);
      await sidebar.getByRole('heading', { name: 'Adopt your client list' }).waitFor({ timeout: UI_TIMEOUT });
      const mapping = sidebar.locator('section.adopt table');
      await expect.poll(() => mapping.textContent(), { timeout: UI_TIMEOUT }).toContain('E-mail');
      // Nothing adopted silently: still no Clients tab until the user presses Adopt.
      expect(pg().session.runtime().emulator.sheetNames()).not.toContain(TAB.clients);
      await sidebar.getByRole('button', { name: /^Adopt 2 clients$/ }).click();
      await expect.poll(() => pg().session.runtime().emulator.sheetNames(), { timeout: UI_TIMEOUT }).toContain(TAB.clients);
      expect(pg().pageErrors).toEqual([]);
      expect(pg().dialogs).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
