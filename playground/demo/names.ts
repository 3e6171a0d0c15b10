/**
 * Raw material for the demo client base: names, companies, places and phrases
 * in Russian, Ukrainian, Romanian (Romania and Moldova) and English (UK).
 * Data only; playground/demo/seed.ts combines it with a seeded generator.
 * Every company, address and number is invented; mail goes to example domains
 * or public webmail domains with made-up mailboxes.
 */
import type { CountryCode } from '../../src/core/normalize/phone.ts';

export type DemoLocale = 'ru' | 'uk' | 'ro' | 'md' | 'en';

export interface FirstName {
  name: string;
  /** The short form people also use for the same person (Саша for Александр, Rob for Robert). */
  nickname?: string;
}

export interface Place {
  city: string;
  region: string;
  /** `#` is replaced by a digit. */
  postal: string;
}

export interface LocalePool {
  country: string;
  phoneCountry: CountryCode;
  /** International and national phone layouts; `#` is a digit of the subscriber number. */
  phonePrefixes: { international: string; national: string }[];
  subscriberDigits: number;
  male: FirstName[];
  female: FirstName[];
  /** Male and female forms of a surname (Иванов / Иванова); the same word where the language has one. */
  surnames: { male: string; female: string }[];
  places: Place[];
  streets: string[];
  /** `{street}`, `{n}` (house) and `{m}` (flat) are filled in. */
  addressFormats: string[];
  companies: string[];
  positions: string[];
  mailDomains: string[];
  /** `#` is a digit. */
  taxIdFormats: string[];
  results: string[];
  nextSteps: string[];
  notes: string[];
}

const ru: LocalePool = {
  country: 'Russia',
  phoneCountry: 'RU',
  phonePrefixes: [
    { international: '+7 916', national: '8 916' },
    { international: '+7 903', national: '8 903' },
    { international: '+7 921', national: '8 921' },
    { international: '+7 985', national: '8 985' },
    { international: '+7 495', national: '8 495' },
    { international: '+7 812', national: '8 812' },
  ],
  subscriberDigits: 7,
  male: [
    { name: 'Александр', nickname: 'Саша' },
    { name: 'Дмитрий', nickname: 'Дима' },
    { name: 'Сергей', nickname: 'Серёжа' },
    { name: 'Алексей', nickname: 'Лёша' },
    { name: 'Михаил', nickname: 'Миша' },
    { name: 'Евгений', nickname: 'Женя' },
    { name: 'Андрей' },
    { name: 'Игорь' },
    { name: 'Владимир', nickname: 'Володя' },
    { name: 'Николай', nickname: 'Коля' },
    { name: 'Павел', nickname: 'Паша' },
    { name: 'Артём' },
    { name: 'Максим' },
    { name: 'Илья' },
  ],
  female: [
    { name: 'Наталья', nickname: 'Наташа' },
    { name: 'Екатерина', nickname: 'Катя' },
    { name: 'Мария', nickname: 'Маша' },
    { name: 'Анастасия', nickname: 'Настя' },
    { name: 'Ольга', nickname: 'Оля' },
    { name: 'Татьяна', nickname: 'Таня' },
    { name: 'Елена', nickname: 'Лена' },
    { name: 'Ирина' },
    { name: 'Светлана', nickname: 'Света' },
    { name: 'Юлия' },
    { name: 'Дарья', nickname: 'Даша' },
    { name: 'Ксения' },
  ],
  surnames: [
    { male: 'Иванов', female: 'Иванова' },
    { male: 'Смирнов', female: 'Смирнова' },
    { male: 'Кузнецов', female: 'Кузнецова' },
    { male: 'Попов', female: 'Попова' },
    { male: 'Соколов', female: 'Соколова' },
    { male: 'Лебедев', female: 'Лебедева' },
    { male: 'Новиков', female: 'Новикова' },
    { male: 'Морозов', female: 'Морозова' },
    { male: 'Волков', female: 'Волкова' },
    { male: 'Фёдоров', female: 'Фёдорова' },
    { male: 'Орлов', female: 'Орлова' },
    { male: 'Щербаков', female: 'Щербакова' },
    { male: 'Захаров', female: 'Захарова' },
    { male: 'Белов', female: 'Белова' },
    { male: 'Григорьев', female: 'Григорьева' },
    { male: 'Тихонов', female: 'Тихонова' },
  ],
  places: [
    { city: 'Москва', region: 'Москва', postal: '1#####' },
    { city: 'Москва', region: 'Москва', postal: '1#####' },
    { city: 'Санкт-Петербург', region: 'Санкт-Петербург', postal: '19####' },
    { city: 'Санкт-Петербург', region: 'Санкт-Петербург', postal: '19####' },
    { city: 'Казань', region: 'Республика Татарстан', postal: '420###' },
    { city: 'Екатеринбург', region: 'Свердловская область', postal: '620###' },
    { city: 'Новосибирск', region: 'Новосибирская область', postal: '630###' },
    { city: 'Химки', region: 'Московская область', postal: '141###' },
  ],
  streets: ['Тверская', 'Ленина', 'Садовая', 'Пушкина', 'Мира', 'Невский проспект', 'Гагарина', 'Лесная', 'Профсоюзная'],
  addressFormats: ['ул. {street}, д. {n}, кв. {m}', 'ул. {street}, {n}', '{street}, д. {n}, офис {m}'],
  companies: [
    'ООО «Вектор»',
    'ООО «Альфа-Трейд»',
    'АО «Северный ветер»',
    'ООО «ТехноСтрой»',
    'ООО «Радуга»',
    'ООО «Меридиан»',
    'ООО «Гранит Плюс»',
    'АО «Волга-Логистик»',
    'ООО «Белые ночи»',
    'ИП Соколов А. В.',
  ],
  positions: ['Генеральный директор', 'Коммерческий директор', 'Менеджер по закупкам', 'Главный бухгалтер', 'Руководитель отдела продаж', 'Офис-менеджер'],
  mailDomains: ['yandex.ru', 'mail.ru', 'gmail.com', 'inbox.ru', 'ya.ru'],
  taxIdFormats: ['77########', '78########', '16########'],
  results: [
    'Обсудили условия поставки',
    'Не дозвонился',
    'Отправил коммерческое предложение',
    'Просит скидку 10%',
    'Договорились о встрече',
    'Подписали договор',
    'Клиент думает, вернётся после праздников',
    'Получили предоплату',
  ],
  nextSteps: ['Перезвонить', 'Отправить КП', 'Выставить счёт', 'Встреча в офисе', 'Уточнить бюджет', 'Отправить образцы'],
  notes: ['Предпочитает звонки после 15:00', 'Любит капучино ☕', 'Работает через бухгалтерию, счета на почту', 'Был на выставке в 2024'],
};

const uk: LocalePool = {
  country: 'Ukraine',
  phoneCountry: 'UA',
  phonePrefixes: [
    { international: '+380 67', national: '067' },
    { international: '+380 50', national: '050' },
    { international: '+380 63', national: '063' },
    { international: '+380 97', national: '097' },
    { international: '+380 44', national: '044' },
  ],
  subscriberDigits: 7,
  male: [
    { name: 'Олександр', nickname: 'Сашко' },
    { name: 'Тарас' },
    { name: 'Андрій' },
    { name: 'Богдан' },
    { name: 'Дмитро' },
    { name: 'Василь' },
    { name: 'Микола' },
    { name: 'Юрій' },
    { name: 'Остап' },
    { name: 'Ігор' },
  ],
  female: [
    { name: 'Олена' },
    { name: 'Оксана' },
    { name: 'Наталія' },
    { name: 'Ірина' },
    { name: 'Юлія' },
    { name: 'Катерина', nickname: 'Катя' },
    { name: 'Галина' },
    { name: 'Софія' },
    { name: 'Христина' },
  ],
  surnames: [
    { male: 'Шевченко', female: 'Шевченко' },
    { male: 'Коваленко', female: 'Коваленко' },
    { male: 'Бондаренко', female: 'Бондаренко' },
    { male: 'Ткаченко', female: 'Ткаченко' },
    { male: 'Кравченко', female: 'Кравченко' },
    { male: 'Мельник', female: 'Мельник' },
    { male: 'Бойко', female: 'Бойко' },
    { male: 'Савченко', female: 'Савченко' },
    { male: 'Коваль', female: 'Коваль' },
    { male: 'Олійник', female: 'Олійник' },
    { male: 'Гнатюк', female: 'Гнатюк' },
    { male: 'Левицький', female: 'Левицька' },
  ],
  places: [
    { city: 'Київ', region: 'Київ', postal: '0####' },
    { city: 'Київ', region: 'Київ', postal: '0####' },
    { city: 'Львів', region: 'Львівська область', postal: '79###' },
    { city: 'Одеса', region: 'Одеська область', postal: '65###' },
    { city: 'Харків', region: 'Харківська область', postal: '61###' },
    { city: 'Дніпро', region: 'Дніпропетровська область', postal: '49###' },
  ],
  streets: ['Хрещатик', 'Шевченка', 'Франка', 'Січових Стрільців', 'Грушевського', 'Сагайдачного', 'Городоцька'],
  addressFormats: ['вул. {street}, {n}, кв. {m}', 'вул. {street}, буд. {n}', 'просп. {street}, {n}'],
  companies: [
    'ТОВ «Світанок»',
    'ТОВ «Агроспектр»',
    'ПП «Калина»',
    'ТОВ «Дніпро-Трейд»',
    'ТОВ «Карпатські ліси»',
    'ТОВ «Соняшник»',
    'ФОП Мельник О. В.',
    'ТОВ «Львівська кава»',
  ],
  positions: ['Директор', 'Комерційний директор', 'Менеджер із закупівель', 'Головний бухгалтер', 'Керівник відділу продажів'],
  mailDomains: ['ukr.net', 'gmail.com', 'i.ua', 'meta.ua'],
  taxIdFormats: ['3#######', '4#######'],
  results: [
    'Обговорили умови постачання',
    'Не відповідає',
    'Надіслав комерційну пропозицію',
    'Просить знижку',
    'Домовились про зустріч',
    'Підписали договір',
    'Чекає на погодження керівника',
  ],
  nextSteps: ['Передзвонити', 'Надіслати рахунок', 'Зустріч в офісі', 'Уточнити бюджет', 'Надіслати зразки'],
  notes: ['Зручніше писати у Viber', 'Оплата тільки безготівкова', 'Рекомендація від Тараса Бойка'],
};

const ro: LocalePool = {
  country: 'Romania',
  phoneCountry: 'RO',
  phonePrefixes: [
    { international: '+40 721', national: '0721' },
    { international: '+40 744', national: '0744' },
    { international: '+40 766', national: '0766' },
    { international: '+40 740', national: '0740' },
  ],
  subscriberDigits: 6,
  male: [
    { name: 'Ion', nickname: 'Ionuț' },
    { name: 'Andrei' },
    { name: 'Mihai' },
    { name: 'Alexandru', nickname: 'Alex' },
    { name: 'Gheorghe', nickname: 'Ghiță' },
    { name: 'Radu' },
    { name: 'Florin' },
    { name: 'Bogdan' },
  ],
  female: [
    { name: 'Maria' },
    { name: 'Elena' },
    { name: 'Ana' },
    { name: 'Ioana' },
    { name: 'Cristina' },
    { name: 'Andreea' },
    { name: 'Mihaela' },
    { name: 'Alexandra', nickname: 'Alexa' },
  ],
  surnames: [
    { male: 'Popescu', female: 'Popescu' },
    { male: 'Ionescu', female: 'Ionescu' },
    { male: 'Dumitru', female: 'Dumitru' },
    { male: 'Stan', female: 'Stan' },
    { male: 'Stoica', female: 'Stoica' },
    { male: 'Gheorghiu', female: 'Gheorghiu' },
    { male: 'Munteanu', female: 'Munteanu' },
    { male: 'Constantinescu', female: 'Constantinescu' },
    { male: 'Țăranu', female: 'Țăranu' },
  ],
  places: [
    { city: 'București', region: 'București', postal: '0#####' },
    { city: 'București', region: 'București', postal: '0#####' },
    { city: 'Cluj-Napoca', region: 'Cluj', postal: '400###' },
    { city: 'Iași', region: 'Iași', postal: '700###' },
    { city: 'Timișoara', region: 'Timiș', postal: '300###' },
    { city: 'Brașov', region: 'Brașov', postal: '500###' },
  ],
  streets: ['Victoriei', 'Mihai Eminescu', 'Unirii', 'Ștefan cel Mare', 'Memorandumului', 'Republicii'],
  addressFormats: ['Str. {street} nr. {n}, ap. {m}', 'Bd. {street} {n}', 'Calea {street} nr. {n}'],
  companies: ['SC Agro Vest SRL', 'SC Carpați Construct SRL', 'Dacia Logistic SA', 'SC Transilvania Soft SRL', 'Delta Fresh SRL', 'SC Cafea Bună SRL'],
  positions: ['Director general', 'Director comercial', 'Manager achiziții', 'Contabil șef', 'Administrator'],
  mailDomains: ['gmail.com', 'yahoo.com', 'yahoo.ro'],
  taxIdFormats: ['RO########', 'RO#######'],
  results: [
    'Am discutat condițiile de livrare',
    'Nu răspunde',
    'Am trimis oferta',
    'Cere reducere',
    'Am stabilit o întâlnire',
    'Contract semnat',
    'Revine după concediu',
  ],
  nextSteps: ['De sunat din nou', 'Trimite factura', 'Întâlnire la birou', 'Clarifică bugetul', 'Trimite mostre'],
  notes: ['Preferă e-mail, nu telefon', 'Client din târgul de la Cluj', 'Plătește la 30 de zile'],
};

const md: LocalePool = {
  country: 'Moldova',
  phoneCountry: 'MD',
  phonePrefixes: [
    { international: '+373 69', national: '069' },
    { international: '+373 79', national: '079' },
    { international: '+373 68', national: '068' },
    { international: '+373 22', national: '022' },
  ],
  subscriberDigits: 6,
  male: [{ name: 'Vasile' }, { name: 'Ion', nickname: 'Vanea' }, { name: 'Victor' }, { name: 'Sergiu' }, { name: 'Dumitru' }, { name: 'Igor' }],
  female: [{ name: 'Natalia' }, { name: 'Elena' }, { name: 'Tatiana' }, { name: 'Olga' }, { name: 'Doina' }, { name: 'Mariana' }],
  surnames: [
    { male: 'Rusu', female: 'Rusu' },
    { male: 'Ceban', female: 'Ceban' },
    { male: 'Lungu', female: 'Lungu' },
    { male: 'Moraru', female: 'Moraru' },
    { male: 'Țurcanu', female: 'Țurcanu' },
    { male: 'Cojocaru', female: 'Cojocaru' },
    { male: 'Ciobanu', female: 'Ciobanu' },
  ],
  places: [
    { city: 'Chișinău', region: 'Chișinău', postal: 'MD-20##' },
    { city: 'Chișinău', region: 'Chișinău', postal: 'MD-20##' },
    { city: 'Bălți', region: 'Bălți', postal: 'MD-31##' },
    { city: 'Orhei', region: 'Orhei', postal: 'MD-35##' },
  ],
  streets: ['Ștefan cel Mare și Sfînt', 'Mihai Eminescu', 'Alexandru cel Bun', 'Pușkin', 'Columna'],
  addressFormats: ['str. {street} {n}, ap. {m}', 'bd. {street} {n}'],
  companies: ['Vinăria Codru SRL', 'Moldova Agro Grup SRL', 'Nistru Trans SRL', 'ÎI Ceban Vasile', 'Orhei-Vit SA'],
  positions: ['Director', 'Manager vânzări', 'Contabil-șef', 'Administrator'],
  mailDomains: ['gmail.com', 'mail.ru', 'yahoo.com', 'mail.md'],
  taxIdFormats: ['10036########', '10056########'],
  results: ['Am discutat prețurile', 'Nu răspunde la telefon', 'Am trimis oferta pe e-mail', 'Contract semnat', 'Vrea mostre'],
  nextSteps: ['De sunat din nou', 'Trimite factura', 'Vizită la depozit', 'Trimite mostre'],
  notes: ['Vorbește și rusă', 'Livrare doar marțea'],
};

const en: LocalePool = {
  country: 'United Kingdom',
  phoneCountry: 'GB',
  phonePrefixes: [
    { international: '+44 7712', national: '07712' },
    { international: '+44 7956', national: '07956' },
    { international: '+44 7480', national: '07480' },
    { international: '+44 7825', national: '07825' },
  ],
  subscriberDigits: 6,
  male: [
    { name: 'Robert', nickname: 'Rob' },
    { name: 'William', nickname: 'Bill' },
    { name: 'James', nickname: 'Jim' },
    { name: 'Thomas', nickname: 'Tom' },
    { name: 'Michael', nickname: 'Mike' },
    { name: 'Daniel', nickname: 'Dan' },
    { name: 'Oliver', nickname: 'Ollie' },
    { name: 'Harry' },
    { name: 'George' },
  ],
  female: [
    { name: 'Elizabeth', nickname: 'Liz' },
    { name: 'Katherine', nickname: 'Kate' },
    { name: 'Emma' },
    { name: 'Sophie' },
    { name: 'Charlotte', nickname: 'Lottie' },
    { name: 'Emily' },
    { name: 'Olivia' },
    { name: 'Hannah' },
  ],
  surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Johnson', 'Walker', 'Wright', 'Thompson', "O'Brien", 'Hughes'].map((s) => ({
    male: s,
    female: s,
  })),
  places: [
    { city: 'London', region: 'Greater London', postal: 'SW# #AB' },
    { city: 'London', region: 'Greater London', postal: 'E# #QR' },
    { city: 'Manchester', region: 'Greater Manchester', postal: 'M# #JT' },
    { city: 'Birmingham', region: 'West Midlands', postal: 'B# #NP' },
    { city: 'Edinburgh', region: 'Scotland', postal: 'EH# #DE' },
    { city: 'Bristol', region: 'South West', postal: 'BS# #LX' },
  ],
  streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Park Avenue', 'Mill Lane', 'Queen Street'],
  addressFormats: ['{n} {street}', 'Flat {m}, {n} {street}', 'Unit {m}, {street}'],
  companies: [
    'Brightline Ltd',
    'Northwind Trading Ltd',
    'Harbour & Co LLP',
    'Greenfield Analytics Ltd',
    'Oakridge Supplies Ltd',
    'Kestrel Media Ltd',
    'Thames Valley Foods plc',
  ],
  positions: ['Managing Director', 'Procurement Manager', 'Head of Operations', 'Finance Director', 'Office Manager', 'Owner'],
  mailDomains: ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'btinternet.com', 'icloud.com'],
  taxIdFormats: ['GB#########', '0#######'],
  results: [
    'Discussed delivery terms',
    'No answer, left a voicemail',
    'Sent a quote',
    'Asked for a 10% discount',
    'Booked a meeting',
    'Contract signed',
    'Thinking it over until next quarter',
  ],
  nextSteps: ['Call back', 'Send invoice', 'Office visit', 'Confirm budget', 'Send samples'],
  notes: ['Prefers WhatsApp 📱', 'Met at the London Coffee Festival', 'Invoices to accounts@ only'],
};

export const LOCALES: Record<DemoLocale, LocalePool> = { ru, uk, ro, md, en };

/** How the demo base is split between locales (weights). */
export const LOCALE_WEIGHTS: readonly (readonly [DemoLocale, number])[] = [
  ['ru', 32],
  ['uk', 26],
  ['ro', 14],
  ['md', 8],
  ['en', 20],
];

/** The user the playground acts as by default: the owner of the spreadsheet and one of the managers. */
export const DEFAULT_USER = 'anna.smirnova@example.com';

export const MANAGERS: Record<DemoLocale, string> = {
  ru: DEFAULT_USER,
  uk: 'olena.koval@example.com',
  ro: 'ion.rusu@example.com',
  md: 'ion.rusu@example.com',
  en: 'james.miller@example.com',
};

/** Who the playground can act as; the add-on decides what each may do. */
export const PLAYGROUND_USERS: readonly { email: string; role: 'admin' | 'manager' | 'reader' }[] = [
  { email: DEFAULT_USER, role: 'admin' },
  { email: 'olena.koval@example.com', role: 'manager' },
  { email: 'ion.rusu@example.com', role: 'manager' },
  { email: 'james.miller@example.com', role: 'manager' },
  { email: 'viewer@example.com', role: 'reader' },
];

export const PRODUCTS: readonly { name: string; price: number }[] = [
  { name: 'Coffee beans, 1 kg', price: 24 },
  { name: 'Coffee beans, 6 kg box', price: 129 },
  { name: 'Espresso machine Pro 2', price: 2450 },
  { name: 'Grinder G2', price: 640 },
  { name: 'Service plan, 1 year', price: 390 },
  { name: 'Barista training day', price: 280 },
  { name: 'Milk frother', price: 85 },
  { name: 'Descaling kit', price: 18 },
  { name: 'Cups, set of 12', price: 36 },
];

export const TAGS = ['newsletter', 'wholesale', 'retail', 'partner', 'horeca', 'expo-2024', 'trial', 'referral'];

export const STAGE_WEIGHTS = [
  ['Cold', 30],
  ['Warm', 30],
  ['Hot', 18],
  ['VIP', 8],
  ['Lost', 14],
] as const;
export const CONTACT_ROLES = ['Decision maker', 'Influencer', 'Buyer / enquirer', 'Other'] as const;
export const SOURCES = ['Website', 'Referral', 'Event', 'Cold call', 'Social', 'Other'] as const;
