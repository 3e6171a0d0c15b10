/**
 * The add-on's writes in spreadsheets whose locale reads typed input (en as the control)
 * differently (ru_RU, ro_RO: '1,5' is a number, '31.12.2024' a date, ИСТИНА /
 * ADEVĂRAT booleans). Text must stay the exact text, dates must be Dates.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { langOfLocale } from '../../src/core/i18n/lang';
import { managedRowsOf, rowsOf, unwrap, useEmulator } from '../support/emulated';

const AMBIGUOUS = ['1,5', '31.12.2024', 'ИСТИНА', 'ADEVĂRAT', 'ложь', 'FALS', '3 Dec 2024', 'December 3, 2024', '12,5%', '1.234,5', '1 234,5'];

for (const locale of ['en', 'ru_RU', 'uk_UA', 'ro_RO']) {
  describe(`writes in a ${locale} spreadsheet`, () => {
    const emu = useEmulator({ locale, timeZone: 'Europe/Moscow' });

    it('a sidebar save keeps locale-ambiguous text as text and stores the birthday as a Date', () => {
      server.menuSetUp();
      const textFields = ['First name', 'Company', 'Position', 'Address', 'Postal code', 'City', 'Region', 'Tax ID', 'Notes'];
      AMBIGUOUS.forEach((text, i) => {
        const values: Record<string, string> = { Birthday: '1985-12-31' };
        for (const f of textFields) values[f] = `${text}`;
        values['Last name'] = `L${i}`;
        const outcome = unwrap(server.apiSaveClient({ values, acknowledgeDuplicates: true }));
        expect(outcome.status, text).toBe('saved');
      });
      // Set up names the tabs in the spreadsheet's language (Клиенты, Clienți).
      const rows = managedRowsOf(emu(), 'Clients', langOfLocale(locale));
      expect(rows).toHaveLength(AMBIGUOUS.length);
      rows.forEach((row, i) => {
        for (const f of textFields) expect(row[f], `${f} = ${AMBIGUOUS[i]}`).toBe(AMBIGUOUS[i]);
        expect(row.Birthday).toBeInstanceOf(Date);
        expect((row.Birthday as Date).toISOString().slice(0, 10)).toBe('1985-12-30'); // midnight Moscow = 21:00 UTC the day before
      });
    });

    it('adoption keeps every text cell of the original list as the same text', () => {
      const list = [
        ['Имя', 'Фамилия', 'Эл. почта', 'Сумма', 'Комментарий', 'Дата визита'],
        ['Анна', 'Иванова', 'anna@mail.ru', '1,5', 'ИСТИНА', '31.12.2024'],
        ['Ion', 'Popescu', 'ion@gmail.com', '1.234,5', 'ADEVĂRAT', '3 Dec 2024'],
        ['John', 'Smith', 'john@example.com', 42, '12,5%', new Date(Date.UTC(2024, 11, 3))],
        ['Олег', 'Ковальчук', 'oleg@example.ua', 'ХИБНІСТЬ', 'FALS', 'December 3, 2024'],
      ];
      emu().writeSheet('Sheet1', list);
      const proposal = unwrap(server.apiProposeAdoption());
      unwrap(server.apiAdopt(proposal));
      // Adoption names the tab in the spreadsheet's language, as Set up does.
      const rows = managedRowsOf(emu(), 'Clients', langOfLocale(locale));
      for (const [i, original] of list.slice(1).entries()) {
        for (const [j, header] of list[0].entries()) {
          const kept = rows[i][String(header)];
          if (original[j] instanceof Date) expect((kept as Date).getTime(), String(header)).toBe((original[j] as Date).getTime());
          else expect(kept, `${header} of row ${i + 1}`).toBe(original[j]);
        }
      }
    });

    it('an interaction keeps its result text and stores its dates as Dates', () => {
      server.menuSetUp();
      const saved = unwrap(server.apiSaveClient({ values: { 'First name': 'Ana' } }));
      if (saved.status !== 'saved') throw new Error('not saved');
      unwrap(
        server.apiLogInteraction({
          clientId: saved.client.id,
          date: '2024-12-31',
          type: 'Call',
          result: '1,5',
          nextStep: '31.12.2024',
          nextDate: '2025-01-15',
        }),
      );
      const [row] = managedRowsOf(emu(), 'Interactions', langOfLocale(locale));
      expect(row.Result).toBe('1,5');
      expect(row['Next step']).toBe('31.12.2024');
      expect(row.Date).toBeInstanceOf(Date);
      expect(row['Next date']).toBeInstanceOf(Date);
    });
  });
}
