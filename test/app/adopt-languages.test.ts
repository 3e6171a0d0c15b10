/**
 * Adoption in the spreadsheet's language, and a list's purchase history turned
 * into Purchases rows so the Active / Passive segments count those clients.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { managedRowsOf, rowsOf, unwrap, useEmulator } from '../support/emulated';

const DAY = 86_400_000;
/** dd.mm.yyyy, as a Russian export writes a date, `days` before now. */
function dotted(daysAgo: number): string {
  const d = new Date(Date.now() - daysAgo * DAY);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}

const sheetNames = () =>
  SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .map((s) => s.getName());

const countOf = (name: string) => unwrap(server.apiListSegments()).find((s) => s.name === name)?.count;

describe('adopting a list in a ru_RU spreadsheet', () => {
  const emu = useEmulator({ locale: 'ru_RU', timeZone: 'Europe/Moscow' });

  function seed() {
    emu().writeSheet('Лист1', [
      ['ФИО', 'Телефон', 'Дата последней покупки', 'Сумма, руб.', 'Кол-во покупок'],
      ['Петров Александр', '+7 916 123-45-67', dotted(10), '12 000', 5],
      ['Сидорова Мария', '+7 916 765-43-21', dotted(20), '1 500,50 ₽', '2'],
      ['Козлов Иван', '+7 903 111-22-33', dotted(400), 2300, 1],
      ['Новиков Пётр', '+7 903 444-55-66', '', '', ''],
      ['=HYPERLINK("x")', '<img src=x onerror=alert(1)>', 'когда-то', 'много', '😀'],
    ]);
  }

  it('offers the purchase history and, accepted, the Active segment counts those clients; tabs, headers and dates in Russian', () => {
    seed();
    const proposal = unwrap(server.apiProposeAdoption());
    expect(proposal.purchaseHistory).toEqual({ headers: ['Дата последней покупки', 'Сумма, руб.', 'Кол-во покупок'], clients: 3 });
    const report = unwrap(server.apiAdopt({ ...proposal, importPurchases: true }));
    expect(report.purchasesImported).toBe(3);
    // The toast speaks the user's language, with its plural (ru_RU user).
    expect(emu().ui.toasts.at(-1)?.message).toMatch(new RegExp(`^Подключено: ${report.clients} клиент(а|ов)?\\. Запустите ClientBase ▸ Проверка данных`));

    const purchases = managedRowsOf(emu(), 'Purchases', 'ru');
    expect(purchases.map((p) => [p.Amount, p.Product])).toEqual([
      [12000, 'Импорт из списка клиентов: 5 покупок'],
      [1500.5, 'Импорт из списка клиентов: 2 покупки'],
      [2300, 'Импорт из списка клиентов: 1 покупка'],
    ]);
    const clients = managedRowsOf(emu(), 'Clients', 'ru');
    expect(purchases.map((p) => p['Client ID'])).toEqual(clients.slice(0, 3).map((c) => c.ID));
    // Each imported purchase has its own ID, so a merge or a sort finds it again.
    expect(new Set(purchases.map((p) => String(p.ID).replace(/^P-.{8}$/, 'ok')))).toEqual(new Set(['ok']));
    expect(new Set(purchases.map((p) => p.ID)).size).toBe(3);
    // The columns stay in Clients as they were: nothing is converted or dropped.
    expect(clients[1]['Сумма, руб.']).toBe('1 500,50 ₽');

    const names = sheetNames();
    expect(names).toEqual(expect.arrayContaining(['Клиенты', 'Поля', 'Покупки', 'Журнал', 'Сегменты']));
    for (const key of ['Clients', 'Fields', 'Purchases', 'Audit', 'Segments', 'Лист1']) expect(names).not.toContain(key);
    expect(emu().readSheet('Покупки')[0]).toEqual(['ID', 'ID клиента', 'Дата', 'Сумма', 'Товар']);
    // Days as a Russian reader writes them; amounts in Sheets' own locale separators.
    expect(emu().inspectSheet('Покупки').numberFormats[1].slice(2, 4)).toEqual(['dd.mm.yyyy', '#,##0.00']);
    const header = emu().readSheet('Клиенты')[0];
    const formats = emu().inspectSheet('Клиенты').numberFormats[1];
    expect([formats[header.indexOf('Created')], formats[header.indexOf('Birthday')]]).toEqual(['dd.mm.yyyy hh:mm:ss', 'dd.mm.yyyy']);
    expect(emu().inspectSheet('Журнал').numberFormats[1][0]).toBe('dd.mm.yyyy hh:mm:ss');
    // Found by key afterwards: the sidebar opens the adopted base.
    expect(unwrap(server.apiSearch('Петров')).length).toBe(1);
    expect(countOf('Активные')).toBe(2);
    expect(countOf('Пассивные')).toBe(1);
    expect(unwrap(server.apiListSegments()).find((s) => s.name === 'Активные')?.description).toBe('Покупали за последние 90 дней');
  });

  it('declined, writes no purchase; undone, gives the list back its own name, and can be adopted again', () => {
    seed();
    const report = unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption())));
    // Not asked for: the history stays in Clients only.
    expect(report.purchasesImported).toBeUndefined();
    expect(managedRowsOf(emu(), 'Purchases', 'ru')).toEqual([]);
    expect(countOf('Активные')).toBe(0);
    unwrap(server.apiRestoreSnapshot(report.snapshotId));
    expect(sheetNames()).toContain('Лист1');
    expect(sheetNames()).not.toContain('Клиенты');
    expect(unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption()))).clients).toBe(5);
  });

  it('a snapshot restored after its tab was deleted brings the tab back under its Russian name', () => {
    seed();
    unwrap(server.apiAdopt(unwrap(server.apiProposeAdoption())));
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const id = String(managedRowsOf(emu(), 'Clients', 'ru')[0].ID);
    const { snapshotId } = unwrap(server.apiDeleteClient(id, unwrap(server.apiGetClient(id)).updated));
    ss.deleteSheet(ss.getSheetByName('Клиенты')!);
    unwrap(server.apiRestoreSnapshot(snapshotId));
    expect(sheetNames()).toContain('Клиенты');
    expect(sheetNames()).not.toContain('Clients');
    expect(managedRowsOf(emu(), 'Clients', 'ru').map((c) => c.ID)).toContain(id);
    expect(unwrap(server.apiSearch('Петров')).length).toBe(1);
  });
});

describe('adopting a list in an English spreadsheet', () => {
  const emu = useEmulator();

  it('reads "Last purchase" and "$" totals, and writes the rows in English', () => {
    emu().writeSheet('Sheet1', [
      ['Name', 'Email', 'Last purchase date', 'Total spent, $'],
      ['John Smith', 'john@example.com', new Date(Date.now() - 5 * DAY), '$1,200.50'],
      ['Jane Roe', 'jane@example.com', '', '$3'],
    ]);
    const proposal = unwrap(server.apiProposeAdoption());
    expect(proposal.purchaseHistory).toEqual({ headers: ['Last purchase date', 'Total spent, $'], clients: 1 });
    unwrap(server.apiAdopt({ ...proposal, importPurchases: true }));
    expect(rowsOf(emu(), 'Purchases').map((p) => [p.Amount, p.Product])).toEqual([[1200.5, 'Imported with the client list']]);
    expect(emu().inspectSheet('Purchases').numberFormats[1][2]).toBe('yyyy-mm-dd');
    expect(countOf('Active')).toBe(1);
  });

  it('offers nothing for a list without a last-purchase date', () => {
    emu().writeSheet('Sheet1', [
      ['Name', 'Сумма'],
      ['John Smith', 5],
    ]);
    expect(unwrap(server.apiProposeAdoption()).purchaseHistory).toBeNull();
  });
});
