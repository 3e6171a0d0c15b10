/**
 * A Russian user's sidebar in Chromium over the demo base (the playground's
 * account is English, so the user picks Русский, as a ru_RU account gets it
 * from its locale): the client card's Stage buttons read the Fields
 * tab's Russian words (Холодный, Тёплый, Горячий…), a click saves the code
 * word (Hot) into Clients, and switching to Українська or Română shows theirs.
 */
import { expect, it } from 'vitest';
import { TAB } from '../../src/core/schema/tabs.ts';
import { en } from '../../sidebar/i18n/en.ts';
import { ru } from '../../sidebar/i18n/ru.ts';
import { uk } from '../../sidebar/i18n/uk.ts';
import {
  addClientDirectly,
  BROWSER_TIMEOUT,
  cardTitle,
  describeBrowser,
  openSidebar,
  showSheet,
  UI_TIMEOUT,
  usePlayground,
  waitForNotice,
  chooseLanguage,
} from '../support/browser.ts';

describeBrowser('the sidebar in Russian (issue 16)', () => {
  const pg = usePlayground({ locale: 'ru-RU' });

  it(
    'shows the stage buttons in Russian, saves the stage by its code word, and follows a switch to Ukrainian and Romanian',
    async () => {
      const page = await pg().page();
      await showSheet(page, TAB.clients);
      const frame = await openSidebar(page);
      await chooseLanguage(frame, 'Русский');
      await frame.getByRole('tab', { name: ru.tabClient, exact: true }).waitFor();
      const client = await addClientDirectly(pg(), { 'First name': 'Ольга', 'Last name': 'Сидоренко', Stage: 'Cold', Email: 'olga.sidorenko@example.ru' });
      await frame.getByRole('combobox', { name: ru.searchLabel }).fill('Ольга Сидоренко');
      await frame
        .getByRole('listbox', { name: ru.searchResults })
        .getByRole('option', { name: /Ольга Сидоренко/ })
        .first()
        .click();
      await expect.poll(() => cardTitle(frame).textContent(), { timeout: UI_TIMEOUT }).toBe('Ольга Сидоренко');

      const stages = frame.getByRole('group', { name: ru.stage, exact: true });
      await expect
        .poll(() => stages.getByRole('button').allTextContents(), { timeout: UI_TIMEOUT })
        .toEqual(['Холодный', 'Тёплый', 'Горячий', 'VIP', 'Потерян']);
      expect(await stages.getByRole('button', { name: 'Холодный', exact: true }).getAttribute('aria-pressed')).toBe('true');
      // Nothing of the English words is left on the buttons.
      expect(await stages.getByRole('button', { name: /^(Cold|Warm|Hot|Lost)$/ }).count()).toBe(0);

      await stages.getByRole('button', { name: 'Горячий', exact: true }).click();
      await waitForNotice(frame, /Горячий/);
      await expect.poll(() => stages.getByRole('button', { name: 'Горячий', exact: true }).getAttribute('aria-pressed')).toBe('true');
      // The sheet keeps the code word the rules and segments use.
      const [header, ...rows] = pg().session.runtime().emulator.readSheet(TAB.clients);
      const row = rows.find((r) => r[header.indexOf('ID')] === client.id)!;
      expect(row[header.indexOf('Stage')]).toBe('Hot');

      await chooseLanguage(frame, 'Українська');
      const ukStages = frame.getByRole('group', { name: uk.stage, exact: true });
      await expect
        .poll(() => ukStages.getByRole('button').allTextContents(), { timeout: UI_TIMEOUT })
        .toEqual(['Холодний', 'Теплий', 'Гарячий', 'VIP', 'Втрачений']);
      await chooseLanguage(frame, 'Română');
      await expect
        .poll(() => frame.locator('.stages button').allTextContents(), { timeout: UI_TIMEOUT })
        .toEqual(['Rece', 'Călduț', 'Fierbinte', 'VIP', 'Pierdut']);
      await chooseLanguage(frame, 'Русский');
    },
    BROWSER_TIMEOUT,
  );

  it('raised no uncaught error and opened no browser dialog', () => {
    expect(pg().pageErrors).toEqual([]);
    expect(pg().dialogs).toEqual([]);
  });
});
