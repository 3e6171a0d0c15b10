/**
 * Purchase history that arrives with a client list: "Дата последней покупки",
 * "Сумма покупок" / "Сумма, руб.", "Кол-во покупок" (and English, Ukrainian,
 * Romanian forms). The activity measures read only the Purchases tab, so
 * adoption offers to turn these columns into one summary row per client,
 * dated the last purchase, marked as imported. The columns stay in Clients too.
 *
 * Without a last-purchase date nothing is offered: an undated row feeds no
 * recency measure and would be counted as a purchase of unknown time.
 */
import type { Lang } from '../i18n/lang';
import { english, romanian, slavic } from '../i18n/plural';
import { isBlank, isDate } from '../values';
import { parseDateText } from '../validate/parse-date';
import { parseNumberText } from '../validate/parse-number';
import { headerKey } from './header-map';

export interface PurchaseHistoryColumns {
  /** 0-based column indexes in the list. */
  lastDate: number;
  total?: number;
  count?: number;
}

/** Headers compared by headerKey (case, spaces, punctuation, diacritics ignored); a trailing currency word is dropped first. */
const LAST_DATE = [
  'Last purchase',
  'Last purchase date',
  'Date of last purchase',
  'Last order date',
  'Last order',
  'Дата последней покупки',
  'Последняя покупка',
  'Дата последнего заказа',
  'Последний заказ',
  'Дата останньої покупки',
  'Остання покупка',
  'Дата останнього замовлення',
  'Data ultimei achiziții',
  'Ultima achiziție',
  'Data ultimei cumpărături',
  'Ultima comandă',
];
const TOTAL = [
  'Total spent',
  'Total purchases',
  'Purchases total',
  'Lifetime value',
  'Spent',
  'Сумма покупок',
  'Сумма',
  'Сумма заказов',
  'Всего покупок на сумму',
  'Потрачено',
  'Сума покупок',
  'Сума',
  'Сума замовлень',
  'Витрачено',
  'Suma achizițiilor',
  'Total achiziții',
  'Total cumpărături',
  'Suma',
];
const COUNT = [
  'Purchases',
  'Number of purchases',
  'Purchase count',
  'Orders',
  'Number of orders',
  'Кол-во покупок',
  'Количество покупок',
  'Число покупок',
  'Кол-во заказов',
  'Количество заказов',
  'Кількість покупок',
  'К-сть покупок',
  'Кількість замовлень',
  'Număr achiziții',
  'Nr. achiziții',
  'Număr de comenzi',
];

/** "Сумма, руб.", "Сума (грн)", "Total, $", "Suma lei" → the header without its currency. */
const CURRENCY_TAIL = /[\s,(]*(руб\.?|рублей|р\.|₽|rub|грн\.?|гривень|₴|uah|lei|ron|mdl|леев|лей|\$|usd|€|eur)\)?\s*$/iu;

const keysOf = (list: readonly string[]) => new Set(list.map(headerKey));
const LAST_DATE_KEYS = keysOf(LAST_DATE);
const TOTAL_KEYS = keysOf(TOTAL);
const COUNT_KEYS = keysOf(COUNT);

const keyOf = (header: unknown): string => headerKey(String(header ?? '').replace(CURRENCY_TAIL, ''));

/** The list's purchase-history columns, or null when it has no last-purchase date. */
export function detectPurchaseHistory(header: readonly unknown[]): PurchaseHistoryColumns | null {
  const find = (keys: Set<string>) => {
    const i = header.findIndex((h) => keys.has(keyOf(h)));
    return i < 0 ? undefined : i;
  };
  const lastDate = find(LAST_DATE_KEYS);
  if (lastDate === undefined) return null;
  const total = find(TOTAL_KEYS);
  const count = find(COUNT_KEYS);
  return { lastDate, ...(total !== undefined ? { total } : {}), ...(count !== undefined ? { count } : {}) };
}

/** A calendar day read from a list cell, or null. */
export type ListDay = { date: Date } | { year: number; month: number; day: number };

export interface ImportedPurchase {
  day: ListDay;
  /** The total as a number; null when the list gives none or it does not read as an amount (counts as 0). */
  amount: number | null;
  /** How many purchases the summary stands for, when the list says. */
  count: number | null;
}

/** A list cell as a day: a date value as it is, text in local or ISO form (31.12.2024, 2024-12-31, 31/12/2024). */
export function listDay(value: unknown): ListDay | null {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? null : { date: value };
  if (typeof value !== 'string' || isBlank(value)) return null;
  const parsed = parseDateText(value);
  if (!parsed.ok) return null;
  return { year: parsed.date.getFullYear(), month: parsed.date.getMonth() + 1, day: parsed.date.getDate() };
}

function listAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || isBlank(value)) return null;
  const parsed = parseNumberText(value.replace(CURRENCY_TAIL, ''), { money: true });
  return parsed.ok ? parsed.value : null;
}

function listCount(value: unknown): number | null {
  const n = listAmount(value);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

/** The summary purchase of one list row, or null when the row has no readable last-purchase date. */
export function importedPurchase(columns: PurchaseHistoryColumns, row: readonly unknown[]): ImportedPurchase | null {
  const day = listDay(row[columns.lastDate]);
  if (!day) return null;
  return {
    day,
    amount: columns.total === undefined ? null : listAmount(row[columns.total]),
    count: columns.count === undefined ? null : listCount(row[columns.count]),
  };
}

/** What the Product cell of an imported summary row says, in the spreadsheet's language. */
export function importedProductLabel(lang: Lang, count: number | null): string {
  const base: Record<Lang, string> = {
    en: 'Imported with the client list',
    ru: 'Импорт из списка клиентов',
    uk: 'Імпорт зі списку клієнтів',
    ro: 'Importat cu lista de clienți',
  };
  if (count === null) return base[lang];
  const counted: Record<Lang, () => string> = {
    en: () => english(count, 'purchase', 'purchases'),
    ru: () => slavic('ru', count, 'покупка', 'покупки', 'покупок'),
    uk: () => slavic('uk', count, 'покупка', 'покупки', 'покупок'),
    ro: () => romanian(count, 'achiziție', 'achiziții', 'de achiziții'),
  };
  return `${base[lang]}: ${counted[lang]()}`;
}
