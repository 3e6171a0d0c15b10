/** Strings of the Adopt view; `ru`, `uk` and `ro` are typed by `en`, so a missing key fails the typecheck. */
import type { MatchConfidence } from '../../../src/core/schema/header-map';
import { plural } from '../../i18n/en';
import { plural as pluralRo } from '../../i18n/ro';
import { plural as pluralRu } from '../../i18n/ru';
import { plural as pluralUk } from '../../i18n/uk';
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
  purchasesOffer: (headers: string[], clients: number) =>
    `Turn ${list(headers)} into Purchases rows: one per client (${plural(clients, 'client', 'clients')} with a date), dated the last purchase and marked as imported, so the Active and Passive segments count them.`,
  purchasesImported: (n: number) => `${plural(n, 'purchase row', 'purchase rows')} imported from the list.`,
  companiesTitle: 'Companies in your list',
  companiesOffer: (companies: number, people: number) =>
    `Make ${plural(companies, 'company', 'companies')} in a Companies tab and link their ${plural(people, 'person', 'people')} to them (Company ID). The Company column stays as it is; untick a group that is not one company.`,
  companiesPrivate: (n: number) => `${plural(n, 'row', 'rows')} with no company: private clients, linked to none.`,
  companyPeople: (n: number) => plural(n, 'person', 'people'),
  companyBy: { 'tax id': 'same tax ID', name: 'same name', existing: 'existing' } as Record<string, string>,
  companiesMore: (n: number) => `…and ${plural(n, 'more company', 'more companies')}, made too.`,
  companiesChecking: 'Finding the companies for this mapping…',
  companiesMade: (companies: number, people: number) =>
    `${plural(companies, 'company', 'companies')} made in Companies, ${plural(people, 'person', 'people')} linked to them.`,
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
  purchasesOffer: (headers, clients) =>
    `Перенести ${list(headers)} в «Покупки»: по строке на клиента (с датой: ${pluralRu(clients, 'клиент', 'клиента', 'клиентов')}), с датой последней покупки и пометкой об импорте, чтобы сегменты активных и пассивных клиентов их учитывали.`,
  purchasesImported: (n) => `Из списка перенесено покупок: ${n}.`,
  companiesTitle: 'Компании в вашем списке',
  companiesOffer: (companies, people) =>
    `Создать ${pluralRu(companies, 'компанию', 'компании', 'компаний')} на вкладке «Компании» и привязать к ним ${pluralRu(people, 'человека', 'человек', 'человек')} (Company ID). Столбец компании останется как есть; снимите галочку с группы, которая не одна компания.`,
  companiesPrivate: (n) => `${pluralRu(n, 'строка', 'строки', 'строк')} без компании: частные клиенты, ни к чему не привязаны.`,
  companyPeople: (n) => pluralRu(n, 'человек', 'человека', 'человек'),
  companyBy: { 'tax id': 'тот же ИНН', name: 'то же название', existing: 'уже есть' },
  companiesMore: (n) => `…и ещё ${pluralRu(n, 'компания', 'компании', 'компаний')}, они тоже будут созданы.`,
  companiesChecking: 'Ищем компании для этого сопоставления…',
  companiesMade: (companies, people) =>
    `Создано на вкладке «Компании»: ${pluralRu(companies, 'компания', 'компании', 'компаний')}, привязано: ${pluralRu(people, 'человек', 'человека', 'человек')}.`,
  checkNext: 'Дальше: запустите ClientBase ▸ Check data, чтобы увидеть значения, которые нужно исправить.',
};

const uk: AdoptMessages = {
  title: 'Прийняти ваш список клієнтів',
  reading: 'Читаємо ваш список…',
  intro: (sheet, rows, headerRow) =>
    `На вкладці «${sheet}» ${pluralUk(rows, 'рядок', 'рядки', 'рядків')} під заголовком у рядку ${headerRow}. Перевірте, яким полем стане кожен стовпець: нічого не зміниться, доки ви не натиснете «Прийняти».`,
  mappingCaption: 'Стовпці вашого списку й поля, якими вони стануть',
  columnHead: 'Ваш стовпець',
  fieldHead: 'Стане',
  unnamedColumn: (letter) => `(стовпець ${letter}, без заголовка)`,
  noSample: 'у перших рядках порожньо',
  keepExtra: 'Залишити як додатковий стовпець',
  confidence: { exact: 'точний збіг', synonym: 'синонім', fuzzy: 'здогадка: перевірте', none: 'немає збігу' },
  yourChoice: 'ваш вибір',
  split: "Розділити ПІБ на ім'я та прізвище",
  splitNote: "Залишається як є; з нього заповнюються ім'я та прізвище.",
  whatHappens: 'Що станеться',
  keepsValues: 'Усі значення збережуться як є: нічого не перетворюється й не видаляється. Потім «Перевірка даних» покаже значення, які не пасують до поля.',
  addsIds: (rows) => `${rows === 1 ? 'Рядок отримає' : `Кожен із ${pluralUk(rows, 'рядка', 'рядків', 'рядків')} отримає`} ID і позначки Created / Updated.`,
  snapshotFirst: (sheet) => `Спершу зберігається знімок «${sheet}», тож прийняття можна скасувати в ClientBase ▸ Snapshots.`,
  keepsExtra: (headers) => `Залишаться додатковими стовпцями: ${list(headers)}.`,
  splitsFrom: (header) => `Ім'я та прізвище заповняться з «${header}».`,
  addsFields: (fields) => `Поля, яких немає в таблиці, додадуться порожніми стовпцями: ${fields.join(', ')}.`,
  alsoTabs: 'Інші вкладки бази (Fields, Interactions, Audit…) теж буде створено.',
  adopt: (n) => `Прийняти ${pluralUk(n, 'клієнта', 'клієнтів', 'клієнтів')}`,
  adopting: 'Приймаємо…',
  chosenTwice: (field, headers) =>
    `Поле ${field} вибрано для кількох стовпців: ${list(headers)}. Залиште його одному, іншим виберіть інше поле або «Залишити як додатковий стовпець».`,
  readAgain: 'Прочитати список знову',
  adopted: (n) => `Прийнято: ${pluralUk(n, 'клієнт', 'клієнти', 'клієнтів')}.`,
  mapped: (n) => `Зіставлено з полями: ${pluralUk(n, 'стовпець', 'стовпці', 'стовпців')}.`,
  extraKept: (headers) => `Залишено додатковими стовпцями: ${list(headers)}.`,
  columnsAdded: (fields) => `Додано стовпці: ${fields.join(', ')}.`,
  snapshotTaken: (id) => `Ваш список у попередньому вигляді — знімок ${id} (ClientBase ▸ Snapshots).`,
  purchasesOffer: (headers, clients) =>
    `Перенести ${list(headers)} у «Покупки»: по рядку на клієнта (з датою: ${pluralUk(clients, 'клієнт', 'клієнти', 'клієнтів')}), з датою останньої покупки й позначкою про імпорт, щоб сегменти активних і пасивних клієнтів їх ураховували.`,
  purchasesImported: (n) => `Зі списку перенесено покупок: ${n}.`,
  companiesTitle: 'Компанії у вашому списку',
  companiesOffer: (companies, people) =>
    `Створити ${pluralUk(companies, 'компанію', 'компанії', 'компаній')} на вкладці «Компанії» й прив’язати до них ${pluralUk(people, 'особу', 'особи', 'осіб')} (Company ID). Стовпець компанії залишиться як є; зніміть позначку з групи, яка не є однією компанією.`,
  companiesPrivate: (n) => `${pluralUk(n, 'рядок', 'рядки', 'рядків')} без компанії: приватні клієнти, ні до чого не прив’язані.`,
  companyPeople: (n) => pluralUk(n, 'особа', 'особи', 'осіб'),
  companyBy: { 'tax id': 'той самий ЄДРПОУ / ІПН', name: 'та сама назва', existing: 'вже є' },
  companiesMore: (n) => `…і ще ${pluralUk(n, 'компанія', 'компанії', 'компаній')}, їх теж буде створено.`,
  companiesChecking: 'Шукаємо компанії для цього зіставлення…',
  companiesMade: (companies, people) =>
    `Створено на вкладці «Компанії»: ${pluralUk(companies, 'компанія', 'компанії', 'компаній')}, прив’язано: ${pluralUk(people, 'особа', 'особи', 'осіб')}.`,
  checkNext: 'Далі: запустіть ClientBase ▸ Check data, щоб побачити значення, які треба виправити.',
};

const ro: AdoptMessages = {
  title: 'Preluați lista dvs. de clienți',
  reading: 'Se citește lista…',
  intro: (sheet, rows, headerRow) =>
    `Fila „${sheet}” are ${pluralRo(rows, 'rând', 'rânduri', 'de rânduri')} sub antetul din rândul ${headerRow}. Verificați ce câmp devine fiecare coloană: nimic nu se schimbă până nu apăsați Preia.`,
  mappingCaption: 'Coloanele listei dvs. și câmpurile care devin',
  columnHead: 'Coloana dvs.',
  fieldHead: 'Devine',
  unnamedColumn: (letter) => `(coloana ${letter}, fără antet)`,
  noSample: 'nicio valoare în primele rânduri',
  keepExtra: 'Păstrează ca o coloană în plus',
  confidence: { exact: 'potrivire exactă', synonym: 'sinonim', fuzzy: 'presupunere: verificați', none: 'nicio potrivire' },
  yourChoice: 'alegerea dvs.',
  split: 'Împarte numele complet în Prenume și Nume',
  splitNote: 'Rămâne cum este; Prenumele și Numele se completează din el.',
  whatHappens: 'Ce face preluarea',
  keepsValues:
    'Fiecare valoare se păstrează cum este: nimic nu se convertește sau se șterge. Apoi Verificare date arată valorile care nu se potrivesc câmpului.',
  addsIds: (rows) =>
    `${rows === 1 ? 'Rândul primește' : `Fiecare dintre cele ${pluralRo(rows, 'rând', 'rânduri', 'de rânduri')} primește`} un ID și mărcile Created / Updated.`,
  snapshotFirst: (sheet) => `Mai întâi se face un instantaneu al „${sheet}”, astfel încât preluarea poate fi anulată din ClientBase ▸ Snapshots.`,
  keepsExtra: (headers) => `Păstrate ca coloane în plus: ${list(headers)}.`,
  splitsFrom: (header) => `Prenumele și Numele se completează din „${header}”.`,
  addsFields: (fields) => `Câmpuri care lipsesc din tabel, adăugate drept coloane goale: ${fields.join(', ')}.`,
  alsoTabs: 'Se creează și celelalte file ale bazei (Fields, Interactions, Audit…).',
  adopt: (n) => `Preia ${pluralRo(n, 'client', 'clienți', 'de clienți')}`,
  adopting: 'Se preia…',
  chosenTwice: (field, headers) =>
    `${field} este ales pentru mai multe coloane: ${list(headers)}. Păstrați-l pentru una, iar pentru celelalte alegeți alt câmp sau „Păstrează ca o coloană în plus”.`,
  readAgain: 'Citește lista din nou',
  adopted: (n) => `Preluați: ${pluralRo(n, 'client', 'clienți', 'de clienți')}.`,
  mapped: (n) => `Asociate cu câmpuri: ${pluralRo(n, 'coloană', 'coloane', 'de coloane')}.`,
  extraKept: (headers) => `Păstrate ca coloane în plus: ${list(headers)}.`,
  columnsAdded: (fields) => `Coloane adăugate: ${fields.join(', ')}.`,
  snapshotTaken: (id) => `Lista dvs. așa cum era este instantaneul ${id} (ClientBase ▸ Snapshots).`,
  purchasesOffer: (headers, clients) =>
    `Transformă ${list(headers)} în rânduri în Achiziții: câte unul pe client (${pluralRo(clients, 'client', 'clienți', 'de clienți')} cu dată), cu data ultimei achiziții și marcat ca importat, ca segmentele de clienți activi și pasivi să-i numere.`,
  purchasesImported: (n) => `Achiziții preluate din listă: ${n}.`,
  companiesTitle: 'Companiile din lista dvs.',
  companiesOffer: (companies, people) =>
    `Creați ${pluralRo(companies, 'companie', 'companii', 'de companii')} în fila Companii și legați de ele ${pluralRo(people, 'persoană', 'persoane', 'de persoane')} (Company ID). Coloana companiei rămâne cum este; debifați un grup care nu este o singură companie.`,
  companiesPrivate: (n) => `${pluralRo(n, 'rând', 'rânduri', 'de rânduri')} fără companie: clienți persoane fizice, nelegați.`,
  companyPeople: (n) => pluralRo(n, 'persoană', 'persoane', 'de persoane'),
  companyBy: { 'tax id': 'același CUI', name: 'același nume', existing: 'existentă' },
  companiesMore: (n) => `…și încă ${pluralRo(n, 'companie', 'companii', 'de companii')}, create și ele.`,
  companiesChecking: 'Căutăm companiile pentru această potrivire…',
  companiesMade: (companies, people) =>
    `Create în Companii: ${pluralRo(companies, 'companie', 'companii', 'de companii')}; persoane legate: ${pluralRo(people, 'persoană', 'persoane', 'de persoane')}.`,
  checkNext: 'Apoi: rulați ClientBase ▸ Check data pentru a vedea ce valori trebuie corectate.',
};

export const messages: Record<Locale, AdoptMessages> = { en, ru, uk, ro };
