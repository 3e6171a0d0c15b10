/**
 * What a new user tripped over in the issue 15 walk-through, in Chromium over
 * the playground's demo base: the sidebar's header at Google's 300 px in each
 * of the four languages (the tabs wrapped one by one into three rows in
 * Russian once a More view was open), the ⋮ menu by keyboard, and the
 * pipeline board's modal dialog taking the keyboard and closing on Escape.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { BROWSER_TIMEOUT, chooseMenu, describeBrowser, openSidebar, UI_TIMEOUT, usePlayground } from '../support/browser.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The header's boxes: each tab's, ⋮'s, the tab list's and the header's own, in the sidebar's coordinates. */
async function headerBoxes(frame: FrameLocator): Promise<{ tabs: (Box & { label: string; selected: boolean })[]; more: Box; list: Box; head: Box }> {
  return frame.locator('.app-head').evaluate((head) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      tabs: [...head.querySelectorAll('[role="tab"]')].map((t) => ({
        ...box(t),
        label: t.getAttribute('aria-label') ?? t.firstChild?.textContent ?? '',
        selected: t.getAttribute('aria-selected') === 'true',
      })),
      more: box(head.querySelector('.more-menu > summary')!),
      list: box(head.querySelector('[role="tablist"]')!),
      head: box(head),
    };
  });
}

/** The language, chosen as a person does: ⋮, then the Language list at the bottom of the menu. */
async function chooseLanguage(frame: FrameLocator, lang: string): Promise<void> {
  await frame.locator('.more-menu > summary').click();
  await frame.locator('#cb-lang').selectOption(lang);
  await frame.locator('.more-menu > summary').click();
}

describeBrowser('what a new user trips over', () => {
  const pg = usePlayground();

  async function sidebarAt300(): Promise<{ page: Page; frame: FrameLocator }> {
    const page = await pg().page();
    const frame = await openSidebar(page);
    // Google's sidebar is 300 px wide (the playground's panel is a little wider).
    await page.locator('#sidebar-frame').evaluate((f) => {
      (f as HTMLElement).style.width = '300px';
      (f as HTMLElement).style.flex = 'none';
    });
    return { page, frame };
  }

  it(
    "the sidebar's tabs keep one line at 300 px in all four languages; a view from ⋮ More adds one line of its own, never a third",
    async () => {
      const { frame } = await sidebarAt300();
      // Each language's longest More view: the one that stacked the tabs three rows deep in Russian.
      const longest: Record<string, string> = { en: 'Bulk actions', ru: 'Массовые действия', uk: 'Перевірка даних', ro: 'Acțiuni în masă' };
      for (const [lang, view] of Object.entries(longest)) {
        await chooseLanguage(frame, lang);
        await frame.locator('[role="tab"]').first().click();
        const one = await headerBoxes(frame);
        expect(one.tabs.length, lang).toBe(3);
        for (const tab of one.tabs) expect(tab.y, `${lang}: ${tab.label} on the first line`).toBe(one.tabs[0].y);
        expect(one.more.y, `${lang}: ⋮ on the same line`).toBeLessThan(one.tabs[0].y + one.tabs[0].height);
        expect(one.more.x + one.more.width, `${lang}: ⋮ inside the sidebar`).toBeLessThanOrEqual(one.head.x + one.head.width + 0.5);

        await frame.locator('.more-menu > summary').click();
        await frame.locator('.more-items').getByRole('button', { name: view, exact: true }).click();
        await frame.getByRole('tab', { name: view, exact: true, selected: true }).waitFor();
        const two = await headerBoxes(frame);
        const opened = two.tabs.find((t) => t.selected)!;
        const main = two.tabs.filter((t) => !t.selected);
        for (const tab of main) expect(tab.y, `${lang}: ${tab.label} stays on the first line`).toBe(one.tabs[0].y);
        expect(opened.y, `${lang}: ${view} starts the second line`).toBeGreaterThanOrEqual(main[0].y + main[0].height - 0.5);
        expect(opened.x + opened.width, `${lang}: ${view} whole`).toBeLessThanOrEqual(two.list.x + two.list.width + 0.5);
        expect(two.head.height, `${lang}: two lines, not three`).toBeLessThan(2.5 * one.head.height);
      }
      await chooseLanguage(frame, 'en');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the ⋮ menu by keyboard: Enter opens it, Escape closes it and gives the focus back to ⋮',
    async () => {
      const { page, frame } = await sidebarAt300();
      const summary = frame.locator('.more-menu > summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => frame.locator('.more-menu').getAttribute('open'), { timeout: UI_TIMEOUT }).toBe('');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await expect.poll(() => frame.locator('.more-menu').getAttribute('open'), { timeout: UI_TIMEOUT }).toBeNull();
      expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the pipeline board dialog takes the keyboard when it opens, keeps it while it is open, and Escape closes it',
    async () => {
      const page = await pg().page();
      await chooseMenu(page, 'Pipeline board');
      const modal = page.locator('#dialog-modal');
      await modal.waitFor({ state: 'visible' });
      const board = page.frameLocator('#dialog-frame');
      await board.locator('.board-column').first().waitFor();
      // The focus is in the board's own page, on its first control, not left on the page behind.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: UI_TIMEOUT }).toBe('dialog-frame');
      expect(await board.locator('body').evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
      // Tab after Tab never reaches the grid or the menu behind the dimmed page.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => !!document.activeElement && !!document.activeElement.closest('#dialog-modal')), `Tab ${i + 1}`).toBe(true);
      }
      await page.keyboard.press('Escape');
      await modal.waitFor({ state: 'hidden' });
      // Back on the page, on the menu bar it was opened from, not lost on <body>.
      expect(await page.evaluate(() => document.activeElement?.closest('#menus') !== null)).toBe(true);
    },
    BROWSER_TIMEOUT,
  );
});
