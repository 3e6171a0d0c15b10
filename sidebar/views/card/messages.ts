/**
 * Strings of the client card's summary, its conflict chooser, the Due list's
 * sections and the Archive's undelete, in the sidebar's four languages. Looked
 * up with `(locale as string)` so it compiles whether Locale has two members or four.
 */
import { plural as pluralSlavic } from '../../i18n/ru';
import type { Locale } from '../../i18n/locale';

const en = {
  nextStepTitle: 'Next step',
  noNextStep: 'No next step planned. Log one below.',
  nextDue: (date: string) => `due ${date}`,
  nextOverdue: (date: string, days: number) => `due ${date}, overdue ${days} day${days === 1 ? '' : 's'}`,
  nextToday: 'due today',
  moreSteps: (n: number) => `and ${n} more open step${n === 1 ? '' : 's'}`,
  conflictChoose: 'You both changed these fields: choose the value to keep.',
  conflictTheirs: (who: string) => `${who || 'Theirs'}`,
  conflictYours: 'Yours',
  conflictTaken: (field: string, value: string) => `${field}: their value “${value || '∅'}” is taken (you had not changed it).`,
  conflictPick: (field: string) => `Choose which ${field} to keep.`,
  dueOverdueTitle: (n: number) => `Overdue (${n})`,
  dueTodayTitle: (n: number) => `Today (${n})`,
  dueLaterTitle: (n: number) => `Later (${n})`,
  dueInDays: (days: number) => `in ${days} day${days === 1 ? '' : 's'}`,
  archiveTitle: 'Deleted clients',
  archiveIntro: 'Restore one to put it back in Clients as it was (audited).',
  archiveEmpty: 'No deleted clients.',
  archiveDeleted: (when: string, who: string) => `deleted ${when} by ${who}`,
  restore: 'Restore',
  restoreNamed: (name: string) => `Restore ${name}`,
  restored: (name: string) => `${name} is back in Clients.`,
  showArchive: 'Show deleted clients',
};

export type CardMessages = typeof en;

const ru: CardMessages = {
  nextStepTitle: 'Следующий шаг',
  noNextStep: 'Следующий шаг не запланирован. Запишите его ниже.',
  nextDue: (date) => `срок ${date}`,
  nextOverdue: (date, days) => `срок ${date}, просрочено на ${pluralSlavic(days, 'день', 'дня', 'дней')}`,
  nextToday: 'срок сегодня',
  moreSteps: (n) => `и ещё открытых шагов: ${n}`,
  conflictChoose: 'Эти поля изменили вы оба: выберите, что оставить.',
  conflictTheirs: (who) => `${who || 'Их значение'}`,
  conflictYours: 'Ваше',
  conflictTaken: (field, value) => `${field}: принято их значение «${value || '∅'}» (вы его не меняли).`,
  conflictPick: (field) => `Выберите, какое значение поля «${field}» оставить.`,
  dueOverdueTitle: (n) => `Просрочено (${n})`,
  dueTodayTitle: (n) => `Сегодня (${n})`,
  dueLaterTitle: (n) => `Позже (${n})`,
  dueInDays: (days) => `через ${pluralSlavic(days, 'день', 'дня', 'дней')}`,
  archiveTitle: 'Удалённые клиенты',
  archiveIntro: 'Восстановленный клиент вернётся в Clients как был (с записью в Audit).',
  archiveEmpty: 'Удалённых клиентов нет.',
  archiveDeleted: (when, who) => `удалён ${when}, ${who}`,
  restore: 'Восстановить',
  restoreNamed: (name) => `Восстановить: ${name}`,
  restored: (name) => `${name} снова в Clients.`,
  showArchive: 'Показать удалённых клиентов',
};

const uk: CardMessages = {
  nextStepTitle: 'Наступний крок',
  noNextStep: 'Наступний крок не заплановано. Запишіть його нижче.',
  nextDue: (date) => `термін ${date}`,
  nextOverdue: (date, days) => `термін ${date}, прострочено на ${pluralSlavic(days, 'день', 'дні', 'днів')}`,
  nextToday: 'термін сьогодні',
  moreSteps: (n) => `і ще відкритих кроків: ${n}`,
  conflictChoose: 'Ці поля змінили ви обоє: виберіть, що залишити.',
  conflictTheirs: (who) => `${who || 'Їхнє значення'}`,
  conflictYours: 'Ваше',
  conflictTaken: (field, value) => `${field}: прийнято їхнє значення «${value || '∅'}» (ви його не змінювали).`,
  conflictPick: (field) => `Виберіть, яке значення поля «${field}» залишити.`,
  dueOverdueTitle: (n) => `Прострочено (${n})`,
  dueTodayTitle: (n) => `Сьогодні (${n})`,
  dueLaterTitle: (n) => `Пізніше (${n})`,
  dueInDays: (days) => `через ${pluralSlavic(days, 'день', 'дні', 'днів')}`,
  archiveTitle: 'Видалені клієнти',
  archiveIntro: 'Відновлений клієнт повернеться в Clients як був (із записом в Audit).',
  archiveEmpty: 'Видалених клієнтів немає.',
  archiveDeleted: (when, who) => `видалено ${when}, ${who}`,
  restore: 'Відновити',
  restoreNamed: (name) => `Відновити: ${name}`,
  restored: (name) => `${name} знову в Clients.`,
  showArchive: 'Показати видалених клієнтів',
};

const ro: CardMessages = {
  nextStepTitle: 'Pasul următor',
  noNextStep: 'Niciun pas următor planificat. Notați unul mai jos.',
  nextDue: (date) => `termen ${date}`,
  nextOverdue: (date, days) => `termen ${date}, întârziat cu ${days} ${days === 1 ? 'zi' : 'zile'}`,
  nextToday: 'termen azi',
  moreSteps: (n) => `și încă ${n} ${n === 1 ? 'pas deschis' : 'pași deschiși'}`,
  conflictChoose: 'Ați modificat amândoi aceste câmpuri: alegeți ce păstrați.',
  conflictTheirs: (who) => `${who || 'Valoarea lor'}`,
  conflictYours: 'A dvs.',
  conflictTaken: (field, value) => `${field}: s-a preluat valoarea lor „${value || '∅'}” (nu ați modificat-o).`,
  conflictPick: (field) => `Alegeți ce valoare a câmpului „${field}” păstrați.`,
  dueOverdueTitle: (n) => `Întârziate (${n})`,
  dueTodayTitle: (n) => `Azi (${n})`,
  dueLaterTitle: (n) => `Mai târziu (${n})`,
  dueInDays: (days) => `peste ${days} ${days === 1 ? 'zi' : 'zile'}`,
  archiveTitle: 'Clienți șterși',
  archiveIntro: 'Clientul restaurat revine în Clients ca înainte (notat în Audit).',
  archiveEmpty: 'Niciun client șters.',
  archiveDeleted: (when, who) => `șters ${when} de ${who}`,
  restore: 'Restaurează',
  restoreNamed: (name) => `Restaurează ${name}`,
  restored: (name) => `${name} este din nou în Clients.`,
  showArchive: 'Arată clienții șterși',
};

const MESSAGES: Record<'en' | 'ru' | 'uk' | 'ro', CardMessages> = { en, ru, uk, ro };

export function cardMessages(locale: Locale): CardMessages {
  return MESSAGES[locale as string as keyof typeof MESSAGES] ?? en;
}
