import { describe, expect, it } from 'vitest';
import { detectPurchaseHistory, importedProductLabel, importedPurchase, listDay } from '../../../src/core/schema/purchase-history';

describe('purchase history in a client list', () => {
  it('finds the columns in Russian, Ukrainian, Romanian and English, currency words and case ignored', () => {
    expect(detectPurchaseHistory(['ФИО', 'Дата последней покупки', 'Сумма, руб.', 'Кол-во покупок'])).toEqual({ lastDate: 1, total: 2, count: 3 });
    expect(detectPurchaseHistory(['ПІБ', 'Кількість покупок', 'Сума, грн', 'Дата останньої покупки'])).toEqual({ lastDate: 3, total: 2, count: 1 });
    expect(detectPurchaseHistory(['Nume', 'Data ultimei achiziții', 'Suma (lei)'])).toEqual({ lastDate: 1, total: 2 });
    expect(detectPurchaseHistory(['Name', 'LAST PURCHASE', 'Total spent, $', 'Number of purchases'])).toEqual({ lastDate: 1, total: 2, count: 3 });
  });

  it('offers nothing without a last-purchase date, nor for hostile headers', () => {
    expect(detectPurchaseHistory(['Сумма', 'Кол-во покупок'])).toBeNull();
    expect(detectPurchaseHistory([])).toBeNull();
    expect(detectPurchaseHistory(['=SUM(A1:A9)', '<script>', '😀', 'x'.repeat(10_000)])).toBeNull();
  });

  it('reads local dates and amounts: 31.12.2024, 1 500,50 ₽, 12 000 ₴, 300 lei', () => {
    const cols = { lastDate: 0, total: 1, count: 2 };
    expect(importedPurchase(cols, ['31.12.2024', '1 500,50 ₽', '3'])).toEqual({ day: { year: 2024, month: 12, day: 31 }, amount: 1500.5, count: 3 });
    expect(importedPurchase(cols, ['2024-02-29', '12 000 ₴', 7])?.amount).toBe(12000);
    expect(importedPurchase(cols, ['01.03.2025', '300 lei', ''])).toEqual({ day: { year: 2025, month: 3, day: 1 }, amount: 300, count: null });
    const date = new Date(Date.UTC(2024, 5, 1));
    expect(importedPurchase(cols, [date, 2300, 1])).toEqual({ day: { date }, amount: 2300, count: 1 });
  });

  it('gives no row without a readable date, and a blank amount for text that is not one', () => {
    const cols = { lastDate: 0, total: 1 };
    for (const bad of ['', 'когда-то', '31.02.2024', '=TODAY()', '<img src=x onerror=alert(1)>', '😀', null, 42])
      expect(importedPurchase(cols, [bad, 5])).toBeNull();
    expect(importedPurchase(cols, ['31.12.2024', 'много'])?.amount).toBeNull();
    expect(listDay(new Date(Number.NaN))).toBeNull();
  });

  it('marks the rows as imported in the spreadsheet language, with the count in its plural form', () => {
    expect(importedProductLabel('ru', 22)).toBe('Импорт из списка клиентов: 22 покупки');
    expect(importedProductLabel('uk', 5)).toBe('Імпорт зі списку клієнтів: 5 покупок');
    expect(importedProductLabel('ro', 20)).toBe('Importat cu lista de clienți: 20 de achiziții');
    expect(importedProductLabel('en', 1)).toBe('Imported with the client list: 1 purchase');
    expect(importedProductLabel('ro', null)).toBe('Importat cu lista de clienți');
  });
});
