/**
 * Adopting an existing list in Chromium over the playground (issue 3): the
 * playground starts from a messy CSV export (a title line above Russian
 * headers "ФИО", "Эл. почта", "Тел.", "Город", a column no field knows, a
 * blank line, hostile and formula-looking values), as `npm start -- --import
 * export.csv` does, and the add-on's own adoption turns it into a client
 * base. The Clients grid keeps every original value with IDs added; the
 * Snapshots view lists the snapshot taken "before adopting", and restoring
 * it (as an admin) brings the original sheet back.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEFAULT_USER } from '../../playground/demo/names.ts';
import { csvSource } from '../../playground/seeding.ts';
import { parseCsv } from '../../src/core/csv/parse.ts';
import { TAB } from '../../src/core/schema/tabs.ts';
import {
  BROWSER_TIMEOUT,
  chooseSidebarView,
  describeBrowser,
  gridRows,
  openSidebar,
  sheetTabs,
  showSheet,
  UI_TIMEOUT,
  usePlayground,
} from '../support/browser.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://evil.example","click")';
const EXPORT = [
  'Выгрузка клиентов из 1С — 12.03.2024;;;;;',
  'ФИО;Эл. почта;Тел.;Город;Любимый сорт;Комментарий',
  `Иванов Пётр Сергеевич;Petr.Ivanov@Mail.ru;8 (916) 123-45-67;Москва;Арабика;"${FORMULA.replace(/"/g, '""')}"`,
  `Olena Koval;olena@@ukr.net;+380 50 123 4567;Київ;Робуста;${HOSTILE}`,
  '"Popescu, Maria";maria.popescu@gmail.com;0721 123 456;Chișinău;;+1',
  ';;;;;',
  'Смирнова Анна;;007;Санкт-Петербург;Эфиопия 😀;-1',
  'Smith John;JOHN.SMITH@GMAIL.COM;;London;@x;Клиент с 2019',
].join('\r\n');
const ORIGINAL = parseCsv(EXPORT);
const [, HEADERS, ...DATA] = ORIGINAL;
const CLIENTS = DATA.filter((row) => row.some((cell) => cell.trim() !== ''));
/** Cells a spreadsheet would read as something other than text: the import and a restore must keep them as text. */
const formulaLooking = (cell: string) => /^[=+\-@]/.test(cell);

describeBrowser('adopting an existing list (a CSV export)', () => {
  // These tests are about the adopted base: the mapping is taken as proposed (test/playground/session.test.ts covers the confirmation stop).
  const pg = usePlayground({ seed: () => ({ ...csvSource(EXPORT), adopt: true }) });

  async function clientsGrid(page: Page): Promise<{ header: string[]; rows: string[][] }> {
    const [header, ...rows] = await gridRows(page);
    return { header, rows };
  }

  async function snapshotsView(page: Page): Promise<FrameLocator> {
    const frame = await openSidebar(page);
    await chooseSidebarView(frame, 'Snapshots');
    await frame.locator('.snapshot-list > li').first().waitFor();
    return frame;
  }

  it(
    'the Clients grid keeps every original value under its own header, with an ID for each client',
    async () => {
      const page = await pg().page();
      const { header, rows } = await clientsGrid(page);
      for (const name of HEADERS) expect(header).toContain(name);
      expect(header).toEqual(expect.arrayContaining(['ID', 'Created', 'Updated', 'Updated by', 'First name', 'Last name']));
      // The title line and the blank line are not clients.
      expect(rows.length).toBe(CLIENTS.length);
      for (const original of CLIENTS) {
        const row = rows.find((r) => r[header.indexOf('ФИО')] === original[0]);
        expect(row, `the client "${original[0]}"`).toBeDefined();
        HEADERS.forEach((name, c) => {
          if (!formulaLooking(original[c])) expect(row![header.indexOf(name)], `${original[0]} · ${name}`).toBe(original[c]);
        });
        // "+1", "-1" and "@x" stay text; never a number or a formula.
        for (const [c, cell] of original.entries()) if (/^[+\-@]/.test(cell)) expect(row![header.indexOf(HEADERS[c])]).toBe(cell);
      }
      const ids = rows.map((r) => r[header.indexOf('ID')]);
      expect(ids.every((id) => /^\S+$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      // The full name is kept and also split.
      const ivanov = rows.find((r) => r[header.indexOf('ФИО')] === 'Иванов Пётр Сергеевич')!;
      expect(ivanov[header.indexOf('Last name')]).toBe('Иванов');
      expect(ivanov[header.indexOf('First name')]).toMatch(/^Пётр/);
      // Hostile text is shown as text.
      expect(await page.locator('#grid img').count()).toBe(0);
      expect(pg().dialogs).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the Fields tab describes the mapped columns by type and keeps the unknown one as an extra text field',
    async () => {
      const page = await pg().page();
      await page.locator('#tabs').getByRole('button', { name: TAB.fields, exact: true }).click();
      await expect.poll(() => page.locator('#grid-note').textContent(), { timeout: UI_TIMEOUT }).toMatch(/^Fields:/);
      const [h, ...fields] = await gridRows(page);
      const type = (name: string) => fields.find((r) => r[h.indexOf('Name')] === name)?.[h.indexOf('Type')];
      expect(type('Эл. почта')).toBe('email');
      expect(type('Тел.')).toBe('phone');
      expect(type('Любимый сорт')).toBe('text');
      await page.locator('#tabs').getByRole('button', { name: TAB.clients, exact: true }).click();
      await expect.poll(() => page.locator('#grid-note').textContent(), { timeout: UI_TIMEOUT }).toMatch(/^Clients:/);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'only an admin may restore: a manager sees the snapshot "before adopting" with Restore disabled and why',
    async () => {
      const page = await pg().page();
      await page.getByLabel('Acting as').selectOption('olena.koval@example.com');
      try {
        const frame = await snapshotsView(page);
        const item = frame.locator('.snapshot-list > li').filter({ hasText: 'before adopting' });
        await item.waitFor();
        expect(await item.getByRole('button', { name: /^Restore snapshot / }).isDisabled()).toBe(true);
        expect(await frame.locator('#cb-snapshots-role').textContent()).toBe('Only admins can restore snapshots; you are a manager.');
      } finally {
        await page.getByLabel('Acting as').selectOption(DEFAULT_USER);
        await expect.poll(() => page.getByLabel('Acting as').inputValue()).toBe(DEFAULT_USER);
      }
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the Snapshots view lists "before adopting"; restoring it as an admin brings the original sheet back',
    async () => {
      const page = await pg().page();
      const frame = await snapshotsView(page);
      const item = frame.locator('.snapshot-list > li').filter({ hasText: 'before adopting' });
      await item.waitFor();
      // The list was in Sheet1, as a new spreadsheet's is; adoption renamed that tab to Clients.
      expect(await item.textContent()).toContain('Tabs: Sheet1');
      expect(await item.textContent()).toContain(`by ${DEFAULT_USER}`);

      await item.getByRole('button', { name: /^Restore snapshot / }).click();
      const question = item.getByRole('group');
      expect(await question.textContent()).toMatch(/^Put Sheet1 back as they were on /);
      await question.getByRole('button', { name: 'Yes, restore', exact: true }).click();
      await expect
        .poll(() => frame.locator('.snapshots > p.notice').textContent(), { timeout: UI_TIMEOUT })
        .toMatch(/^Restored Sheet1; the state before the restore is snapshot \S+\.$/);

      // The tab is Sheet1 again and shows the export as it was: the title line, the Russian headers, no ID column.
      // The page redraws its tab strip on its next poll after the restore, so this waits for it.
      await expect.poll(() => sheetTabs(page), { timeout: UI_TIMEOUT }).not.toContain(TAB.clients);
      await showSheet(page, 'Sheet1');
      await expect.poll(async () => (await gridRows(page))[1], { timeout: UI_TIMEOUT }).toEqual(HEADERS);
      const shown = await gridRows(page);
      expect(shown[0][0]).toBe(ORIGINAL[0][0]);
      expect(shown.flat()).not.toContain('ID');
      expect(shown.length).toBe(ORIGINAL.length);
      ORIGINAL.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!formulaLooking(cell)) expect(shown[r][c], `row ${r + 1}, column ${c + 1}`).toBe(cell);
        }),
      );
      expect(await page.locator('#grid img').count()).toBe(0);
    },
    BROWSER_TIMEOUT,
  );

  // The restore puts back each column's format with the values, so text reads exactly as exported.
  it(
    'after the restore, "+1", "-1" and "@x" read exactly as in the export',
    async () => {
      const page = await pg().page();
      const shown = await gridRows(page);
      expect(shown[1]).toEqual(HEADERS);
      ORIGINAL.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (/^[+\-@]/.test(cell)) expect(shown[r][c], `row ${r + 1}, column ${c + 1}`).toBe(cell);
        }),
      );
    },
    BROWSER_TIMEOUT,
  );

  // `--import` keeps an exported cell that starts with "=" as the text the export held.
  it(
    'an imported cell that looks like a formula is kept as its text, not run as a formula',
    async () => {
      const page = await pg().page();
      await pg().session.reset();
      await page.reload();
      await expect.poll(async () => (await gridRows(page))[0] ?? [], { timeout: UI_TIMEOUT }).toContain('ID');
      const { header, rows } = await clientsGrid(page);
      const ivanov = rows.find((r) => r[header.indexOf('ФИО')] === 'Иванов Пётр Сергеевич')!;
      expect(ivanov[header.indexOf('Комментарий')]).toBe(FORMULA);
    },
    BROWSER_TIMEOUT,
  );

  it('raised no uncaught error and opened no browser dialog', () => {
    expect(pg().pageErrors).toEqual([]);
    expect(pg().dialogs).toEqual([]);
  });
});
