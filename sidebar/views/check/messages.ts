/**
 * Strings of the Check view (data check, suggested fixes, stale clients).
 * `ru`, `uk` and `ro` must have exactly the keys and signatures of `en`.
 */
import { CHECK_KINDS, CHECK_REASONS } from '../../../src/core/i18n/check-words';
import type { ProblemKind } from '../../../src/core/validate/problem';
import { plural as count } from '../../i18n/en';
import { type Locale, useLocale } from '../../i18n/locale';
import { plural as pluralRo } from '../../i18n/ro';
import { plural as ruCount } from '../../i18n/ru';
import { plural as ukCount } from '../../i18n/uk';

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
  kinds: CHECK_KINDS.en as Record<ProblemKind, string>,
  /** Formatting reasons as the server words them; other languages reword each. */
  reasons: CHECK_REASONS.en,
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
  kinds: CHECK_KINDS.ru,
  reasons: CHECK_REASONS.ru,
};

const uk: CheckMessages = {
  title: 'Перевірка даних',
  checkNow: 'Перевірити дані',
  checkAgain: 'Перевірити знову',
  checking: 'Перевіряємо…',
  applying: 'Виправляємо…',
  loading: 'Завантаження…',
  errorPrefix: 'Щось пішло не так:',
  noCheckYet: 'Дані ще не перевірялися.',
  readerNoCheck: 'Попросіть менеджера запустити ClientBase ▸ Check data.',
  checkedSummary: (rows, total, when) =>
    `Перевірено ${ukCount(rows, 'клієнта', 'клієнтів', 'клієнтів')} ${when}: ${total === 0 ? 'проблем немає' : ukCount(total, 'проблема', 'проблеми', 'проблем')}.`,
  reportTabHint: (tab) => `Усі проблеми перелічено на вкладці «${tab}» і позначено в таблиці.`,
  changedSinceCheck: (n) =>
    `Не збігаються зі звітом: ${ukCount(n, 'проблема', 'проблеми', 'проблем')} (клітинки змінилися після перевірки). Перевірте знову, щоб їх виправити.`,
  byKind: 'Проблеми за видами',
  fixesTitle: 'Запропоновані виправлення',
  fixesHint: 'Нічого не змінюється, доки ви не приймете виправлення й не застосуєте їх. Спершу робиться знімок.',
  noFixes: 'Автоматичних виправлень немає.',
  acceptGroup: (label, n) => `${label}: ${n}`,
  example: (value, fix) => `${value} → ${fix}`,
  problemsTitle: 'Проблеми',
  shownOf: (shown, total) => `Показано перші ${shown} з ${total}; усі перелічено на вкладці звіту.`,
  rowColumn: (row, column) => (row > 0 ? `Рядок ${row} · ${column}` : column),
  acceptOne: (row, column) => (row > 0 ? `Прийняти виправлення: рядок ${row}, ${column}` : `Прийняти виправлення: ${column}`),
  suggested: (fix) => `Пропонується: ${fix}`,
  emptyValue: '(порожньо)',
  apply: (n) => (n === 0 ? 'Застосувати виправлення' : `Застосувати: ${n}`),
  readerCannotFix: 'Застосовувати виправлення можуть лише менеджери.',
  applied: (n, snapshot) => (n === 0 ? 'Нічого змінювати не знадобилося.' : `Застосовано виправлень: ${n}. Скасувати можна знімком ${snapshot}.`),
  skipped: (n) => `Не застосовано виправлень: ${n}.`,
  reportNotUpdated: 'Виправлення збережено, але вкладку звіту оновити не вдалося: перевірте знову.',
  staleTitle: 'Забуті клієнти',
  staleSummary: (total, days) =>
    total === 0
      ? `Усі клієнти оновлювалися й були на зв'язку протягом останніх ${days} дн.`
      : `${ukCount(total, 'клієнт', 'клієнти', 'клієнтів')} без оновлень або контакту понад ${days} дн.`,
  staleGroup: (manager, n) => `${manager}: ${n}`,
  noManager: 'Без менеджера',
  staleMore: (n) => `…і ще ${n}.`,
  notUpdated: (days) => (days === undefined ? 'не оновлювався' : `оновлено ${days} дн. тому`),
  notContacted: (days) => (days === undefined ? 'контактів не було' : `останній контакт ${days} дн. тому`),
  openClient: 'Відкрити',
  openClientNamed: (name) => `Відкрити клієнта ${name}`,
  kinds: CHECK_KINDS.uk,
  reasons: CHECK_REASONS.uk,
};

const ro: CheckMessages = {
  title: 'Verificarea datelor',
  checkNow: 'Verifică datele',
  checkAgain: 'Verifică din nou',
  checking: 'Se verifică…',
  applying: 'Se aplică corecturile…',
  loading: 'Se încarcă…',
  errorPrefix: 'Ceva nu a mers:',
  noCheckYet: 'Datele nu au fost verificate încă.',
  readerNoCheck: 'Rugați un manager să ruleze ClientBase ▸ Check data.',
  checkedSummary: (rows, total, when) =>
    `${pluralRo(rows, 'client verificat', 'clienți verificați', 'de clienți verificați')} ${when}: ${total === 0 ? 'nicio problemă' : pluralRo(total, 'problemă', 'probleme', 'de probleme')}.`,
  reportTabHint: (tab) => `Fiecare problemă este enumerată în fila „${tab}” și marcată în tabel.`,
  changedSinceCheck: (n) =>
    `${pluralRo(n, 'problemă nu mai este', 'probleme nu mai sunt', 'de probleme nu mai sunt')} ca în raport (celulele s-au schimbat de la verificare). Verificați din nou pentru a le corecta.`,
  byKind: 'Probleme pe tipuri',
  fixesTitle: 'Corecturi propuse',
  fixesHint: 'Nimic nu se schimbă până nu acceptați și aplicați corecturile. Mai întâi se face un instantaneu.',
  noFixes: 'Nu există corecturi automate de propus.',
  acceptGroup: (label, n) => `${label}: ${n}`,
  example: (value, fix) => `${value} → ${fix}`,
  problemsTitle: 'Probleme',
  shownOf: (shown, total) => `Se arată primele ${shown} din ${total}; fila raportului le enumeră pe toate.`,
  rowColumn: (row, column) => (row > 0 ? `Rândul ${row} · ${column}` : column),
  acceptOne: (row, column) => (row > 0 ? `Acceptă corectura pentru rândul ${row}, ${column}` : `Acceptă corectura pentru ${column}`),
  suggested: (fix) => `Propus: ${fix}`,
  emptyValue: '(gol)',
  apply: (n) => (n === 0 ? 'Aplică corecturile' : `Aplică ${pluralRo(n, 'corectură', 'corecturi', 'de corecturi')}`),
  readerCannotFix: 'Doar managerii pot aplica corecturi.',
  applied: (n, snapshot) =>
    n === 0
      ? 'Nicio celulă nu a trebuit schimbată.'
      : `Aplicate: ${pluralRo(n, 'corectură', 'corecturi', 'de corecturi')}. Instantaneul ${snapshot} le poate anula.`,
  skipped: (n) => `Neaplicate: ${pluralRo(n, 'corectură', 'corecturi', 'de corecturi')}:`,
  reportNotUpdated: 'Corecturile au fost salvate, dar fila raportului nu a putut fi actualizată: verificați din nou.',
  staleTitle: 'Clienți neglijați',
  staleSummary: (total, days) =>
    total === 0
      ? `Fiecare client a fost actualizat și contactat în ultimele ${pluralRo(days, 'zi', 'zile', 'de zile').replace(/^1 zi$/, 'zi')}.`
      : `${pluralRo(total, 'client nu a fost actualizat sau contactat', 'clienți nu au fost actualizați sau contactați', 'de clienți nu au fost actualizați sau contactați')} de peste ${days} de zile.`,
  staleGroup: (manager, n) => `${manager}: ${n}`,
  noManager: 'Fără manager',
  staleMore: (n) => `…și încă ${n}.`,
  notUpdated: (days) => (days === undefined ? 'niciodată actualizat' : `actualizat acum ${pluralRo(days, 'zi', 'zile', 'de zile')}`),
  notContacted: (days) => (days === undefined ? 'niciodată contactat' : `ultimul contact acum ${pluralRo(days, 'zi', 'zile', 'de zile')}`),
  openClient: 'Deschide',
  openClientNamed: (name) => `Deschide clientul ${name}`,
  kinds: CHECK_KINDS.ro,
  reasons: CHECK_REASONS.ro,
};

export const messages: Record<Locale, CheckMessages> = { en, ru, uk, ro };

/** The Check view's strings in the sidebar's current language. */
export function useCheckMessages(): CheckMessages {
  return messages[useLocale()] ?? messages.en;
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
