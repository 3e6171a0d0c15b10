/**
 * Strings of the deals panel (client and company cards), in the sidebar's four
 * languages. Looked up with `(locale as string)` so it compiles whether Locale
 * has two members or four. Status words come from src/core/deals/deal.ts.
 */
import type { Locale } from '../../i18n/locale';

const en = {
  title: (n: number) => `Deals (${n})`,
  none: 'No deals yet.',
  add: 'Add a deal',
  edit: 'Edit',
  editNamed: (number: string) => `Edit deal ${number}`,
  save: 'Save deal',
  saving: 'Saving…',
  cancel: 'Cancel',
  saved: (number: string) => `Deal ${number} saved.`,
  number: 'Number',
  date: 'Date',
  amount: 'Amount',
  currency: 'Currency',
  status: 'Status',
  appendices: 'Appendices (links or numbers, one a line)',
  appendicesShort: 'Appendices',
  manager: 'Manager',
  noNumber: 'no number',
  companyDeal: (company: string) => `company: ${company}`,
};

export type DealsMessages = typeof en;

const ru: DealsMessages = {
  title: (n) => `Сделки (${n})`,
  none: 'Сделок пока нет.',
  add: 'Добавить сделку',
  edit: 'Изменить',
  editNamed: (number) => `Изменить сделку ${number}`,
  save: 'Сохранить сделку',
  saving: 'Сохранение…',
  cancel: 'Отмена',
  saved: (number) => `Сделка ${number} сохранена.`,
  number: 'Номер',
  date: 'Дата',
  amount: 'Сумма',
  currency: 'Валюта',
  status: 'Статус',
  appendices: 'Приложения (ссылки или номера, по одному в строке)',
  appendicesShort: 'Приложения',
  manager: 'Менеджер',
  noNumber: 'без номера',
  companyDeal: (company) => `компания: ${company}`,
};

const uk: DealsMessages = {
  title: (n) => `Угоди (${n})`,
  none: 'Угод поки немає.',
  add: 'Додати угоду',
  edit: 'Змінити',
  editNamed: (number) => `Змінити угоду ${number}`,
  save: 'Зберегти угоду',
  saving: 'Збереження…',
  cancel: 'Скасувати',
  saved: (number) => `Угоду ${number} збережено.`,
  number: 'Номер',
  date: 'Дата',
  amount: 'Сума',
  currency: 'Валюта',
  status: 'Статус',
  appendices: 'Додатки (посилання або номери, по одному в рядку)',
  appendicesShort: 'Додатки',
  manager: 'Менеджер',
  noNumber: 'без номера',
  companyDeal: (company) => `компанія: ${company}`,
};

const ro: DealsMessages = {
  title: (n) => `Contracte (${n})`,
  none: 'Niciun contract încă.',
  add: 'Adaugă un contract',
  edit: 'Modifică',
  editNamed: (number) => `Modifică contractul ${number}`,
  save: 'Salvează contractul',
  saving: 'Se salvează…',
  cancel: 'Renunță',
  saved: (number) => `Contractul ${number} a fost salvat.`,
  number: 'Număr',
  date: 'Data',
  amount: 'Suma',
  currency: 'Moneda',
  status: 'Stare',
  appendices: 'Anexe (linkuri sau numere, câte unul pe rând)',
  appendicesShort: 'Anexe',
  manager: 'Manager',
  noNumber: 'fără număr',
  companyDeal: (company) => `companie: ${company}`,
};

const MESSAGES: Record<'en' | 'ru' | 'uk' | 'ro', DealsMessages> = { en, ru, uk, ro };

export function dealsMessages(locale: Locale): DealsMessages {
  return MESSAGES[locale as string as keyof typeof MESSAGES] ?? en;
}
