/** Strings of the Set up view; `ru` is typed by `en`, so a missing key fails the typecheck. */
import { TAB } from '../../../src/core/schema/tabs';
import { plural as pluralRu } from '../../i18n/ru';
import type { Locale } from '../../i18n/locale';

const en = {
  title: 'Set up a client base',
  intro: 'This spreadsheet is empty. Set up turns it into a client base; nothing else is touched.',
  tabsTitle: 'Tabs it creates',
  tabPurposes: {
    [TAB.clients]: 'one row a client, with typed, validated columns',
    [TAB.fields]: 'the columns of Clients: rename, add or remove them here',
    [TAB.interactions]: 'calls, meetings, emails and next steps',
    [TAB.purchases]: 'what clients bought, for rules on recency and spend',
    [TAB.segments]: 'rules that pick groups of clients',
    [TAB.templates]: 'mail-merge letters',
    [TAB.mailings]: 'who was sent what, and when',
    [TAB.duplicates]: 'likely duplicates to review',
    [TAB.archive]: 'merged-away clients, so a merge can be undone (protected)',
    [TAB.audit]: 'every change the add-on makes (protected)',
    [TAB.settings]: 'roles, default country and other options',
  } as Record<string, string>,
  fieldsTitle: (n: number) => `The ${n} fields Clients starts with`,
  fieldsNote: 'Header rows are frozen and protected; dropdowns, date and email checks and help texts come from Fields.',
  firstAdmin: (user: string) => `You (${user}) become the first admin in Settings, where you can add managers and readers.`,
  setUp: 'Set up',
  settingUp: 'Setting up…',
  created: 'ClientBase is set up. Add your first client here, or type clients into the Clients tab.',
  alreadySetUp: 'This spreadsheet was already set up; its fields were applied again.',
};

export type SetupMessages = typeof en;

const ru: SetupMessages = {
  title: 'Создать базу клиентов',
  intro: 'Эта таблица пуста. Настройка превратит её в базу клиентов; больше ничего не затрагивается.',
  tabsTitle: 'Какие вкладки появятся',
  tabPurposes: {
    [TAB.clients]: 'по строке на клиента, столбцы с типами и проверками',
    [TAB.fields]: 'столбцы Clients: здесь их можно переименовать, добавить или убрать',
    [TAB.interactions]: 'звонки, встречи, письма и следующие шаги',
    [TAB.purchases]: 'покупки клиентов, для правил о давности и сумме',
    [TAB.segments]: 'правила, которые выбирают группы клиентов',
    [TAB.templates]: 'шаблоны писем для рассылок',
    [TAB.mailings]: 'кому, что и когда отправлено',
    [TAB.duplicates]: 'вероятные дубликаты для проверки',
    [TAB.archive]: 'объединённые записи, чтобы объединение можно было отменить (защищена)',
    [TAB.audit]: 'каждое изменение, сделанное дополнением (защищена)',
    [TAB.settings]: 'роли, страна по умолчанию и другие настройки',
  },
  fieldsTitle: (n) => `${pluralRu(n, 'поле', 'поля', 'полей')}, с которых начинается Clients`,
  fieldsNote: 'Строки заголовков закреплены и защищены; списки, проверки дат и почты и подсказки берутся из Fields.',
  firstAdmin: (user) => `Вы (${user}) станете первым администратором в Settings; там же можно добавить менеджеров и читателей.`,
  setUp: 'Настроить',
  settingUp: 'Настраиваем…',
  created: 'ClientBase настроен. Добавьте первого клиента здесь или вводите клиентов прямо во вкладку Clients.',
  alreadySetUp: 'Таблица уже была настроена; поля применены заново.',
};

export const messages: Record<Locale, SetupMessages> = { en, ru };
