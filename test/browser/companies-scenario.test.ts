/**
 * Issue 17's "How it will be checked", walked in Chromium as a new user would:
 * the playground starts on a flat B2B export (playground/demo/b2b-flat.csv:
 * three companies spelt several ways, a private client), as
 * `npm start -- --import playground/demo/b2b-flat.csv` does. The user adopts
 * it, confirming the companies proposed in the mapping step; opens a company
 * from the search; logs a call with its decision maker and sees it in the
 * company's history; adds a contract on the company card and finds it in the
 * Deals tab; and mails one decision maker per VIP company (the Outbox holds
 * exactly those two). Then the search finds a company by other name forms and
 * by tax ID digits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { expect, it } from 'vitest';
import { csvSource } from '../../playground/seeding.ts';
import { TAB } from '../../src/core/schema/tabs.ts';
import {
  BROWSER_TIMEOUT,
  cardTitle,
  chooseSidebarView,
  describeBrowser,
  gridRows,
  openSidebar,
  outbox,
  searchResults,
  showSheet,
  sidebarFrame,
  UI_TIMEOUT,
  usePlayground,
} from '../support/browser.ts';

const CSV = readFileSync(join(import.meta.dirname, '..', '..', 'playground', 'demo', 'b2b-flat.csv'), 'utf8');
const ROMASHKA = 'ООО «Ромашка»';

describeBrowser('companies, people, roles and deals as a new user meets them (issue 17)', () => {
  const pg = usePlayground({ seed: () => csvSource(CSV) });

  /** The company card shown in the Companies view. */
  const companyCard = (sidebar: FrameLocator) => sidebar.locator('.cb-company-card');

  async function openCompanyFromSearch(sidebar: FrameLocator, query: string, name: string | RegExp): Promise<void> {
    await chooseSidebarView(sidebar, 'Client');
    await sidebar.getByRole('combobox', { name: 'Find a client' }).fill(query);
    await searchResults(sidebar).locator('.company-hit').filter({ hasText: name }).first().click();
    await sidebar.getByRole('tab', { name: 'Companies', exact: true, selected: true }).waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => companyCard(sidebar).locator('h2').textContent(), { timeout: UI_TIMEOUT }).toMatch(name);
  }

  it(
    'adopts the flat list with the proposed companies confirmed: Companies rows, each person linked, every cell kept',
    async () => {
      const page = await pg().page();
      const sidebar = sidebarFrame(page);
      await sidebar.getByRole('heading', { name: 'Adopt your client list' }).waitFor({ timeout: UI_TIMEOUT });
      const offer = sidebar.locator('fieldset.cb-adopt-companies');
      await offer.waitFor({ timeout: UI_TIMEOUT });
      // Three companies whatever their spellings, seven people in them, one private client.
      const groups = offer.locator('li');
      await expect.poll(() => groups.count(), { timeout: UI_TIMEOUT }).toBe(3);
      const texts = await groups.allTextContents();
      const romashka = texts.find((t) => t.includes('Ромашка'));
      expect(romashka).toMatch(/3 people/);
      expect(romashka).toContain('Romashka LLC');
      // What the company takes from its people's rows, and where they disagree, before anything is written.
      expect(romashka).toContain('The company also gets City, Stage from its people.');
      expect(romashka).toContain(
        'City differs among its people: Санкт-Петербург / СПб / St. Petersburg. The company gets Санкт-Петербург; each person keeps their own.',
      );
      expect(texts.find((t) => t.includes('Vasilek') || t.includes('Василек'))).toMatch(/2 people/);
      expect(texts.find((t) => t.includes('Acme'))).toMatch(/2 people/);
      expect(await offer.textContent()).toMatch(/1 (row|person|client)[^.]*no company|private/i);
      expect(await offer.getByRole('checkbox').first().isChecked()).toBe(true);

      await sidebar.getByRole('button', { name: /^Adopt 8 clients$/ }).click();
      await expect.poll(() => pg().session.runtime().emulator.sheetNames(), { timeout: UI_TIMEOUT }).toContain(TAB.companies);

      await showSheet(page, TAB.companies);
      const [companyHead, ...companies] = await gridRows(page);
      expect(companies.map((r) => r[companyHead.indexOf('Name')]).sort()).toEqual(['Acme Ltd', expect.stringMatching(/Vasilek|Василек/), ROMASHKA].sort());
      const romashkaRow = companies.find((r) => r[companyHead.indexOf('Name')] === ROMASHKA)!;
      expect([romashkaRow[companyHead.indexOf('City')], romashkaRow[companyHead.indexOf('Stage')]]).toEqual(['Санкт-Петербург', 'VIP']);
      const idOf = (name: RegExp) => companies.find((r) => name.test(r[companyHead.indexOf('Name')]))![companyHead.indexOf('ID')];

      await showSheet(page, TAB.clients);
      const [head, ...people] = await gridRows(page);
      expect(people).toHaveLength(8);
      const person = (email: string) => people.find((r) => r[head.indexOf('E-mail')] === email)!;
      expect(person('olga@romashka.ru')[head.indexOf('Company ID')]).toBe(idOf(/Ромашка/));
      expect(person('kim@romashka.ru')[head.indexOf('Company ID')]).toBe(idOf(/Ромашка/));
      expect(person('ion@vasilek.md')[head.indexOf('Company ID')]).toBe(idOf(/Vasilek|Василек/));
      expect(person('maria@example.com')[head.indexOf('Company ID')]).toBe('');
      // The list keeps its own headers; the Company text each person had is kept as typed.
      expect(person('olga@romashka.ru')[head.indexOf('Компания')]).toBe('Romashka LLC');
      expect(person('kim@romashka.ru')[head.indexOf('Компания')]).toBe('ТОВ "Ромашка"');
      expect(await page.locator('#grid b').count()).toBe(0);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'opens the company from the search, logs a call with its decision maker, and sees the call in the company history',
    async () => {
      const page = await pg().page();
      const sidebar = await openSidebar(page);
      await openCompanyFromSearch(sidebar, 'Romashka', ROMASHKA);
      const card = companyCard(sidebar);
      const people = card.locator('.cb-company-people li');
      await expect.poll(() => people.count(), { timeout: UI_TIMEOUT }).toBe(3);
      const decider = people.filter({ hasText: 'Decision maker' });
      expect(await decider.count()).toBe(1);
      expect(await decider.textContent()).toContain('+7 916 123-45-67');
      await decider.getByRole('button').click();
      await expect.poll(() => cardTitle(sidebar).textContent(), { timeout: UI_TIMEOUT }).toMatch(/Иван|Петров/);

      const log = sidebar.getByRole('form', { name: 'Log an interaction' });
      await log.getByLabel('Result', { exact: true }).fill('Agreed the contract terms');
      await log.getByLabel('Next step', { exact: true }).fill('Send the signed copy');
      await log.getByRole('button', { name: 'Log interaction', exact: true }).click();
      await expect.poll(() => log.getByRole('status').textContent(), { timeout: UI_TIMEOUT }).toBe('Call logged.');

      // Back to the company: its history now holds the call, under the person's name.
      await chooseSidebarView(sidebar, 'Companies');
      await expect
        .poll(() => card.locator('.cb-company-history').textContent(), { timeout: UI_TIMEOUT })
        .toMatch(/Call — (Иван Петров|Петров Иван): Agreed the contract terms/);
      expect(await card.locator('.cb-company-next').textContent()).toContain('Send the signed copy');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'adds a contract on the company card: listed there with its status, and a row of the Deals tab with the Company ID',
    async () => {
      const page = await pg().page();
      const sidebar = sidebarFrame(page);
      const card = companyCard(sidebar);
      const deals = card.getByRole('region', { name: /^Deals/ });
      await deals.getByRole('button', { name: 'Add a deal' }).click();
      await deals.getByLabel('Number', { exact: true }).fill('R-2026/1');
      await deals.getByLabel('Date', { exact: true }).fill('2026-11-20');
      await deals.getByLabel('Amount', { exact: true }).fill('480000');
      await deals.getByLabel('Currency', { exact: true }).fill('RUB');
      await deals.getByLabel('Status', { exact: true }).selectOption('signed');
      await deals.getByLabel(/^Appendices/).fill('Appendix 1: price list');
      await deals.getByRole('button', { name: 'Save deal' }).click();
      await expect.poll(() => deals.getByRole('status').textContent(), { timeout: UI_TIMEOUT }).toBe('Deal R-2026/1 saved.');
      expect(await deals.locator('li.deal .deal-status').textContent()).toBe('Signed');

      const companyId = await card.getAttribute('data-company-id').catch(() => null);
      await showSheet(page, TAB.deals);
      const [head, ...rows] = await gridRows(page);
      const row = rows.find((r) => r[head.indexOf('Number')] === 'R-2026/1');
      expect(row, 'the deal row').toBeDefined();
      expect(row![head.indexOf('Company')]).toBe(ROMASHKA);
      const id = companyId ?? (await sidebar.locator('.cb-company-deals').getAttribute('data-company-id'));
      expect(row![head.indexOf('Company ID')]).toBe(id);
      expect(row![head.indexOf('Amount')]).toMatch(/^480[\s,.]?000/);
      await showSheet(page, TAB.clients);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'mails one decision maker per VIP company: the colleagues are left out; the decision maker just called waits for the contact pause',
    async () => {
      const page = await pg().page();
      const sidebar = sidebarFrame(page);
      await chooseSidebarView(sidebar, 'Mail');
      await sidebar.getByRole('heading', { name: 'Mail merge' }).waitFor();
      await sidebar.getByLabel('Template', { exact: true }).selectOption({ label: 'New template' });
      await sidebar.getByLabel('Template name', { exact: true }).fill('Contract offer');
      // The list kept its own headers, so its placeholders are its own words.
      await sidebar.getByLabel('Subject', { exact: true }).fill('An offer for {{Компания}}');
      await sidebar.getByLabel('Body', { exact: true }).fill('Dear {{Имя|colleague}},\n\nOur offer is attached.');
      await sidebar.getByRole('button', { name: 'Save template', exact: true }).click();
      await expect.poll(() => sidebar.locator('.mail > p.notice').textContent(), { timeout: UI_TIMEOUT }).toBe('Saved “Contract offer”.');

      const check = async (): Promise<string> => {
        await sidebar.getByRole('radio', { name: 'A segment' }).check();
        const segments = sidebar.getByLabel('Segment', { exact: true });
        const vip = segments.locator('option').filter({ hasText: /^VIP \(\d+\)$/ });
        await segments.selectOption({ label: (await vip.textContent()) ?? 'VIP' });
        await sidebar.getByLabel('Mailing name', { exact: true }).fill('VIP decision makers');
        await sidebar.getByRole('checkbox', { name: /^One recipient per company/ }).check();
        await sidebar.getByRole('button', { name: 'Check before sending', exact: true }).click();
        const summary = sidebar.locator('.mail-preflight > p').first();
        await summary.waitFor({ timeout: UI_TIMEOUT });
        return (await summary.textContent()) ?? '';
      };
      const send = async (n: number): Promise<void> => {
        await sidebar.getByRole('button', { name: `Send ${n} email${n === 1 ? '' : 's'}`, exact: true }).click();
        await sidebar.getByRole('alertdialog').getByRole('button', { name: 'Yes, send', exact: true }).click();
        await expect.poll(() => sidebar.locator('.mail > p.notice').textContent(), { timeout: UI_TIMEOUT }).toBe('Done.');
      };

      // Romashka's decision maker was called minutes ago: the pause holds him back, and no colleague is mailed instead.
      expect(await check()).toBe('5 recipients · 1 email will be sent');
      expect(await sidebar.locator('.mail-per-company').textContent()).toBe(`Left out, one recipient per company: ${ROMASHKA} 2, Vasilek S.R.L. 1`);
      expect(await sidebar.locator('.mail-preflight').textContent()).toMatch(/Иван Петров|Петров Иван/);
      expect((await outbox(page)).total).toBe(0);
      await send(1);
      await expect.poll(async () => (await outbox(page)).total, { timeout: UI_TIMEOUT }).toBe(1);
      expect((await outbox(page)).mails).toEqual([{ to: 'ana.rusu@vasilek.md', subject: 'An offer for Vasilek S.R.L.' }]);

      // Four days on, the same mailing reaches Romashka through its decision maker, and nobody else.
      const today = /^\d{4}-\d{2}-\d{2}/.exec((await page.locator('#clock').textContent()) ?? '')![0];
      const later = new Date(Date.parse(`${today}T12:00:00Z`) + 4 * 86_400_000).toISOString().slice(0, 10);
      for (let day = 0; day < 4; day++) await page.locator('#clock-day').click();
      await expect.poll(() => page.locator('#clock').textContent(), { timeout: UI_TIMEOUT }).toMatch(new RegExp(`^${later}`));
      expect(await check()).toMatch(/^\d+ recipients · 1 email will be sent$/);
      await send(1);
      await expect.poll(async () => (await outbox(page)).total, { timeout: UI_TIMEOUT }).toBe(2);
      expect((await outbox(page)).mails[0]).toEqual({ to: 'ivan.petrov@romashka.ru', subject: `An offer for ${ROMASHKA}` });

      // The Mailings tab: the two decision makers sent, the three colleagues skipped, none mailed.
      await showSheet(page, TAB.mailings);
      const [head, ...rows] = await gridRows(page);
      const status = (email: string) => rows.filter((r) => r[head.indexOf('Email')] === email).map((r) => r[head.indexOf('Status')]);
      expect(status('ivan.petrov@romashka.ru')).toContain('Sent');
      expect(status('ana.rusu@vasilek.md')).toContain('Sent');
      for (const colleague of ['olga@romashka.ru', 'kim@romashka.ru', 'ion@vasilek.md'])
        expect(status(colleague).every((s) => s.startsWith('Skipped'))).toBe(true);
      await showSheet(page, TAB.clients);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the search finds a company by another name form and by tax ID digits, and opens the same card',
    async () => {
      const page = await pg().page();
      const sidebar = sidebarFrame(page);
      await openCompanyFromSearch(sidebar, 'Romashka LLC', ROMASHKA);
      const first = await sidebar.locator('.cb-company-deals').getAttribute('data-company-id');
      await openCompanyFromSearch(sidebar, '7707 083', ROMASHKA);
      expect(await sidebar.locator('.cb-company-deals').getAttribute('data-company-id')).toBe(first);
      // The Cyrillic spelling of a Latin name, and a legal form alone does not find every company.
      await chooseSidebarView(sidebar, 'Client');
      await sidebar.getByRole('combobox', { name: 'Find a client' }).fill('Василек');
      await expect
        .poll(() => searchResults(sidebar).locator('.company-hit').allTextContents(), { timeout: UI_TIMEOUT })
        .toEqual([expect.stringMatching(/Vasilek|Василек/)]);
      await sidebar.getByRole('combobox', { name: 'Find a client' }).fill('Acme');
      await expect
        .poll(() => searchResults(sidebar).locator('.company-hit').allTextContents(), { timeout: UI_TIMEOUT })
        .toEqual([expect.stringMatching(/^Acme Ltd/)]);
    },
    BROWSER_TIMEOUT,
  );

  it('raised no uncaught error and opened no browser dialog', () => {
    expect(pg().pageErrors).toEqual([]);
    expect(pg().dialogs).toEqual([]);
  });
});
