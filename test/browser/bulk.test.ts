/**
 * Bulk actions in Chromium over the playground's demo base (issue 15): the
 * menu's "Set stage for selection" and "Reassign clients of a manager" open
 * the sidebar's panel (no prompt); the count comes first; set stage on the
 * selected rows, Undo; add a tag to a segment; hand a manager's clients and
 * open next steps to another, Undo. The selection goes through the add-on's
 * own selection code (the playground's range selection, or Sheets').
 */
import type { FrameLocator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { TAB } from '../../src/core/schema/tabs.ts';
import { BROWSER_TIMEOUT, describeBrowser, gridRows, openSidebarVia, showSheet, UI_TIMEOUT, usePlayground } from '../support/browser.ts';

describeBrowser('bulk actions in the sidebar', () => {
  const pg = usePlayground();
  let sidebar: FrameLocator;

  async function clients(page: Page): Promise<Record<string, string>[]> {
    await showSheet(page, TAB.clients);
    const [head, ...rows] = await gridRows(page);
    return rows.filter((r) => r[head.indexOf('ID')]).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
  }

  const countLine = () => sidebar.locator('.bulk-count');
  const doneLine = () => sidebar.locator('.bulk-done');

  it(
    'Set stage for selection opens the panel, counts the selected rows, moves them, and Undo moves them back',
    async () => {
      const page = await pg().page();
      const before = await clients(page);
      pg().session.select(TAB.clients, 'C2:D6');
      sidebar = await openSidebarVia(page, 'Set stage for selection', 'Bulk actions');
      await expect.poll(() => countLine().textContent(), { timeout: UI_TIMEOUT }).toBe('5 clients (Clients)');
      expect(pg().dialogs).toEqual([]);

      await sidebar.getByLabel('Action', { exact: true }).selectOption({ label: 'Set stage' });
      await sidebar.getByLabel('Value', { exact: true }).selectOption('VIP');
      const expected = before.slice(0, 5).filter((c) => c.Stage !== 'VIP').length;
      await sidebar.getByRole('button', { name: 'Set stage “VIP” for 5 clients' }).click();
      await expect.poll(() => doneLine().textContent(), { timeout: UI_TIMEOUT }).toMatch(new RegExp(`^Done: ${expected} changed`));
      expect((await clients(page)).slice(0, 5).map((c) => c.Stage)).toEqual(['VIP', 'VIP', 'VIP', 'VIP', 'VIP']);

      await doneLine().getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => doneLine().textContent(), { timeout: UI_TIMEOUT }).toMatch(new RegExp(`^Undone: ${expected} clients put back`));
      expect((await clients(page)).slice(0, 5).map((c) => c.Stage)).toEqual(before.slice(0, 5).map((c) => c.Stage));
    },
    BROWSER_TIMEOUT,
  );

  it(
    'adds a new tag to every client of a segment, from the keyboard',
    async () => {
      const page = await pg().page();
      await sidebar.getByRole('radio', { name: 'A segment' }).check();
      await sidebar.getByRole('combobox', { name: 'A segment' }).selectOption('Hot');
      await expect.poll(() => countLine().textContent(), { timeout: UI_TIMEOUT }).toMatch(/^\d+ clients? \(Hot\)$/);
      const n = Number(/^(\d+)/.exec((await countLine().textContent()) ?? '')?.[1]);
      await sidebar.getByLabel('Action', { exact: true }).focus();
      await sidebar.getByLabel('Action', { exact: true }).selectOption('addTag');
      await sidebar.getByLabel('Or a new tag').fill('Fair 2026');
      await page.keyboard.press('Tab');
      await expect.poll(() => sidebar.locator(':focus').textContent()).toBe(`Add tag “Fair 2026” for ${n} client${n === 1 ? '' : 's'}`);
      await page.keyboard.press('Enter');
      await expect.poll(() => doneLine().textContent(), { timeout: UI_TIMEOUT }).toMatch(new RegExp(`^Done: ${n} changed`));
      const hot = (await clients(page)).filter((c) => c.Stage === 'Hot');
      expect(hot).toHaveLength(n);
      expect(hot.every((c) => /(^|, )Fair 2026$/.test(c.Tags))).toBe(true);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'Reassign clients of a manager: their clients and open next steps move together; Undo restores the snapshot',
    async () => {
      const page = await pg().page();
      sidebar = await openSidebarVia(page, 'Reassign clients of a manager', 'Bulk actions');
      const before = await clients(page);
      const managers = [...new Set(before.map((c) => c.Manager).filter(Boolean))];
      expect(managers.length).toBeGreaterThanOrEqual(2);
      const [from, to] = managers;
      await sidebar.getByRole('radio', { name: 'Clients of a manager' }).check();
      await sidebar.getByRole('combobox', { name: 'Clients of a manager' }).selectOption(from);
      const theirs = before.filter((c) => c.Manager.toLowerCase() === from.toLowerCase()).length;
      await expect.poll(() => countLine().textContent(), { timeout: UI_TIMEOUT }).toBe(`${theirs} clients (${from})`);
      await sidebar.getByLabel('Action', { exact: true }).selectOption('manager');
      await sidebar.getByLabel('Value', { exact: true }).selectOption(to);
      expect(await sidebar.getByLabel('Also hand over their open next steps').isChecked()).toBe(true);
      await sidebar.getByRole('button', { name: `Hand over to “${to}” for ${theirs} clients` }).click();
      await expect.poll(() => doneLine().textContent(), { timeout: UI_TIMEOUT }).toMatch(new RegExp(`^Moved ${theirs} clients and \\d+ open next steps`));
      expect((await clients(page)).filter((c) => c.Manager === from)).toHaveLength(0);

      await doneLine().getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => doneLine().textContent(), { timeout: UI_TIMEOUT }).toMatch(/^Undone: Clients and Interactions restored/);
      expect((await clients(page)).filter((c) => c.Manager === from)).toHaveLength(theirs);
      expect(pg().pageErrors).toEqual([]);
      expect(pg().dialogs).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
