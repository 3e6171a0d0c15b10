/**
 * The client card of issue 15 in Chromium over the playground (a Europe/Moscow
 * spreadsheet): next step and recent history above the fields; a refused
 * save (conflict, likely duplicate) brought into view, focused and announced;
 * a conflict resolved per field; the Due list in sections; a new client
 * starting at the default stage; dates on the spreadsheet's clock; one
 * deleted client restored. Writes docs/screenshots/card.png.
 */
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { TAB } from '../../src/core/schema/tabs.ts';
import {
  addClientDirectly,
  BROWSER_TIMEOUT,
  cardTitle,
  describeBrowser,
  expectGridValue,
  field,
  fillFields,
  gridRowsWhere,
  okValue,
  openSidebar,
  openStandaloneSidebar,
  searchAndOpen,
  showSheet,
  startNewClient,
  UI_TIMEOUT,
  usePlayground,
  waitForNotice,
} from '../support/browser.ts';

/** Is the element's top edge inside its window (the sidebar's iframe), and does it or something in it have focus? */
async function seenAndFocused(target: Locator): Promise<{ inView: boolean; focused: boolean }> {
  return target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return { inView: box.top >= 0 && box.top < window.innerHeight, focused: el === document.activeElement || el.contains(document.activeElement) };
  });
}

async function scrollToSave(frame: FrameLocator): Promise<void> {
  const save = frame.getByRole('button', { name: 'Save', exact: true });
  await save.scrollIntoViewIfNeeded();
  await save.focus();
}

describeBrowser('the client card (issue 15)', () => {
  const pg = usePlayground();

  async function mainSidebar(): Promise<{ page: Page; frame: FrameLocator }> {
    const page = await pg().page();
    if ((await page.locator('#tabs button.active').textContent()) !== TAB.clients) await showSheet(page, TAB.clients);
    return { page, frame: await openSidebar(page) };
  }

  it(
    'shows the next step and the recent history above the fields, with dates of a Moscow spreadsheet as they are read there',
    async () => {
      const { page, frame } = await mainSidebar();
      await addClientDirectly(pg(), { 'First name': 'Dmitry', 'Last name': 'Volkov', Company: 'Volga Trade', Email: 'dmitry.volkov@example.ru' });
      await searchAndOpen(frame, 'Dmitry Volkov', /Dmitry Volkov/);
      const log = frame.getByRole('form', { name: 'Log an interaction' });
      await log.getByLabel('Result', { exact: true }).fill('Asked for prices');
      await log.getByLabel('Next step', { exact: true }).fill('Send the offer');
      await log.getByLabel('Next date', { exact: true }).fill('2026-12-03');
      await log.getByRole('button', { name: 'Log interaction', exact: true }).click();
      await expect.poll(() => log.getByRole('status').textContent()).toBe('Call logged.');

      const next = frame.getByRole('region', { name: 'Next step' });
      await expect.poll(() => next.textContent(), { timeout: UI_TIMEOUT }).toContain('Send the offer');
      expect(await next.textContent()).toMatch(/3 Dec 2026|due today/);
      // The change of Next action date reads 3 December, the day the user typed, not the UTC instant a day early.
      const history = frame.locator('.history');
      await expect.poll(() => history.textContent(), { timeout: UI_TIMEOUT }).toContain('Next action date: ∅ → 3 Dec 2026');
      expect(await history.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);

      // Next step, then history, then the fields.
      const top = async (l: Locator) => (await l.boundingBox())!.y;
      expect(await top(next)).toBeLessThan(await top(frame.locator('.history .timeline')));
      expect(await top(frame.locator('.history .timeline'))).toBeLessThan(await top(frame.locator('.client-form')));

      // The Audit tab the add-on wrote says the same, as the sheet displays it (read from the emulator: the grid shows 500 rows).
      const [header, ...audit] = pg().session.runtime().emulator.readSheetDisplay(TAB.audit);
      const written = audit.filter((r) => r[header.indexOf('Field')] === 'Next action date').map((r) => r[header.indexOf('New value')]);
      expect(written).toContain('2026-12-03');
      expect(written.join(' ')).not.toContain('T21:00');
      expect(audit.filter((r) => /T\d{2}:\d{2}/.test(r[header.indexOf('Time')]))).toEqual([]);

      await frame.locator('body').evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'screenshots', 'card.png') });

      // In Russian the same history reads the day as 03.12.2026 and the stamps on the Moscow clock, never UTC.
      // The language is at the bottom of the ⋮ menu.
      await frame.locator('.more-menu > summary').click();
      await frame.locator('#cb-lang').selectOption('ru');
      await frame.locator('.more-menu > summary').click();
      await expect.poll(() => history.textContent(), { timeout: UI_TIMEOUT }).toContain('03.12.2026');
      expect(await history.textContent()).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
      expect(await history.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      await frame.locator('.more-menu > summary').click();
      await frame.locator('#cb-lang').selectOption('en');
      await frame.locator('.more-menu > summary').click();
    },
    BROWSER_TIMEOUT,
  );

  it(
    "a colleague's change to the same field: the refusal comes into view with focus, and the user chooses theirs or theirs per field",
    async () => {
      const { page, frame } = await mainSidebar();
      const client = await addClientDirectly(pg(), { 'First name': 'Clash', 'Last name': 'Moroz', Email: 'clash.moroz@example.ru', Position: 'Buyer' });
      await searchAndOpen(frame, 'Clash Moroz', /Clash Moroz/);

      const colleague = await openStandaloneSidebar(pg());
      try {
        await searchAndOpen(colleague, 'Clash Moroz', /Clash Moroz/);
        await field(colleague, 'Position').fill('Head of purchasing');
        await field(colleague, 'City').fill('Kazan');
        await colleague.getByRole('button', { name: 'Save', exact: true }).click();
        await waitForNotice(colleague, /^Saved: Position, City\.$/);
      } finally {
        await colleague.close();
      }

      await field(frame, 'Position').fill('Chief buyer');
      await field(frame, 'Notes').fill('Prefers calls after 14:00');
      await scrollToSave(frame);
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      const banner = frame.getByRole('alert').filter({ hasText: 'changed this client meanwhile' });
      await banner.waitFor();
      await expect.poll(() => seenAndFocused(banner), { timeout: UI_TIMEOUT }).toEqual({ inView: true, focused: true });

      const position = banner.getByRole('group', { name: 'Position' });
      await position.waitFor();
      expect(await position.getByRole('radio').count()).toBe(2);
      expect(await position.textContent()).toContain('Head of purchasing');
      expect(await position.textContent()).toContain('Chief buyer');
      expect(await banner.textContent()).toContain('City: their value “Kazan” is taken');

      // Reload without a choice does not decide for the user.
      await banner.getByRole('button', { name: 'Reload', exact: true }).click();
      await expect.poll(() => position.textContent()).toContain('Choose which Position to keep.');
      expect(await field(frame, 'Position').inputValue()).toBe('Chief buyer');

      await position.getByRole('radio', { name: /Head of purchasing/ }).check();
      await banner.getByRole('button', { name: 'Reload', exact: true }).click();
      await waitForNotice(frame, /^Reloaded\./);
      expect(await banner.count()).toBe(0);
      expect(await field(frame, 'Position').inputValue()).toBe('Head of purchasing');
      expect(await field(frame, 'City').inputValue()).toBe('Kazan');
      expect(await field(frame, 'Notes').inputValue()).toBe('Prefers calls after 14:00');

      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      await waitForNotice(frame, /^Saved: Notes\.$/);
      await expectGridValue(page, 'ID', client.id, 'Position', 'Head of purchasing');
      await expectGridValue(page, 'ID', client.id, 'Notes', 'Prefers calls after 14:00');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a new client starts at the default stage, and a likely duplicate refused at Save is scrolled into view and focused',
    async () => {
      const { frame } = await mainSidebar();
      await addClientDirectly(pg(), { 'First name': 'Svetlana', 'Last name': 'Orlova', Email: 'svetlana.orlova@example.ru', Phone: '+7 916 555-12-34' });
      await startNewClient(frame);
      expect(await field(frame, 'Stage').inputValue()).toBe('Cold');
      // A card holding only defaults has nothing to lose: switching away asks nothing.
      await fillFields(frame, { 'First name': 'Sveta', 'Last name': 'Orlova', Phone: '8 916 555 12 34' });
      await scrollToSave(frame);
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      const refusal = frame.locator('.refusals [data-refusal]').filter({ hasText: 'Svetlana Orlova' });
      await refusal.waitFor();
      await expect.poll(() => seenAndFocused(refusal), { timeout: UI_TIMEOUT }).toEqual({ inView: true, focused: true });
      await frame.getByRole('button', { name: /Save anyway/ }).click();
      await waitForNotice(frame, /^Client added with ID /);
      expect(await field(frame, 'Stage').inputValue()).toBe('Cold');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the Due list shows overdue, today and later steps in that order, with their counts on top',
    async () => {
      const { frame } = await mainSidebar();
      const today = okValue<{ today: string }>(await pg().run('apiBootstrap')).today;
      const client = await addClientDirectly(pg(), { 'First name': 'Tomorrow', 'Last name': 'Steps', Email: 'tomorrow.steps@example.ru' });
      const later = new Date(Date.parse(`${today}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
      okValue(await pg().run('apiLogInteraction', [{ clientId: client.id, type: 'Call', nextStep: 'Call today', nextDate: today }]));
      okValue(await pg().run('apiLogInteraction', [{ clientId: client.id, type: 'Call', nextStep: 'Call in two days', nextDate: later }]));
      await frame.getByRole('tab', { name: 'Due', exact: true }).click();
      const headings = frame.locator('.due-section h3');
      await headings.first().waitFor();
      const titles = await headings.allTextContents();
      expect(titles.map((t) => t.replace(/ \(\d+\)$/, ''))).toEqual(['Overdue', 'Today', 'Later']);
      expect(await frame.getByRole('region', { name: /^Today/ }).textContent()).toContain('Call today');
      expect(await frame.getByRole('region', { name: /^Later/ }).textContent()).toContain('Call in two days');
      expect(await frame.getByRole('region', { name: /^Later/ }).textContent()).toContain('in 2 days');
      // The summary's "Today" jumps to today's steps, past however many are overdue.
      await frame
        .locator('.due-summary')
        .getByRole('link', { name: /^Today/ })
        .click();
      await expect.poll(() => frame.locator(':focus').textContent()).toMatch(/^Today \(\d+\)$/);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a deleted client comes back from Archive on its own, with its ID, audited',
    async () => {
      const { page, frame } = await mainSidebar();
      const client = await addClientDirectly(pg(), { 'First name': 'Lazar', 'Last name': 'Returns', Email: 'lazar.returns@example.ro', City: 'Iași' });
      await searchAndOpen(frame, 'Lazar Returns', /Lazar Returns/);
      await frame.getByRole('button', { name: 'Delete client', exact: true }).click();
      await frame
        .getByRole('alertdialog')
        .getByRole('button', { name: /^Delete/ })
        .click();
      await expect.poll(() => cardTitle(frame).count(), { timeout: UI_TIMEOUT }).toBe(0);
      await expect.poll(() => gridRowsWhere(page, 'ID', client.id), { timeout: UI_TIMEOUT }).toEqual([]);

      await frame.getByText('Show deleted clients', { exact: true }).click();
      const restore = frame.getByRole('button', { name: 'Restore Lazar Returns', exact: true });
      await restore.click();
      await expect.poll(() => cardTitle(frame).textContent(), { timeout: UI_TIMEOUT }).toBe('Lazar Returns');
      expect(await field(frame, 'City').inputValue()).toBe('Iași');
      await expectGridValue(page, 'ID', client.id, 'Email', 'lazar.returns@example.ro');
      await expect.poll(() => frame.locator('.history').textContent(), { timeout: UI_TIMEOUT }).toContain('undelete');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'finds the Александрs from "Саша" and Robert from "Bob", searching in the browser as the duplicate check matches names',
    async () => {
      const { frame } = await mainSidebar();
      await addClientDirectly(pg(), { 'First name': 'Robert', 'Last name': 'Nickson', Email: 'robert.nickson@example.com' });
      const box = frame.getByRole('combobox', { name: 'Find a client' });
      await box.fill('Саша');
      const names = frame.getByRole('listbox', { name: 'Search results' }).locator('.hit-name');
      await expect
        .poll(async () => (await names.allTextContents()).filter((n) => n.startsWith('Александр ')).length, { timeout: UI_TIMEOUT })
        .toBeGreaterThan(0);
      await box.fill('Bob Nickson');
      await expect.poll(() => names.allTextContents(), { timeout: UI_TIMEOUT }).toEqual(['Robert Nickson']);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'adds a contract with two appendices on a card (issue 17), sees it listed with its status, and finds it in the Deals tab',
    async () => {
      const { page, frame } = await mainSidebar();
      await addClientDirectly(pg(), { 'First name': 'Irina', 'Last name': 'Dealova', Company: 'Romashka' });
      await searchAndOpen(frame, 'Irina Dealova', /Irina Dealova/);
      const deals = frame.getByRole('region', { name: /^Deals/ });
      await expect.poll(() => deals.textContent(), { timeout: UI_TIMEOUT }).toContain('No deals yet.');
      await deals.getByRole('button', { name: 'Add a deal' }).click();
      await deals.getByLabel('Number', { exact: true }).fill('K-17/<b>2026</b>');
      await deals.getByLabel('Date', { exact: true }).fill('2026-11-02');
      await deals.getByLabel('Amount', { exact: true }).fill('12500');
      await deals.getByLabel('Currency', { exact: true }).fill('RUB');
      await deals.getByLabel('Status', { exact: true }).selectOption('signed');
      await deals.getByLabel(/^Appendices/).fill('Appendix 1\n=HYPERLINK("x")');
      await deals.getByRole('button', { name: 'Save deal' }).click();
      await expect.poll(() => deals.getByRole('status').textContent(), { timeout: UI_TIMEOUT }).toBe('Deal K-17/<b>2026</b> saved.');
      const item = deals.locator('li.deal');
      await expect.poll(() => item.textContent(), { timeout: UI_TIMEOUT }).toContain('K-17/<b>2026</b>');
      expect(await item.locator('.deal-status').textContent()).toBe('Signed');
      expect(await item.textContent()).toContain('Appendix 1, =HYPERLINK("x")');
      expect(await deals.getByRole('heading').textContent()).toBe('Deals (1)');
      await showSheet(page, TAB.deals);
      await expectGridValue(page, 'Number', 'K-17/<b>2026</b>', 'Status', 'Signed');
    },
    BROWSER_TIMEOUT,
  );

  it('raised no uncaught error and opened no browser dialog', () => {
    expect(pg().pageErrors).toEqual([]);
    expect(pg().dialogs).toEqual([]);
  });
});
