/**
 * The Settings tab's Description column in Russian, Ukrainian and Romanian,
 * written by Set up in the spreadsheet's language. Only people read it: the
 * add-on reads Settings by Key and Value, so the keys stay English.
 */
import type { Lang } from './lang';

type Key =
  | 'defaultCountry'
  | 'activeDays'
  | 'staleDays'
  | 'admins'
  | 'managers'
  | 'snapshotRetention'
  | 'senderName'
  | 'replyTo'
  | 'unsubscribeUrl'
  | 'newClientMonths'
  | 'language'
  | 'contactPauseDays'
  | 'contactPauseMode'
  | 'digestManagers'
  | 'digestHour'
  | 'people';

export const SETTING_DESCRIPTIONS: Record<Exclude<Lang, 'en'>, Record<Key, string>> = {
  ru: {
    defaultCountry: 'Код страны (ISO, например RU, UA, RO, MD, GB) для телефонов, записанных без +кода',
    activeDays: 'Клиент с покупкой за столько дней — Активный; только с более старыми покупками — Пассивный',
    staleDays: 'Клиенты, которых не обновляли и с которыми не связывались столько дней, считаются заброшенными',
    admins: 'Email через запятую: кто может менять Fields, объединять, отменять, восстанавливать снимки и удалять клиентов',
    managers: 'Email через запятую: кто может добавлять и изменять клиентов; остальные только читают',
    snapshotRetention: 'Сколько снимков хранить, прежде чем удалить самый старый',
    senderName: 'Имя отправителя в рассылках (пусто: имя вашего аккаунта Google)',
    replyTo: 'Адрес для ответа в рассылках (пусто: ваш собственный адрес)',
    unsubscribeUrl: 'URL развёрнутого веб-приложения для ссылок отписки (пусто: подпись просит читателя ответить)',
    newClientMonths: 'Панель: клиент «новый» столько месяцев с месяца первой покупки (1: только этот месяц), потом «постоянный»',
    language: 'Язык панели: en, ru, uk или ro (пусто: язык вашего аккаунта Google)',
    contactPauseDays: 'Рассылки пропускают клиентов, с которыми связывались за столько дней (0: никогда)',
    contactPauseMode: 'skip: не включать недавно контактировавших в рассылки; warn: только предупредить при проверке',
    digestManagers: 'Email менеджеров через запятую, которые получают утреннее письмо со своими ближайшими шагами',
    digestHour: 'Час (0–23, часовой пояс таблицы), с которого отправляется утреннее письмо',
    people: 'Имена команды для подстановок вроде {{Manager}}: email = Имя; email = Имя',
  },
  uk: {
    defaultCountry: 'Код країни (ISO, наприклад UA, RU, RO, MD, GB) для телефонів, записаних без +коду',
    activeDays: 'Клієнт із покупкою за стільки днів — Активний; лише зі старішими покупками — Пасивний',
    staleDays: 'Клієнти, яких не оновлювали й з якими не зв’язувалися стільки днів, вважаються занедбаними',
    admins: 'Email через кому: хто може змінювати Fields, об’єднувати, скасовувати, відновлювати знімки й видаляти клієнтів',
    managers: 'Email через кому: хто може додавати й змінювати клієнтів; решта лише читає',
    snapshotRetention: 'Скільки знімків зберігати, перш ніж видалити найстаріший',
    senderName: 'Ім’я відправника в розсилках (порожньо: ім’я вашого акаунта Google)',
    replyTo: 'Адреса для відповіді в розсилках (порожньо: ваша власна адреса)',
    unsubscribeUrl: 'URL розгорнутого веб-застосунку для посилань відписки (порожньо: підпис просить читача відповісти)',
    newClientMonths: 'Панель: клієнт «новий» стільки місяців від місяця першої покупки (1: лише цей місяць), потім «постійний»',
    language: 'Мова панелі: en, ru, uk або ro (порожньо: мова вашого акаунта Google)',
    contactPauseDays: 'Розсилки пропускають клієнтів, з якими зв’язувалися за стільки днів (0: ніколи)',
    contactPauseMode: 'skip: не включати нещодавно контактованих у розсилки; warn: лише попередити під час перевірки',
    digestManagers: 'Email менеджерів через кому, які отримують ранковий лист зі своїми найближчими кроками',
    digestHour: 'Година (0–23, часовий пояс таблиці), з якої надсилається ранковий лист',
    people: 'Імена команди для підстановок на кшталт {{Manager}}: email = Ім’я; email = Ім’я',
  },
  ro: {
    defaultCountry: 'Codul țării (ISO, de ex. RO, MD, UA, RU, GB) pentru telefoanele scrise fără +prefix',
    activeDays: 'Un client cu o achiziție în atâtea zile este Activ; doar cu achiziții mai vechi, Pasiv',
    staleDays: 'Clienții neactualizați și necontactați de atâtea zile sunt listați ca neglijați',
    admins: 'E-mailuri (separate prin virgulă) care pot schimba Fields, unifica, anula, restaura instantanee și șterge clienți',
    managers: 'E-mailuri (separate prin virgulă) care pot adăuga și modifica clienți; ceilalți doar citesc',
    snapshotRetention: 'Câte instantanee se păstrează înainte de a-l șterge pe cel mai vechi',
    senderName: 'Numele expeditorului în corespondență (gol: numele contului Google)',
    replyTo: 'Adresa de răspuns pentru corespondență (gol: adresa dvs.)',
    unsubscribeUrl: 'URL-ul aplicației web publicate pentru linkurile de dezabonare (gol: subsolul cere cititorului să răspundă)',
    newClientMonths: 'Tablou: un client este „nou” atâtea luni de la luna primei achiziții (1: doar acea lună), apoi „fidel”',
    language: 'Limba tabloului: en, ru, uk sau ro (gol: limba contului Google)',
    contactPauseDays: 'Corespondența omite clienții contactați în atâtea zile (0: niciodată)',
    contactPauseMode: 'skip: omite din corespondență clienții contactați recent; warn: doar avertizează la verificare',
    digestManagers: 'E-mailurile (separate prin virgulă) managerilor care primesc dimineața pașii lor scadenți',
    digestHour: 'Ora (0–23, fusul orar al foii) de la care se trimite e-mailul de dimineață',
    people: 'Numele echipei pentru substituiri precum {{Manager}}: email = Nume; email = Nume',
  },
};
