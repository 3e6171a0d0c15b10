/** Strings of the pipeline board; every language is typed by `en`, so a missing key fails the typecheck. */
const en = {
  title: 'Pipeline',
  loading: 'Loading the board…',
  manager: 'Manager',
  segment: 'Segment',
  all: 'All',
  noStage: 'No stage',
  clients: (n: number) => `${n} client${n === 1 ? '' : 's'}`,
  money: (label: string, sum: string) => `${label || 'Purchases'}: ${sum}`,
  help: 'Drag a card to another stage, or focus it and press ← or → to move it one stage.',
  today: 'Next step today',
  overdue: 'Next step overdue',
  moved: (name: string, stage: string) => `${name} moved to ${stage}.`,
  moving: (name: string) => `Moving ${name}…`,
  capped: 'Some columns show their first 200 cards; the counts include all.',
  card: (name: string, stage: string) => `${name}, ${stage}`,
  readOnly: 'Readers can look; moving needs a manager.',
};

export type BoardMessages = typeof en;

const ru: BoardMessages = {
  title: 'Воронка',
  loading: 'Загружаем доску…',
  manager: 'Менеджер',
  segment: 'Сегмент',
  all: 'Все',
  noStage: 'Без этапа',
  clients: (n) => `Клиентов: ${n}`,
  money: (label, sum) => `${label || 'Покупки'}: ${sum}`,
  help: 'Перетащите карточку на другой этап или выберите её и нажмите ← или →, чтобы сдвинуть на один этап.',
  today: 'Следующий шаг сегодня',
  overdue: 'Следующий шаг просрочен',
  moved: (name, stage) => `${name}: этап ${stage}.`,
  moving: (name) => `Переносим ${name}…`,
  capped: 'В некоторых колонках показаны первые 200 карточек; счётчики учитывают всех.',
  card: (name, stage) => `${name}, ${stage}`,
  readOnly: 'Читатели могут смотреть; переносить может менеджер.',
};

const uk: BoardMessages = {
  title: 'Воронка',
  loading: 'Завантажуємо дошку…',
  manager: 'Менеджер',
  segment: 'Сегмент',
  all: 'Усі',
  noStage: 'Без етапу',
  clients: (n) => `Клієнтів: ${n}`,
  money: (label, sum) => `${label || 'Покупки'}: ${sum}`,
  help: 'Перетягніть картку на інший етап або виберіть її й натисніть ← чи →, щоб зсунути на один етап.',
  today: 'Наступний крок сьогодні',
  overdue: 'Наступний крок прострочено',
  moved: (name, stage) => `${name}: етап ${stage}.`,
  moving: (name) => `Переносимо ${name}…`,
  capped: 'У деяких колонках показано перші 200 карток; лічильники враховують усіх.',
  card: (name, stage) => `${name}, ${stage}`,
  readOnly: 'Читачі можуть дивитися; переносити може менеджер.',
};

const ro: BoardMessages = {
  title: 'Pâlnie de vânzări',
  loading: 'Se încarcă panoul…',
  manager: 'Manager',
  segment: 'Segment',
  all: 'Toți',
  noStage: 'Fără etapă',
  clients: (n) => `${n} clienți`,
  money: (label, sum) => `${label || 'Achiziții'}: ${sum}`,
  help: 'Trageți un card în altă etapă sau selectați-l și apăsați ← ori → pentru a-l muta cu o etapă.',
  today: 'Pasul următor azi',
  overdue: 'Pasul următor întârziat',
  moved: (name, stage) => `${name} mutat în ${stage}.`,
  moving: (name) => `Se mută ${name}…`,
  capped: 'Unele coloane arată primele 200 de carduri; totalurile îi includ pe toți.',
  card: (name, stage) => `${name}, ${stage}`,
  readOnly: 'Cititorii pot privi; mutarea cere un manager.',
};

export const messages: Record<'en' | 'ru' | 'uk' | 'ro', BoardMessages> = { en, ru, uk, ro };

export const boardMessages = (locale: string): BoardMessages => messages[locale as keyof typeof messages] ?? en;
