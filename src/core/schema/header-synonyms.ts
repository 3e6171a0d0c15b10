/**
 * Headers that mean a field, as they appear in hand-made sheets and in
 * exports of common tools (Bitrix24, amoCRM, HubSpot, Google Contacts,
 * Excel templates) in English, Russian, Ukrainian and Romanian. Compared
 * through `headerKey`, so case, spaces, punctuation and diacritics do not
 * matter ("E-mail" = "email", "Oraș" = "Oras").
 */
import type { FieldKey } from './field';

export const HEADER_SYNONYMS: Record<FieldKey, string[]> = {
  firstName: ['First name', 'Firstname', 'Given name', 'Forename', 'First', 'Имя', 'Имя контакта', "Ім'я", 'Імя', 'Prenume', 'Prenumele'],
  lastName: ['Last name', 'Lastname', 'Surname', 'Family name', 'Last', 'Фамилия', 'Фамилия контакта', 'Прізвище', 'Nume de familie', 'Numele de familie', 'Numele'],
  company: [
    'Company', 'Company name', 'Organization', 'Organisation', 'Organization name', 'Organization 1 - Name', 'Account', 'Account name',
    'Business', 'Employer', 'Компания', 'Компания контакта', 'Название компании', 'Организация', 'Наименование организации', 'Наименование',
    'Фирма', 'Юрлицо', 'Юр. лицо', 'Контрагент', 'Компанія', 'Організація', 'Назва компанії', 'Назва організації', 'Фірма', 'Firma',
    'Companie', 'Compania', 'Organizatie', 'Organizație', 'Societate', 'Denumire', 'Denumire firma', 'Numele companiei',
  ],
  position: [
    'Position', 'Job title', 'Title', 'Job', 'Designation', 'Occupation', 'Organization Title', 'Organization 1 - Title',
    'Должность', 'Позиция', 'Профессия', 'Посада', 'Функція', 'Funcție', 'Functie', 'Funcția', 'Post', 'Ocupație',
  ],
  contactRole: ['Contact role', 'Role', 'Buying role', 'Decision role', 'Роль', 'Роль контакта', 'Роль в сделке', 'Роль контакту', 'Rol', 'Rolul', 'Rol contact'],
  stage: [
    'Stage', 'Status', 'Lead status', 'Lifecycle stage', 'Pipeline stage', 'Deal stage', 'Статус', 'Этап', 'Стадия', 'Статус клиента',
    'Этап сделки', 'Этап воронки', 'Етап', 'Стадія', 'Статус клієнта', 'Etapa', 'Etapă', 'Stadiu', 'Stare', 'Statut', 'Status client',
  ],
  email: [
    'Email', 'E-mail', 'Mail', 'Email address', 'E-mail address', 'E-mail 1 - Value', 'Email 1', 'Primary email', 'Work email', 'Personal email',
    'Электронная почта', 'Эл. почта', 'Эл.почта', 'Эл почта', 'Почта', 'Е-мейл', 'Емейл', 'Имейл', 'Мейл', 'Адрес электронной почты',
    'Рабочий e-mail', 'Частный e-mail', 'Личный e-mail', 'Рабочий email', 'Личный email', 'Email рабочий',
    'Електронна пошта', 'Ел. пошта', 'Ел.пошта', 'Пошта', 'Е-пошта', 'Імейл',
    'Adresa de email', 'Adresă de e-mail', 'Adresa email', 'Poștă electronică', 'Posta electronica', 'Email personal',
  ],
  phone: [
    'Phone', 'Phone number', 'Telephone', 'Tel', 'Mobile', 'Mobile phone', 'Mobile phone number', 'Cell', 'Cell phone', 'Work phone',
    'Business phone', 'Home phone', 'Primary phone', 'Phone 1 - Value', 'Phone 1',
    'Телефон', 'Тел', 'Моб', 'Мобильный', 'Мобильный телефон', 'Рабочий телефон', 'Контактный телефон', 'Номер телефона', 'Сотовый',
    'Телефон мобильный', 'Телефон рабочий', 'Мобільний', 'Мобільний телефон', 'Номер телефону', 'Контактний телефон',
    'Telefon', 'Telefonul', 'Nr. telefon', 'Nr telefon', 'Număr de telefon', 'Numar telefon', 'Mobil', 'Tel. mobil', 'Telefon mobil',
  ],
  address: [
    'Address', 'Street', 'Street address', 'Address line 1', 'Address 1 - Street', 'Mailing address',
    'Адрес', 'Улица', 'Адрес доставки', 'Фактический адрес', 'Почтовый адрес', 'Адреса', 'Вулиця', 'Adresa', 'Adresă', 'Strada', 'Adresa completă',
  ],
  postalCode: [
    'Postal code', 'Postcode', 'Post code', 'ZIP', 'ZIP code', 'Zipcode', 'Address 1 - Postal Code',
    'Индекс', 'Почтовый индекс', 'Індекс', 'Поштовий індекс', 'Cod poștal', 'Cod postal', 'Codul poștal',
  ],
  city: ['City', 'Town', 'Locality', 'Address 1 - City', 'Город', 'Населенный пункт', 'Місто', 'Населений пункт', 'Oraș', 'Localitate', 'Localitatea', 'Municipiu'],
  region: [
    'Region', 'State', 'Province', 'County', 'State/Region', 'Address 1 - Region', 'Регион', 'Область', 'Край', 'Регіон', 'Область/регион',
    'Județ', 'Județul', 'Regiune', 'Raion',
  ],
  country: ['Country', 'Country/Region', 'Address 1 - Country', 'Страна', 'Країна', 'Țară', 'Țara'],
  taxId: [
    'Tax ID', 'Tax number', 'Tax code', 'VAT', 'VAT number', 'VAT ID', 'TIN', 'ИНН', 'ИНН/КПП', 'ИНН организации', 'ИНН клиента', 'УНП', 'БИН', 'ИИН',
    'ЄДРПОУ', 'Код ЄДРПОУ', 'ЕДРПОУ', 'ІПН', 'РНОКПП', 'ІНН', 'CUI', 'CIF', 'Cod fiscal', 'Cod fiscal/CUI', 'CUI/CIF', 'IDNO', 'Cod de identificare fiscală',
  ],
  manager: [
    'Manager', 'Owner', 'Contact owner', 'Account owner', 'Lead owner', 'Responsible', 'Assigned to', 'Sales rep', 'Salesperson',
    'Менеджер', 'Ответственный', 'Ответственный менеджер', 'Куратор', 'Відповідальний', 'Відповідальний менеджер', 'Responsabil',
    'Manager responsabil', 'Agent', 'Agent de vânzări',
  ],
  gender: ['Gender', 'Sex', 'Пол', 'Стать', 'Gen', 'Sexul'],
  tags: ['Tags', 'Tag', 'Labels', 'Label', 'Group Membership', 'Теги', 'Тег', 'Метки', 'Ярлыки', 'Теги контакта', 'Мітки', 'Теґи', 'Etichete', 'Taguri'],
  source: [
    'Source', 'Lead source', 'Original source', 'Channel', 'Referral source', 'Источник', 'Источник клиента', 'Канал', 'Откуда узнал',
    'Откуда узнали', 'Джерело', 'Канал залучення', 'Sursa', 'Sursă', 'Canal',
  ],
  birthday: [
    'Birthday', 'Date of birth', 'Birth date', 'DOB', 'Birthdate', 'Дата рождения', 'День рождения', 'ДР', 'Дата народження',
    'День народження', 'Data nașterii', 'Ziua de naștere', 'Zi de naștere', 'Data de naștere',
  ],
  optOut: [
    'Opt-out', 'Opt out', 'Unsubscribed', 'Do not email', 'Email opt out', 'No mailing', 'Не рассылать', 'Отписан', 'Отписался',
    'Без рассылки', 'Отказ от рассылки', 'Не надсилати', 'Відписався', 'Відмова від розсилки', 'Dezabonat', 'Fără newsletter', 'Nu trimite',
  ],
  notes: [
    'Notes', 'Note', 'Comment', 'Comments', 'Description', 'Remarks', 'Примечание', 'Примечания', 'Комментарий', 'Комментарии', 'Заметки',
    'Описание', 'Примітки', 'Примітка', 'Коментар', 'Коментарі', 'Нотатки', 'Notițe', 'Observații', 'Comentarii', 'Comentariu', 'Mențiuni',
  ],
  lastContact: [
    'Last contact', 'Last contacted', 'Last contact date', 'Last activity', 'Last activity date', 'Последний контакт',
    'Дата последнего контакта', 'Последняя активность', 'Дата последнего звонка', 'Останній контакт', 'Дата останнього контакту',
    'Ultimul contact', 'Data ultimului contact',
  ],
  nextActionDate: [
    'Next action date', 'Next action', 'Next step date', 'Follow-up date', 'Follow up', 'Next contact', 'Next contact date', 'Следующий контакт',
    'Дата следующего контакта', 'Следующее действие', 'Дата следующего действия', 'Напомнить', 'Наступний контакт',
    'Дата наступного контакту', 'Următorul contact', 'Data următoarei acțiuni', 'Următoarea acțiune',
  ],
};

/** Always a whole name in one cell. */
export const FULL_NAME_HEADERS = [
  'Full name', 'Fullname', 'Contact name', 'Contact person', 'Client name', 'Customer name', 'Client', 'Customer', 'Contact',
  'ФИО', 'Ф.И.О.', 'Фамилия Имя Отчество', 'Фамилия Имя', 'Имя Фамилия', 'Полное имя', 'Полное имя контакта', 'Контактное лицо',
  'Имя клиента', 'Клиент', 'Контакт', 'ПІБ', 'П.І.Б.', "Прізвище ім'я по батькові", "Прізвище та ім'я", 'Контактна особа', 'Клієнт',
  'Nume complet', 'Nume și prenume', 'Numele și prenumele', 'Nume prenume', 'Prenume și nume', 'Persoana de contact', 'Persoană de contact',
];

/**
 * Headers that hold the whole name unless the sheet also has the other part:
 * "Name" next to "Surname" is the first name; Romanian "Nume" next to
 * "Prenume" is the surname.
 */
export const GENERIC_NAME_HEADERS: { header: string; withOtherPart: 'firstName' | 'lastName' }[] = [
  { header: 'Name', withOtherPart: 'firstName' },
  { header: 'Nume', withOtherPart: 'lastName' },
];
