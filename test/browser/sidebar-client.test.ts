/**
 * The client card in Chromium over the playground, along the paths issue 4
 * is checked by: search (Latin finds Cyrillic), add, live duplicate warnings
 * (same phone in another format; Cyrillic/Latin spelling), edit with the
 * audit trail, a conflicting edit from a colleague's sidebar, an interaction,
 * a stage change, hostile names, and keyboard-only use.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { transliterate } from '../../playground/demo/translit.ts';
import { DEFAULT_USER } from '../../playground/demo/names.ts';
import { TAB } from '../../src/core/schema/tabs.ts';
import {
  addClientDirectly,
  BROWSER_TIMEOUT,
  cardTitle,
  describeBrowser,
  expectGridValue,
  field,
  fillFields,
  gridRows,
  gridValue,
  openSidebar,
  openStandaloneSidebar,
  refreshGrid,
  searchAndOpen,
  searchResults,
  showSheet,
  startNewClient,
  UI_TIMEOUT,
  usePlayground,
  waitForNotice,
} from '../support/browser.ts';

const COLLEAGUE = 'olena.koval@example.com';
const HOSTILE = '<img src=x onerror=alert(1)>';

describeBrowser('the sidebar client card', () => {
  const pg = usePlayground();

  /** The main page with a freshly opened sidebar (ClientBase ▸ Open sidebar), so one test's leftovers cannot leak into the next. */
  async function mainSidebar(): Promise<{ page: Page; frame: FrameLocator }> {
    const page = await pg().page();
    if ((await page.locator('#tabs button.active').textContent()) !== TAB.clients) await showSheet(page, TAB.clients);
    return { page, frame: await openSidebar(page) };
  }

  it(
    'finds a Cyrillic client from a Latin query ("Aleksandr" → Александр) and opens the card',
    async () => {
      const { frame } = await mainSidebar();
      await frame.getByRole('combobox', { name: 'Find a client' }).fill('Aleksandr');
      const results = searchResults(frame);
      const hit = results.getByRole('option', { name: /Александр/ }).first();
      await hit.waitFor();
      const hitName = (await hit.locator('.hit-name').textContent()) ?? '';
      expect(hitName).toMatch(/^Александр /);
      await expect
        .poll(() =>
          frame
            .getByRole('status')
            .filter({ hasText: /clients? found/ })
            .count(),
        )
        .toBe(1);

      await hit.click();
      await expect.poll(() => cardTitle(frame).textContent()).toBe(hitName);
      expect(await field(frame, 'First name').inputValue()).toBe('Александр');
      expect(await field(frame, 'Last name').inputValue()).toBe(hitName.slice('Александр '.length));
      // The list closes once a client is chosen.
      expect(await results.isVisible()).toBe(false);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'finds a client by a whole pasted email address ending in a country domain (.ru, .ro…)',
    async () => {
      const { page, frame } = await mainSidebar();
      const rows = await gridRows(page);
      const [h] = rows;
      const row = rows.slice(1).find((r) => /^[a-z0-9._-]+@[a-z0-9-]+\.(ru|ua|ro|md)$/.test(r[h.indexOf('Email')]))!;
      expect(row, 'the demo base has an email on a country domain').toBeDefined();
      await frame.getByRole('combobox', { name: 'Find a client' }).fill(row[h.indexOf('Email')]);
      const status = frame.locator('.search-status');
      await expect.poll(() => status.textContent(), { timeout: UI_TIMEOUT }).toMatch(/^(\d+ clients? found|No clients found)$/);
      expect(await status.textContent()).toMatch(/^\d+ clients? found$/);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'adds a new client: the card says so with the new ID, and the grid shows the new row',
    async () => {
      const { page, frame } = await mainSidebar();
      const rowsBefore = (await gridRows(page)).length;
      await startNewClient(frame);
      await fillFields(frame, { 'First name': 'Zinaida', 'Last name': 'Testova', Email: 'zinaida.testova@example.org', City: 'Chișinău' });
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      const notice = await waitForNotice(frame, /^Client added with ID \S+\.$/);
      const id = /ID (\S+)\.$/.exec(notice)![1];
      await expect.poll(() => cardTitle(frame).textContent()).toBe('Zinaida Testova');

      await expect.poll(async () => (await gridRows(page)).length, { timeout: UI_TIMEOUT }).toBe(rowsBefore + 1);
      expect(await gridValue(page, 'ID', id, 'Email')).toBe('zinaida.testova@example.org');
      expect(await gridValue(page, 'ID', id, 'First name')).toBe('Zinaida');
      expect(await gridValue(page, 'ID', id, 'City')).toBe('Chișinău');
      expect(await gridValue(page, 'ID', id, 'Updated by')).toBe(DEFAULT_USER);
      expect(await gridValue(page, 'ID', id, 'Created')).not.toBe('');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'warns live about an obvious duplicate (same phone, another format), and "Save anyway" saves it',
    async () => {
      const { page, frame } = await mainSidebar();
      const existing = await addClientDirectly(pg(), { 'First name': 'Gheorghe', 'Last name': 'Lungu', Phone: '+373 69 123 456' });

      await startNewClient(frame);
      await fillFields(frame, { 'First name': 'Gheorghe', 'Last name': 'Lungu', Phone: '+37369123456' });
      const warning = frame.getByRole('region', { name: /^Possibly already in the base \(\d+\)$/ });
      await warning.waitFor();
      const match = warning.getByRole('listitem').filter({ hasText: existing.id });
      await match.waitFor();
      expect(await match.locator('.reasons li').allTextContents()).toContain('same phone');
      await match.getByRole('button', { name: 'Open existing: Gheorghe Lungu' }).waitFor();

      // Save is stopped first: the warning becomes a question with "Save anyway".
      const rowsBefore = (await gridRows(page)).length;
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      const blocking = frame.getByRole('region', { name: 'This client may already exist. Nothing was saved yet.' });
      await blocking.waitFor();
      expect(await blocking.getByRole('listitem').filter({ hasText: existing.id }).count()).toBe(1);
      expect((await gridRows(page)).length).toBe(rowsBefore);

      await blocking.getByRole('button', { name: 'Save anyway', exact: true }).click();
      const id = /ID (\S+)\.$/.exec(await waitForNotice(frame, /^Client added with ID \S+\.$/))![1];
      expect(id).not.toBe(existing.id);
      await expectGridValue(page, 'ID', id, 'Last name', 'Lungu');
      // Both clients are there: nothing was merged or overwritten behind the user's back.
      await expectGridValue(page, 'ID', existing.id, 'Last name', 'Lungu');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'warns live about a Cyrillic/Latin spelling of an existing client ("Aleksandr …" for "Александр …")',
    async () => {
      const { page, frame } = await mainSidebar();
      // An existing Cyrillic client with an email, picked from what the grid shows.
      const rows = await gridRows(page);
      const [h] = rows;
      const original = rows
        .slice(1)
        .find(
          (r) =>
            r[h.indexOf('First name')] === 'Александр' &&
            /^[А-Яа-яЁё]+$/.test(r[h.indexOf('Last name')]) &&
            /^[^@\s]+@[^@\s]+\.[a-z]+$/.test(r[h.indexOf('Email')]),
        );
      expect(original, 'the demo base has an Александр with an email').toBeDefined();
      const cyrillicLast = original![h.indexOf('Last name')];
      const latinLast = transliterate(cyrillicLast);
      expect(latinLast).toMatch(/^[A-Za-z]+$/);

      const email = original![h.indexOf('Email')];
      const rowsBefore = rows.length;
      await startNewClient(frame);
      await fillFields(frame, { 'First name': 'Aleksandr', 'Last name': latinLast, Email: email });
      const warning = frame.getByRole('region', { name: /^Possibly already in the base/ });
      // The same person may be in the base twice (the demo plants duplicates): the warning names one of them.
      const match = warning
        .getByRole('listitem')
        .filter({ hasText: `Александр ${cyrillicLast}` })
        .first();
      await match.waitFor();
      expect(await match.locator('strong').first().textContent()).toBe(`Александр ${cyrillicLast}`);
      const reasons = await match.locator('.reasons li').allTextContents();
      expect(reasons).toContain('same email');
      expect(reasons.some((r) => /Cyrillic\/Latin/i.test(r))).toBe(true);

      // Email is a unique field: with the same address the save is refused beside the field, and nothing is written.
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      const emailError = frame.locator(`#${await field(frame, 'Email').getAttribute('id')}-error`);
      await expect.poll(() => emailError.textContent(), { timeout: UI_TIMEOUT }).toMatch(/^Email must be unique/);
      expect(await field(frame, 'Email').getAttribute('aria-invalid')).toBe('true');
      expect((await gridRows(page)).length).toBe(rowsBefore);

      // With another address nothing but the name is shared: a namesake is not proposed (issue #14), so the save goes through.
      // The address has an internationalised domain, kept as typed (Chromium's type="email" would hand back punycode).
      await field(frame, 'Email').fill('aleksandr@ёлка.рф');
      await expect.poll(() => warning.count(), { timeout: UI_TIMEOUT }).toBe(0);
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      const id = /ID (\S+)\.$/.exec(await waitForNotice(frame, /^Client added with ID \S+\.$/))![1];
      await expectGridValue(page, 'ID', id, 'Last name', latinLast);
      await expectGridValue(page, 'ID', id, 'First name', 'Aleksandr');
      await expectGridValue(page, 'ID', id, 'Email', 'aleksandr@ёлка.рф');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'edits a field: the grid shows the new value and the Audit tab shows old → new',
    async () => {
      const { page, frame } = await mainSidebar();
      const client = await addClientDirectly(pg(), { 'First name': 'Radu', 'Last name': 'Editescu', City: 'Iași', Email: 'radu.editescu@example.ro' });
      await searchAndOpen(frame, 'Editescu', /Radu Editescu/);
      expect(await field(frame, 'City').inputValue()).toBe('Iași');

      await field(frame, 'City').fill('Cluj-Napoca');
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      await waitForNotice(frame, /^Saved: City\.$/);
      await expectGridValue(page, 'ID', client.id, 'City', 'Cluj-Napoca');

      await showSheet(page, TAB.audit);
      await expect
        .poll(
          async () => {
            const rows = await gridRows(page);
            const [h] = rows;
            return rows
              .slice(1)
              .filter((r) => r[h.indexOf('Client ID')] === client.id && r[h.indexOf('Field')] === 'City')
              .map((r) => `${r[h.indexOf('Old value')]} → ${r[h.indexOf('New value')]} by ${r[h.indexOf('User')]}`);
          },
          { timeout: UI_TIMEOUT },
        )
        .toContain(`Iași → Cluj-Napoca by ${DEFAULT_USER}`);
      await showSheet(page, TAB.clients);

      // The card's own history shows the change too.
      await expect.poll(() => frame.locator('.history').textContent(), { timeout: UI_TIMEOUT }).toContain('City: Iași → Cluj-Napoca');
    },
    BROWSER_TIMEOUT,
  );

  it(
    "a colleague's save in a second sidebar meanwhile: the banner, typed values kept, Reload merges, then Save works",
    async () => {
      const { page, frame } = await mainSidebar();
      const client = await addClientDirectly(pg(), {
        'First name': 'Conflict',
        'Last name': 'Kovalenko',
        Email: 'conflict.kovalenko@example.ua',
        Position: 'Buyer',
      });
      await searchAndOpen(frame, 'Conflict Kovalenko', /Conflict Kovalenko/);

      // A second sidebar (another browser tab) opens the same client and saves a change.
      // (It runs as the same admin: the playground's "managers" cannot edit, see the known-bug test below.)
      const colleague = await openStandaloneSidebar(pg());
      try {
        await searchAndOpen(colleague, 'Conflict Kovalenko', /Conflict Kovalenko/);
        await field(colleague, 'Position').fill('Head of purchasing');
        await colleague.getByRole('button', { name: 'Save', exact: true }).click();
        await waitForNotice(colleague, /^Saved: Position\.$/);
      } finally {
        await colleague.close();
      }

      // The first sidebar, still on the version it loaded, types a note and saves.
      await field(frame, 'Notes').fill('Prefers calls after 14:00');
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      const banner = frame.getByRole('alert').filter({ hasText: 'changed this client meanwhile' });
      await banner.waitFor();
      await expect.poll(() => banner.locator('strong').textContent()).toBe(`${DEFAULT_USER} changed this client meanwhile.`);
      expect(await field(frame, 'Notes').inputValue()).toBe('Prefers calls after 14:00');
      // Nothing of hers was written.
      await expectGridValue(page, 'ID', client.id, 'Notes', '');
      await expectGridValue(page, 'ID', client.id, 'Position', 'Head of purchasing');

      await banner.getByRole('button', { name: 'Reload', exact: true }).click();
      await waitForNotice(frame, /^Reloaded\. They had changed: Position\. Your edits are kept; check and save\.$/);
      expect(await banner.count()).toBe(0);
      expect(await field(frame, 'Position').inputValue()).toBe('Head of purchasing');
      expect(await field(frame, 'Notes').inputValue()).toBe('Prefers calls after 14:00');

      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      await waitForNotice(frame, /^Saved: Notes\.$/);
      await expectGridValue(page, 'ID', client.id, 'Notes', 'Prefers calls after 14:00');
      await expectGridValue(page, 'ID', client.id, 'Position', 'Head of purchasing');
      await expectGridValue(page, 'ID', client.id, 'Updated by', DEFAULT_USER);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a user the "Acting as" list calls a manager can add clients',
    async () => {
      const page = await pg().page();
      const acting = page.getByLabel('Acting as');
      expect(await acting.locator(`option[value="${COLLEAGUE}"]`).textContent()).toBe(`${COLLEAGUE} (manager)`);
      await acting.selectOption(COLLEAGUE);
      try {
        const frame = await openSidebar(page);
        await frame.getByRole('combobox', { name: 'Find a client' }).waitFor();
        expect(await frame.getByRole('button', { name: 'New client', exact: true }).isVisible()).toBe(true);
      } finally {
        await pg().actAs(DEFAULT_USER);
      }
    },
    BROWSER_TIMEOUT,
  );

  it(
    'logs an interaction in two clicks and shows it at the top of the history',
    async () => {
      const { page, frame } = await mainSidebar();
      const client = await addClientDirectly(pg(), { 'First name': 'Ivan', 'Last name': 'Loggov', Email: 'ivan.loggov@example.ru' });
      await showSheet(page, TAB.interactions);
      const interactionsBefore = Number(/(\d+) rows\.$/.exec((await page.locator('#grid-note').textContent()) ?? '')?.[1]);
      await showSheet(page, TAB.clients);
      await searchAndOpen(frame, 'Loggov', /Ivan Loggov/);
      await expect.poll(() => frame.locator('.history').textContent()).not.toContain('Loading');

      const log = frame.getByRole('form', { name: 'Log an interaction' });
      await log.getByLabel('Type', { exact: true }).selectOption('Meeting');
      await log.getByLabel('Result', { exact: true }).fill('Showed the new grinder');
      await log.getByLabel('Next step', { exact: true }).fill('Send the offer');
      await log.getByLabel('Next date', { exact: true }).fill('2031-04-15');
      await log.getByRole('button', { name: 'Log interaction', exact: true }).click();
      await expect.poll(() => log.getByRole('status').textContent()).toBe('Meeting logged.');

      const newest = frame.locator('.history .timeline > li.interaction').first();
      await expect.poll(() => newest.textContent(), { timeout: UI_TIMEOUT }).toContain('Showed the new grinder');
      expect(await newest.textContent()).toContain('Meeting');
      expect(await newest.textContent()).toContain('Next: Send the offer by 15 Apr 2031');
      // The form is empty again for the next one.
      expect(await log.getByLabel('Result', { exact: true }).inputValue()).toBe('');

      // The client row carries the next action; the Interactions tab has one row more.
      await expectGridValue(page, 'ID', client.id, 'Next action date', '2031-04-15');
      await showSheet(page, TAB.interactions);
      expect(await page.locator('#grid-note').textContent()).toMatch(new RegExp(`\\b${interactionsBefore + 1} rows\\.$`));
      await showSheet(page, TAB.clients);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'changes the stage with one click in the Stage group; the grid and the history follow',
    async () => {
      const { page, frame } = await mainSidebar();
      const client = await addClientDirectly(pg(), { 'First name': 'Olga', 'Last name': 'Stadnik', Email: 'olga.stadnik@example.ua', Stage: 'Cold' });
      await searchAndOpen(frame, 'Stadnik', /Olga Stadnik/);
      const stages = frame.getByRole('group', { name: 'Stage' });
      expect(await stages.getByRole('button', { name: 'Cold', exact: true }).getAttribute('aria-pressed')).toBe('true');

      await stages.getByRole('button', { name: 'Hot', exact: true }).click();
      await waitForNotice(frame, /^Stage set to Hot\.$/);
      await expect.poll(() => stages.getByRole('button', { name: 'Hot', exact: true }).getAttribute('aria-pressed')).toBe('true');
      expect(await stages.getByRole('button', { name: 'Cold', exact: true }).getAttribute('aria-pressed')).toBe('false');
      await expectGridValue(page, 'ID', client.id, 'Stage', 'Hot');
      await expect.poll(() => frame.locator('.history').textContent(), { timeout: UI_TIMEOUT }).toContain('Stage: Cold → Hot');

      // And back: the stage can move down as well as up.
      await stages.getByRole('button', { name: 'Warm', exact: true }).click();
      await waitForNotice(frame, /^Stage set to Warm\.$/);
      await expectGridValue(page, 'ID', client.id, 'Stage', 'Warm');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'stores and shows a hostile name and formula-looking text as plain text, in the sidebar and the grid',
    async () => {
      const { page, frame } = await mainSidebar();
      await startNewClient(frame);
      await fillFields(frame, {
        'First name': HOSTILE,
        'Last name': '=1+1',
        Company: '@x',
        Position: '+1',
        Notes: '=HYPERLINK("http://evil.example","click")',
      });
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      const id = /ID (\S+)\.$/.exec(await waitForNotice(frame, /^Client added with ID \S+\.$/))![1];

      await expect.poll(() => cardTitle(frame).textContent()).toBe(`${HOSTILE} =1+1`);
      expect(await field(frame, 'First name').inputValue()).toBe(HOSTILE);
      expect(await frame.locator('img').count()).toBe(0);

      await expectGridValue(page, 'ID', id, 'First name', HOSTILE);
      await expectGridValue(page, 'ID', id, 'Last name', '=1+1');
      await expectGridValue(page, 'ID', id, 'Company', '@x');
      await expectGridValue(page, 'ID', id, 'Position', '+1');
      await expectGridValue(page, 'ID', id, 'Notes', '=HYPERLINK("http://evil.example","click")');
      expect(await page.locator('#grid img').count()).toBe(0);

      // Found again by search, and shown as text in the results.
      await frame.getByRole('combobox', { name: 'Find a client' }).fill('onerror');
      await searchResults(frame).getByRole('option').filter({ hasText: HOSTILE }).first().waitFor();
      expect(await frame.locator('img').count()).toBe(0);
      await frame.getByRole('combobox', { name: 'Find a client' }).fill('');
      expect(pg().dialogs).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'works with the keyboard alone: Tab to search, arrows and Enter to open, Tab to a field, type, Enter to save',
    async () => {
      const client = await addClientDirectly(pg(), { 'First name': 'Tastatura', 'Last name': 'Keyes', Email: 'tastatura.keyes@example.md', City: 'Bălți' });
      const page = await openStandaloneSidebar(pg());
      try {
        await tabUntil(page, page.getByRole('combobox', { name: 'Find a client' }));
        await page.keyboard.type('Tastatura');
        await searchResults(page)
          .getByRole('option', { name: /Tastatura Keyes/ })
          .waitFor();
        await page.keyboard.press('ArrowDown');
        await expect.poll(() => searchResults(page).getByRole('option', { selected: true }).textContent()).toContain('Tastatura Keyes');
        await page.keyboard.press('Enter');
        await expect.poll(() => cardTitle(page).textContent(), { timeout: UI_TIMEOUT }).toBe('Tastatura Keyes');
        await page.getByRole('group', { name: 'Stage' }).waitFor();

        const city = field(page, 'City');
        await tabUntil(page, city);
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('Soroca');
        await page.keyboard.press('Enter');
        await waitForNotice(page, /^Saved: City\.$/);

        // The Save button is reachable by Tab and works with Space too.
        expect(await city.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.press('End');
        await page.keyboard.type(' Nord');
        await tabUntil(page, page.getByRole('button', { name: 'Save', exact: true }));
        await page.keyboard.press('Space');
        await waitForNotice(page, /^Saved: City\.$/);
        const main = await pg().page();
        await refreshGrid(main);
        await expectGridValue(main, 'ID', client.id, 'City', 'Soroca Nord');
      } finally {
        await page.close();
      }
    },
    BROWSER_TIMEOUT,
  );

  it('raised no uncaught error and opened no browser dialog in any page', () => {
    expect(pg().pageErrors).toEqual([]);
    expect(pg().dialogs).toEqual([]);
  });
});

/** Presses Tab (at most 80 times) until `target` has the focus; fails otherwise. */
async function tabUntil(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}
