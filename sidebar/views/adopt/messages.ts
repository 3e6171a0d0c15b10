/** Strings of the Adopt view; `ru` is typed by `en`, so a missing key fails the typecheck. */
import type { MatchConfidence } from '../../../src/core/schema/header-map';
import { plural } from '../../i18n/en';
import { plural as pluralRu } from '../../i18n/ru';
import type { Locale } from '../../i18n/locale';

const list = (items: string[]) => items.map((h) => `"${h}"`).join(', ');

const en = {
  title: 'Adopt your client list',
  reading: 'Reading your list…',
  intro: (sheet: string, rows: number, headerRow: number) =>
    `The tab "${sheet}" holds ${plural(rows, 'row', 'rows')} under the header in row ${headerRow}. Check which field each column becomes: nothing changes until you press Adopt.`,
  mappingCaption: 'Columns of your list and the fields they become',
  columnHead: 'Your column',
  fieldHead: 'Becomes',
  unnamedColumn: (letter: string) => `(column ${letter}, no header)`,
  noSample: 'no values in the first rows',
  keepExtra: 'Keep as an extra column',
  confidence: { exact: 'exact match', synonym: 'synonym', fuzzy: 'guess: check it', none: 'no match' } as Record<MatchConfidence, string>,
  yourChoice: 'your choice',
  split: 'Split full names into First name and Last name',
  splitNote: 'Kept as it is; First name and Last name are filled from it.',
  whatHappens: 'What adoption does',
  keepsValues: 'Every value is kept as it is: nothing is converted or deleted. Check data lists the values that do not fit their field afterwards.',
  addsIds: (rows: number) => `Each of the ${plural(rows, 'row', 'rows')} gets an ID and Created / Updated stamps.`,
  snapshotFirst: (sheet: string) => `A snapshot of "${sheet}" is taken first, so the adoption can be undone from ClientBase ▸ Snapshots.`,
  keepsExtra: (headers: string[]) => `Kept as extra columns: ${list(headers)}.`,
  splitsFrom: (header: string) => `First name and Last name are filled from "${header}".`,
  addsFields: (fields: string[]) => `Fields your sheet lacks, added as empty columns: ${fields.join(', ')}.`,
  alsoTabs: 'The other tabs of a client base (Fields, Interactions, Audit…) are created too.',
  adopt: (n: number) => `Adopt ${plural(n, 'client', 'clients')}`,
  adopting: 'Adopting…',
  chosenTwice: (field: string, headers: string[]) =>
    `${field} is chosen for more than one column: ${list(headers)}. Keep it for one and set the others to another field or "Keep as an extra column".`,
  readAgain: 'Read the list again',
  adopted: (n: number) => `Adopted ${plural(n, 'client', 'clients')}.`,
  mapped: (n: number) => `${plural(n, 'column', 'columns')} mapped to fields.`,
  extraKept: (headers: string[]) => `Kept as extra columns: ${list(headers)}.`,
  columnsAdded: (fields: string[]) => `Columns added: ${fields.join(', ')}.`,
  snapshotTaken: (id: string) => `Your list as it was is snapshot ${id} (ClientBase ▸ Snapshots).`,
  checkNext: 'Next: run ClientBase ▸ Check data to see which values need fixing.',
};

export type AdoptMessages = typeof en;

const ru: AdoptMessages = {
  title: 'Принять ваш список клиентов',
  reading: 'Читаем ваш список…',
  intro: (sheet, rows, headerRow) =>
    `На вкладке «${sheet}» ${pluralRu(rows, 'строка', 'строки', 'строк')} под заголовком в строке ${headerRow}. Проверьте, каким полем станет каждый столбец: ничего не изменится, пока вы не нажмёте «Принять».`,
  mappingCaption: 'Столбцы вашего списка и поля, которыми они станут',
  columnHead: 'Ваш столбец',
  fieldHead: 'Станет',
  unnamedColumn: (letter) => `(столбец ${letter}, без заголовка)`,
  noSample: 'в первых строках пусто',
  keepExtra: 'Оставить как дополнительный столбец',
  confidence: { exact: 'точное совпадение', synonym: 'синоним', fuzzy: 'догадка: проверьте', none: 'нет совпадения' },
  yourChoice: 'ваш выбор',
  split: 'Разделить ФИО на имя и фамилию',
  splitNote: 'Остаётся как есть; из него заполняются имя и фамилия.',
  whatHappens: 'Что произойдёт',
  keepsValues:
    'Все значения сохранятся как есть: ничего не преобразуется и не удаляется. Потом «Проверить данные» покажет значения, которые не подходят к полю.',
  addsIds: (rows) => `${rows === 1 ? 'Строка получит' : `Каждая из ${pluralRu(rows, 'строки', 'строк', 'строк')} получит`} ID и отметки Created / Updated.`,
  snapshotFirst: (sheet) => `Сначала сохраняется снимок «${sheet}», так что принятие можно отменить в ClientBase ▸ Snapshots.`,
  keepsExtra: (headers) => `Останутся дополнительными столбцами: ${list(headers)}.`,
  splitsFrom: (header) => `Имя и фамилия заполнятся из «${header}».`,
  addsFields: (fields) => `Поля, которых нет в таблице, добавятся пустыми столбцами: ${fields.join(', ')}.`,
  alsoTabs: 'Остальные вкладки базы (Fields, Interactions, Audit…) тоже будут созданы.',
  adopt: (n) => `Принять ${pluralRu(n, 'клиента', 'клиентов', 'клиентов')}`,
  adopting: 'Принимаем…',
  chosenTwice: (field, headers) =>
    `Поле ${field} выбрано для нескольких столбцов: ${list(headers)}. Оставьте его одному, остальным выберите другое поле или «Оставить как дополнительный столбец».`,
  readAgain: 'Прочитать список заново',
  adopted: (n) => `Принято: ${pluralRu(n, 'клиент', 'клиента', 'клиентов')}.`,
  mapped: (n) => `Сопоставлено с полями: ${pluralRu(n, 'столбец', 'столбца', 'столбцов')}.`,
  extraKept: (headers) => `Оставлены дополнительными столбцами: ${list(headers)}.`,
  columnsAdded: (fields) => `Добавлены столбцы: ${fields.join(', ')}.`,
  snapshotTaken: (id) => `Ваш список в прежнем виде — снимок ${id} (ClientBase ▸ Snapshots).`,
  checkNext: 'Дальше: запустите ClientBase ▸ Check data, чтобы увидеть значения, которые нужно исправить.',
};

export const messages: Record<Locale, AdoptMessages> = { en, ru };
