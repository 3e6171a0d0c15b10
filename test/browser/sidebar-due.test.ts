/**
 * The Due view in Chromium over the playground: the current user's next steps
 * that are due or overdue, Mark done, Open client, and switching the sidebar
 * to Russian.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEFAULT_USER } from '../../playground/demo/names.ts';
import { TAB } from '../../src/core/schema/tabs.ts';
import { en } from '../../sidebar/i18n/en.ts';
import { ru } from '../../sidebar/i18n/ru.ts';
import { BROWSER_TIMEOUT, cardTitle, describeBrowser, okValue, openSidebar, UI_TIMEOUT, usePlayground, chooseLanguage } from '../support/browser.ts';

const COLLEAGUE = 'olena.koval@example.com';

interface DueEntry {
  client: string;
  step: string;
  badge: string;
  date: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Dec 2026" (the English sidebar's day) as 2026-12-03, to compare with the sheet; anything else unchanged. */
function isoOfShownDay(text: string): string {
  const m = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})$/.exec(text);
  const month = m ? MONTHS.indexOf(m[2]) + 1 : 0;
  return m && month > 0 ? `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}` : text;
}

/** The Due list as the user reads it (dates read back as ISO days). */
async function dueEntries(list: Locator): Promise<DueEntry[]> {
  return (await shownDueEntries(list)).map((entry) => ({ ...entry, date: isoOfShownDay(entry.date) }));
}

async function shownDueEntries(list: Locator): Promise<DueEntry[]> {
  return list.locator(':scope > li').evaluateAll((items) =>
    items.map((li) => ({
      client: li.querySelector('.due-head strong')?.textContent ?? '',
      step: li.querySelector(':scope > div:nth-of-type(2)')?.textContent ?? '',
      badge: li.querySelector('.badge')?.textContent ?? '',
      date: li.querySelector('.muted')?.textContent ?? '',
    })),
  );
}

describeBrowser('the sidebar Due view', () => {
  const pg = usePlayground();

  async function dueView(): Promise<{ page: Page; frame: FrameLocator; list: Locator }> {
    const page = await pg().page();
    const frame = await openSidebar(page);
    await frame.getByRole('tab', { name: 'Due', exact: true }).click();
    await frame.getByRole('heading', { name: en.dueTitle }).waitFor();
    const list = frame.locator('.due-list');
    await list.locator('li').first().waitFor();
    return { page, frame, list };
  }

  /**
   * The user's open next steps dated up to two weeks ahead (overdue, today, later), read from the
   * Interactions sheet itself (the grid shows only its first 500 rows, so this
   * one check reads the emulator).
   */
  async function expectedDue(user: string): Promise<{ step: string; date: string }[]> {
    const today = okValue<{ today: string }>(await pg().run('apiBootstrap')).today;
    const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    const [header, ...rows] = pg().session.runtime().emulator.readSheetDisplay(TAB.interactions);
    const col = (name: string) => header.indexOf(name);
    return rows
      .filter((r) => r[col('Manager')].toLowerCase() === user && r[col('Done')] !== 'TRUE' && r[col('Next date')] !== '' && r[col('Next date')] <= horizon)
      .map((r) => ({ step: r[col('Next step')] || r[col('Result')] || r[col('Type')], date: r[col('Next date')] }));
  }

  it(
    "lists the current user's open next steps, overdue first (oldest first), then today's and the coming days', each with how overdue or near it is",
    async () => {
      const { list } = await dueView();
      const shown = await dueEntries(list);
      const expected = await expectedDue(DEFAULT_USER);
      expect(expected.length).toBeGreaterThan(2);
      expect(shown.map(({ step, date }) => ({ step, date })).sort(byDate)).toEqual([...expected].sort(byDate));
      expect(shown.map((e) => e.date)).toEqual([...shown.map((e) => e.date)].sort());
      for (const entry of shown) {
        expect(entry.client).not.toBe('');
        expect(entry.badge).toMatch(/^(overdue \d+ days?|due today|in \d+ days?)$/);
      }
      expect(shown.some((e) => e.badge.startsWith('overdue'))).toBe(true);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'shows another user their own list when "Acting as" switches',
    async () => {
      const { page, list } = await dueView();
      const anna = await dueEntries(list);
      await page.getByLabel('Acting as').selectOption(COLLEAGUE);
      try {
        const { list: theirs } = await dueView();
        const olena = await dueEntries(theirs);
        const expected = await expectedDue(COLLEAGUE);
        expect(expected.length).toBeGreaterThan(0);
        expect(olena.map(({ step, date }) => ({ step, date })).sort(byDate)).toEqual([...expected].sort(byDate));
        expect(olena).not.toEqual(anna);
      } finally {
        await page.getByLabel('Acting as').selectOption(DEFAULT_USER);
        await expect.poll(() => page.getByLabel('Acting as').inputValue()).toBe(DEFAULT_USER);
      }
    },
    BROWSER_TIMEOUT,
  );

  it(
    'Mark done removes the item, says so, and it stays gone after a refresh',
    async () => {
      const { frame, list } = await dueView();
      const before = await dueEntries(list);
      const target = before[0];
      await frame
        .getByRole('button', { name: `Mark done: ${target.step} (${target.client})`, exact: true })
        .first()
        .click();
      await expect.poll(() => frame.locator('.due p[role="status"]').textContent(), { timeout: UI_TIMEOUT }).toBe(`Done: ${target.step}`);
      await expect.poll(async () => (await dueEntries(list)).length, { timeout: UI_TIMEOUT }).toBe(before.length - 1);

      await frame.getByRole('button', { name: en.refresh, exact: true }).click();
      await expect.poll(async () => (await dueEntries(list)).length, { timeout: UI_TIMEOUT }).toBe(before.length - 1);
      const after = await dueEntries(list);
      const sameCount = (entries: DueEntry[]) => entries.filter((e) => e.client === target.client && e.step === target.step && e.date === target.date).length;
      expect(sameCount(after)).toBe(sameCount(before) - 1);
      expect(await expectedDue(DEFAULT_USER)).toHaveLength(before.length - 1);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'Open client switches to the Client tab on that client',
    async () => {
      const { frame, list } = await dueView();
      const [first] = await dueEntries(list);
      await frame
        .getByRole('button', { name: `Open client ${first.client}`, exact: true })
        .first()
        .click();
      await expect.poll(() => frame.getByRole('tab', { name: 'Client', exact: true }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => cardTitle(frame).textContent(), { timeout: UI_TIMEOUT }).toBe(first.client);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'switching the language to Русский shows Russian labels, and the choice survives reopening the sidebar',
    async () => {
      const { page, frame } = await dueView();
      await chooseLanguage(frame, 'Русский');

      await frame.getByRole('tab', { name: ru.tabClient, exact: true }).waitFor();
      await frame.getByRole('tab', { name: ru.tabDue, exact: true }).waitFor();
      await frame.getByRole('heading', { name: ru.dueTitle }).waitFor();
      expect(await frame.locator('#cb-lang').inputValue()).toBe('ru');
      expect(await frame.locator('html').getAttribute('lang')).toBe('ru');
      const badges = await frame.locator('.due-list .badge').allTextContents();
      expect(badges.length).toBeGreaterThan(0);
      for (const badge of badges) expect(badge).toMatch(/^(просрочено на \d+ (день|дня|дней)|сегодня|через \d+ (день|дня|дней))$/);
      expect(await frame.getByRole('button', { name: /^Отметить сделанным: / }).count()).toBe(badges.length);
      // Nothing English is left in the view's own chrome.
      expect(await frame.getByRole('tab', { name: 'Due', exact: true }).count()).toBe(0);
      expect(await frame.getByRole('button', { name: en.refresh, exact: true }).count()).toBe(0);

      await frame.getByRole('tab', { name: ru.tabClient, exact: true }).click();
      await frame.getByRole('combobox', { name: ru.searchLabel }).waitFor();
      await frame.getByRole('button', { name: ru.newClient, exact: true }).waitFor();

      // Reopened from the menu, the sidebar remembers the choice.
      const again = await openSidebar(page, ru.tabClient);
      await again.getByRole('combobox', { name: ru.searchLabel }).waitFor();

      // And back to English.
      await chooseLanguage(again, 'English');
      await again.getByRole('tab', { name: en.tabDue, exact: true }).waitFor();
      expect(await again.locator('html').getAttribute('lang')).toBe('en');
    },
    BROWSER_TIMEOUT,
  );

  it('raised no uncaught error and opened no browser dialog', () => {
    expect(pg().pageErrors).toEqual([]);
    expect(pg().dialogs).toEqual([]);
  });
});

const byDate = (a: { date: string; step: string }, b: { date: string; step: string }): number => a.date.localeCompare(b.date) || a.step.localeCompare(b.step);
