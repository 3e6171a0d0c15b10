/** Every Ukrainian string of the sidebar; typed by en.ts so a missing or extra key fails the typecheck. */
import { slavic } from '../../src/core/i18n/plural';
import type { Messages } from './en';
import type { ProblemKind } from '../../src/core/validate/problem';

/** 1 день, 2 дні, 5 днів, 21 день, 11 днів (Intl.PluralRules). */
export const plural = (n: number, one: string, few: string, many: string): string => slavic('uk', n, one, few, many);

const PROBLEMS: Record<ProblemKind, string> = {
  required: "обов'язкове поле",
  no_name: "потрібне ім'я, прізвище або компанія",
  invalid_text: 'це не текст',
  too_long: 'задовгий текст для клітинки',
  control_characters: 'є невидимі керівні символи',
  invalid_email: 'неправильна адреса електронної пошти',
  invalid_phone: 'неправильний номер телефону',
  invalid_date: 'неможлива або нечитабельна дата',
  invalid_number: 'це не число',
  not_an_option: 'немає серед допустимих значень',
  invalid_checkbox: 'потрібно «так» або «ні»',
  invalid_url: 'неправильне посилання (потрібно http:// або https://)',
  invalid_person: "потрібне ім'я або адреса пошти",
  duplicate: 'таке значення вже є',
  format: 'неправильний формат',
};

export const uk: Messages = {
  appTitle: 'ClientBase',
  loading: 'Завантаження…',
  retry: 'Повторити',
  language: 'Мова',
  views: 'Розділи',
  tabClient: 'Клієнт',
  tabDue: 'Справи',
  tabSetUp: 'Налаштування',
  tabAdopt: 'Прийняти список',
  tabSnapshots: 'Знімки',
  tabCheck: 'Перевірка даних',
  tabSegments: 'Сегменти',
  moreViews: 'Ще',
  dismiss: 'Закрити',

  searchLabel: 'Знайти клієнта',
  searchPlaceholder: "Ім'я, компанія, пошта або телефон",
  searchResults: 'Результати пошуку',
  searching: 'Пошук…',
  noResults: 'Клієнтів не знайдено',
  resultCount: (n) => `Знайдено: ${plural(n, 'клієнт', 'клієнти', 'клієнтів')}`,
  newClient: 'Новий клієнт',

  notSetUp: 'Ця таблиця ще не налаштована як база клієнтів: виберіть ClientBase ▸ Set up.',
  emptyCard: 'Виберіть рядок у таблиці, знайдіть клієнта або додайте нового.',
  newClientTitle: 'Новий клієнт',
  clientTitle: (id) => `Клієнт ${id}`,
  updatedBy: (when, who) => (who ? `Змінено ${when}, ${who}` : `Змінено ${when}`),
  required: "обов'язково",
  save: 'Зберегти',
  saving: 'Збереження…',
  cancel: 'Скасувати',
  noChanges: 'Нічого не змінено, зберігати нічого.',
  savedNew: (id) => `Клієнта додано, ID ${id}.`,
  savedEdit: (fields) => (fields.length ? `Збережено: ${fields.join(', ')}.` : 'Збережено.'),
  fixFields: (n) => `Перевірте поля (${n}); нічого не збережено.`,
  readOnly: 'Ви можете переглядати клієнтів, але не змінювати їх.',
  emptyOption: '—',
  notAnOption: (v) => `${v} (немає в списку)`,
  tagOptions: (field) => `${field}: варіанти`,
  suggestMe: (user) => `Я (${user})`,
  fieldProblem: (field, kind, _message, suggestion) => `${field}: ${PROBLEMS[kind] ?? PROBLEMS.format}${suggestion ? ` — можливо, ${suggestion}?` : ''}`,

  conflictTitle: (who) => `${who || 'Хтось'} змінив(ла) цього клієнта, поки ви редагували.`,
  conflictDetail: 'Ваші значення залишилися у формі. Оновіть, щоб отримати їхню версію; ваші правки збережуться поверх.',
  reload: 'Оновити',
  reloaded: (fields) =>
    fields.length
      ? `Оновлено. Вони змінили: ${fields.join(', ')}. Ваші правки збережено у формі; перевірте й збережіть.`
      : 'Оновлено. Ваші правки збережено у формі; перевірте й збережіть.',
  unsavedTitle: 'У формі є незбережені зміни.',
  discardAndOpen: 'Скасувати зміни й відкрити',
  keepEditing: 'Продовжити редагування',

  dupLiveTitle: (n) => `Можливо, вже є в базі (${n})`,
  dupSaveTitle: 'Схоже, такий клієнт уже є. Поки нічого не збережено.',
  dupScore: (score) => `схожість ${Math.floor(score * 100)}%`,
  openExisting: 'Відкрити наявного',
  openExistingNamed: (name) => `Відкрити наявного: ${name}`,
  saveAnyway: 'Однаково зберегти',
  unnamed: '(без імені)',

  stage: 'Етап',
  stageChanged: (stage) => `Етап: ${stage}.`,

  logTitle: 'Записати взаємодію',
  type: 'Тип',
  date: 'Дата',
  manager: 'Менеджер',
  result: 'Результат',
  nextStep: 'Наступний крок',
  nextDate: 'Термін наступного кроку',
  moreDetails: 'Дата й менеджер',
  logSave: 'Записати',
  logged: (type) => `Записано: ${type}.`,
  interactionTypes: { Call: 'Дзвінок', Meeting: 'Зустріч', Email: 'Лист (email)', Letter: 'Лист', Contract: 'Договір', Other: 'Інше' },

  historyTitle: 'Історія',
  noHistory: 'Поки немає взаємодій і змін.',
  showMore: 'Показати ще',
  nextShort: (step, date) => `Далі: ${step}${date ? ` до ${date}` : ''}`,
  done: 'зроблено',
  changeLine: (field, from, to) => (field ? `${field}: ${from || '∅'} → ${to || '∅'}` : ''),
  actions: { add: 'додано', edit: 'змінено', stage: 'етап', merge: "об'єднано", done: 'зроблено', undo: 'скасовано' },

  dueTitle: 'Ваші наступні кроки',
  showOnDashboard: 'Показати на панелі',
  showOnDashboardHint: (chart) => `Відкрити вкладку Dashboard на діаграмі «${chart}»`,
  refresh: 'Оновити',
  noDue: 'Прострочених справ немає.',
  dueToday: 'сьогодні',
  overdue: (days) => `прострочено на ${plural(days, 'день', 'дні', 'днів')}`,
  markDone: 'Зроблено',
  markDoneNamed: (step, client) => `Позначити зробленим: ${step} (${client})`,
  openClient: 'Відкрити клієнта',
  openClientNamed: (client) => `Відкрити клієнта ${client}`,
  markedDone: (step) => `Зроблено: ${step}`,

  deleteClient: 'Видалити клієнта',
  deleteConfirm: (name) => `Видалити «${name}»? Рядок піде у вкладку Archive, перед цим збережеться знімок Clients.`,
  deleteYes: 'Видалити',
  deleted: (id) => `Клієнта ${id} видалено. Знімок — у розділі «Знімки».`,

  errorPrefix: 'Помилка:',
};
