/**
 * The plan in Chromium over the playground, as issue 18's "How it will be
 * checked" walks it: schedule a mailing for tomorrow 9:00 in the Mail view,
 * move the playground clock past it, run the hourly trigger from the page and
 * see it sent once (and not again on a second run); cancel another schedule;
 * the Plan view with its VIP filter; the count on the Due tab.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { TAB } from '../../src/core/schema/tabs.ts';
import {
  addClientDirectly,
  BROWSER_TIMEOUT,
  chooseSidebarView,
  describeBrowser,
  okValue,
  openSidebar,
  openSidebarVia,
  outbox,
  searchAndOpen,
  UI_TIMEOUT,
  usePlayground,
} from '../support/browser.ts';

const TEMPLATE = 'Plan check';
const CAMPAIGN = 'Tomorrow <b>9:00</b> 🌷';

describeBrowser('the plan: scheduled mailings, the Plan view and the Due count', () => {
  const pg = usePlayground();

  async function mailView(): Promise<{ page: Page; frame: FrameLocator }> {
    const page = await pg().page();
    const frame = await openSidebarVia(page, 'Mail merge', 'Mail');
    await frame.getByRole('heading', { name: 'Mail merge' }).waitFor();
    return { page, frame };
  }

  /** The page's clock control, as its +1 h / +1 day buttons use it; returns the playground's now. */
  async function moveClock(ms: number): Promise<string> {
    const response = await fetch(`${pg().url}/api/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceMs: ms }),
      headers: { 'Content-Type': 'application/json' },
    });
    return ((await response.json()) as { now: string }).now;
  }

  async function schedule(frame: FrameLocator, campaign: string): Promise<void> {
    await frame.getByLabel('Template', { exact: true }).selectOption({ label: TEMPLATE });
    await frame.getByLabel('Mailing name', { exact: true }).fill(campaign);
    await frame.getByRole('button', { name: 'Check before sending' }).click();
    await frame.locator('.mail-preflight').waitFor();
    await frame.getByRole('button', { name: 'Schedule', exact: true }).click();
    await frame.locator('.mail-schedule .notice').filter({ hasText: 'is scheduled for' }).waitFor();
  }

  it(
    'schedules a mailing for tomorrow 9:00, and the hourly trigger sends it once after the clock passes 9:00',
    async () => {
      okValue(await pg().run('apiSaveTemplate', [{ name: TEMPLATE, subject: 'Hello {{First name|there}}', body: 'See you soon.' }]));
      // Three client rows selected in Clients: the recipients.
      pg().session.select(TAB.clients, 'A2:A4');
      const { page, frame } = await mailView();
      await schedule(frame, CAMPAIGN);
      const item = frame.locator('.mail-scheduled li').filter({ hasText: 'Tomorrow' });
      await expect.poll(() => item.textContent(), { timeout: UI_TIMEOUT }).toContain('09:00 · scheduled');
      // The campaign's markup is shown as text, never as markup.
      expect(await item.locator('strong').textContent()).toBe(CAMPAIGN);
      expect(await item.locator('b').count()).toBe(0);

      const [scheduled] = okValue<{ at: string; campaign: string }[]>(await pg().run('apiListSchedules'));
      expect(scheduled.campaign).toBe(CAMPAIGN);
      const before = (await outbox(page)).total;
      await page.getByRole('button', { name: 'Run hourly trigger' }).click(); // not yet 9:00
      await page.locator('.toast').filter({ hasText: 'mailingTick' }).first().waitFor();
      expect((await outbox(page)).total).toBe(before);

      // The page's clock moves to 10 minutes past the scheduled time, as a day passing would.
      const now = await moveClock(0);
      await moveClock(Date.parse(scheduled.at) - Date.parse(now) + 10 * 60_000);
      await page.getByRole('button', { name: 'Run hourly trigger' }).click();
      await expect.poll(async () => (await outbox(page)).total, { timeout: UI_TIMEOUT }).toBeGreaterThan(before);
      const sent = (await outbox(page)).total - before;
      expect(sent).toBeGreaterThan(0);
      expect(sent).toBeLessThanOrEqual(3);
      // Runs again (the trigger fires again next hour): nobody is mailed twice.
      await page.getByRole('button', { name: 'Run hourly trigger' }).click();
      await page.getByRole('button', { name: 'Run hourly trigger' }).click();
      await page.waitForTimeout(500);
      expect((await outbox(page)).total - before).toBe(sent);
      await frame.getByRole('button', { name: 'Refresh' }).first().click();
      await expect.poll(() => item.textContent(), { timeout: UI_TIMEOUT }).toContain('started');
    },
    BROWSER_TIMEOUT * 2,
  );

  it(
    'cancels a scheduled mailing from the list',
    async () => {
      pg().session.select(TAB.clients, 'A5:A6');
      const { frame } = await mailView();
      await schedule(frame, 'Cancel me');
      const item = frame.locator('.mail-scheduled li').filter({ hasText: 'Cancel me' });
      await item.getByRole('button', { name: 'Cancel the scheduled mailing Cancel me' }).click();
      await expect.poll(() => item.textContent(), { timeout: UI_TIMEOUT }).toContain('cancelled');
      expect(await item.getByRole('button').count()).toBe(0);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'lists the plan by date with a VIP filter, and the Due tab shows the count of due steps',
    async () => {
      const { page, frame } = await mailView();
      const due = okValue<number>(await pg().run('apiDueCount'));
      expect(due).toBeGreaterThan(0);
      await expect.poll(() => frame.getByTestId('tab-badge-due').textContent(), { timeout: UI_TIMEOUT }).toBe(String(due > 99 ? '99+' : due));
      await chooseSidebarView(frame, 'Plan');
      await frame.locator('.plan-item').first().waitFor();
      const all = await frame.locator('.plan-item').count();
      expect(await frame.locator('.plan-item.step').count()).toBeGreaterThan(0);
      await frame.getByLabel('VIP only').check();
      await expect.poll(async () => frame.locator('.plan-item').count(), { timeout: UI_TIMEOUT }).toBeLessThan(all);
      const shown = await frame.locator('.plan-item').count();
      expect(await frame.locator('.plan-item.vip').count()).toBe(shown);
      await frame.getByRole('button', { name: 'Open calendar' }).click();
      await page.locator('#dialog-modal').waitFor({ state: 'visible' });
      expect(pg().session.runtime().lastCall()?.dialogs.length).toBe(1);
      // The calendar is modal, as in Sheets, and covers the grid and menus: close it as a user would.
      await page.locator('#dialog-close').click();
      await page.locator('#dialog-modal').waitFor({ state: 'hidden' });
      expect(pg().dialogs).toEqual([]);
      expect(pg().pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'says when the client was last contacted and by whom above the call form, and warns within the pause',
    async () => {
      const client = await addClientDirectly(pg(), { 'First name': 'Pausa', 'Last name': 'Kontaktova', Email: 'pausa@example.com' });
      okValue(await pg().run('apiLogInteraction', [{ clientId: client.id, type: 'Call', manager: 'olena.koval@example.com', result: 'Asked for a quote' }]));
      const page = await pg().page();
      const frame = await openSidebar(page);
      await searchAndOpen(frame, 'Kontaktova', /Pausa Kontaktova/);
      const note = frame.getByTestId('last-contact');
      await expect.poll(() => note.textContent(), { timeout: UI_TIMEOUT }).toContain('Last contact: Call on');
      const text = (await note.textContent()) ?? '';
      expect(text).toContain('olena.koval@example.com (today)');
      expect(text).toContain('mailings leave this client out for now');
    },
    BROWSER_TIMEOUT,
  );
});
