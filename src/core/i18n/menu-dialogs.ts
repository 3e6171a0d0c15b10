/**
 * Dialog and toast texts of menu items, in the user's language (the menu's
 * captions are in menu-words.ts). Field names, stage options and tab names are
 * the base's own words and are shown as they are.
 */
import type { Lang } from './lang';
import { english, romanian, slavic } from './plural';

const selected = (lang: Lang, n: number): string =>
  lang === 'ru'
    ? slavic('ru', n, 'выбранного клиента', 'выбранных клиентов', 'выбранных клиентов')
    : lang === 'uk'
      ? slavic('uk', n, 'вибраного клієнта', 'вибраних клієнтів', 'вибраних клієнтів')
      : lang === 'ro'
        ? romanian(n, 'client selectat', 'clienți selectați', 'de clienți selectați')
        : english(n, 'selected client', 'selected clients');

const WORDS = {
  en: {
    stageTitle: 'Set stage for selection',
    stagePrompt: (field: string, n: number, tab: string) => `New ${field} for ${selected('en', n)} (${tab}).`,
    typeOneOf: 'Type one of:',
    stageCancelled: 'Set stage: cancelled, nothing changed.',
    selectFirst: 'Select the rows of the clients to move first (in Clients or a segment tab), then run Set stage for selection again.',
    adopted: (n: number) => `Adopted ${english(n, 'client', 'clients')}. Run ClientBase ▸ Check data to see what needs fixing.`,
    setUpDone: (tabs: string) =>
      `ClientBase is set up: ${tabs}. Add clients in the sidebar or type them into Clients. ClientBase ▸ Dashboard draws charts of the base.`,
    appliedFields: (n: number, tab: string) => `Applied ${n} fields to ${tab}.`,
    newColumns: (list: string) => `New columns: ${list}.`,
    keptColumns: (list: string) => `Kept as they are (no field): ${list}.`,
    fieldsAttention: 'Rows of Fields that need attention:',
    reassignTitle: 'Reassign clients',
    reassignFrom: 'Email or name of the manager whose clients move (as written in the Manager column):',
    reassignTo: (from: string) => `Who takes over the clients of ${from}?`,
    reassigned: (clients: number, steps: number, from: string, to: string, snapshot: string) =>
      `Moved ${clients} clients and ${steps} open next steps from ${from} to ${to}. Snapshot ${snapshot} holds the state before.`,
    diagnosticsFailed: (message: string) => `Diagnostics could not run: ${message}`,
    noDuplicates: (clients: number) => `No likely duplicates among ${clients} clients.`,
    foundDuplicates: (groups: number, clients: number, sure: number, possible: number) =>
      `${groups} groups of likely duplicates among ${clients} clients (${sure} sure, ${possible} possible).`,
    duplicatesNext: (tab: string) =>
      `In the ${tab} tab, set Decision on the first row of each group (merge, not duplicates, skip), tick the Survivor to keep, then run ClientBase ▸ Merge decided duplicates.`,
    merged: (groups: number, clients: number) => `Merged ${groups} groups (${clients} clients merged into survivors).`,
    rememberedNot: (n: number) => `${n} groups remembered as not duplicates: they will not be proposed again.`,
    groupSkipped: (group: number, reason: string) => `Group ${group} skipped: ${reason}.`,
    shortened: (survivor: string, fields: string) =>
      `${survivor}: ${fields} shortened to fit a cell (50,000 characters); the full texts are in Archive and come back with Undo last merge.`,
    undoHint: (mergeId: string, snapshot: string) => `Undo with ClientBase ▸ Undo last merge (merge ${mergeId}), or restore snapshot ${snapshot}.`,
    undid: (mergeId: string, removed: string, survivor: string) =>
      `Undid merge ${mergeId}: ${removed} are back, with their interactions, purchases and mailings; ${survivor} has its values from before the merge.`,
    segmentsRefreshed: 'Segments refreshed; their tabs and counts now stay current by themselves.',
    segmentLine: (name: string, n: number, tab: string) => `${name}: ${english(n, 'client', 'clients')} (tab "${tab}")`,
    noSegmentName: '(no name)',
    noSegments: 'The Segments tab has no segments yet: add a row with a Name and a Rule.',
    removedSegmentTabs: (list: string) => `Removed tabs of segments no longer listed: ${list}.`,
  },
  ru: {
    stageTitle: 'Этап для выбранных',
    stagePrompt: (field: string, n: number, tab: string) => `Новое значение «${field}» для ${selected('ru', n)} (${tab}).`,
    typeOneOf: 'Введите одно из:',
    stageCancelled: 'Этап: отменено, ничего не изменилось.',
    selectFirst: 'Сначала выделите строки клиентов (в «Клиентах» или на вкладке сегмента), затем снова выберите «Этап для выбранных».',
    adopted: (n: number) =>
      `Подключено: ${slavic('ru', n, 'клиент', 'клиента', 'клиентов')}. Запустите ClientBase ▸ Проверка данных, чтобы увидеть, что исправить.`,
    setUpDone: (tabs: string) =>
      `ClientBase настроен: ${tabs}. Добавляйте клиентов на боковой панели или вписывайте их во вкладку «Клиенты». ClientBase ▸ Панель показателей рисует графики по базе.`,
    appliedFields: (n: number, tab: string) => `Применено к «${tab}»: ${slavic('ru', n, 'поле', 'поля', 'полей')}.`,
    newColumns: (list: string) => `Новые столбцы: ${list}.`,
    keptColumns: (list: string) => `Оставлены как есть (нет такого поля): ${list}.`,
    fieldsAttention: 'Строки вкладки «Поля», которые нужно исправить:',
    reassignTitle: 'Передать клиентов',
    reassignFrom: 'Email или имя менеджера, чьи клиенты переходят (как в столбце Manager):',
    reassignTo: (from: string) => `Кто принимает клиентов ${from}?`,
    reassigned: (clients: number, steps: number, from: string, to: string, snapshot: string) =>
      `От ${from} к ${to} перешли: ${slavic('ru', clients, 'клиент', 'клиента', 'клиентов')} и ${slavic('ru', steps, 'открытый шаг', 'открытых шага', 'открытых шагов')}. Снимок ${snapshot} хранит состояние до передачи.`,
    diagnosticsFailed: (message: string) => `Диагностика не запустилась: ${message}`,
    noDuplicates: (clients: number) => `Среди ${slavic('ru', clients, 'клиента', 'клиентов', 'клиентов')} вероятных дубликатов нет.`,
    foundDuplicates: (groups: number, clients: number, sure: number, possible: number) =>
      `Среди ${slavic('ru', clients, 'клиента', 'клиентов', 'клиентов')} найдено групп вероятных дубликатов: ${groups} (точных ${sure}, возможных ${possible}).`,
    duplicatesNext: (tab: string) =>
      `На вкладке «${tab}» укажите Решение в первой строке каждой группы (merge — объединить, not duplicates — не дубликаты, skip — пропустить), отметьте Основную запись, затем выберите ClientBase ▸ Объединить решённые дубликаты.`,
    merged: (groups: number, clients: number) =>
      `Объединено групп: ${groups} (${slavic('ru', clients, 'клиент влит', 'клиента влиты', 'клиентов влиты')} в основные записи).`,
    rememberedNot: (n: number) => `Групп запомнено как «не дубликаты»: ${n}; их больше не предложат.`,
    groupSkipped: (group: number, reason: string) => `Группа ${group} пропущена: ${reason}.`,
    shortened: (survivor: string, fields: string) =>
      `${survivor}: ${fields} сокращено до размера ячейки (50 000 символов); полные тексты в «Архиве» и вернутся при отмене объединения.`,
    undoHint: (mergeId: string, snapshot: string) =>
      `Отменить: ClientBase ▸ Отменить последнее объединение (объединение ${mergeId}) или восстановите снимок ${snapshot}.`,
    undid: (mergeId: string, removed: string, survivor: string) =>
      `Объединение ${mergeId} отменено: ${removed} вернулись вместе со своими взаимодействиями, покупками и рассылками; у ${survivor} значения как до объединения.`,
    segmentsRefreshed: 'Сегменты обновлены; их вкладки и количества теперь обновляются сами.',
    segmentLine: (name: string, n: number, tab: string) => `${name}: ${slavic('ru', n, 'клиент', 'клиента', 'клиентов')} (вкладка «${tab}»)`,
    noSegmentName: '(без названия)',
    noSegments: 'На вкладке «Сегменты» пока нет сегментов: добавьте строку с Названием и Правилом.',
    removedSegmentTabs: (list: string) => `Удалены вкладки сегментов, которых больше нет в списке: ${list}.`,
  },
  uk: {
    stageTitle: 'Етап для вибраних',
    stagePrompt: (field: string, n: number, tab: string) => `Нове значення «${field}» для ${selected('uk', n)} (${tab}).`,
    typeOneOf: 'Введіть одне з:',
    stageCancelled: 'Етап: скасовано, нічого не змінилося.',
    selectFirst: 'Спочатку виділіть рядки клієнтів (у «Клієнтах» або на вкладці сегмента), потім знову виберіть «Етап для вибраних».',
    adopted: (n: number) =>
      `Підключено: ${slavic('uk', n, 'клієнт', 'клієнти', 'клієнтів')}. Запустіть ClientBase ▸ Перевірка даних, щоб побачити, що виправити.`,
    setUpDone: (tabs: string) =>
      `ClientBase налаштовано: ${tabs}. Додавайте клієнтів на бічній панелі або вписуйте їх у вкладку «Клієнти». ClientBase ▸ Панель показників малює графіки по базі.`,
    appliedFields: (n: number, tab: string) => `Застосовано до «${tab}»: ${slavic('uk', n, 'поле', 'поля', 'полів')}.`,
    newColumns: (list: string) => `Нові стовпці: ${list}.`,
    keptColumns: (list: string) => `Залишено як є (немає такого поля): ${list}.`,
    fieldsAttention: 'Рядки вкладки «Поля», які треба виправити:',
    reassignTitle: 'Передати клієнтів',
    reassignFrom: "Email або ім'я менеджера, чиї клієнти переходять (як у стовпці Manager):",
    reassignTo: (from: string) => `Хто приймає клієнтів ${from}?`,
    reassigned: (clients: number, steps: number, from: string, to: string, snapshot: string) =>
      `Від ${from} до ${to} перейшли: ${slavic('uk', clients, 'клієнт', 'клієнти', 'клієнтів')} і ${slavic('uk', steps, 'відкритий крок', 'відкриті кроки', 'відкритих кроків')}. Знімок ${snapshot} зберігає стан до передачі.`,
    diagnosticsFailed: (message: string) => `Діагностика не запустилася: ${message}`,
    noDuplicates: (clients: number) => `Серед ${slavic('uk', clients, 'клієнта', 'клієнтів', 'клієнтів')} імовірних дублікатів немає.`,
    foundDuplicates: (groups: number, clients: number, sure: number, possible: number) =>
      `Серед ${slavic('uk', clients, 'клієнта', 'клієнтів', 'клієнтів')} знайдено груп імовірних дублікатів: ${groups} (точних ${sure}, можливих ${possible}).`,
    duplicatesNext: (tab: string) =>
      `На вкладці «${tab}» вкажіть Рішення в першому рядку кожної групи (merge — об'єднати, not duplicates — не дублікати, skip — пропустити), позначте Основний запис, потім виберіть ClientBase ▸ Об'єднати вирішені дублікати.`,
    merged: (groups: number, clients: number) =>
      `Об'єднано груп: ${groups} (${slavic('uk', clients, 'клієнта влито', 'клієнтів влито', 'клієнтів влито')} в основні записи).`,
    rememberedNot: (n: number) => `Груп запам'ятовано як «не дублікати»: ${n}; їх більше не запропонують.`,
    groupSkipped: (group: number, reason: string) => `Групу ${group} пропущено: ${reason}.`,
    shortened: (survivor: string, fields: string) =>
      `${survivor}: ${fields} скорочено до розміру клітинки (50 000 символів); повні тексти в «Архіві» й повернуться зі скасуванням об'єднання.`,
    undoHint: (mergeId: string, snapshot: string) =>
      `Скасувати: ClientBase ▸ Скасувати останнє об'єднання (об'єднання ${mergeId}) або відновіть знімок ${snapshot}.`,
    undid: (mergeId: string, removed: string, survivor: string) =>
      `Об'єднання ${mergeId} скасовано: ${removed} повернулися разом зі своїми взаємодіями, покупками й розсилками; у ${survivor} значення як до об'єднання.`,
    segmentsRefreshed: 'Сегменти оновлено; їхні вкладки й кількості тепер оновлюються самі.',
    segmentLine: (name: string, n: number, tab: string) => `${name}: ${slavic('uk', n, 'клієнт', 'клієнти', 'клієнтів')} (вкладка «${tab}»)`,
    noSegmentName: '(без назви)',
    noSegments: 'На вкладці «Сегменти» ще немає сегментів: додайте рядок із Назвою та Правилом.',
    removedSegmentTabs: (list: string) => `Видалено вкладки сегментів, яких більше немає в списку: ${list}.`,
  },
  ro: {
    stageTitle: 'Etapă pentru selecție',
    stagePrompt: (field: string, n: number, tab: string) => `${field} nou pentru ${selected('ro', n)} (${tab}).`,
    typeOneOf: 'Scrieți una dintre:',
    stageCancelled: 'Etapă: anulat, nu s-a schimbat nimic.',
    selectFirst: 'Selectați mai întâi rândurile clienților (în Clienți sau într-o filă de segment), apoi rulați din nou Etapă pentru selecție.',
    adopted: (n: number) =>
      `Preluați: ${romanian(n, 'client', 'clienți', 'de clienți')}. Rulați ClientBase ▸ Verificare date pentru a vedea ce trebuie corectat.`,
    setUpDone: (tabs: string) =>
      `ClientBase este configurat: ${tabs}. Adăugați clienți în bara laterală sau scrieți-i în Clienți. ClientBase ▸ Panou de bord desenează grafice ale bazei.`,
    appliedFields: (n: number, tab: string) => `Aplicate la ${tab}: ${romanian(n, 'câmp', 'câmpuri', 'de câmpuri')}.`,
    newColumns: (list: string) => `Coloane noi: ${list}.`,
    keptColumns: (list: string) => `Păstrate așa cum sunt (fără câmp): ${list}.`,
    fieldsAttention: 'Rânduri din Câmpuri care trebuie corectate:',
    reassignTitle: 'Transferă clienții',
    reassignFrom: 'E-mailul sau numele managerului ai cărui clienți se mută (ca în coloana Manager):',
    reassignTo: (from: string) => `Cine preia clienții lui ${from}?`,
    reassigned: (clients: number, steps: number, from: string, to: string, snapshot: string) =>
      `Mutați de la ${from} la ${to}: ${romanian(clients, 'client', 'clienți', 'de clienți')} și ${romanian(steps, 'pas deschis', 'pași deschiși', 'de pași deschiși')}. Instantaneul ${snapshot} păstrează starea de dinainte.`,
    diagnosticsFailed: (message: string) => `Diagnosticarea nu a putut rula: ${message}`,
    noDuplicates: (clients: number) => `Nicio dublură probabilă printre ${romanian(clients, 'client', 'clienți', 'de clienți')}.`,
    foundDuplicates: (groups: number, clients: number, sure: number, possible: number) =>
      `Grupuri de dubluri probabile printre ${romanian(clients, 'client', 'clienți', 'de clienți')}: ${groups} (${sure} sigure, ${possible} posibile).`,
    duplicatesNext: (tab: string) =>
      `În fila ${tab}, completați Decizie pe primul rând al fiecărui grup (merge — unificare, not duplicates — nu sunt dubluri, skip — omite), bifați Înregistrarea păstrată, apoi rulați ClientBase ▸ Unifică dublurile decise.`,
    merged: (groups: number, clients: number) =>
      `Grupuri unificate: ${groups} (${romanian(clients, 'client unificat', 'clienți unificați', 'de clienți unificați')} în înregistrările păstrate).`,
    rememberedNot: (n: number) => `Grupuri memorate ca „nu sunt dubluri”: ${n}; nu vor mai fi propuse.`,
    groupSkipped: (group: number, reason: string) => `Grupul ${group} omis: ${reason}.`,
    shortened: (survivor: string, fields: string) =>
      `${survivor}: ${fields} scurtat pentru a încăpea într-o celulă (50.000 de caractere); textele întregi sunt în Arhivă și revin la anularea unificării.`,
    undoHint: (mergeId: string, snapshot: string) =>
      `Anulați cu ClientBase ▸ Anulează ultima unificare (unificarea ${mergeId}) sau restaurați instantaneul ${snapshot}.`,
    undid: (mergeId: string, removed: string, survivor: string) =>
      `Unificarea ${mergeId} a fost anulată: ${removed} au revenit, cu interacțiunile, achizițiile și corespondența lor; ${survivor} are valorile de dinainte de unificare.`,
    segmentsRefreshed: 'Segmente actualizate; filele și numerele lor se actualizează acum singure.',
    segmentLine: (name: string, n: number, tab: string) => `${name}: ${romanian(n, 'client', 'clienți', 'de clienți')} (fila „${tab}”)`,
    noSegmentName: '(fără nume)',
    noSegments: 'Fila Segmente nu are încă segmente: adăugați un rând cu Nume și Regulă.',
    removedSegmentTabs: (list: string) => `Au fost șterse filele segmentelor care nu mai sunt în listă: ${list}.`,
  },
} satisfies Record<Lang, unknown>;

export type MenuDialogWords = (typeof WORDS)['en'];

export function menuDialogWords(lang: Lang): MenuDialogWords {
  return WORDS[lang] ?? WORDS.en;
}
