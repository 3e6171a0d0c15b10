/**
 * Strings of the Check view (data check, suggested fixes, stale clients).
 * `ru` must have exactly the keys and signatures of `en`.
 */
import { PROBLEM_LABELS, type ProblemKind } from '../../../src/core/validate/problem';
import { LOCALES } from '../../i18n/locale';
import { useT } from '../../i18n/locale';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Russian plural forms: 1 клиент, 2 клиента, 5 клиентов. */
const ruCount = (n: number, one: string, few: string, many: string) => {
  const tens = n % 100;
  const units = n % 10;
  const word = tens >= 11 && tens <= 14 ? many : units === 1 ? one : units >= 2 && units <= 4 ? few : many;
  return `${n} ${word}`;
};

const en = {
  title: 'Data check',
  checkNow: 'Check data',
  checkAgain: 'Check again',
  checking: 'Checking…',
  applying: 'Applying fixes…',
  loading: 'Loading…',
  errorPrefix: 'Something went wrong:',
  noCheckYet: 'The data has not been checked yet.',
  readerNoCheck: 'Ask a manager to run ClientBase ▸ Check data.',
  checkedSummary: (rows: number, total: number, when: string) =>
    `${count(rows, 'client', 'clients')} checked ${when}: ${total === 0 ? 'no problems' : count(total, 'problem', 'problems')}.`,
  reportTabHint: (tab: string) => `Every problem is listed in the “${tab}” tab and marked in the grid.`,
  changedSinceCheck: (n: number) =>
    `${count(n, 'problem is', 'problems are')} not as the report shows them (the cells changed since the check). Check again to fix them.`,
  byKind: 'Problems by kind',
  fixesTitle: 'Suggested fixes',
  fixesHint: 'Nothing changes until you accept fixes and apply them. A snapshot is taken first.',
  noFixes: 'No automatic fixes to suggest.',
  acceptGroup: (label: string, n: number) => `${label}: ${n}`,
  example: (value: string, fix: string) => `${value} → ${fix}`,
  problemsTitle: 'Problems',
  shownOf: (shown: number, total: number) => `Showing the first ${shown} of ${total}; the report tab lists them all.`,
  rowColumn: (row: number, column: string) => (row > 0 ? `Row ${row} · ${column}` : column),
  acceptOne: (row: number, column: string) => (row > 0 ? `Accept fix for row ${row}, ${column}` : `Accept fix for ${column}`),
  suggested: (fix: string) => `Suggested: ${fix}`,
  emptyValue: '(empty)',
  apply: (n: number) => (n === 0 ? 'Apply fixes' : `Apply ${count(n, 'fix', 'fixes')}`),
  readerCannotFix: 'Only managers can apply fixes.',
  applied: (n: number, snapshot: string) => (n === 0 ? 'No cell needed changing.' : `Applied ${count(n, 'fix', 'fixes')}. Snapshot ${snapshot} can undo them.`),
  skipped: (n: number) => `${count(n, 'fix was', 'fixes were')} not applied:`,
  reportNotUpdated: 'The fixes were saved, but the report tab could not be updated: check again.',
  staleTitle: 'Stale clients',
  staleSummary: (total: number, days: number) =>
    total === 0
      ? `Every client was updated and contacted within ${days} days.`
      : `${count(total, 'client was', 'clients were')} not updated or not contacted for over ${days} days.`,
  staleGroup: (manager: string, n: number) => `${manager}: ${n}`,
  noManager: 'No manager',
  staleMore: (n: number) => `…and ${n} more.`,
  notUpdated: (days?: number) => (days === undefined ? 'never updated' : `updated ${days} days ago`),
  notContacted: (days?: number) => (days === undefined ? 'never contacted' : `last contact ${days} days ago`),
  openClient: 'Open',
  openClientNamed: (name: string) => `Open client ${name}`,
  // The English labels are the report's own, so the tab and the sidebar never disagree.
  kinds: PROBLEM_LABELS as Record<ProblemKind, string>,
  /** Formatting reasons as the server words them, for languages that reword them. */
  reasons: {} as Record<string, string>,
};

export type CheckMessages = typeof en;

const ru: CheckMessages = {
  title: 'Проверка данных',
  checkNow: 'Проверить данные',
  checkAgain: 'Проверить снова',
  checking: 'Проверяем…',
  applying: 'Исправляем…',
  loading: 'Загрузка…',
  errorPrefix: 'Что-то пошло не так:',
  noCheckYet: 'Данные ещё не проверялись.',
  readerNoCheck: 'Попросите менеджера запустить ClientBase ▸ Check data.',
  checkedSummary: (rows, total, when) =>
    `Проверено ${ruCount(rows, 'клиент', 'клиента', 'клиентов')} ${when}: ${total === 0 ? 'проблем нет' : ruCount(total, 'проблема', 'проблемы', 'проблем')}.`,
  reportTabHint: (tab) => `Все проблемы перечислены на вкладке «${tab}» и отмечены в таблице.`,
  changedSinceCheck: (n) =>
    `${ruCount(n, 'проблема', 'проблемы', 'проблем')} не совпадает с отчётом (ячейки изменились после проверки). Проверьте снова, чтобы их исправить.`,
  byKind: 'Проблемы по видам',
  fixesTitle: 'Предлагаемые исправления',
  fixesHint: 'Ничего не меняется, пока вы не примете исправления и не примените их. Сначала делается снимок.',
  noFixes: 'Автоматических исправлений нет.',
  acceptGroup: (label, n) => `${label}: ${n}`,
  example: (value, fix) => `${value} → ${fix}`,
  problemsTitle: 'Проблемы',
  shownOf: (shown, total) => `Показаны первые ${shown} из ${total}; все перечислены на вкладке отчёта.`,
  rowColumn: (row, column) => (row > 0 ? `Строка ${row} · ${column}` : column),
  acceptOne: (row, column) => (row > 0 ? `Принять исправление: строка ${row}, ${column}` : `Принять исправление: ${column}`),
  suggested: (fix) => `Предлагается: ${fix}`,
  emptyValue: '(пусто)',
  apply: (n) => (n === 0 ? 'Применить исправления' : `Применить: ${n}`),
  readerCannotFix: 'Применять исправления могут только менеджеры.',
  applied: (n, snapshot) => (n === 0 ? 'Ничего менять не понадобилось.' : `Применено исправлений: ${n}. Отменить можно снимком ${snapshot}.`),
  skipped: (n) => `Не применено исправлений: ${n}.`,
  reportNotUpdated: 'Исправления сохранены, но вкладку отчёта обновить не удалось: проверьте снова.',
  staleTitle: 'Забытые клиенты',
  staleSummary: (total, days) =>
    total === 0
      ? `Все клиенты обновлялись и были на связи в последние ${days} дн.`
      : `${ruCount(total, 'клиент', 'клиента', 'клиентов')} без обновлений или контакта больше ${days} дн.`,
  staleGroup: (manager, n) => `${manager}: ${n}`,
  noManager: 'Без менеджера',
  staleMore: (n) => `…и ещё ${n}.`,
  notUpdated: (days) => (days === undefined ? 'не обновлялся' : `обновлён ${days} дн. назад`),
  notContacted: (days) => (days === undefined ? 'контактов не было' : `последний контакт ${days} дн. назад`),
  openClient: 'Открыть',
  openClientNamed: (name) => `Открыть клиента ${name}`,
  kinds: {
    required: 'не заполнено обязательное поле',
    no_name: 'нет ни имени, ни компании',
    invalid_text: 'не текст',
    too_long: 'длиннее, чем вмещает ячейка',
    control_characters: 'управляющие символы',
    invalid_email: 'неверный email',
    invalid_phone: 'нечитаемый телефон',
    invalid_date: 'невозможная или нечитаемая дата',
    invalid_number: 'не число',
    not_an_option: 'значение не из списка',
    invalid_checkbox: 'не «да/нет»',
    invalid_url: 'неверная ссылка',
    invalid_person: 'не человек (имя или email)',
    duplicate: 'повтор в уникальном столбце',
    format: 'исправимое оформление',
  },
  reasons: {
    'not in international format': 'не в международном формате',
    'extra spaces or capital letters': 'лишние пробелы или заглавные буквы',
    'date written as text': 'дата записана текстом',
    'number written as text': 'число записано текстом',
    'yes/no written as text': 'да/нет записано текстом',
    'spelled differently from the options in Fields': 'написано не так, как в списке Fields',
    'extra spaces': 'лишние пробелы',
    'name not capitalised': 'имя не с заглавной буквы',
    'leading or trailing spaces': 'пробелы в начале или в конце',
  },
};

export const messages = { en, ru };

/** The Check view's strings in the sidebar's current language. */
export function useCheckMessages(): CheckMessages {
  return useT() === LOCALES.ru.messages ? messages.ru : messages.en;
}

/** A fix group's label in the current language: the server words it in English. */
export function groupLabel(m: CheckMessages, group: { key: string; label: string; kind: string }): string {
  if (group.kind === 'format') {
    const at = group.label.lastIndexOf(': ');
    const reason = at >= 0 ? group.label.slice(at + 2) : '';
    return m.reasons[reason] ? `${group.label.slice(0, at)}: ${m.reasons[reason]}` : group.label;
  }
  const column = group.key.slice(group.key.indexOf('|') + 1);
  const kind = m.kinds[group.kind as ProblemKind];
  return kind ? `${column}: ${kind}` : group.label;
}
