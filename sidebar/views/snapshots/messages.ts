/** Strings of the Snapshots view; `ru`, `uk` and `ro` are typed by `en`, so a missing key fails the typecheck. */
import type { Role } from '../../../src/core/settings/roles';
import type { Locale } from '../../i18n/locale';

const en = {
  title: 'Snapshots',
  refresh: 'Refresh',
  intro: 'Taken automatically before bulk changes (adoption, fixes, merges, restores). Restoring puts the listed tabs back as they were.',
  loading: 'Loading snapshots…',
  none: 'No snapshots yet. One is taken before every bulk change.',
  by: (user: string) => `by ${user || 'unknown user'}`,
  tabs: (tabs: string[]) => `Tabs: ${tabs.join(', ')}`,
  restore: 'Restore',
  restoreNamed: (id: string, time: string) => `Restore snapshot ${id} of ${time}`,
  onlyAdmins: (role: Role) => `Only admins can restore snapshots; you are ${role === 'manager' ? 'a manager' : 'a reader'}.`,
  confirmTitle: (tabs: string[], time: string) => `Put ${tabs.join(', ')} back as they were on ${time}?`,
  confirmDetail:
    'Everything changed in these tabs since then is replaced. Their current state is saved as a new snapshot first, so this restore can be undone too. Clients added since then are lost from Clients (the new snapshot keeps them). Not rewound: the mail ledger (who received which template) and opt-outs.',
  confirm: 'Yes, restore',
  cancel: 'Cancel',
  restoring: 'Restoring…',
  restored: (tabs: string[], safety: string) => `Restored ${tabs.join(', ')}; the state before the restore is snapshot ${safety}.`,
};

export type SnapshotsMessages = typeof en;

const ru: SnapshotsMessages = {
  title: 'Снимки',
  refresh: 'Обновить',
  intro:
    'Сохраняются автоматически перед массовыми изменениями (принятие списка, исправления, объединения, восстановления). Восстановление возвращает перечисленные вкладки в прежний вид.',
  loading: 'Загружаем снимки…',
  none: 'Снимков пока нет. Снимок сохраняется перед каждым массовым изменением.',
  by: (user) => `сохранил(а) ${user || 'неизвестный пользователь'}`,
  tabs: (tabs) => `Вкладки: ${tabs.join(', ')}`,
  restore: 'Восстановить',
  restoreNamed: (id, time) => `Восстановить снимок ${id} от ${time}`,
  onlyAdmins: (role) => `Восстанавливать снимки могут только администраторы; ваша роль — ${role === 'manager' ? 'менеджер' : 'читатель'}.`,
  confirmTitle: (tabs, time) => `Вернуть ${tabs.join(', ')} к состоянию на ${time}?`,
  confirmDetail:
    'Всё, что изменилось на этих вкладках с тех пор, будет заменено. Сначала их текущее состояние сохраняется новым снимком, так что и это восстановление можно отменить. Клиенты, добавленные с тех пор, исчезнут из Clients (новый снимок их сохранит). Не откатываются: журнал рассылок (кто какое письмо получил) и отписки.',
  confirm: 'Да, восстановить',
  cancel: 'Отмена',
  restoring: 'Восстанавливаем…',
  restored: (tabs, safety) => `Восстановлено: ${tabs.join(', ')}; состояние до восстановления — снимок ${safety}.`,
};

const uk: SnapshotsMessages = {
  title: 'Знімки',
  refresh: 'Оновити',
  intro:
    "Зберігаються автоматично перед масовими змінами (прийняття списку, виправлення, об'єднання, відновлення). Відновлення повертає перелічені вкладки до попереднього вигляду.",
  loading: 'Завантажуємо знімки…',
  none: 'Знімків поки немає. Знімок зберігається перед кожною масовою зміною.',
  by: (user) => `зберіг(ла) ${user || 'невідомий користувач'}`,
  tabs: (tabs) => `Вкладки: ${tabs.join(', ')}`,
  restore: 'Відновити',
  restoreNamed: (id, time) => `Відновити знімок ${id} від ${time}`,
  onlyAdmins: (role) => `Відновлювати знімки можуть лише адміністратори; ваша роль — ${role === 'manager' ? 'менеджер' : 'читач'}.`,
  confirmTitle: (tabs, time) => `Повернути ${tabs.join(', ')} до стану на ${time}?`,
  confirmDetail:
    'Усе, що змінилося на цих вкладках відтоді, буде замінено. Спершу їхній поточний стан зберігається новим знімком, тож і це відновлення можна скасувати. Клієнти, додані відтоді, зникнуть із Clients (новий знімок їх збереже). Не відкочуються: журнал розсилок (хто який лист отримав) і відписки.',
  confirm: 'Так, відновити',
  cancel: 'Скасувати',
  restoring: 'Відновлюємо…',
  restored: (tabs, safety) => `Відновлено: ${tabs.join(', ')}; стан до відновлення — знімок ${safety}.`,
};

const ro: SnapshotsMessages = {
  title: 'Instantanee',
  refresh: 'Reîmprospătează',
  intro:
    'Se fac automat înainte de modificările în masă (preluare, corecturi, unificări, restaurări). Restaurarea readuce filele enumerate la starea de atunci.',
  loading: 'Se încarcă instantaneele…',
  none: 'Încă nu există instantanee. Se face unul înainte de fiecare modificare în masă.',
  by: (user) => `de ${user || 'utilizator necunoscut'}`,
  tabs: (tabs) => `File: ${tabs.join(', ')}`,
  restore: 'Restaurează',
  restoreNamed: (id, time) => `Restaurează instantaneul ${id} din ${time}`,
  onlyAdmins: (role) => `Doar administratorii pot restaura instantanee; dvs. sunteți ${role === 'manager' ? 'manager' : 'cititor'}.`,
  confirmTitle: (tabs, time) => `Readuceți ${tabs.join(', ')} la starea din ${time}?`,
  confirmDetail:
    'Tot ce s-a schimbat de atunci în aceste file este înlocuit. Starea lor actuală se salvează mai întâi ca instantaneu nou, deci și această restaurare poate fi anulată. Clienții adăugați între timp dispar din Clients (noul instantaneu îi păstrează). Nu se dau înapoi: jurnalul de corespondență (cine ce șablon a primit) și dezabonările.',
  confirm: 'Da, restaurează',
  cancel: 'Anulează',
  restoring: 'Se restaurează…',
  restored: (tabs, safety) => `Restaurat: ${tabs.join(', ')}; starea dinaintea restaurării este instantaneul ${safety}.`,
};

export const messages: Record<Locale, SnapshotsMessages> = { en, ru, uk, ro };
