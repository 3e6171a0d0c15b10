/**
 * A seeded generator of client lists with known duplicates, for the speed and
 * quality benchmarks of the duplicate finder. People are Russian, Ukrainian,
 * Romanian or English; duplicates are re-typed the way managers re-type
 * clients: typos, nicknames (Саша for Александр, Bob for Robert), Cyrillic
 * written in Latin with one of several romanisations, first and last name
 * swapped, phones in another format, Gmail dots, birth dates mistyped, fields
 * left empty. The name lists and romaniser here are independent of the
 * engine's own tables on purpose.
 */
import type { PersonRecord } from '../src/core/dedupe/record';

export interface SyntheticSet {
  records: PersonRecord[];
  /** Entity id per record id: records with the same entity are the same person. */
  entityOf: Map<string, string>;
}

type Culture = 'ru' | 'uk' | 'ro' | 'en';
type Gender = 'm' | 'f';

interface GivenName {
  name: string;
  nicknames: string[];
}

function names(spec: string): GivenName[] {
  return spec
    .trim()
    .split('\n')
    .map((line) => {
      const [name, ...nicknames] = line.trim().split(/\s+/);
      return { name, nicknames };
    });
}

const GIVEN: Record<Culture, Record<Gender, GivenName[]>> = {
  ru: {
    m: names(`
      Александр Саша Шура Саня
      Алексей Лёша Алёша
      Дмитрий Дима Митя
      Сергей Серёжа
      Андрей Андрюша
      Иван Ваня
      Николай Коля
      Владимир Вова Володя
      Михаил Миша
      Евгений Женя
      Пётр Петя
      Юрий Юра
      Павел Паша
      Константин Костя
      Григорий Гриша
      Максим Макс
      Артём Тёма
      Илья Илюша
      Олег
      Игорь
      Вячеслав Слава
      Анатолий Толя
      Виктор Витя
      Борис Боря
      Роман Рома
      Денис
      Кирилл
      Станислав Стас
      Василий Вася
      Фёдор Федя`),
    f: names(`
      Александра Саша Шура
      Екатерина Катя
      Татьяна Таня
      Ольга Оля
      Наталья Наташа
      Мария Маша
      Анастасия Настя
      Евгения Женя
      Елена Лена
      Ирина Ира
      Светлана Света
      Юлия Юля
      Анна Аня
      Ксения Ксюша
      Людмила Люда
      Галина Галя
      Надежда Надя
      Дарья Даша
      Елизавета Лиза
      Марина
      Полина Поля
      Виктория Вика
      Валентина Валя
      Любовь Люба
      Вера`),
  },
  uk: {
    m: names(`
      Олександр Сашко Саша
      Микола Коля
      Дмитро Дима
      Сергій Сергійко
      Андрій Андрійко
      Іван Івась
      Володимир Вова Володя
      Михайло Миша
      Петро Петя
      Юрій Юра
      Олексій Льоша
      Тарас
      Богдан
      Ярослав Ярик
      Віктор Вітя
      Василь Вася
      Євген Женя
      Остап
      Роман Рома
      Ігор`),
    f: names(`
      Олена Оленка
      Оксана
      Наталія Наталка Наташа
      Тетяна Таня
      Ірина Іра
      Юлія Юля
      Катерина Катя
      Марія Маруся
      Ганна Аня
      Світлана Світла
      Галина Галя
      Людмила Люда
      Надія Надя
      Софія Соня
      Вікторія Віка
      Ольга Оля
      Христина
      Дарина`),
  },
  ro: {
    m: names(`
      Ion Ionuț Ionel
      Gheorghe Gică
      Vasile
      Constantin Costel Costi
      Mihai
      Nicolae Nicu
      Andrei
      Alexandru Sandu Alex
      Dumitru Mitică
      Ștefan Fane
      Florin
      Cristian Cristi
      Adrian
      Bogdan
      Răzvan
      Ovidiu
      Mircea
      Lucian`),
    f: names(`
      Maria
      Elena Lenuța
      Ioana
      Ana Anca
      Andreea
      Mihaela
      Cristina
      Alexandra
      Gabriela Gabi
      Daniela Dana
      Simona
      Ramona
      Raluca
      Alina
      Oana
      Georgiana`),
  },
  en: {
    m: names(`
      Robert Rob Bob Bobby Robbie
      William Will Bill Billy
      James Jim Jimmy Jamie
      John Johnny Jack
      Michael Mike Mikey
      David Dave
      Richard Rick Dick Richie
      Thomas Tom Tommy
      Christopher Chris
      Daniel Dan Danny
      Matthew Matt
      Anthony Tony
      Andrew Andy Drew
      Joseph Joe Joey
      Edward Ed Eddie Ted
      Charles Charlie Chuck
      Benjamin Ben
      Samuel Sam
      Jonathan Jon
      Peter Pete
      Nicholas Nick
      Alexander Alex
      Steven Steve
      Timothy Tim
      George
      Oliver Ollie
      Henry Harry`),
    f: names(`
      Elizabeth Liz Beth Betty Lizzie
      Margaret Maggie Peggy Meg
      Katherine Kate Katie Kathy
      Jennifer Jen Jenny
      Patricia Pat Patty Trish
      Susan Sue Susie
      Rebecca Becky
      Victoria Vicky
      Jessica Jess
      Samantha Sam
      Abigail Abby
      Deborah Debbie Deb
      Alexandra Alex Lexi
      Emily Em
      Sarah
      Charlotte Charlie Lottie
      Olivia Liv
      Amelia Millie
      Isabella Bella Izzy
      Jacqueline Jackie`),
  },
};

const SURNAMES: Record<Culture, string[]> = {
  ru: (
    'Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев Семёнов ' +
    'Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев ' +
    'Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин ' +
    'Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов ' +
    'Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков ' +
    'Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев ' +
    'Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов ' +
    'Потапов Журавлёв Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов ' +
    'Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов ' +
    'Ершов Шубин Ширяев Цветков Хохлов Щукин Жданов Харитонов Юдин'
  ).split(' '),
  uk: (
    'Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Поліщук Лисенко Бойко Мельник Коваль Мороз Марченко ' +
    'Савченко Руденко Петренко Клименко Павленко Левченко Харченко Кузьменко Гончаренко Федоренко Захарченко Ковальчук ' +
    'Романенко Тимошенко Яковенко Гнатюк Кравчук Остапенко Бондар Гуменюк Мартинюк Іваненко Литвиненко Карпенко Пономаренко ' +
    'Ярошенко Дорошенко Сидоренко Приходько Вакуленко Білик Костенко Юрченко Симоненко Зінченко Мазур Ковтун Гаврилюк ' +
    'Пилипенко Степаненко Данилюк Соловйов Семенко Головко Гордієнко Кириленко Скиба Тарасенко Стельмах Козак Литвин'
  ).split(' '),
  ro: (
    'Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu Constantin Mihai Marin Lazăr ' +
    'Florea Dinu Ene Toma Nistor Moldovan Tudor Sârbu Barbu Dobre Nedelcu Ilie Vasile Cristea Ursu Neagu Lungu Mocanu Bălan ' +
    'Crăciun Diaconu Oprea Anghel Roman Voicu Preda Ștefan Dragomir Dumitrescu Manea Zamfir Iordache Costea Enache Păun Sandu ' +
    'Nicolae Tănase Căpraru Țurcanu Ardeleanu Bogdan Coman Grigore Negru Șerban Dinescu Vlad Iliescu Băsescu Niculescu'
  ).split(' '),
  en: (
    'Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White Edwards ' +
    'Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker ' +
    'Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter ' +
    'Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum ' +
    'Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills ' +
    'Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Wojciechowski Fitzgerald Ashworth ' +
    'Pemberton Whitfield Kowalczyk Nakamura Okonkwo Lindqvist Abernathy Castellano Montgomery Featherstone'
  ).split(' '),
};

const CITIES: Record<Culture, string[]> = {
  ru: [
    'Москва',
    'Санкт-Петербург',
    'Новосибирск',
    'Екатеринбург',
    'Казань',
    'Нижний Новгород',
    'Самара',
    'Омск',
    'Ростов-на-Дону',
    'Уфа',
    'Пермь',
    'Воронеж',
    'Тула',
    'Тверь',
  ],
  uk: ['Київ', 'Харків', 'Одеса', 'Дніпро', 'Львів', 'Запоріжжя', 'Вінниця', 'Полтава', 'Чернігів', 'Івано-Франківськ', 'Тернопіль', 'Луцьк'],
  ro: ['București', 'Cluj-Napoca', 'Timișoara', 'Iași', 'Constanța', 'Craiova', 'Brașov', 'Galați', 'Ploiești', 'Oradea', 'Sibiu', 'Chișinău'],
  en: [
    'London',
    'Manchester',
    'Birmingham',
    'Leeds',
    'Glasgow',
    'Bristol',
    'Liverpool',
    'Sheffield',
    'Cardiff',
    'Edinburgh',
    'Leicester',
    'Oxford',
    'York',
    'Bath',
  ],
};

const DOMAINS: Record<Culture, string[]> = {
  ru: ['gmail.com', 'yandex.ru', 'mail.ru', 'bk.ru', 'list.ru', 'inbox.ru', 'rambler.ru'],
  uk: ['gmail.com', 'ukr.net', 'i.ua', 'meta.ua', 'outlook.com'],
  ro: ['gmail.com', 'yahoo.com', 'yahoo.ro', 'outlook.com'],
  en: ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com', 'icloud.com'],
};

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: ReadonlyArray<T>): T => list[Math.floor(rng() * list.length)];
const chance = (rng: Rng, p: number) => rng() < p;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** Several ways people romanise Cyrillic: passport style, informal, older French/German-influenced. */
const ROMANISATIONS: Array<Record<string, string>> = [
  {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    е: 'e',
    ё: 'e',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'i',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: 'ie',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'iu',
    я: 'ia',
    і: 'i',
    ї: 'i',
    є: 'ie',
    ґ: 'g',
  },
  {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    е: 'e',
    ё: 'yo',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'y',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'h',
    ц: 'c',
    ч: 'ch',
    ш: 'sh',
    щ: 'sch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
    і: 'i',
    ї: 'yi',
    є: 'ye',
    ґ: 'g',
  },
  {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'h',
    д: 'd',
    е: 'e',
    ё: 'e',
    ж: 'zh',
    з: 'z',
    и: 'y',
    й: 'i',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'iu',
    я: 'ia',
    і: 'i',
    ї: 'i',
    є: 'ie',
    ґ: 'g',
  },
  {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    е: 'e',
    ё: 'jo',
    ж: 'j',
    з: 'z',
    и: 'i',
    й: 'j',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'ou',
    ф: 'f',
    х: 'kh',
    ц: 'tz',
    ч: 'tch',
    ш: 'ch',
    щ: 'chtch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'iou',
    я: 'ia',
    і: 'i',
    ї: 'i',
    є: 'ie',
    ґ: 'g',
  },
];

function romanise(rng: Rng, text: string): string {
  const table = pick(rng, ROMANISATIONS);
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const mapped = table[lower];
    if (mapped === undefined) out += ch;
    else out += ch !== lower && mapped ? mapped[0].toUpperCase() + mapped.slice(1) : mapped;
  }
  return out.replace(/iy\b/g, chance(rng, 0.5) ? 'y' : 'iy');
}

const FEMININE_RU: Array<[RegExp, string]> = [
  [/ов$/, 'ова'],
  [/ев$/, 'ева'],
  [/ёв$/, 'ёва'],
  [/ин$/, 'ина'],
  [/ский$/, 'ская'],
  [/ой$/, 'ая'],
];

function surnameFor(culture: Culture, gender: Gender, base: string): string {
  if (culture !== 'ru' || gender === 'm') return base;
  for (const [pattern, ending] of FEMININE_RU) if (pattern.test(base)) return base.replace(pattern, ending);
  return base;
}

const KEYBOARD_NEIGHBOURS = 'qwertyuiopasdfghjklzxcvbnm';

function typo(rng: Rng, word: string): string {
  if (word.length < 3) return word;
  const chars = Array.from(word);
  const i = int(rng, 1, chars.length - 1);
  const kind = int(rng, 0, 3);
  const letter = /[а-яёіїєґ]/i.test(word) ? pick(rng, Array.from('аоеиснтрлвк')) : pick(rng, Array.from(KEYBOARD_NEIGHBOURS));
  if (kind === 0) chars.splice(i, 1);
  else if (kind === 1) chars.splice(i, 0, letter);
  else if (kind === 2) chars[i] = letter;
  else if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  return chars.join('');
}

interface Person {
  culture: Culture;
  gender: Gender;
  given: GivenName;
  lastName: string;
  birth: { y: number; m: number; d: number };
  mobile: string; // national significant number
  emailLocal: string;
  domain: string;
  city: string;
}

const COUNTRY_CODE: Record<Culture, string> = { ru: '7', uk: '380', ro: '40', en: '44' };

function mobileNumber(rng: Rng, culture: Culture): string {
  const digits = (n: number) => Array.from({ length: n }, () => int(rng, 0, 9)).join('');
  switch (culture) {
    case 'ru':
      return '9' + pick(rng, ['16', '03', '05', '26', '85', '99', '65']) + digits(7);
    case 'uk':
      return pick(rng, ['50', '67', '63', '93', '97', '66']) + digits(7);
    case 'ro':
      return '7' + pick(rng, ['21', '22', '23', '44', '45', '55', '88']) + digits(6);
    case 'en':
      return '7' + pick(rng, ['700', '711', '723', '745', '777', '799', '812', '946']) + digits(6);
  }
}

function formatPhone(rng: Rng, culture: Culture, nsn: string): string {
  const cc = COUNTRY_CODE[culture];
  const trunk = culture === 'ru' ? '8' : '0';
  switch (int(rng, 0, 4)) {
    case 0:
      return `+${cc}${nsn}`;
    case 1:
      return `+${cc} ${nsn.slice(0, 3)} ${nsn.slice(3, 6)}-${nsn.slice(6)}`;
    case 2:
      return `${trunk}(${nsn.slice(0, 3)})${nsn.slice(3)}`;
    case 3:
      return `${trunk}${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}`;
    default:
      return `00${cc} ${nsn}`;
  }
}

function latinFor(rng: Rng, text: string): string {
  return /[а-яёіїєґ]/i.test(text) ? romanise(rng, text) : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function makePerson(rng: Rng, index: number, usedEmails: Set<string>): Person {
  const culture = pick(rng, ['ru', 'ru', 'uk', 'ro', 'en', 'en'] as Culture[]);
  const gender: Gender = chance(rng, 0.5) ? 'm' : 'f';
  const given = pick(rng, GIVEN[culture][gender]);
  const lastName = surnameFor(culture, gender, pick(rng, SURNAMES[culture]));
  const birth = { y: int(rng, 1940, 2005), m: int(rng, 1, 12), d: int(rng, 1, 28) };
  const first = latinFor(rng, given.name)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const last = latinFor(rng, lastName)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  let emailLocal = pick(rng, [`${first}.${last}`, `${first[0]}${last}`, `${first}${last}${birth.y % 100}`, `${last}.${first}`, `${first}${index % 1000}`]);
  const domain = pick(rng, DOMAINS[culture]);
  // A mailbox belongs to one person: namesakes get a number, as mail providers insist.
  while (usedEmails.has(`${emailLocal}@${domain}`)) emailLocal += int(rng, 0, 9);
  usedEmails.add(`${emailLocal}@${domain}`);
  return {
    culture,
    gender,
    given,
    lastName,
    birth,
    mobile: mobileNumber(rng, culture),
    emailLocal,
    domain,
    city: pick(rng, CITIES[culture]),
  };
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function formatBirth(rng: Rng, b: { y: number; m: number; d: number }): string {
  switch (int(rng, 0, 2)) {
    case 0:
      return `${b.y}-${pad(b.m)}-${pad(b.d)}`;
    case 1:
      return `${pad(b.d)}.${pad(b.m)}.${b.y}`;
    default:
      return `${b.y}${pad(b.m)}${pad(b.d)}`;
  }
}

/** The record as first entered. */
function cleanRecord(rng: Rng, p: Person, id: string): PersonRecord {
  return {
    id,
    firstName: p.given.name,
    lastName: p.lastName,
    phones: [formatPhone(rng, p.culture, p.mobile)],
    emails: chance(rng, 0.85) ? [`${p.emailLocal}@${p.domain}`] : [],
    city: chance(rng, 0.8) ? p.city : undefined,
    birthDate: chance(rng, 0.7) ? formatBirth(rng, p.birth) : undefined,
  };
}

/** The same person typed again by someone else. */
function duplicateRecord(rng: Rng, p: Person, id: string): PersonRecord {
  const r = cleanRecord(rng, p, id);
  let first = p.given.name;
  let last = p.lastName;
  if (chance(rng, 0.3) && p.given.nicknames.length) first = pick(rng, p.given.nicknames);
  if (p.culture !== 'en' && chance(rng, 0.3)) {
    first = latinFor(rng, first);
    last = latinFor(rng, last);
  }
  if (chance(rng, 0.2)) first = typo(rng, first);
  if (chance(rng, 0.2)) last = typo(rng, last);
  if (chance(rng, 0.1)) [first, last] = [last, first];
  if (chance(rng, 0.15)) first = first.toUpperCase();
  r.firstName = chance(rng, 0.05) ? undefined : first;
  r.lastName = last;
  if (chance(rng, 0.25)) r.phones = [];
  if (r.emails?.length && chance(rng, 0.3)) {
    const [local, domain] = r.emails[0].split('@');
    r.emails = [domain === 'gmail.com' && chance(rng, 0.5) ? `${local.replace('.', '')}+crm@gmail.com` : `${local.toUpperCase()}@${domain}`];
  }
  if (r.birthDate && chance(rng, 0.15)) {
    const b = { ...p.birth };
    if (chance(rng, 0.5) && b.d <= 12) [b.d, b.m] = [b.m, b.d];
    else b.d = b.d % 10 === 9 ? b.d - 1 : b.d + 1;
    r.birthDate = formatBirth(rng, b);
  }
  return r;
}

/**
 * `count` records: about 80% distinct people, the rest re-typed copies of some
 * of them (one to three copies each). Deterministic for a given seed.
 */
export function generateClients(count: number, seed = 1): SyntheticSet {
  const rng = seededRandom(seed);
  const records: PersonRecord[] = [];
  const entityOf = new Map<string, string>();
  let entity = 0;
  const usedEmails = new Set<string>();
  while (records.length < count) {
    const person = makePerson(rng, entity, usedEmails);
    const entityId = `e${entity++}`;
    const id = `c${records.length + 1}`;
    records.push(cleanRecord(rng, person, id));
    entityOf.set(id, entityId);
    if (chance(rng, 0.18)) {
      const copies = int(rng, 1, chance(rng, 0.2) ? 3 : 1);
      for (let k = 0; k < copies && records.length < count; k++) {
        const dupId = `c${records.length + 1}`;
        records.push(duplicateRecord(rng, person, dupId));
        entityOf.set(dupId, entityId);
      }
    }
  }
  // Shuffle so duplicates are not next to each other (Fisher–Yates, seeded).
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [records[i], records[j]] = [records[j], records[i]];
  }
  return { records, entityOf };
}

/** Pairwise precision/recall/F1 of proposed pairs against the generator's truth. */
export function pairQuality(
  set: SyntheticSet,
  pairs: ReadonlyArray<{ a: string; b: string }>,
): { precision: number; recall: number; f1: number; truePairs: number } {
  const sizes = new Map<string, number>();
  for (const e of set.entityOf.values()) sizes.set(e, (sizes.get(e) ?? 0) + 1);
  let truePairs = 0;
  for (const n of sizes.values()) truePairs += (n * (n - 1)) / 2;
  let tp = 0;
  for (const p of pairs) if (set.entityOf.get(p.a) === set.entityOf.get(p.b)) tp++;
  const precision = pairs.length ? tp / pairs.length : 1;
  const recall = truePairs ? tp / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePairs };
}
