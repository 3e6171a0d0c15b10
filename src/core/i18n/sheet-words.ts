/**
 * The add-on's tab names and column headers in the four languages. The code
 * knows every tab by its English name (TAB.*) and every column by its English
 * header; a spreadsheet set up in Russian shows "Клиенты" and "Дата", and
 * headers read back are turned into the English ones before any code looks at
 * them, so a base works whichever language its tabs were written in.
 */
import { TAB, TAB_HEADERS, type FieldWordHeader } from '../schema/tabs';
import type { Lang } from './lang';

type TabKey = (typeof TAB)[keyof typeof TAB];

const TAB_TITLES: Record<Exclude<Lang, 'en'>, Record<TabKey, string>> = {
  ru: {
    Clients: 'Клиенты',
    Fields: 'Поля',
    Interactions: 'Взаимодействия',
    Purchases: 'Покупки',
    Segments: 'Сегменты',
    Templates: 'Шаблоны',
    Mailings: 'Рассылки',
    Duplicates: 'Дубликаты',
    Archive: 'Архив',
    Audit: 'Журнал',
    Settings: 'Настройки',
    'Check data': 'Проверка данных',
    Snapshots: 'Снимки',
    'Not duplicates': 'Не дубликаты',
    Deals: 'Сделки',
    Companies: 'Компании',
  },
  uk: {
    Clients: 'Клієнти',
    Fields: 'Поля',
    Interactions: 'Взаємодії',
    Purchases: 'Покупки',
    Segments: 'Сегменти',
    Templates: 'Шаблони',
    Mailings: 'Розсилки',
    Duplicates: 'Дублікати',
    Archive: 'Архів',
    Audit: 'Журнал',
    Settings: 'Налаштування',
    'Check data': 'Перевірка даних',
    Snapshots: 'Знімки',
    'Not duplicates': 'Не дублікати',
    Deals: 'Угоди',
    Companies: 'Компанії',
  },
  ro: {
    Clients: 'Clienți',
    Fields: 'Câmpuri',
    Interactions: 'Interacțiuni',
    Purchases: 'Achiziții',
    Segments: 'Segmente',
    Templates: 'Șabloane',
    Mailings: 'Corespondență',
    Duplicates: 'Dubluri',
    Archive: 'Arhivă',
    Audit: 'Jurnal',
    Settings: 'Setări',
    'Check data': 'Verificare date',
    Snapshots: 'Instantanee',
    'Not duplicates': 'Nu sunt dubluri',
    Deals: 'Contracte',
    Companies: 'Companii',
  },
};

type Header = (typeof TAB_HEADERS)[keyof typeof TAB_HEADERS][number];

/** "Label ru" → "Подпись ru": the language code stays, so a team sees which column is whose. */
function wordColumns(label: string, help: string, options: string): Record<FieldWordHeader, string> {
  const out = {} as Record<FieldWordHeader, string>;
  for (const code of ['ru', 'uk', 'ro', 'en'] as const) {
    out[`Label ${code}`] = `${label} ${code}`;
    out[`Help ${code}`] = `${help} ${code}`;
    out[`Options ${code}`] = `${options} ${code}`;
  }
  return out;
}

const HEADER_WORDS: Record<Exclude<Lang, 'en'>, Record<Header, string>> = {
  ru: {
    Name: 'Название',
    Type: 'Тип',
    Required: 'Обязательное',
    Options: 'Варианты',
    Unique: 'Уникальное',
    Help: 'Подсказка',
    Default: 'По умолчанию',
    Table: 'Таблица',
    Key: 'Ключ',
    ...wordColumns('Подпись', 'Подсказка', 'Варианты'),
    ID: 'ID',
    'Client ID': 'ID клиента',
    Date: 'Дата',
    Manager: 'Менеджер',
    Result: 'Результат',
    'Next step': 'Следующий шаг',
    'Next date': 'Срок',
    Done: 'Сделано',
    Source: 'Источник',
    Amount: 'Сумма',
    Product: 'Товар',
    Rule: 'Правило',
    Columns: 'Столбцы',
    Description: 'Описание',
    Count: 'Количество',
    Refreshed: 'Обновлено',
    Subject: 'Тема',
    Body: 'Текст',
    Campaign: 'Рассылка',
    Email: 'Email',
    Status: 'Статус',
    Time: 'Время',
    Detail: 'Подробности',
    Group: 'Группа',
    Phone: 'Телефон',
    Score: 'Сходство',
    Why: 'Почему',
    Decision: 'Решение',
    Survivor: 'Основная запись',
    'Merge ID': 'ID объединения',
    User: 'Пользователь',
    'Survivor ID': 'ID основной записи',
    Row: 'Строка',
    Action: 'Действие',
    Field: 'Поле',
    'Old value': 'Было',
    'New value': 'Стало',
    Value: 'Значение',
    Column: 'Столбец',
    Problem: 'Проблема',
    'Suggested fix': 'Предлагаемое исправление',
    'Other client ID': 'ID другого клиента',
    'Snapshot ID': 'ID снимка',
    Reason: 'Причина',
    Tab: 'Вкладка',
    Part: 'Часть',
    Parts: 'Частей',
    Data: 'Данные',
    Company: 'Компания',
    'Company ID': 'ID компании',
    Number: 'Номер',
    Currency: 'Валюта',
    Appendices: 'Приложения',
    Created: 'Создано',
    Updated: 'Изменено',
  },
  uk: {
    Name: 'Назва',
    Type: 'Тип',
    Required: "Обов'язкове",
    Options: 'Варіанти',
    Unique: 'Унікальне',
    Help: 'Підказка',
    Default: 'За замовчуванням',
    Table: 'Таблиця',
    Key: 'Ключ',
    ...wordColumns('Підпис', 'Підказка', 'Варіанти'),
    ID: 'ID',
    'Client ID': 'ID клієнта',
    Date: 'Дата',
    Manager: 'Менеджер',
    Result: 'Результат',
    'Next step': 'Наступний крок',
    'Next date': 'Термін',
    Done: 'Зроблено',
    Source: 'Джерело',
    Amount: 'Сума',
    Product: 'Товар',
    Rule: 'Правило',
    Columns: 'Стовпці',
    Description: 'Опис',
    Count: 'Кількість',
    Refreshed: 'Оновлено',
    Subject: 'Тема',
    Body: 'Текст',
    Campaign: 'Розсилка',
    Email: 'Email',
    Status: 'Статус',
    Time: 'Час',
    Detail: 'Подробиці',
    Group: 'Група',
    Phone: 'Телефон',
    Score: 'Схожість',
    Why: 'Чому',
    Decision: 'Рішення',
    Survivor: 'Основний запис',
    'Merge ID': "ID об'єднання",
    User: 'Користувач',
    'Survivor ID': 'ID основного запису',
    Row: 'Рядок',
    Action: 'Дія',
    Field: 'Поле',
    'Old value': 'Було',
    'New value': 'Стало',
    Value: 'Значення',
    Column: 'Стовпець',
    Problem: 'Проблема',
    'Suggested fix': 'Запропоноване виправлення',
    'Other client ID': 'ID іншого клієнта',
    'Snapshot ID': 'ID знімка',
    Reason: 'Причина',
    Tab: 'Вкладка',
    Part: 'Частина',
    Parts: 'Частин',
    Data: 'Дані',
    Company: 'Компанія',
    'Company ID': 'ID компанії',
    Number: 'Номер',
    Currency: 'Валюта',
    Appendices: 'Додатки',
    Created: 'Створено',
    Updated: 'Змінено',
  },
  ro: {
    Name: 'Nume',
    Type: 'Tip',
    Required: 'Obligatoriu',
    Options: 'Opțiuni',
    Unique: 'Unic',
    Help: 'Ajutor',
    Default: 'Implicit',
    Table: 'Tabel',
    Key: 'Cheie',
    ...wordColumns('Etichetă', 'Ajutor', 'Opțiuni'),
    ID: 'ID',
    'Client ID': 'ID client',
    Date: 'Data',
    Manager: 'Manager',
    Result: 'Rezultat',
    'Next step': 'Pasul următor',
    'Next date': 'Termen',
    Done: 'Făcut',
    Source: 'Sursa',
    Amount: 'Suma',
    Product: 'Produs',
    Rule: 'Regulă',
    Columns: 'Coloane',
    Description: 'Descriere',
    Count: 'Număr',
    Refreshed: 'Actualizat',
    Subject: 'Subiect',
    Body: 'Text',
    Campaign: 'Campanie',
    Email: 'E-mail',
    Status: 'Stare',
    Time: 'Ora',
    Detail: 'Detalii',
    Group: 'Grup',
    Phone: 'Telefon',
    Score: 'Scor',
    Why: 'De ce',
    Decision: 'Decizie',
    Survivor: 'Înregistrarea păstrată',
    'Merge ID': 'ID unificare',
    User: 'Utilizator',
    'Survivor ID': 'ID înregistrare păstrată',
    Row: 'Rând',
    Action: 'Acțiune',
    Field: 'Câmp',
    'Old value': 'Valoare veche',
    'New value': 'Valoare nouă',
    Value: 'Valoare',
    Column: 'Coloană',
    Problem: 'Problemă',
    'Suggested fix': 'Corectură propusă',
    'Other client ID': 'ID alt client',
    'Snapshot ID': 'ID instantaneu',
    Reason: 'Motiv',
    Tab: 'Filă',
    Part: 'Parte',
    Parts: 'Părți',
    Data: 'Conținut',
    Company: 'Companie',
    'Company ID': 'ID companie',
    Number: 'Număr contract',
    Currency: 'Monedă',
    Appendices: 'Anexe',
    Created: 'Creat',
    Updated: 'Modificat',
  },
};

const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** A managed tab's name in a language: "Clients" → "Клиенты" in ru; anything unknown as given. */
export function localTabName(key: string, lang: Lang): string {
  if (lang === 'en') return key;
  return TAB_TITLES[lang][key as TabKey] ?? key;
}

/** Every name a managed tab may have been given by Set up, English first. */
export function tabNamesOf(key: string): string[] {
  const names = [key, ...(['ru', 'uk', 'ro'] as const).map((l) => TAB_TITLES[l][key as TabKey]).filter(Boolean)];
  return [...new Set(names)];
}

/** True when a tab name is one Set up gives a managed tab in some language. */
export function isManagedTabName(name: string): boolean {
  const n = norm(name);
  return (Object.values(TAB) as string[]).some((key) => tabNamesOf(key).some((t) => norm(t) === n));
}

/** English headers written in a language. */
export function localHeaders(header: readonly string[], lang: Lang): string[] {
  if (lang === 'en') return [...header];
  const words = HEADER_WORDS[lang] as Record<string, string>;
  return header.map((h) => words[h] ?? h);
}

/** Headers of any managed tab in English, when the tab is not known (the sheet under the cursor). */
export function englishHeaders(header: readonly string[]): string[] {
  const byWord = new Map<string, string>();
  for (const lang of ['ru', 'uk', 'ro'] as const) {
    for (const [english, local] of Object.entries(HEADER_WORDS[lang])) if (!byWord.has(norm(local))) byWord.set(norm(local), english);
  }
  return header.map((h) => byWord.get(norm(h)) ?? h);
}

/** The English headers a tab's managed columns are known by, from whichever language they are written in. */
export function canonicalHeaders(key: string, header: readonly string[]): string[] {
  const english = (TAB_HEADERS as Record<string, readonly string[]>)[key];
  if (!english) return [...header];
  const byWord = new Map<string, string>();
  for (const h of english) {
    for (const lang of ['ru', 'uk', 'ro'] as const) {
      const local = (HEADER_WORDS[lang] as Record<string, string>)[h];
      if (local && !byWord.has(norm(local))) byWord.set(norm(local), h);
    }
  }
  return header.map((h) => byWord.get(norm(String(h))) ?? h);
}
