/**
 * The default fields' words in Russian, Ukrainian and Romanian, written into
 * the Fields tab's Label/Help/Options columns by Set up, so a team starts
 * with its own language and edits the words by hand afterwards. Options are
 * in the order of the English ones (defaults.ts).
 */
import type { FieldDef, FieldKey, FieldWords } from './field';
import { defaultField } from './defaults';

const sameOptions = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((o, i) => o.toLowerCase() === b[i].toLowerCase());

type Words = [label: string, help: string, options?: string[]];
type ByLang = Record<'ru' | 'uk' | 'ro', Words>;

const CLIENT_WORDS: Partial<Record<FieldKey, ByLang>> = {
  firstName: {
    ru: ['Имя', 'Имя клиента. У клиента должно быть имя, фамилия или компания.'],
    uk: ["Ім'я", "Ім'я клієнта. У клієнта має бути ім'я, прізвище або компанія."],
    ro: ['Prenume', 'Prenumele clientului. Un client are nevoie de prenume, nume sau companie.'],
  },
  lastName: {
    ru: ['Фамилия', 'Фамилия клиента.'],
    uk: ['Прізвище', 'Прізвище клієнта.'],
    ro: ['Nume', 'Numele de familie al clientului.'],
  },
  company: {
    ru: ['Компания', 'Организация, в которой работает клиент или которой он является.'],
    uk: ['Компанія', 'Організація, у якій працює клієнт або якою він є.'],
    ro: ['Companie', 'Organizația la care lucrează clientul sau care este clientul.'],
  },
  companyId: {
    ru: ['ID компании', 'ID строки во вкладке «Компании», где работает этот человек; пусто для частного клиента. Заполняет «Связать людей с компаниями».'],
    uk: ['ID компанії', 'ID рядка у вкладці «Компанії», де працює ця людина; порожньо для приватного клієнта. Заповнює «Пов’язати людей з компаніями».'],
    ro: ['ID companie', 'ID-ul rândului din Companii la care lucrează persoana; gol pentru un client privat. Completat de „Leagă persoanele de companii”.'],
  },
  position: {
    ru: ['Должность', 'Должность, например «Менеджер по закупкам».'],
    uk: ['Посада', 'Посада, наприклад «Менеджер із закупівель».'],
    ro: ['Funcție', 'Funcția, de exemplu „Manager de achiziții”.'],
  },
  contactRole: {
    ru: ['Роль', 'Какую роль человек играет в решении о покупке.', ['ЛПР', 'Влияет на решение', 'Закупщик / обратился', 'Другое']],
    uk: ['Роль', 'Яку роль людина відіграє в рішенні про покупку.', ['Особа, що приймає рішення', 'Впливає на рішення', 'Закупівельник / звернувся', 'Інше']],
    ro: ['Rol', 'Ce rol are persoana în decizia de cumpărare.', ['Decident', 'Influențează decizia', 'Cumpărător / a solicitat', 'Altul']],
  },
  stage: {
    ru: ['Стадия', 'Насколько клиент близок к покупке: Холодный, Тёплый, Горячий, VIP или Потерян.', ['Холодный', 'Тёплый', 'Горячий', 'VIP', 'Потерян']],
    uk: [
      'Стадія',
      'Наскільки клієнт близький до покупки: Холодний, Теплий, Гарячий, VIP або Втрачений.',
      ['Холодний', 'Теплий', 'Гарячий', 'VIP', 'Втрачений'],
    ],
    ro: ['Etapă', 'Cât de aproape este clientul de cumpărare: Rece, Călduț, Fierbinte, VIP sau Pierdut.', ['Rece', 'Călduț', 'Fierbinte', 'VIP', 'Pierdut']],
  },
  rating: {
    ru: ['Рейтинг', 'Насколько клиент важен, от 1 (меньше всего) до 5 (больше всего); правила могут его использовать: Рейтинг >= 4.'],
    uk: ['Рейтинг', 'Наскільки клієнт важливий, від 1 (найменше) до 5 (найбільше); правила можуть його використовувати: Рейтинг >= 4.'],
    ro: ['Rating', 'Cât de important este clientul, de la 1 (cel mai puțin) la 5 (cel mai mult); regulile îl pot folosi: Rating >= 4.'],
  },
  ratingComment: {
    ru: ['Комментарий к рейтингу', 'Почему рейтинг именно такой.'],
    uk: ['Коментар до рейтингу', 'Чому рейтинг саме такий.'],
    ro: ['Comentariu rating', 'De ce ratingul este acesta.'],
  },
  email: {
    ru: ['Эл. почта', 'Один адрес в ячейке, например name@example.com. У двух клиентов не может быть одного адреса.'],
    uk: ['Ел. пошта', 'Одна адреса в клітинці, наприклад name@example.com. Двоє клієнтів не можуть мати одну адресу.'],
    ro: ['E-mail', 'O adresă pe celulă, de exemplu name@example.com. Doi clienți nu pot avea aceeași adresă.'],
  },
  phone: {
    ru: ['Телефон', 'Один номер в ячейке, лучше с кодом страны: +7 916 123-45-67.'],
    uk: ['Телефон', 'Один номер у клітинці, краще з кодом країни: +380 67 123 45 67.'],
    ro: ['Telefon', 'Un număr pe celulă, de preferat cu prefixul țării: +373 69 123 456.'],
  },
  address: {
    ru: ['Адрес', 'Улица, дом, офис.'],
    uk: ['Адреса', 'Вулиця, будинок, офіс.'],
    ro: ['Adresă', 'Strada, clădirea, biroul.'],
  },
  postalCode: {
    ru: ['Индекс', 'Хранится как текст, чтобы не терялись ведущие нули.'],
    uk: ['Індекс', 'Зберігається як текст, щоб не губилися нулі на початку.'],
    ro: ['Cod poștal', 'Păstrat ca text, ca să nu se piardă zerourile de la început.'],
  },
  city: {
    ru: ['Город', 'Город или населённый пункт.'],
    uk: ['Місто', 'Місто або населений пункт.'],
    ro: ['Oraș', 'Orașul sau localitatea.'],
  },
  region: {
    ru: ['Регион', 'Регион, область, край или республика.'],
    uk: ['Регіон', 'Регіон, область або район.'],
    ro: ['Regiune', 'Regiunea, raionul sau județul.'],
  },
  country: {
    ru: ['Страна', 'Название страны или двухбуквенный код.'],
    uk: ['Країна', 'Назва країни або двобуквений код.'],
    ro: ['Țară', 'Numele țării sau codul din două litere.'],
  },
  taxId: {
    ru: ['ИНН', 'Налоговый номер компании или человека: ИНН, ЕГРПОУ, CUI, номер НДС…'],
    uk: ['Податковий номер', 'Податковий номер компанії або людини: ЄДРПОУ, ІПН, ИНН, CUI…'],
    ro: ['Cod fiscal', 'Codul fiscal al companiei sau al persoanei: CUI, IDNO, INN, cod TVA…'],
  },
  manager: {
    ru: ['Менеджер', 'Сотрудник, отвечающий за клиента: имя или эл. почта.'],
    uk: ['Менеджер', 'Співробітник, відповідальний за клієнта: ім’я або ел. пошта.'],
    ro: ['Manager', 'Membrul echipei responsabil de client: nume sau e-mail.'],
  },
  gender: {
    ru: ['Пол', 'Для обращений в рассылках.', ['Женский', 'Мужской']],
    uk: ['Стать', 'Для звертань у розсилках.', ['Жіноча', 'Чоловіча']],
    ro: ['Gen', 'Folosit pentru formulele de adresare din corespondență.', ['Feminin', 'Masculin']],
  },
  tags: {
    ru: ['Метки', 'Свободные метки через запятую.'],
    uk: ['Мітки', 'Довільні мітки через кому.'],
    ro: ['Etichete', 'Etichete libere, separate prin virgulă.'],
  },
  source: {
    ru: ['Источник', 'Откуда пришёл клиент.', ['Сайт', 'Рекомендация', 'Мероприятие', 'Холодный звонок', 'Соцсети', 'Другое']],
    uk: ['Джерело', 'Звідки прийшов клієнт.', ['Сайт', 'Рекомендація', 'Захід', 'Холодний дзвінок', 'Соцмережі', 'Інше']],
    ro: ['Sursă', 'De unde a venit clientul.', ['Site', 'Recomandare', 'Eveniment', 'Apel la rece', 'Rețele sociale', 'Altul']],
  },
  birthday: {
    ru: ['День рождения', 'Дата рождения, например 14.03.1985.'],
    uk: ['День народження', 'Дата народження, наприклад 14.03.1985.'],
    ro: ['Zi de naștere', 'Data nașterii, de exemplu 14.03.1985.'],
  },
  optOut: {
    ru: ['Отказ от рассылок', 'Отмечено: никогда не отправлять этому клиенту рассылки.'],
    uk: ['Відмова від розсилок', 'Позначено: ніколи не надсилати цьому клієнту розсилки.'],
    ro: ['Dezabonat', 'Bifat: nu trimiteți niciodată corespondență acestui client.'],
  },
  notes: {
    ru: ['Заметки', 'Всё, что стоит помнить.'],
    uk: ['Нотатки', 'Усе, що варто пам’ятати.'],
    ro: ['Note', 'Orice merită reținut.'],
  },
  lastContact: {
    ru: ['Последний контакт', 'Дата последнего звонка, встречи или письма.'],
    uk: ['Останній контакт', 'Дата останнього дзвінка, зустрічі або листа.'],
    ro: ['Ultimul contact', 'Data ultimului apel, întâlniri sau e-mail.'],
  },
  nextActionDate: {
    ru: ['Дата следующего шага', 'Когда вернуться к клиенту.'],
    uk: ['Дата наступного кроку', 'Коли повернутися до клієнта.'],
    ro: ['Data următorului pas', 'Când reveniți la client.'],
  },
};

/** The Companies tab's own default fields: same keys, words of a company. */
const COMPANY_WORDS: Partial<Record<FieldKey, ByLang>> = {
  company: {
    ru: ['Название', 'Компания, как её знают: ООО «Ромашка», Romashka LLC.'],
    uk: ['Назва', 'Компанія, як її знають: ТОВ «Ромашка», Romashka LLC.'],
    ro: ['Denumire', 'Compania, așa cum e cunoscută: SRL „Romașca”, Romashka LLC.'],
  },
  taxId: {
    ru: ['ИНН', 'ИНН, ЕГРПОУ, CUI или номер НДС; люди с тем же номером — эта компания.'],
    uk: ['Податковий номер', 'ЄДРПОУ, ИНН, CUI або номер ПДВ; люди з тим самим номером — ця компанія.'],
    ro: ['Cod fiscal', 'CUI, IDNO, INN sau cod TVA; persoanele cu același cod sunt această companie.'],
  },
  address: {
    ru: ['Адрес', 'Юридический или фактический адрес.'],
    uk: ['Адреса', 'Юридична або фактична адреса.'],
    ro: ['Adresă', 'Adresa juridică sau a biroului.'],
  },
  sector: {
    ru: ['Отрасль', 'Отрасль или направление деятельности.'],
    uk: ['Галузь', 'Галузь або напрям діяльності.'],
    ro: ['Domeniu', 'Domeniul sau ramura de activitate.'],
  },
  rating: {
    ru: ['Рейтинг', 'Насколько компания важна, от 1 (меньше всего) до 5 (больше всего); правила могут его использовать.'],
    uk: ['Рейтинг', 'Наскільки компанія важлива, від 1 (найменше) до 5 (найбільше); правила можуть його використовувати.'],
    ro: ['Rating', 'Cât de importantă este compania, de la 1 (cel mai puțin) la 5 (cel mai mult); regulile îl pot folosi.'],
  },
  ratingComment: CLIENT_WORDS.ratingComment,
  manager: {
    ru: ['Менеджер', 'Сотрудник, отвечающий за компанию: имя или эл. почта.'],
    uk: ['Менеджер', 'Співробітник, відповідальний за компанію: ім’я або ел. пошта.'],
    ro: ['Manager', 'Membrul echipei responsabil de companie: nume sau e-mail.'],
  },
};

function wordsOf(table: Partial<Record<FieldKey, ByLang>>, field: FieldDef): FieldWords | undefined {
  const byLang = field.key ? table[field.key] : undefined;
  if (!byLang) return undefined;
  const words: FieldWords = {};
  for (const lang of ['ru', 'uk', 'ro'] as const) {
    const [label, help, options] = byLang[lang];
    // Option words only when the field still has the default options they translate.
    const fits = options && field.key && sameOptions(field.options, defaultField(field.key)?.options ?? []);
    words[lang] = { label, help, ...(fits ? { options: [...options] } : {}) };
  }
  // An adopted "Город" reads as City to an English user.
  const english = table === CLIENT_WORDS && field.key ? defaultField(field.key)?.name : undefined;
  if (english && english.toLowerCase() !== field.name.toLowerCase()) words.en = { label: english };
  return words;
}

/** The default fields with their words in every language (a field the team already gave words keeps them). */
export function withDefaultWords(fields: readonly FieldDef[], table: 'clients' | 'companies' = 'clients'): FieldDef[] {
  const source = table === 'clients' ? CLIENT_WORDS : COMPANY_WORDS;
  return fields.map((f) => {
    if (f.words) return f;
    const words = wordsOf(source, f);
    return words ? { ...f, words } : f;
  });
}
