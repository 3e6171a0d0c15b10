/** Strings of the Set up view; `ru`, `uk` and `ro` are typed by `en`, so a missing key fails the typecheck. */
import { TAB } from '../../../src/core/schema/tabs';
import { plural as pluralRo } from '../../i18n/ro';
import { plural as pluralRu } from '../../i18n/ru';
import { plural as pluralUk } from '../../i18n/uk';
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
    [TAB.companies]: 'companies your clients work for: tax ID, sector, rating',
    [TAB.deals]: 'contracts and deals: number, date, amount, status, appendices',
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
    [TAB.companies]: 'компании, где работают клиенты: ИНН, отрасль, рейтинг',
    [TAB.deals]: 'сделки и договоры: номер, дата, сумма, статус, приложения',
  },
  fieldsTitle: (n) => `${pluralRu(n, 'поле', 'поля', 'полей')}, с которых начинается Clients`,
  fieldsNote: 'Строки заголовков закреплены и защищены; списки, проверки дат и почты и подсказки берутся из Fields.',
  firstAdmin: (user) => `Вы (${user}) станете первым администратором в Settings; там же можно добавить менеджеров и читателей.`,
  setUp: 'Настроить',
  settingUp: 'Настраиваем…',
  created: 'ClientBase настроен. Добавьте первого клиента здесь или вводите клиентов прямо во вкладку Clients.',
  alreadySetUp: 'Таблица уже была настроена; поля применены заново.',
};

const uk: SetupMessages = {
  title: 'Створити базу клієнтів',
  intro: 'Ця таблиця порожня. Налаштування перетворить її на базу клієнтів; більше нічого не зачіпається.',
  tabsTitle: "Які вкладки з'являться",
  tabPurposes: {
    [TAB.clients]: 'по рядку на клієнта, стовпці з типами й перевірками',
    [TAB.fields]: 'стовпці Clients: тут їх можна перейменувати, додати або прибрати',
    [TAB.interactions]: 'дзвінки, зустрічі, листи й наступні кроки',
    [TAB.purchases]: 'покупки клієнтів, для правил про давність і суму',
    [TAB.segments]: 'правила, що вибирають групи клієнтів',
    [TAB.templates]: 'шаблони листів для розсилок',
    [TAB.mailings]: 'кому, що й коли надіслано',
    [TAB.duplicates]: 'ймовірні дублікати для перевірки',
    [TAB.archive]: "об'єднані записи, щоб об'єднання можна було скасувати (захищена)",
    [TAB.audit]: 'кожна зміна, зроблена доповненням (захищена)',
    [TAB.settings]: 'ролі, країна за замовчуванням та інші налаштування',
    [TAB.companies]: 'компанії, де працюють клієнти: код ЄДРПОУ, галузь, рейтинг',
    [TAB.deals]: 'угоди й договори: номер, дата, сума, статус, додатки',
  },
  fieldsTitle: (n) => `${pluralUk(n, 'поле', 'поля', 'полів')}, з яких починається Clients`,
  fieldsNote: 'Рядки заголовків закріплені й захищені; списки, перевірки дат і пошти та підказки беруться з Fields.',
  firstAdmin: (user) => `Ви (${user}) станете першим адміністратором у Settings; там само можна додати менеджерів і читачів.`,
  setUp: 'Налаштувати',
  settingUp: 'Налаштовуємо…',
  created: 'ClientBase налаштовано. Додайте першого клієнта тут або вводьте клієнтів просто у вкладку Clients.',
  alreadySetUp: 'Таблицю вже було налаштовано; поля застосовано заново.',
};

const ro: SetupMessages = {
  title: 'Creați o bază de clienți',
  intro: 'Acest tabel este gol. Configurarea îl transformă într-o bază de clienți; nimic altceva nu este atins.',
  tabsTitle: 'Filele pe care le creează',
  tabPurposes: {
    [TAB.clients]: 'un rând pentru fiecare client, cu coloane tipizate și verificate',
    [TAB.fields]: 'coloanele din Clients: redenumiți-le, adăugați-le sau eliminați-le aici',
    [TAB.interactions]: 'apeluri, întâlniri, e-mailuri și pașii următori',
    [TAB.purchases]: 'ce au cumpărat clienții, pentru reguli despre vechime și sume',
    [TAB.segments]: 'reguli care aleg grupuri de clienți',
    [TAB.templates]: 'scrisori pentru corespondență în masă',
    [TAB.mailings]: 'cui s-a trimis ce și când',
    [TAB.duplicates]: 'dubluri probabile de verificat',
    [TAB.archive]: 'clienții unificați, ca o unificare să poată fi anulată (protejată)',
    [TAB.audit]: 'fiecare modificare făcută de supliment (protejată)',
    [TAB.settings]: 'roluri, țara implicită și alte opțiuni',
    [TAB.companies]: 'companiile la care lucrează clienții: cod fiscal, domeniu, rating',
    [TAB.deals]: 'contracte și tranzacții: număr, dată, sumă, stare, anexe',
  },
  fieldsTitle: (n) => `Cele ${pluralRo(n, 'câmp', 'câmpuri', 'de câmpuri')} cu care începe Clients`,
  fieldsNote: 'Rândurile de antet sunt înghețate și protejate; listele, verificările de dată și e-mail și textele de ajutor vin din Fields.',
  firstAdmin: (user) => `Dvs. (${user}) deveniți primul administrator în Settings, unde puteți adăuga manageri și cititori.`,
  setUp: 'Configurează',
  settingUp: 'Se configurează…',
  created: 'ClientBase este configurat. Adăugați aici primul client sau scrieți clienții direct în fila Clients.',
  alreadySetUp: 'Acest tabel era deja configurat; câmpurile sale au fost aplicate din nou.',
};

export const messages: Record<Locale, SetupMessages> = { en, ru, uk, ro };
