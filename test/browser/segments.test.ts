/**
 * Segments in Chromium over the playground (issue 6): the built-in `Seg · …`
 * tabs list the matching clients; the sidebar's Segments view adds a segment
 * with a rule, previews its count, and saving gives it a live tab; a bad rule
 * shows what is wrong with a caret and the closest field name; a stage
 * changed on the client card moves the client into `Seg · Hot` by itself
 * (the tab is a live formula).
 */
import type { FrameLocator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { HOSTILE_TEXT } from '../../playground/demo/seed.ts';
import { TAB } from '../../src/core/schema/tabs.ts';
import {
  addClientDirectly,
  BROWSER_TIMEOUT,
  chooseSidebarView,
  describeBrowser,
  gridRows,
  openSidebar,
  refreshGrid,
  searchAndOpen,
  sheetTabs,
  showSheet,
  UI_TIMEOUT,
  usePlayground,
  waitForNotice,
} from '../support/browser.ts';

const CITY = 'Chișinău';

describeBrowser('segments', () => {
  const pg = usePlayground();

  /** The Clients grid's rows (without the header) where `header` has exactly `value`; their IDs. */
  async function clientIdsWhere(page: Page, header: string, value: string): Promise<string[]> {
    await showSheet(page, TAB.clients);
    const [h, ...rows] = await gridRows(page);
    return rows.filter((r) => r[h.indexOf(header)] === value).map((r) => r[h.indexOf('ID')]);
  }

  /** The IDs a segment tab lists. */
  async function segmentTabIds(page: Page, tab: string): Promise<string[]> {
    await showSheet(page, tab);
    const [h, ...rows] = await gridRows(page);
    expect(h).toContain('ID');
    return rows.map((r) => r[h.indexOf('ID')]).filter((id) => id !== '');
  }

  async function segmentsView(): Promise<{ page: Page; frame: FrameLocator }> {
    const page = await pg().page();
    const frame = await openSidebar(page);
    await chooseSidebarView(frame, 'Segments');
    await frame.getByRole('heading', { name: 'Segments', exact: true }).waitFor();
    await frame.locator('.segment-list > li').first().waitFor();
    return { page, frame };
  }

  it(
    'the built-in segment tabs exist and each lists exactly the clients of its stage',
    async () => {
      const page = await pg().page();
      const tabs = await sheetTabs(page);
      for (const name of ['Seg · Cold', 'Seg · Warm', 'Seg · Hot', 'Seg · VIP', 'Seg · Active', 'Seg · Passive']) expect(tabs).toContain(name);
      for (const stage of ['Hot', 'VIP']) {
        const expected = await clientIdsWhere(page, 'Stage', stage);
        expect(expected.length).toBeGreaterThan(0);
        expect((await segmentTabIds(page, `Seg · ${stage}`)).sort()).toEqual(expected.sort());
      }
      await showSheet(page, TAB.clients);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the Segments view lists each segment with its count, the same as its tab',
    async () => {
      const { page, frame } = await segmentsView();
      const hot = frame.locator('.segment-list > li').filter({ has: frame.locator('.due-head strong', { hasText: /^Hot$/ }) });
      const badge = (await hot.locator('.badge').textContent()) ?? '';
      const count = Number(/^(\d+) clients?$/.exec(badge)?.[1]);
      expect(count).toBe((await segmentTabIds(page, 'Seg · Hot')).length);
      expect(await hot.locator('.rule-text').textContent()).toBe('"Stage" = "Hot"');
      await showSheet(page, TAB.clients);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a bad rule shows what is wrong, a caret under the place, and the closest field name; nothing is saved',
    async () => {
      const { page, frame } = await segmentsView();
      const tabsBefore = await sheetTabs(page);
      await frame.getByRole('button', { name: 'New segment', exact: true }).click();
      await frame.getByLabel('Name', { exact: true }).fill('Broken');
      const rule = frame.getByLabel('Rule', { exact: true });
      await rule.fill(`Stage = "Hot" and Cty = "${CITY}"`);
      const message = frame.locator('#cb-segment-rule-check .rule-message');
      await expect.poll(() => message.textContent(), { timeout: UI_TIMEOUT }).toMatch(/Cty/);
      expect(await message.textContent()).toMatch(/did you mean "City"\?/);
      expect(await rule.getAttribute('aria-invalid')).toBe('true');
      // The caret line points at "Cty": same column as in the rule.
      const caret = (await frame.locator('#cb-segment-rule-check .rule-caret').textContent()) ?? '';
      const [ruleLine, marks] = caret.split('\n').filter((line) => line !== '');
      expect(ruleLine).toBe(`Stage = "Hot" and Cty = "${CITY}"`);
      expect(marks.indexOf('^')).toBe(ruleLine.indexOf('Cty'));

      // Saving anyway is refused by the server with the same explanation; no tab appears.
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => frame.locator('.segment-form .banner.error').textContent(), { timeout: UI_TIMEOUT }).toMatch(/did you mean "City"\?/);
      expect(await sheetTabs(page)).toEqual(tabsBefore);
      await frame.getByRole('button', { name: 'Cancel', exact: true }).click();
    },
    BROWSER_TIMEOUT,
  );

  it(
    `adds a segment City = "${CITY}": the preview counts the clients, and saving adds a tab listing exactly them`,
    async () => {
      const { page, frame } = await segmentsView();
      const expected = await clientIdsWhere(page, 'City', CITY);
      expect(expected.length).toBeGreaterThan(0);

      await frame.getByRole('button', { name: 'New segment', exact: true }).click();
      await frame.getByLabel('Name', { exact: true }).fill('Chisinau clients');
      await frame.getByLabel('Rule', { exact: true }).fill(`City = "${CITY}"`);
      await expect.poll(() => frame.locator('#cb-segment-rule-check').textContent(), { timeout: UI_TIMEOUT }).toBe('The rule reads well.');
      await frame.getByLabel('Description', { exact: true }).fill('Everyone in the capital');

      await frame.getByRole('button', { name: 'Preview', exact: true }).click();
      const preview = frame.locator('.segment-preview');
      await expect
        .poll(() => preview.locator('p').first().textContent(), { timeout: UI_TIMEOUT })
        .toBe(`${expected.length} client${expected.length === 1 ? '' : 's'} match now.`);
      const previewIds = await preview.locator('.preview-list li span.muted').allTextContents();
      for (const id of previewIds) expect(expected).toContain(id.trim());

      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      await expect
        .poll(() => frame.locator('.segments > p.notice').textContent(), { timeout: UI_TIMEOUT })
        .toBe('Saved "Chisinau clients"; its tab and count are up to date.');
      const listed = frame.locator('.segment-list > li').filter({ has: frame.locator('.due-head strong', { hasText: /^Chisinau clients$/ }) });
      expect(await listed.locator('.badge').textContent()).toBe(`${expected.length} client${expected.length === 1 ? '' : 's'}`);

      await expect.poll(() => sheetTabs(page), { timeout: UI_TIMEOUT }).toContain('Seg · Chisinau clients');
      expect((await segmentTabIds(page, 'Seg · Chisinau clients')).sort()).toEqual([...expected].sort());
      await showSheet(page, TAB.segments);
      const [h, ...rows] = await gridRows(page);
      const row = rows.find((r) => r[h.indexOf('Name')] === 'Chisinau clients');
      expect(row?.[h.indexOf('Rule')]).toBe(`City = "${CITY}"`);
      expect(row?.[h.indexOf('Count')]).toBe(String(expected.length));
      await showSheet(page, TAB.clients);
    },
    BROWSER_TIMEOUT,
  );

  it(
    "a rule on hostile text (the demo's <img onerror> note) finds that client, and its tab shows the note as text",
    async () => {
      const { page, frame } = await segmentsView();
      await frame.getByRole('button', { name: 'New segment', exact: true }).click();
      await frame.getByLabel('Name', { exact: true }).fill('Hostile notes');
      await frame.getByLabel('Rule', { exact: true }).fill(`Notes = "${HOSTILE_TEXT}"`);
      await frame.getByRole('button', { name: 'Preview', exact: true }).click();
      await expect.poll(() => frame.locator('.segment-preview p').first().textContent(), { timeout: UI_TIMEOUT }).toBe('1 client match now.');
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => sheetTabs(page), { timeout: UI_TIMEOUT }).toContain('Seg · Hostile notes');
      await showSheet(page, 'Seg · Hostile notes');
      const [h, ...rows] = await gridRows(page);
      expect(rows.filter((r) => r[h.indexOf('ID')] !== '').map((r) => r[h.indexOf('Notes')])).toEqual([HOSTILE_TEXT]);
      expect(await page.locator('#grid img').count()).toBe(0);
      expect(await frame.locator('img').count()).toBe(0);
      await showSheet(page, TAB.clients);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a stage set to Hot on the client card puts the client in the Seg · Hot tab by itself (live formula)',
    async () => {
      const client = await addClientDirectly(pg(), {
        'First name': 'Radu',
        'Last name': 'Fierbinte',
        Email: 'radu.fierbinte@example.md',
        City: CITY,
        Stage: 'Warm',
      });
      const page = await pg().page();
      expect(await segmentTabIds(page, 'Seg · Hot')).not.toContain(client.id);
      expect(await segmentTabIds(page, 'Seg · Warm')).toContain(client.id);
      await showSheet(page, TAB.clients);

      const frame = await openSidebar(page);
      await searchAndOpen(frame, 'Fierbinte', /Radu Fierbinte/);
      await frame.getByRole('group', { name: 'Stage' }).getByRole('button', { name: 'Hot', exact: true }).click();
      await waitForNotice(frame, /^Stage set to Hot\.$/);

      // Nobody runs Refresh segments: the tab's formula follows the Clients sheet.
      await showSheet(page, 'Seg · Hot');
      await refreshGrid(page);
      expect(await segmentTabIds(page, 'Seg · Hot')).toContain(client.id);
      expect(await segmentTabIds(page, 'Seg · Warm')).not.toContain(client.id);
      // It was in the new City segment all along, and still is.
      expect(await segmentTabIds(page, 'Seg · Chisinau clients')).toContain(client.id);
      await showSheet(page, TAB.clients);
    },
    BROWSER_TIMEOUT,
  );

  it('raised no uncaught error and opened no browser dialog', () => {
    expect(pg().pageErrors).toEqual([]);
    expect(pg().dialogs).toEqual([]);
  });
});
