/**
 * The Audit tab's words (action, source, the hidden editor) in the base's
 * language. Only fixed words are translated, by exact match, when a row is
 * appended: `bulk:<id>` / `undo:<id>` sources and `bulk …` actions are read
 * back by Undo bulk, and "done" is counted by the dashboard's COUNTIFS, so
 * those stay as the code writes them.
 */
import type { Lang } from './lang';

type Words = Record<string, string>;

const ACTIONS: Record<Exclude<Lang, 'en'>, Words> = {
  ru: {
    add: 'добавление',
    adopt: 'подключение списка',
    'apply fields': 'применение полей',
    'cell edit': 'правка ячейки',
    delete: 'удаление',
    edit: 'изменение',
    'edit fields': 'изменение полей',
    'find duplicates': 'поиск дубликатов',
    'header edit': 'правка заголовка',
    'mailing queued': 'рассылка в очереди',
    'mailing retry': 'повтор рассылки',
    merge: 'объединение',
    'not duplicates': 'не дубликаты',
    'occasion deleted': 'повод удалён',
    'occasion saved': 'повод сохранён',
    'opt-out': 'отписка',
    paste: 'вставка',
    reassign: 'передача клиентов',
    'reassign next steps': 'передача следующих шагов',
    'remove segment': 'удаление сегмента',
    'restore snapshot': 'восстановление снимка',
    reverted: 'отменено',
    'set up': 'настройка',
    'sorted during save': 'сортировка во время сохранения',
    stage: 'этап',
    undelete: 'возврат из архива',
    'undo merge': 'отмена объединения',
    'add segment': 'добавление сегмента',
    'edit segment': 'изменение сегмента',
    'add template': 'добавление шаблона',
    'edit template': 'изменение шаблона',
  },
  uk: {
    add: 'додавання',
    adopt: 'підключення списку',
    'apply fields': 'застосування полів',
    'cell edit': 'редагування клітинки',
    delete: 'видалення',
    edit: 'зміна',
    'edit fields': 'зміна полів',
    'find duplicates': 'пошук дублікатів',
    'header edit': 'редагування заголовка',
    'mailing queued': 'розсилка в черзі',
    'mailing retry': 'повтор розсилки',
    merge: "об'єднання",
    'not duplicates': 'не дублікати',
    'occasion deleted': 'привід видалено',
    'occasion saved': 'привід збережено',
    'opt-out': 'відписка',
    paste: 'вставлення',
    reassign: 'передача клієнтів',
    'reassign next steps': 'передача наступних кроків',
    'remove segment': 'видалення сегмента',
    'restore snapshot': 'відновлення знімка',
    reverted: 'скасовано',
    'set up': 'налаштування',
    'sorted during save': 'сортування під час збереження',
    stage: 'етап',
    undelete: 'повернення з архіву',
    'undo merge': "скасування об'єднання",
    'add segment': 'додавання сегмента',
    'edit segment': 'зміна сегмента',
    'add template': 'додавання шаблону',
    'edit template': 'зміна шаблону',
  },
  ro: {
    add: 'adăugare',
    adopt: 'preluare listă',
    'apply fields': 'aplicare câmpuri',
    'cell edit': 'editare celulă',
    delete: 'ștergere',
    edit: 'modificare',
    'edit fields': 'modificare câmpuri',
    'find duplicates': 'căutare dubluri',
    'header edit': 'editare antet',
    'mailing queued': 'corespondență în așteptare',
    'mailing retry': 'reluare corespondență',
    merge: 'unire',
    'not duplicates': 'nu sunt dubluri',
    'occasion deleted': 'ocazie ștearsă',
    'occasion saved': 'ocazie salvată',
    'opt-out': 'dezabonare',
    paste: 'lipire',
    reassign: 'transfer clienți',
    'reassign next steps': 'transfer pași următori',
    'remove segment': 'ștergere segment',
    'restore snapshot': 'restaurare instantaneu',
    reverted: 'anulat',
    'set up': 'configurare',
    'sorted during save': 'sortare în timpul salvării',
    stage: 'etapă',
    undelete: 'readucere din arhivă',
    'undo merge': 'anulare unire',
    'add segment': 'adăugare segment',
    'edit segment': 'modificare segment',
    'add template': 'adăugare șablon',
    'edit template': 'modificare șablon',
  },
};

const SOURCES: Record<Exclude<Lang, 'en'>, Words> = {
  ru: { sidebar: 'боковая панель', menu: 'меню', 'cell edit': 'правка ячейки', fix: 'исправление', recovery: 'восстановление' },
  uk: { sidebar: 'бічна панель', menu: 'меню', 'cell edit': 'редагування клітинки', fix: 'виправлення', recovery: 'відновлення' },
  ro: { sidebar: 'panou lateral', menu: 'meniu', 'cell edit': 'editare celulă', fix: 'corectare', recovery: 'recuperare' },
};

const HIDDEN_EDITOR: Record<Exclude<Lang, 'en'>, string> = {
  ru: 'неизвестно (адрес скрыт)',
  uk: 'невідомо (адресу приховано)',
  ro: 'necunoscut (adresă ascunsă)',
};

/** Who Audit names when Google hides the editor; the Clients tab's Updated by keeps the English words, which the code compares. */
export const HIDDEN_EDITOR_EN = 'unknown (email hidden)';

const own = (words: Words, key: string): boolean => Object.hasOwn(words, key);

/** Audit rows (TAB_HEADERS.Audit order: Time, User, Action, …, Source) with their fixed words in `lang`; other cells untouched. */
export function localAuditRows(rows: readonly unknown[][], lang: Lang): unknown[][] {
  if (lang === 'en') return rows.map((r) => r.slice());
  const actions = ACTIONS[lang];
  const sources = SOURCES[lang];
  return rows.map((r) => {
    const row = r.slice();
    if (row[1] === HIDDEN_EDITOR_EN) row[1] = HIDDEN_EDITOR[lang];
    if (typeof row[2] === 'string' && own(actions, row[2])) row[2] = actions[row[2]];
    if (typeof row[7] === 'string' && own(sources, row[7])) row[7] = sources[row[7]];
    return row;
  });
}
