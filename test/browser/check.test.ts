/**
 * Check data in Chromium over the playground: ClientBase ▸ Check data, the
 * counts by kind in the sidebar's Check view, the `Check data` report tab,
 * the marks on offending cells, accepting one group of fixes (phones to
 * international format) and applying it (the grid and Audit follow), and
 * the stale clients per manager.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { demoBase } from '../../playground/demo/seed.ts';
import { TAB, TAB_HEADERS } from '../../src/core/schema/tabs.ts';
import {
  BROWSER_TIMEOUT,
  chooseMenu,
  describeBrowser,
  expectGridValue,
  gridCell,
  gridRows,
  gridRowsWhere,
  showSheet,
  sidebarFrame,
  takeAlert,
  typeIntoCell,
  UI_TIMEOUT,
  usePlayground,
} from '../support/browser.ts';

const PLANTED = demoBase().planted.invalid;

describeBrowser('Check data and fixes', () => {
  const pg = usePlayground();
  /** The alert's "kind: count" lines, from the first test. */
  let alertCounts: Record<string, number> = {};

  /** Parses "label: 12" lines. */
  const counts = (lines: string[]): Record<string, number> =>
    Object.fromEntries(
      lines.flatMap((line) => {
        const match = /^(.+): (\d+)$/.exec(line.trim());
        return match ? [[match[1], Number(match[2])]] : [];
      }),
    );

  async function checkView(): Promise<{ page: Page; frame: FrameLocator }> {
    const page = await pg().page();
    const frame = sidebarFrame(page);
    await frame.getByRole('heading', { name: 'Data check' }).waitFor();
    await frame.locator('.kind-counts li').first().waitFor();
    return { page, frame };
  }

  it(
    'ClientBase ▸ Check data reports counts by kind, and the sidebar opens on the Check view with the same counts',
    async () => {
      const page = await pg().page();
      await chooseMenu(page, 'Check data');
      const alert = await takeAlert(page);
      expect(alert).toMatch(/^Checked \d+ clients: \d+ problems\./);
      alertCounts = counts(alert.split('\n'));
      expect(Object.keys(alertCounts)).toEqual(expect.arrayContaining(['invalid email', 'impossible or unreadable date', 'value not among the options']));

      const { frame } = await checkView();
      await frame.getByRole('tab', { name: 'Check data', exact: true, selected: true }).waitFor();
      const shown = counts(await frame.locator('.kind-counts li').allTextContents());
      expect(shown).toEqual(alertCounts);
      const total = Object.values(shown).reduce((a, b) => a + b, 0);
      expect(
        await frame
          .locator('.check > p')
          .filter({ hasText: /clients checked/ })
          .textContent(),
      ).toMatch(new RegExp(`: ${total} problems\\.$`));
      // Every planted invalid email is among them, in words a user understands.
      const emails = PLANTED.filter((cell) => cell.kind === 'email').length;
      expect(shown['invalid email']).toBeGreaterThanOrEqual(emails);
      expect(pg().dialogs).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  // Once a bug: a view opened from ⋮ More joins the tab bar as a fourth tab, and at the playground's
  // 320 px panel (Google's sidebar is 300 px) "Check data" was cut off at the right edge of the
  // scrolling tab bar. The tabs now wrap onto a second line instead.
  it(
    "the sidebar's tab bar shows the open Check data tab whole, inside the 300-odd pixel sidebar",
    async () => {
      const { frame } = await checkView();
      const tab = frame.getByRole('tab', { name: 'Check data', exact: true, selected: true });
      const [tabBox, barBox] = await Promise.all([tab.boundingBox(), frame.getByRole('tablist').boundingBox()]);
      expect(tabBox && barBox).toBeTruthy();
      expect(tabBox!.x).toBeGreaterThanOrEqual(barBox!.x - 0.5);
      expect(tabBox!.x + tabBox!.width).toBeLessThanOrEqual(barBox!.x + barBox!.width + 0.5);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the Check data tab lists every problem: row, column, value, problem, fix and client ID',
    async () => {
      const page = await pg().page();
      await showSheet(page, TAB.checks);
      const [header, ...rows] = await gridRows(page);
      expect(header.slice(0, TAB_HEADERS['Check data'].length)).toEqual([...TAB_HEADERS['Check data']]);
      const problems = rows.filter((r) => /^\d+$/.test(r[0]));
      expect(problems.length).toBe(Object.values(alertCounts).reduce((a, b) => a + b, 0));
      // Each planted broken value is listed at its own cell.
      for (const cell of PLANTED.filter((c) => c.kind !== 'phone')) {
        expect(
          problems.some((r) => r[1] === cell.column && r[2] === cell.value),
          `${cell.column} "${cell.value}" listed`,
        ).toBe(true);
      }
      await showSheet(page, TAB.clients);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'marks each offending cell in the grid with a "ClientBase: …" note (and a light red background in the sheet)',
    async () => {
      const page = await pg().page();
      await showSheet(page, TAB.clients);
      const email = PLANTED.find((c) => c.kind === 'email')!;
      const [row] = await gridRowsWhere(page, 'Email', email.value);
      const cell = gridCell(page, 'Email', row);
      expect(await cell.getAttribute('class')).toContain('has-note');
      expect(await cell.getAttribute('title')).toMatch(/ClientBase: .*not a valid address/);
      // A clean cell of the same row has no mark.
      expect((await gridCell(page, 'First name', row).getAttribute('class')) ?? '').not.toContain('has-note');
      // The playground's grid does not draw cell colours: the background is read from the sheet itself.
      const headers = (await gridRows(page))[0];
      const background = pg().session.runtime().emulator.inspectSheet(TAB.clients).backgrounds[row - 1]?.[headers.indexOf('Email')];
      expect(background).toMatch(/^#f[0-9a-f]{5}$/i);
    },
    BROWSER_TIMEOUT,
  );

  // Once a bug: the page's grid drew notes and validation outlines but not cell backgrounds, so
  // Check data's light red marking (README: "each offending cell gets a light red background") was
  // invisible in the playground.
  it(
    "shows the light red background of a marked cell in the page's grid",
    async () => {
      const page = await pg().page();
      const email = PLANTED.find((c) => c.kind === 'email')!;
      const [row] = await gridRowsWhere(page, 'Email', email.value);
      const background = await gridCell(page, 'Email', row).evaluate((td) => getComputedStyle(td).backgroundColor);
      expect(background).not.toBe('rgba(0, 0, 0, 0)');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'accepting "Phone: not in international format" and applying it rewrites those phones in the grid and logs each in Audit',
    async () => {
      const { page, frame } = await checkView();
      const group = frame.locator('.fix-groups > li').filter({ hasText: /^\s*Phone: not in international format: \d+/ });
      const label = (await group.locator('label').textContent()) ?? '';
      const size = Number(/: (\d+)$/.exec(label.trim())?.[1]);
      expect(size).toBeGreaterThan(0);
      const [before, after] = ((await group.locator('.examples li').first().textContent()) ?? '').split(' → ');
      const [row] = await gridRowsWhere(page, 'Phone', before);
      const id = (await gridCell(page, 'ID', row).textContent()) ?? '';
      expect(id).not.toBe('');

      // Nothing is applied until accepted: the button says so.
      const apply = frame.getByRole('button', { name: /^Apply/ });
      expect(await apply.isDisabled()).toBe(true);
      await group.getByRole('checkbox').check();
      await expect.poll(() => apply.textContent()).toBe(`Apply ${size} fixes`);
      await apply.click();
      const applied = frame.locator('.check .banner.info[role="status"]');
      await expect.poll(() => applied.textContent(), { timeout: UI_TIMEOUT }).toMatch(new RegExp(`^Applied ${size} fixes\\. Snapshot \\S+ can undo them\\.`));

      await showSheet(page, TAB.clients);
      await expectGridValue(page, 'ID', id, 'Phone', after);
      // The group is gone from the suggestions; the other groups stay.
      await expect
        .poll(() =>
          frame
            .locator('.fix-groups > li')
            .filter({ hasText: /^\s*Phone: not in international format/ })
            .count(),
        )
        .toBe(0);

      await showSheet(page, TAB.audit);
      const [header, ...audit] = await gridRows(page);
      const col = (name: string) => header.indexOf(name);
      const logged = audit.filter((r) => r[col('Client ID')] === id && r[col('Field')] === 'Phone');
      expect(logged.map((r) => [r[col('Old value')], r[col('New value')]])).toContainEqual([before, after]);
      const fixRows = audit.filter(
        (r) => r[col('Field')] === 'Phone' && r[col('Old value')] !== r[col('New value')] && r[col('Action')] === logged[0][col('Action')],
      );
      expect(fixRows.length).toBe(size);
      await showSheet(page, TAB.clients);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'lists stale clients per manager with counts that add up, each with its clients and an Open button',
    async () => {
      const { frame } = await checkView();
      const summary = (await frame.locator('.stale > p').first().textContent()) ?? '';
      const total = Number(/^(\d+) clients? were not updated or not contacted for over \d+ days\.$/.exec(summary)?.[1]);
      expect(total).toBeGreaterThan(0);
      const groups = counts(await frame.locator('.stale-group > summary').allTextContents());
      expect(Object.keys(groups)).toEqual(
        expect.arrayContaining(['anna.smirnova@example.com', 'olena.koval@example.com', 'ion.rusu@example.com', 'james.miller@example.com']),
      );
      expect(Object.values(groups).reduce((a, b) => a + b, 0)).toBe(total);

      const olena = frame.locator('.stale-group').filter({ has: frame.locator('summary', { hasText: /^olena\.koval@example\.com: / }) });
      await olena.locator('summary').click();
      const first = olena.locator('li').first();
      await first.waitFor();
      expect(await first.locator('.muted').textContent()).toMatch(/(updated \d+ days ago|never updated|last contact \d+ days ago|never contacted)/);
      const name = (await first.locator('strong').textContent()) ?? '';
      await first.getByRole('button', { name: `Open client ${name}`, exact: true }).click();
      await expect.poll(() => frame.locator('#cb-card-title').textContent(), { timeout: UI_TIMEOUT }).toBe(name);
    },
    BROWSER_TIMEOUT,
  );

  // Each phone is read in the client's own Country: the demo's valid UK, Ukrainian, Romanian and
  // Moldovan national numbers are not unreadable (only the 4 planted bad phones are).
  it(
    'does not report a valid national phone of a client in another country as unreadable',
    async () => {
      const page = await pg().page();
      await showSheet(page, 'Clients');
      const rows = await gridRows(page);
      const [h] = rows;
      const ukIndex = rows.findIndex((r, i) => i > 0 && r[h.indexOf('Country')] === 'United Kingdom');
      expect(ukIndex, 'the demo has a client in the United Kingdom').toBeGreaterThan(0);
      // A UK mobile written the national way, as the client's manager would type it.
      typeIntoCell(pg(), 'Clients', 'Phone', ukIndex + 1, '07480 932306');
      await chooseMenu(page, 'Check data');
      await takeAlert(page);
      await showSheet(page, 'Clients');
      const title = (await gridCell(page, 'Phone', ukIndex + 1).getAttribute('title')) ?? '';
      expect(title).not.toMatch(/cannot be read|not a valid phone/);
      // The control: a planted unreadable phone in the same grid does carry the mark.
      const bad = rows.findIndex((r, i) => i > 0 && r[h.indexOf('Phone')] === 'звонить после 18:00');
      expect(bad).toBeGreaterThan(0);
      expect((await gridCell(page, 'Phone', bad + 1).getAttribute('title')) ?? '').toMatch(/not a phone number|cannot be read/);
    },
    BROWSER_TIMEOUT,
  );

  it('raised no uncaught error and opened no browser dialog', () => {
    expect(pg().pageErrors).toEqual([]);
    expect(pg().dialogs).toEqual([]);
  });
});
