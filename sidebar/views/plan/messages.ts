/**
 * Strings of the plan (Plan view, scheduling in Mail, last contact, Due
 * badge) in en, ru, uk and ro. Looked up by `(locale as string)` so this
 * compiles whether Locale has two members or four.
 */
import { useLocale } from '../../i18n/locale';

type Problem = 'owner_not_manager' | 'late';
type RunnerProblem = 'none' | 'not_manager' | 'stopped';

export interface PlanMessages {
  tab: string;
  title: string;
  refresh: string;
  openCalendar: string;
  vipOnly: string;
  manager: string;
  everyone: string;
  days: (n: number) => string;
  nothing: string;
  more: (n: number) => string;
  kinds: Record<'step' | 'mailing' | 'occasion' | 'greeting', string>;
  overdue: string;
  today: string;
  // scheduling in the Mail view
  scheduleSection: string;
  scheduleHelp: (zone: string) => string;
  day: string;
  time: string;
  schedule: string;
  scheduling: string;
  scheduled: (campaign: string, day: string, time: string) => string;
  scheduledSection: string;
  noneScheduled: string;
  onePerCompany: string;
  cancel: string;
  cancelNamed: (campaign: string) => string;
  takeOver: string;
  takeOverNamed: (campaign: string) => string;
  states: Record<'scheduled' | 'starting' | 'started' | 'failed' | 'cancelled', string>;
  by: (who: string) => string;
  problems: Record<Problem, (who: string) => string>;
  recipientsSegment: (name: string) => string;
  recipientsIds: (n: number) => string;
  // runner of digests and occasions
  runnerTitle: string;
  runnerIs: (who: string, last: string) => string;
  runnerProblems: Record<RunnerProblem, (who: string) => string>;
  runFromMe: string;
  // last contact and the contact pause
  lastContact: (day: string, who: string, type: string, ago: number) => string;
  neverContacted: string;
  recentWarning: (days: number) => string;
  recentlyContacted: (n: number, days: number, skip: boolean) => string;
  contactedOn: (day: string, who: string) => string;
  // occasions
  occasionsTitle: string;
  noOccasions: string;
  kindYearly: string;
  kindPersonal: string;
  occasionName: string;
  template: string;
  segment: string;
  anySegment: string;
  dateMd: string;
  field: string;
  hour: string;
  addOccasion: string;
  deleteNamed: (name: string) => string;
  remove: string;
  yearlyLine: (date: string, segment: string, next: string) => string;
  personalLine: (field: string) => string;
}

function pluralRu(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

const en: PlanMessages = {
  tab: 'Plan',
  title: 'Plan',
  refresh: 'Refresh',
  openCalendar: 'Open calendar',
  vipOnly: 'VIP only',
  manager: 'Manager filter',
  everyone: 'Everyone',
  days: (n) => `Next ${n} days`,
  nothing: 'Nothing planned for these days.',
  more: (n) => `${n} more not shown.`,
  kinds: { step: 'Next step', mailing: 'Mailing', occasion: 'Campaign', greeting: 'Greeting' },
  overdue: 'overdue',
  today: 'today',
  scheduleSection: 'Or schedule it',
  scheduleHelp: (zone) => `Starts at the first hourly run after this time (${zone}), within the daily quota, after the same check.`,
  day: 'Start date',
  time: 'Start time',
  schedule: 'Schedule',
  scheduling: 'Scheduling…',
  scheduled: (c, d, t) => `"${c}" is scheduled for ${d} ${t}.`,
  scheduledSection: 'Scheduled mailings',
  noneScheduled: 'No mailing is scheduled.',
  onePerCompany: 'one per company',
  cancel: 'Cancel',
  cancelNamed: (c) => `Cancel the scheduled mailing ${c}`,
  takeOver: 'Send from my account',
  takeOverNamed: (c) => `Send the scheduled mailing ${c} from my account`,
  states: { scheduled: 'scheduled', starting: 'starting', started: 'started', failed: 'failed', cancelled: 'cancelled' },
  by: (who) => `from ${who}`,
  problems: {
    owner_not_manager: (who) => `${who} is no longer a manager: it will not start until someone sends it from their account.`,
    late: (who) => `It has not started: ${who}'s hourly trigger seems to have stopped (account removed from the spreadsheet?).`,
  },
  recipientsSegment: (name) => `segment ${name}`,
  recipientsIds: (n) => `${n} client${n === 1 ? '' : 's'}`,
  runnerTitle: 'Morning e-mails and occasions',
  runnerIs: (who, last) => `Sent from ${who}'s account${last ? `; last run ${last}` : ''}.`,
  runnerProblems: {
    none: () => 'Nobody sends them yet.',
    not_manager: (who) => `${who} is no longer a manager: nothing is sent.`,
    stopped: (who) => `${who}'s hourly trigger has not run for over two hours.`,
  },
  runFromMe: 'Send them from my account',
  lastContact: (d, who, type, ago) =>
    `Last contact: ${type} on ${d}${who ? ` by ${who}` : ''} (${ago === 0 ? 'today' : ago === 1 ? 'yesterday' : `${ago} days ago`}).`,
  neverContacted: 'No contact logged yet.',
  recentWarning: (days) => `Contacted within the last ${days} days: mailings leave this client out for now.`,
  recentlyContacted: (n, days, skip) => `Contacted in the last ${days} days (${n})${skip ? ': left out' : ''}`,
  contactedOn: (d, who) => `${d}${who ? `, ${who}` : ''}`,
  occasionsTitle: 'Occasions',
  noOccasions: 'No yearly campaign or greeting yet.',
  kindYearly: 'Every year on a date, to a segment',
  kindPersonal: 'On each client’s own date (birthday…)',
  occasionName: 'Occasion name',
  template: 'Greeting template',
  segment: 'Send to segment',
  anySegment: 'All clients',
  dateMd: 'Date (month-day, e.g. 12-31)',
  field: 'Date column',
  hour: 'Not before (hour)',
  addOccasion: 'Save occasion',
  deleteNamed: (name) => `Delete the occasion ${name}`,
  remove: 'Delete',
  yearlyLine: (date, segment, next) => `every ${date} to ${segment}; next ${next}`,
  personalLine: (field) => `on each client’s ${field}`,
};

const ru: PlanMessages = {
  tab: 'План',
  title: 'План',
  refresh: 'Обновить',
  openCalendar: 'Открыть календарь',
  vipOnly: 'Только VIP',
  manager: 'Фильтр по менеджеру',
  everyone: 'Все',
  days: (n) => `Ближайшие ${n} ${pluralRu(n, 'день', 'дня', 'дней')}`,
  nothing: 'На эти дни ничего не запланировано.',
  more: (n) => `Ещё ${n} не показано.`,
  kinds: { step: 'Следующий шаг', mailing: 'Рассылка', occasion: 'Кампания', greeting: 'Поздравление' },
  overdue: 'просрочено',
  today: 'сегодня',
  scheduleSection: 'Или запланировать',
  scheduleHelp: (zone) => `Начнётся при первом ежечасном запуске после этого времени (${zone}), в пределах дневной квоты, после той же проверки.`,
  day: 'Дата начала',
  time: 'Время начала',
  schedule: 'Запланировать',
  scheduling: 'Планирование…',
  scheduled: (c, d, t) => `«${c}» запланирована на ${d} ${t}.`,
  scheduledSection: 'Запланированные рассылки',
  noneScheduled: 'Нет запланированных рассылок.',
  onePerCompany: 'один на компанию',
  cancel: 'Отменить',
  cancelNamed: (c) => `Отменить запланированную рассылку ${c}`,
  takeOver: 'Отправить с моего аккаунта',
  takeOverNamed: (c) => `Отправить запланированную рассылку ${c} с моего аккаунта`,
  states: { scheduled: 'запланирована', starting: 'запускается', started: 'запущена', failed: 'ошибка', cancelled: 'отменена' },
  by: (who) => `от ${who}`,
  problems: {
    owner_not_manager: (who) => `${who} больше не менеджер: рассылка не начнётся, пока кто-то не отправит её со своего аккаунта.`,
    late: (who) => `Рассылка не началась: ежечасный запуск ${who}, похоже, остановился (аккаунт удалён из таблицы?).`,
  },
  recipientsSegment: (name) => `сегмент ${name}`,
  recipientsIds: (n) => `${n} ${pluralRu(n, 'клиент', 'клиента', 'клиентов')}`,
  runnerTitle: 'Утренние письма и поводы',
  runnerIs: (who, last) => `Отправляются с аккаунта ${who}${last ? `; последний запуск ${last}` : ''}.`,
  runnerProblems: {
    none: () => 'Их пока никто не отправляет.',
    not_manager: (who) => `${who} больше не менеджер: ничего не отправляется.`,
    stopped: (who) => `Ежечасный запуск ${who} не работал больше двух часов.`,
  },
  runFromMe: 'Отправлять с моего аккаунта',
  lastContact: (d, who, type, ago) =>
    `Последний контакт: ${type} ${d}${who ? `, ${who}` : ''} (${ago === 0 ? 'сегодня' : ago === 1 ? 'вчера' : `${ago} ${pluralRu(ago, 'день', 'дня', 'дней')} назад`}).`,
  neverContacted: 'Контактов ещё не было.',
  recentWarning: (days) => `Контакт был за последние ${days} ${pluralRu(days, 'день', 'дня', 'дней')}: рассылки пока пропускают этого клиента.`,
  recentlyContacted: (n, days, skip) => `Контакт за последние ${days} ${pluralRu(days, 'день', 'дня', 'дней')} (${n})${skip ? ': пропущены' : ''}`,
  contactedOn: (d, who) => `${d}${who ? `, ${who}` : ''}`,
  occasionsTitle: 'Поводы',
  noOccasions: 'Ежегодных кампаний и поздравлений пока нет.',
  kindYearly: 'Каждый год в дату, сегменту',
  kindPersonal: 'В личную дату клиента (день рождения…)',
  occasionName: 'Название повода',
  template: 'Шаблон поздравления',
  segment: 'Кому: сегмент',
  anySegment: 'Все клиенты',
  dateMd: 'Дата (месяц-день, напр. 12-31)',
  field: 'Столбец с датой',
  hour: 'Не раньше (час)',
  addOccasion: 'Сохранить повод',
  deleteNamed: (name) => `Удалить повод ${name}`,
  remove: 'Удалить',
  yearlyLine: (date, segment, next) => `каждый год ${date}, сегмент ${segment}; следующий раз ${next}`,
  personalLine: (field) => `в дату клиента: ${field}`,
};

const uk: PlanMessages = {
  tab: 'План',
  title: 'План',
  refresh: 'Оновити',
  openCalendar: 'Відкрити календар',
  vipOnly: 'Лише VIP',
  manager: 'Фільтр за менеджером',
  everyone: 'Усі',
  days: (n) => `Найближчі ${n} ${pluralRu(n, 'день', 'дні', 'днів')}`,
  nothing: 'На ці дні нічого не заплановано.',
  more: (n) => `Ще ${n} не показано.`,
  kinds: { step: 'Наступний крок', mailing: 'Розсилка', occasion: 'Кампанія', greeting: 'Привітання' },
  overdue: 'прострочено',
  today: 'сьогодні',
  scheduleSection: 'Або запланувати',
  scheduleHelp: (zone) => `Почнеться під час першого щогодинного запуску після цього часу (${zone}), у межах денної квоти, після тієї ж перевірки.`,
  day: 'Дата початку',
  time: 'Час початку',
  schedule: 'Запланувати',
  scheduling: 'Планування…',
  scheduled: (c, d, t) => `«${c}» заплановано на ${d} ${t}.`,
  scheduledSection: 'Заплановані розсилки',
  noneScheduled: 'Немає запланованих розсилок.',
  onePerCompany: 'один на компанію',
  cancel: 'Скасувати',
  cancelNamed: (c) => `Скасувати заплановану розсилку ${c}`,
  takeOver: 'Надіслати з мого акаунта',
  takeOverNamed: (c) => `Надіслати заплановану розсилку ${c} з мого акаунта`,
  states: { scheduled: 'заплановано', starting: 'запускається', started: 'запущено', failed: 'помилка', cancelled: 'скасовано' },
  by: (who) => `від ${who}`,
  problems: {
    owner_not_manager: (who) => `${who} більше не менеджер: розсилка не почнеться, доки хтось не надішле її зі свого акаунта.`,
    late: (who) => `Розсилка не почалася: щогодинний запуск ${who}, схоже, зупинився (акаунт вилучено з таблиці?).`,
  },
  recipientsSegment: (name) => `сегмент ${name}`,
  recipientsIds: (n) => `${n} ${pluralRu(n, 'клієнт', 'клієнти', 'клієнтів')}`,
  runnerTitle: 'Ранкові листи та приводи',
  runnerIs: (who, last) => `Надсилаються з акаунта ${who}${last ? `; останній запуск ${last}` : ''}.`,
  runnerProblems: {
    none: () => 'Їх поки ніхто не надсилає.',
    not_manager: (who) => `${who} більше не менеджер: нічого не надсилається.`,
    stopped: (who) => `Щогодинний запуск ${who} не працював понад дві години.`,
  },
  runFromMe: 'Надсилати з мого акаунта',
  lastContact: (d, who, type, ago) =>
    `Останній контакт: ${type} ${d}${who ? `, ${who}` : ''} (${ago === 0 ? 'сьогодні' : ago === 1 ? 'учора' : `${ago} ${pluralRu(ago, 'день', 'дні', 'днів')} тому`}).`,
  neverContacted: 'Контактів ще не було.',
  recentWarning: (days) => `Контакт був за останні ${days} ${pluralRu(days, 'день', 'дні', 'днів')}: розсилки поки пропускають цього клієнта.`,
  recentlyContacted: (n, days, skip) => `Контакт за останні ${days} ${pluralRu(days, 'день', 'дні', 'днів')} (${n})${skip ? ': пропущено' : ''}`,
  contactedOn: (d, who) => `${d}${who ? `, ${who}` : ''}`,
  occasionsTitle: 'Приводи',
  noOccasions: 'Щорічних кампаній і привітань ще немає.',
  kindYearly: 'Щороку в дату, сегменту',
  kindPersonal: 'В особисту дату клієнта (день народження…)',
  occasionName: 'Назва приводу',
  template: 'Шаблон привітання',
  segment: 'Кому: сегмент',
  anySegment: 'Усі клієнти',
  dateMd: 'Дата (місяць-день, напр. 12-31)',
  field: 'Стовпець із датою',
  hour: 'Не раніше (година)',
  addOccasion: 'Зберегти привід',
  deleteNamed: (name) => `Видалити привід ${name}`,
  remove: 'Видалити',
  yearlyLine: (date, segment, next) => `щороку ${date}, сегмент ${segment}; наступного разу ${next}`,
  personalLine: (field) => `у дату клієнта: ${field}`,
};

const ro: PlanMessages = {
  tab: 'Plan',
  title: 'Plan',
  refresh: 'Reîmprospătează',
  openCalendar: 'Deschide calendarul',
  vipOnly: 'Doar VIP',
  manager: 'Filtru după manager',
  everyone: 'Toți',
  days: (n) => `Următoarele ${n} ${n === 1 ? 'zi' : 'zile'}`,
  nothing: 'Nimic planificat pentru aceste zile.',
  more: (n) => `Încă ${n} neafișate.`,
  kinds: { step: 'Pas următor', mailing: 'Campanie e-mail', occasion: 'Campanie', greeting: 'Felicitare' },
  overdue: 'întârziat',
  today: 'azi',
  scheduleSection: 'Sau programați-o',
  scheduleHelp: (zone) => `Pornește la prima rulare orară după această oră (${zone}), în limita cotei zilnice, după aceeași verificare.`,
  day: 'Data pornirii',
  time: 'Ora pornirii',
  schedule: 'Programează',
  scheduling: 'Se programează…',
  scheduled: (c, d, t) => `„${c}” este programată pentru ${d} ${t}.`,
  scheduledSection: 'Campanii programate',
  noneScheduled: 'Nicio campanie programată.',
  onePerCompany: 'unul pe companie',
  cancel: 'Anulează',
  cancelNamed: (c) => `Anulează campania programată ${c}`,
  takeOver: 'Trimite din contul meu',
  takeOverNamed: (c) => `Trimite campania programată ${c} din contul meu`,
  states: { scheduled: 'programată', starting: 'pornește', started: 'pornită', failed: 'eșuată', cancelled: 'anulată' },
  by: (who) => `de la ${who}`,
  problems: {
    owner_not_manager: (who) => `${who} nu mai este manager: nu va porni până când cineva nu o trimite din contul său.`,
    late: (who) => `Nu a pornit: declanșatorul orar al lui ${who} pare oprit (cont eliminat din foaie?).`,
  },
  recipientsSegment: (name) => `segmentul ${name}`,
  recipientsIds: (n) => `${n} ${n === 1 ? 'client' : 'clienți'}`,
  runnerTitle: 'E-mailuri de dimineață și ocazii',
  runnerIs: (who, last) => `Trimise din contul ${who}${last ? `; ultima rulare ${last}` : ''}.`,
  runnerProblems: {
    none: () => 'Încă nu le trimite nimeni.',
    not_manager: (who) => `${who} nu mai este manager: nu se trimite nimic.`,
    stopped: (who) => `Declanșatorul orar al lui ${who} nu a rulat de peste două ore.`,
  },
  runFromMe: 'Trimite-le din contul meu',
  lastContact: (d, who, type, ago) =>
    `Ultimul contact: ${type} pe ${d}${who ? `, ${who}` : ''} (${ago === 0 ? 'azi' : ago === 1 ? 'ieri' : `acum ${ago} zile`}).`,
  neverContacted: 'Niciun contact înregistrat.',
  recentWarning: (days) => `Contactat în ultimele ${days} zile: campaniile de e-mail îl omit deocamdată.`,
  recentlyContacted: (n, days, skip) => `Contactați în ultimele ${days} zile (${n})${skip ? ': omiși' : ''}`,
  contactedOn: (d, who) => `${d}${who ? `, ${who}` : ''}`,
  occasionsTitle: 'Ocazii',
  noOccasions: 'Încă nicio campanie anuală sau felicitare.',
  kindYearly: 'În fiecare an la o dată, unui segment',
  kindPersonal: 'La data fiecărui client (ziua de naștere…)',
  occasionName: 'Numele ocaziei',
  template: 'Șablonul felicitării',
  segment: 'Către segmentul',
  anySegment: 'Toți clienții',
  dateMd: 'Data (lună-zi, ex. 12-31)',
  field: 'Coloana cu data',
  hour: 'Nu înainte de (ora)',
  addOccasion: 'Salvează ocazia',
  deleteNamed: (name) => `Șterge ocazia ${name}`,
  remove: 'Șterge',
  yearlyLine: (date, segment, next) => `în fiecare an pe ${date}, segmentul ${segment}; următoarea ${next}`,
  personalLine: (field) => `la data clientului: ${field}`,
};

const MESSAGES: Record<'en' | 'ru' | 'uk' | 'ro', PlanMessages> = { en, ru, uk, ro };

export function planMessagesFor(locale: string): PlanMessages {
  return MESSAGES[locale as 'en' | 'ru' | 'uk' | 'ro'] ?? en;
}

export function usePlanMessages(): PlanMessages {
  return planMessagesFor(useLocale() as string);
}
