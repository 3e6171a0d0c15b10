/** Every Russian string of the sidebar; typed by en.ts so a missing or extra key fails the typecheck. */
import { slavic } from '../../src/core/i18n/plural';
import type { Messages } from './en';
import type { ProblemKind } from '../../src/core/validate/problem';

/** 1 день, 2 дня, 5 дней, 21 день, 11 дней (Intl.PluralRules). */
export const plural = (n: number, one: string, few: string, many: string): string => slavic('ru', n, one, few, many);

const PROBLEMS: Record<ProblemKind, string> = {
  required: 'обязательное поле',
  no_name: 'нужно имя, фамилия или компания',
  invalid_text: 'это не текст',
  too_long: 'слишком длинный текст для ячейки',
  control_characters: 'есть невидимые управляющие символы',
  invalid_email: 'неверный адрес электронной почты',
  invalid_phone: 'неверный номер телефона',
  invalid_date: 'невозможная или нечитаемая дата',
  invalid_number: 'это не число',
  not_an_option: 'нет среди допустимых значений',
  invalid_checkbox: 'нужно «да» или «нет»',
  invalid_url: 'неверная ссылка (нужна http:// или https://)',
  invalid_person: 'нужно имя или адрес почты',
  duplicate: 'такое значение уже есть',
  format: 'неверный формат',
};

export const ru: Messages = {
  appTitle: 'ClientBase',
  loading: 'Загрузка…',
  retry: 'Повторить',
  language: 'Язык',
  views: 'Разделы',
  tabClient: 'Клиент',
  tabDue: 'Дела',
  tabSetUp: 'Настройка',
  tabAdopt: 'Принять список',
  tabSnapshots: 'Снимки',
  tabCheck: 'Проверка данных',
  tabSegments: 'Сегменты',
  moreViews: 'Ещё',
  dismiss: 'Закрыть',

  searchLabel: 'Найти клиента',
  searchPlaceholder: 'Имя, компания, почта или телефон',
  searchResults: 'Результаты поиска',
  searching: 'Поиск…',
  noResults: 'Клиенты не найдены',
  resultCount: (n) => `Найдено: ${plural(n, 'клиент', 'клиента', 'клиентов')}`,
  newClient: 'Новый клиент',

  notSetUp: 'Эта таблица ещё не настроена как база клиентов: выберите ClientBase ▸ Set up.',
  emptyCard: 'Выберите строку в таблице, найдите клиента или добавьте нового.',
  newClientTitle: 'Новый клиент',
  clientTitle: (id) => `Клиент ${id}`,
  updatedBy: (when, who) => (who ? `Изменён ${when}, ${who}` : `Изменён ${when}`),
  required: 'обязательно',
  save: 'Сохранить',
  saving: 'Сохранение…',
  cancel: 'Отмена',
  noChanges: 'Ничего не изменено, сохранять нечего.',
  savedNew: (id) => `Клиент добавлен, ID ${id}.`,
  savedEdit: (fields) => (fields.length ? `Сохранено: ${fields.join(', ')}.` : 'Сохранено.'),
  fixFields: (n) => `Проверьте поля (${n}); ничего не сохранено.`,
  readOnly: 'Вы можете смотреть клиентов, но не изменять их.',
  emptyOption: '—',
  notAnOption: (v) => `${v} (нет в списке)`,
  tagOptions: (field) => `${field}: варианты`,
  suggestMe: (user) => `Я (${user})`,
  fieldProblem: (field, kind, _message, suggestion) => `${field}: ${PROBLEMS[kind] ?? PROBLEMS.format}${suggestion ? ` — возможно, ${suggestion}?` : ''}`,

  conflictTitle: (who) => `${who || 'Кто-то'} изменил(а) этого клиента, пока вы редактировали.`,
  conflictDetail: 'Ваши значения остались в форме. Обновите, чтобы получить их версию; ваши правки сохранятся поверх.',
  reload: 'Обновить',
  reloaded: (fields) =>
    fields.length
      ? `Обновлено. Они изменили: ${fields.join(', ')}. Ваши правки сохранены в форме; проверьте и сохраните.`
      : 'Обновлено. Ваши правки сохранены в форме; проверьте и сохраните.',
  unsavedTitle: 'В форме есть несохранённые изменения.',
  discardAndOpen: 'Отменить изменения и открыть',
  keepEditing: 'Продолжить редактирование',

  dupLiveTitle: (n) => `Возможно, уже есть в базе (${n})`,
  dupSaveTitle: 'Похоже, такой клиент уже есть. Пока ничего не сохранено.',
  dupScore: (score) => `сходство ${Math.floor(score * 100)}%`,
  openExisting: 'Открыть существующего',
  openExistingNamed: (name) => `Открыть существующего: ${name}`,
  saveAnyway: 'Всё равно сохранить',
  unnamed: '(без имени)',

  stage: 'Стадия',
  stageChanged: (stage) => `Стадия: ${stage}.`,

  logTitle: 'Записать взаимодействие',
  type: 'Тип',
  date: 'Дата',
  manager: 'Менеджер',
  result: 'Результат',
  nextStep: 'Следующий шаг',
  nextDate: 'Срок следующего шага',
  moreDetails: 'Дата и менеджер',
  logSave: 'Записать',
  logged: (type) => `Записано: ${type}.`,
  interactionTypes: { Call: 'Звонок', Meeting: 'Встреча', Email: 'Письмо (email)', Letter: 'Письмо', Contract: 'Договор', Other: 'Другое' },

  historyTitle: 'История',
  noHistory: 'Пока нет взаимодействий и изменений.',
  showMore: 'Показать ещё',
  nextShort: (step, date) => `Далее: ${step}${date ? ` до ${date}` : ''}`,
  done: 'сделано',
  changeLine: (field, from, to) => (field ? `${field}: ${from || '∅'} → ${to || '∅'}` : ''),
  actions: { add: 'добавлен', edit: 'изменён', stage: 'стадия', merge: 'объединён', done: 'сделано', undo: 'отменено' },

  dueTitle: 'Ваши следующие шаги',
  showOnDashboard: 'Показать на панели',
  showOnDashboardHint: (chart) => `Открыть вкладку Dashboard на диаграмме «${chart}»`,
  refresh: 'Обновить',
  noDue: 'Нет просроченных дел.',
  dueToday: 'сегодня',
  overdue: (days) => `просрочено на ${plural(days, 'день', 'дня', 'дней')}`,
  markDone: 'Сделано',
  markDoneNamed: (step, client) => `Отметить сделанным: ${step} (${client})`,
  openClient: 'Открыть клиента',
  openClientNamed: (client) => `Открыть клиента ${client}`,
  markedDone: (step) => `Сделано: ${step}`,

  deleteClient: 'Удалить клиента',
  deleteConfirm: (name) => `Удалить «${name}»? Строка уйдёт во вкладку Archive, перед этим сохранится снимок Clients.`,
  deleteYes: 'Удалить',
  deleted: (id) => `Клиент ${id} удалён. Снимок — в разделе «Снимки».`,

  errorPrefix: 'Ошибка:',
};
