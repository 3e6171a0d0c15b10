/**
 * A seeded, labelled development set for the duplicate finder on the data it
 * is for: Russian, Ukrainian, Moldovan/Romanian and English clients in a
 * Russian CRM export (Russian headers, one ФИО column used by some managers,
 * phones in every local format). Besides true duplicates (transliterated,
 * diminutives, full name in one field, initials, no shared contact, local phone
 * formats, typos) it plants the look-alikes that are NOT duplicates:
 * households sharing a phone or email, colleagues sharing an office line and a
 * role mailbox, namesakes, father and son, spouses (Петров/Петрова,
 * Александр/Александра, Ion/Ioana).
 *
 * Every planted pair carries a kind, so quality is reported per kind. Seeds
 * below 1000 are the development seeds; 1000 and above are held out (never
 * looked at while tuning), and both are reported.
 *
 * The name tables here are written independently of the engine's (the engine
 * must not be graded on its own dictionary): the diminutives are those people
 * actually use, romanisations follow real systems (passport/ICAO, BGN,
 * GOST 7.79-B, German, Ukrainian 2010, Romanian for Moldovan names).
 *
 * Run: npx tsx bench/dedupe-devset.ts [seed] [out-dir]  writes devset-SEED.csv and labels (default out-dir: bench/.devset, gitignored)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seededRandom } from './synthetic-clients';

type Rng = () => number;
const pick = <T>(rng: Rng, list: ReadonlyArray<T>): T => list[Math.floor(rng() * list.length)];
const chance = (rng: Rng, p: number) => rng() < p;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

export type Culture = 'ru' | 'uk' | 'ro' | 'en';
type Gender = 'm' | 'f';

/** Positive kinds are one person typed twice; negative kinds are two people who look alike. */
export const POSITIVE_KINDS = ['typo', 'translit', 'diminutive', 'full-name', 'initials', 'no-contact', 'phone-format'] as const;
export const NEGATIVE_KINDS = ['household', 'siblings', 'colleagues', 'namesakes', 'father-son', 'spouses'] as const;
export type PairKind = (typeof POSITIVE_KINDS)[number] | (typeof NEGATIVE_KINDS)[number];

export const HEADERS = ['ID', 'Фамилия', 'Имя', 'Отчество', 'ФИО', 'Телефон', 'Email', 'Дата рождения', 'Город', 'Компания', 'Адрес'];

interface Given {
  /** Cyrillic (ru/uk) or Latin (ro/en) as typed natively. */
  name: string;
  short: string[];
  /** The other script's usual spelling, for ro/en names typed in Cyrillic. */
  other?: string;
  /** Same name of the other gender (Александр/Александра), when there is one. */
  pair?: string;
}

function given(spec: string): Given[] {
  return spec
    .trim()
    .split('\n')
    .map((line) => {
      const [head, ...rest] = line.trim().split(/\s+/);
      const [name, other] = head.split('/');
      const pairAt = rest.findIndex((w) => w.startsWith('~'));
      const pair = pairAt >= 0 ? rest.splice(pairAt, 1)[0].slice(1) : undefined;
      return { name, other, short: rest, pair };
    });
}

const GIVEN: Record<Culture, Record<Gender, Given[]>> = {
  ru: {
    m: given(`
      Александр Саша Шура Саня ~Александра
      Алексей Лёша Алёша
      Дмитрий Дима Митя
      Сергей Серёжа
      Иван Ваня
      Николай Коля
      Владимир Вова Володя
      Михаил Миша
      Евгений Женя ~Евгения
      Юрий Юра
      Павел Паша
      Валентин Валя ~Валентина
      Станислав Стас ~Станислава
      Константин Костя
      Олег
      Игорь
      Виталий Виталик
      Ярослав Слава ~Ярослава
    `),
    f: given(`
      Александра Саша Шура ~Александр
      Елена Лена
      Ольга Оля
      Наталья Наташа
      Татьяна Таня
      Мария Маша
      Екатерина Катя
      Ирина Ира
      Светлана Света
      Евгения Женя ~Евгений
      Юлия Юля
      Валентина Валя ~Валентин
      Оксана Ксана Ксюша
      Людмила Люда Мила
      Анастасия Настя
    `),
  },
  uk: {
    m: given(`
      Олександр Сашко Олесь ~Олександра
      Микола Миколка
      Петро Петрик
      Тарас
      Богдан Бодя ~Богдана
      Андрій Андрійко
      Василь Вася
      Юрій Юрко
      Віктор Вітя
      Ярослав Ярко ~Ярослава
    `),
    f: given(`
      Оксана Ксана Ксеня
      Олена Оленка
      Наталія Наталка Ната
      Ганна Ганя
      Ірина Іра
      Катерина Катя
      Олександра Саша ~Олександр
      Богдана Даня ~Богдан
    `),
  },
  ro: {
    m: given(`
      Ion/Ион Ionel Nelu ~Ioana
      Vasile/Василе Sile Vasilică
      Octavian/Октавиан Tavi
      Gheorghe/Георге Gică Ghiță
      Mihai/Михай ~Mihaela
      Constantin/Константин Costel Costică Costi
      Nicolae/Николае Nicu Nicușor ~Nicoleta
      Alexandru/Александру Sandu ~Alexandra
      Dumitru/Думитру Mitică
      Ștefan/Штефан Fănel
      Daniel/Даниел Dani ~Daniela
      Gabriel/Габриел Gabi ~Gabriela
    `),
    f: given(`
      Ioana/Иоана Oana ~Ion
      Maria/Мария Mărioara
      Elena/Елена Lenuța
      Mihaela/Михаела Ela ~Mihai
      Nicoleta/Николета Nico ~Nicolae
      Alexandra/Александра Sanda ~Alexandru
      Daniela/Даниела Dana ~Daniel
      Gabriela/Габриела Gabi ~Gabriel
      Cristina/Кристина Cristi
      Valentina/Валентина Vali
    `),
  },
  en: {
    m: given(`
      Robert/Роберт Bob Rob Bobby
      William/Уильям Bill Will
      James/Джеймс Jim Jamie
      John/Джон Jack Johnny
      Michael/Майкл Mike
      Richard/Ричард Dick Rick
      Thomas/Томас Tom
      Edward/Эдвард Ted Ed
    `),
    f: given(`
      Elizabeth/Элизабет Liz Beth
      Margaret/Маргарет Peggy Maggie
      Catherine/Кэтрин Kate Cathy
      Susan/Сьюзан Sue
      Jennifer/Дженнифер Jen Jenny
    `),
  },
};

const SURNAMES: Record<Culture, string[]> = {
  ru: (
    'Петров Иванов Смирнов Кузнецов Соколов Попов Лебедев Козлов Новиков Морозов Волков Соловьёв Васильев Зайцев Павлов ' +
    'Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев Тарасов Белов Комаров Орлов Киселёв Макаров Андреев ' +
    'Ковалёв Ильин Гусев Титов Кузьмин Баранов Куликов Алексеев Степанов Яковлев Сорокин Сергеев Романов Захаров Борисов ' +
    'Королёв Герасимов Пономарёв Григорьев Лазарев Медведев Ершов Никитин Соболев Рябов Поляков Цветков Данилов Жуков Фролов ' +
    'Журавлёв Николаев Крылов Максимов Сидоров Осипов Белоусов Федотов Егоров Матвеев Бобров Дмитриев Калинин Щербаков ' +
    'Хохлов Жданов Наумов Шилов Воронцов Ермаков Дроздов Чернышевский Вишневский Покровский Юдин Чайкин Шустов Хабаров'
  ).split(' '),
  uk: (
    'Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Поліщук Мельник Бойко Ковальчук Лисенко Марченко ' +
    'Савченко Руденко Мороз Петренко Павленко Гончаренко Клименко Кравчук Савчук Приходько Ковальський Яворський Гнатюк Їжак Гребенюк'
  ).split(' '),
  ro: (
    'Ciobanu/Чобану Popescu/Попеску Rusu/Русу Munteanu/Мунтяну Lungu/Лунгу Ceban/Чебан Cojocaru/Кожокару Țurcanu/Цуркану ' +
    'Rotaru/Ротару Sârbu/Сырбу Moraru/Морару Botnari/Ботнарь Grosu/Гросу Ursu/Урсу Bălan/Бэлан Chiriac/Кирияк Cebotari/Чеботарь ' +
    'Guțu/Гуцу Croitoru/Кроитору Roșca/Рошка Vrabie/Врабие Gheorghiu/Георгиу Ionescu/Ионеску Jitaru/Житару'
  ).split(' '),
  en: (
    'Hughes/Хьюз Smith/Смит Johnson/Джонсон Brown/Браун Taylor/Тейлор Wilson/Уилсон Davies/Дэвис Evans/Эванс Roberts/Робертс ' +
    'Walker/Уокер Wright/Райт Thompson/Томпсон White/Уайт Green/Грин Harris/Харрис Clarke/Кларк Jackson/Джексон Whitfield/Уитфилд'
  ).split(' '),
};

const CITIES: Record<Culture, string[]> = {
  ru: ['Москва', 'Санкт-Петербург', 'Казань', 'Екатеринбург', 'Новосибирск', 'Самара', 'Тверь', 'Тула'],
  uk: ['Київ', 'Харків', 'Одеса', 'Львів', 'Дніпро', 'Вінниця'],
  ro: ['Chișinău', 'Bălți', 'Iași', 'București', 'Cahul', 'Orhei'],
  en: ['London', 'Manchester', 'Leeds', 'Bristol', 'York'],
};

const STREETS: Record<Culture, string[]> = {
  ru: ['ул. Ленина', 'ул. Гагарина', 'пр. Мира', 'ул. Садовая', 'ул. Советская', 'Невский пр.', 'ул. Пушкина', 'ул. Лесная'],
  uk: ['вул. Шевченка', 'вул. Franka', 'просп. Перемоги', 'вул. Садова', 'вул. Грушевського', 'вул. Лесі Українки'],
  ro: ['str. Ștefan cel Mare', 'bd. Dacia', 'str. Mihai Eminescu', 'str. Independenței', 'str. Pușkin'],
  en: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Park Avenue'],
};

const TITLES: Record<Culture, string[]> = {
  ru: ['г-н', 'г-жа', 'д-р', 'Уважаемый'],
  uk: ['пан', 'пані', 'д-р'],
  ro: ['dl.', 'dna', 'Dr.'],
  en: ['Mr', 'Mrs', 'Dr.', 'Sir'],
};

const DOMAINS: Record<Culture, string[]> = {
  ru: ['gmail.com', 'yandex.ru', 'mail.ru', 'bk.ru', 'list.ru'],
  uk: ['gmail.com', 'ukr.net', 'i.ua'],
  ro: ['gmail.com', 'yahoo.com', 'mail.md'],
  en: ['gmail.com', 'outlook.com', 'btinternet.com'],
};

const COMPANIES = ['Альфа', 'Вектор', 'Стройинвест', 'Terra Grup', 'Orizont', 'Меридиан', 'Квант', 'Союз', 'Bright Ltd', 'Нова', 'Прогрес', 'Lumina'];
const ROLE_LOCALS = ['info', 'office', 'sales', 'contact', 'hello', 'priemnaya', 'secretar', 'admin', 'zakaz', 'manager'];

/** Romanisation systems, letter by letter (lower case); the first is the Russian passport (ICAO) style. */
const SYSTEMS: Array<Record<string, string>> = [
  // ICAO 9303 (Russian passports since 2013)
  { х: 'kh', ц: 'ts', й: 'i', я: 'ia', ю: 'iu', е: 'e', ё: 'e', ж: 'zh', щ: 'shch', ы: 'y', ъ: 'ie', ь: '', ч: 'ch', ш: 'sh', э: 'e', и: 'i' },
  // BGN/PCGN
  { х: 'kh', ц: 'ts', й: 'y', я: 'ya', ю: 'yu', е: 'e', ё: 'yo', ж: 'zh', щ: 'shch', ы: 'y', ъ: '', ь: '', ч: 'ch', ш: 'sh', э: 'e', и: 'i' },
  // GOST 7.79-2000 system B
  { х: 'x', ц: 'cz', й: 'j', я: 'ya', ю: 'yu', е: 'e', ё: 'yo', ж: 'zh', щ: 'shh', ы: 'y', ъ: '', ь: '', ч: 'ch', ш: 'sh', э: 'e', и: 'i' },
  // German-speaking
  {
    х: 'ch',
    ц: 'z',
    й: 'j',
    я: 'ja',
    ю: 'ju',
    е: 'e',
    ё: 'jo',
    ж: 'sh',
    щ: 'schtsch',
    ы: 'y',
    ъ: '',
    ь: '',
    ч: 'tsch',
    ш: 'sch',
    э: 'e',
    и: 'i',
    в: 'w',
    с: 's',
    з: 's',
  },
  // informal (x for кс, i for й)
  { х: 'h', ц: 'c', й: 'i', я: 'ya', ю: 'yu', е: 'e', ё: 'e', ж: 'j', щ: 'sch', ы: 'i', ъ: '', ь: '', ч: 'ch', ш: 'sh', э: 'e', и: 'i', кс: 'x' },
];
/** Ukrainian national system (2010): г=h, и=y, і=i, ї=i, є=ie. */
const UKRAINIAN: Record<string, string> = {
  г: 'h',
  ґ: 'g',
  и: 'y',
  і: 'i',
  ї: 'i',
  є: 'ie',
  х: 'kh',
  ц: 'ts',
  й: 'i',
  я: 'ia',
  ю: 'iu',
  ж: 'zh',
  щ: 'shch',
  ч: 'ch',
  ш: 'sh',
  ь: '',
};
const BASE: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  з: 'z',
  и: 'i',
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
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  "'": '',
  '’': '',
};

function romanise(rng: Rng, text: string, culture: Culture): string {
  const system = culture === 'uk' && chance(rng, 0.7) ? UKRAINIAN : pick(rng, SYSTEMS);
  let out = '';
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const two = lower.slice(i, i + 2);
    if (system[two] !== undefined) {
      out += system[two];
      i++;
      continue;
    }
    const ch = lower[i];
    out += system[ch] ?? BASE[ch] ?? ch;
  }
  return titleCase(out);
}

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_, sep, ch) => sep + ch.toUpperCase());
}

const KEYS = 'qwertyuiopasdfghjklzxcvbnm';
const KEYS_RU = 'йцукенгшщзхфывапролджэячсмитьбю';
function typo(rng: Rng, word: string): string {
  if (word.length < 4) return word;
  const i = int(rng, 1, word.length - 2);
  const letters = /[а-яё]/i.test(word) ? KEYS_RU : KEYS;
  switch (int(rng, 0, 3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 2:
      return word.slice(0, i) + pick(rng, letters.split('')) + word.slice(i + 1);
    default:
      return word.slice(0, i) + word[i] + word.slice(i);
  }
}

const LATIN_OF: Record<string, string> = { ș: 's', ş: 's', ț: 't', ţ: 't', ă: 'a', â: 'a', î: 'i' };
const ascii = (s: string) => s.replace(/[șşțţăâî]/gi, (c) => LATIN_OF[c.toLowerCase()] ?? c);

interface Person {
  culture: Culture;
  gender: Gender;
  first: Given;
  last: string;
  /** Cyrillic form of a Romanian/English surname. */
  lastOther?: string;
  patronymic?: string;
  fatherName?: string;
  birth: { y: number; m: number; d: number };
  /** National significant number and country code. */
  phone: { cc: string; nsn: string };
  email: string;
  city: string;
  /** Street and house, with a flat number in a block of flats. */
  address: string;
  company?: string;
}

function addressOf(rng: Rng, culture: Culture): string {
  const flat = chance(rng, 0.6) ? (culture === 'ru' || culture === 'uk' ? `, кв. ${int(rng, 1, 180)}` : `, ap. ${int(rng, 1, 90)}`) : '';
  return `${pick(rng, STREETS[culture])}, ${int(rng, 1, 120)}${flat}`;
}

function femaleSurname(culture: Culture, last: string): string {
  if (culture !== 'ru' && culture !== 'uk') return last;
  if (/(ов|ев|ёв|ин|ын)$/.test(last)) return last + 'а';
  if (/ский$/.test(last)) return last.replace(/ский$/, 'ская');
  if (/ський$/.test(last)) return last.replace(/ський$/, 'ська');
  return last;
}

const PATRONYMIC_FROM: Record<string, [string, string]> = {
  Александр: ['Александрович', 'Александровна'],
  Алексей: ['Алексеевич', 'Алексеевна'],
  Дмитрий: ['Дмитриевич', 'Дмитриевна'],
  Сергей: ['Сергеевич', 'Сергеевна'],
  Иван: ['Иванович', 'Ивановна'],
  Николай: ['Николаевич', 'Николаевна'],
  Владимир: ['Владимирович', 'Владимировна'],
  Михаил: ['Михайлович', 'Михайловна'],
  Юрий: ['Юрьевич', 'Юрьевна'],
  Павел: ['Павлович', 'Павловна'],
  Олег: ['Олегович', 'Олеговна'],
  Игорь: ['Игоревич', 'Игоревна'],
  Петро: ['Петрович', 'Петрівна'],
  Микола: ['Миколайович', 'Миколаївна'],
  Тарас: ['Тарасович', 'Тарасівна'],
  Василь: ['Васильович', 'Василівна'],
  Андрій: ['Андрійович', 'Андріївна'],
};

function mobile(rng: Rng, culture: Culture): { cc: string; nsn: string } {
  const digits = (n: number) => Array.from({ length: n }, () => int(rng, 0, 9)).join('');
  switch (culture) {
    case 'ru':
      return { cc: '7', nsn: pick(rng, ['916', '903', '926', '985', '912', '921']) + digits(7) };
    case 'uk':
      return { cc: '380', nsn: pick(rng, ['67', '50', '63', '97', '93']) + digits(7) };
    case 'ro':
      return chance(rng, 0.6)
        ? { cc: '373', nsn: pick(rng, ['69', '68', '79', '78']) + digits(6) }
        : { cc: '40', nsn: pick(rng, ['721', '744', '755']) + digits(6) };
    default:
      return { cc: '44', nsn: '7' + pick(rng, ['911', '700', '812']) + digits(6) };
  }
}

/** A phone as a manager types it: international or national, any punctuation. */
function formatPhone(rng: Rng, phone: { cc: string; nsn: string }, local: boolean): string {
  const { cc, nsn } = phone;
  if (!local) return `+${cc} ${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}`;
  switch (cc) {
    case '7':
      return pick(rng, [
        `8 (${nsn.slice(0, 3)}) ${nsn.slice(3, 6)}-${nsn.slice(6, 8)}-${nsn.slice(8)}`,
        `8${nsn}`,
        `${nsn.slice(0, 3)}-${nsn.slice(3, 6)}-${nsn.slice(6)}`,
        `7${nsn}`,
        `+7(${nsn.slice(0, 3)})${nsn.slice(3)}`,
      ]);
    case '380':
      return pick(rng, [
        `0${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${nsn.slice(5, 7)} ${nsn.slice(7)}`,
        `380${nsn}`,
        `(0${nsn.slice(0, 2)}) ${nsn.slice(2)}`,
        `80${nsn}`,
      ]);
    case '373':
      return pick(rng, [`0${nsn}`, `0 ${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${nsn.slice(5)}`, `373${nsn}`, `00373 ${nsn}`]);
    case '40':
      return pick(rng, [`0${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}`, `0040${nsn}`, `0${nsn}`]);
    default:
      return pick(rng, [`0${nsn.slice(0, 4)} ${nsn.slice(4)}`, `0044 ${nsn}`, `0${nsn}`]);
  }
}

function latinOf(rng: Rng, p: Person, word: string): string {
  if (p.culture === 'ro' || p.culture === 'en') return word;
  return romanise(rng, word, p.culture);
}

function emailFor(rng: Rng, culture: Culture, firstLatin: string, lastLatin: string, used: Set<string>): string {
  const f = ascii(firstLatin)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const l = ascii(lastLatin)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  for (;;) {
    const local = pick(rng, [`${f}.${l}`, `${f[0]}${l}`, `${l}.${f}`, `${f}${l}${int(rng, 1, 99)}`, `${l}${int(rng, 70, 99)}`, `${f}_${int(rng, 100, 999)}`]);
    const email = `${local}@${pick(rng, DOMAINS[culture])}`;
    if (!used.has(email)) {
      used.add(email);
      return email;
    }
  }
}

function makePerson(rng: Rng, used: Set<string>, forced?: Partial<Person>): Person {
  const culture = forced?.culture ?? pick<Culture>(rng, ['ru', 'ru', 'ru', 'uk', 'uk', 'ro', 'ro', 'en']);
  const gender = forced?.gender ?? pick<Gender>(rng, ['m', 'f']);
  const first = forced?.first ?? pick(rng, GIVEN[culture][gender]);
  const [lastNative, lastOther] = (forced?.last ? [forced.last, forced.lastOther] : pick(rng, SURNAMES[culture]).split('/')) as [string, string | undefined];
  const last = forced?.last ? lastNative : gender === 'f' ? femaleSurname(culture, lastNative) : lastNative;
  const fatherName = culture === 'ru' || culture === 'uk' ? pick(rng, Object.keys(PATRONYMIC_FROM)) : undefined;
  const patronymic = fatherName ? PATRONYMIC_FROM[fatherName][gender === 'm' ? 0 : 1] : undefined;
  const p: Person = {
    culture,
    gender,
    first,
    last,
    lastOther,
    fatherName,
    patronymic,
    birth: { y: int(rng, 1945, 2003), m: int(rng, 1, 12), d: int(rng, 1, 28) },
    phone: mobile(rng, culture),
    email: '',
    city: pick(rng, CITIES[culture]),
    address: addressOf(rng, culture),
    ...forced,
  };
  if (!forced?.email) p.email = emailFor(rng, culture, latinOf(rng, p, p.first.name), latinOf(rng, p, p.last), used);
  return p;
}

export interface DevRow {
  id: string;
  cells: string[];
}

export interface DevSet {
  seed: number;
  rows: DevRow[];
  entityOf: Map<string, string>;
  /** Planted pairs (ids sorted "a\u0000b") and their kind. */
  kinds: Map<string, PairKind>;
}

function dateText(rng: Rng, b: { y: number; m: number; d: number }): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return pick(rng, [`${p(b.d)}.${p(b.m)}.${b.y}`, `${b.y}-${p(b.m)}-${p(b.d)}`, `${p(b.d)}/${p(b.m)}/${b.y}`]);
}

interface Typed {
  last?: string;
  first?: string;
  middle?: string;
  full?: string;
  phone?: string;
  email?: string;
  birth?: string;
  city?: string;
  company?: string;
  address?: string;
}

/** The clean record a manager would type for this person. */
function clean(rng: Rng, p: Person): Typed {
  return {
    last: p.last,
    first: p.first.name,
    middle: p.patronymic && chance(rng, 0.6) ? p.patronymic : undefined,
    phone: chance(rng, 0.9) ? formatPhone(rng, p.phone, chance(rng, 0.5)) : undefined,
    email: chance(rng, 0.75) ? p.email : undefined,
    birth: chance(rng, 0.55) ? dateText(rng, p.birth) : undefined,
    city: chance(rng, 0.7) ? p.city : undefined,
    company: p.company,
    address: chance(rng, 0.45) ? p.address : undefined,
  };
}

/**
 * A date of birth as it degrades in a CRM: another format, only the year or
 * month, day and month swapped, an impossible day (31.02), a two-digit year.
 */
function degradedDate(rng: Rng, b: { y: number; m: number; d: number }): string {
  const p = (n: number) => String(n).padStart(2, '0');
  switch (int(rng, 0, 5)) {
    case 0:
      return String(b.y);
    case 1:
      return `${p(b.m)}.${b.y}`;
    case 2:
      return b.d <= 12 && b.d !== b.m ? `${p(b.m)}.${p(b.d)}.${b.y}` : `${p(b.d)}.${p(b.m)}.${b.y}`;
    case 3:
      return `${b.m === 2 ? 30 : 31 + (b.d % 2)}.${p(b.m)}.${b.y}`;
    case 4:
      return `${p(b.d)}.${p(b.m)}.${String(b.y).slice(2)}`;
    default:
      return dateText(rng, b);
  }
}

/** "г-н Петров Иван", "Dr. John Smith": a title typed into the name. */
function titled(rng: Rng, p: Person, name: string): string {
  return chance(rng, 0.25) ? `${pick(rng, TITLES[p.culture])} ${name}` : name;
}

/** Keeps at least one contact (phone or email) the two records share, unless `share` is false. */
function contacts(rng: Rng, p: Person, t: Typed, share = true): Typed {
  const keepPhone = chance(rng, 0.7);
  const keepEmail = !keepPhone || chance(rng, 0.5);
  return {
    ...t,
    phone: share && keepPhone ? formatPhone(rng, p.phone, chance(rng, 0.5)) : share ? undefined : formatPhone(rng, mobile(rng, p.culture), chance(rng, 0.5)),
    email: share && keepEmail ? (chance(rng, 0.15) ? p.email.toUpperCase() : p.email) : undefined,
  };
}

function duplicate(rng: Rng, p: Person, kind: (typeof POSITIVE_KINDS)[number]): Typed {
  const base = contacts(rng, p, {
    last: p.last,
    first: p.first.name,
    city: chance(rng, 0.6) ? p.city : undefined,
    company: p.company,
    address: chance(rng, 0.3) ? p.address : undefined,
  });
  if (chance(rng, 0.4)) base.birth = dateText(rng, p.birth);
  if (p.patronymic && chance(rng, 0.4)) base.middle = p.patronymic;
  switch (kind) {
    case 'typo':
      if (chance(rng, 0.5)) base.last = typo(rng, p.last);
      else base.first = typo(rng, p.first.name);
      if (chance(rng, 0.3) && base.email) base.email = typo(rng, base.email);
      if (base.birth && chance(rng, 0.3)) base.birth = degradedDate(rng, p.birth);
      return base;
    case 'translit':
      if (p.culture === 'ro' || p.culture === 'en') {
        base.first = p.first.other ?? p.first.name;
        base.last = p.lastOther ?? p.last;
        if (p.culture === 'ro' && chance(rng, 0.5)) base.last = ascii(base.last);
      } else {
        base.first = romanise(rng, p.first.name, p.culture);
        base.last = romanise(rng, p.last, p.culture);
        if (base.middle) base.middle = romanise(rng, base.middle, p.culture);
      }
      return base;
    case 'diminutive': {
      const short = p.first.short.length > 0 ? pick(rng, p.first.short) : p.first.name;
      // A third of the time in the other alphabet too: Ksana / Оксана, Сашко / Oleksandr.
      if ((p.culture === 'ru' || p.culture === 'uk') && chance(rng, 0.3)) {
        base.first = romanise(rng, short, p.culture);
        base.last = romanise(rng, p.last, p.culture);
        base.middle = undefined;
      } else base.first = short;
      return base;
    }
    case 'full-name': {
      const parts =
        p.patronymic && chance(rng, 0.6) ? [p.last, p.first.name, p.patronymic] : chance(rng, 0.5) ? [p.last, p.first.name] : [p.first.name, p.last];
      const full = titled(rng, p, parts.join(' '));
      // Managers also type the whole name into the "Имя" (or "Фамилия") column and leave the rest empty.
      const where = rng();
      if (where < 0.2) return { ...base, first: full, last: undefined, middle: undefined };
      if (where < 0.3) return { ...base, first: undefined, last: full, middle: undefined };
      return { ...base, first: undefined, last: undefined, middle: undefined, full };
    }
    case 'initials': {
      const latin = (p.culture === 'ru' || p.culture === 'uk') && chance(rng, 0.2);
      const last = latin ? romanise(rng, p.last, p.culture) : p.last;
      const f = latin ? romanise(rng, p.first.name, p.culture)[0] : p.first.name[0];
      const m = p.patronymic ? (latin ? romanise(rng, p.patronymic, p.culture)[0] : p.patronymic[0]) : '';
      const sep = chance(rng, 0.5) ? ' ' : '';
      const initials = m ? `${f}.${sep}${m}.` : `${f}.`;
      return { ...base, first: undefined, last: undefined, middle: undefined, full: chance(rng, 0.7) ? `${last} ${initials}` : `${initials} ${last}` };
    }
    case 'no-contact': {
      // No phone or email in common, but what tells a person apart once the contacts changed:
      // the date of birth (as typed, or degraded), the patronymic, or the home address.
      const t: Typed = { ...contacts(rng, p, base, false), email: undefined, city: p.city, birth: undefined, address: undefined };
      const roll = rng();
      if (roll < 0.6 || !p.patronymic) t.birth = chance(rng, 0.4) ? degradedDate(rng, p.birth) : dateText(rng, p.birth);
      else if (roll < 0.8) t.middle = p.patronymic;
      else t.address = p.address;
      if (chance(rng, 0.3) && !t.birth) t.birth = dateText(rng, p.birth);
      return t;
    }
    case 'phone-format':
      return { ...base, phone: formatPhone(rng, p.phone, true), email: undefined };
  }
}

function cells(id: string, t: Typed): DevRow {
  return {
    id,
    cells: [
      id,
      t.last ?? '',
      t.first ?? '',
      t.middle ?? '',
      t.full ?? '',
      t.phone ?? '',
      t.email ?? '',
      t.birth ?? '',
      t.city ?? '',
      t.company ?? '',
      t.address ?? '',
    ],
  };
}

/** About 2 records per unit of `size` (default 1500 → ~3,000 records, the size of the held-out list in issue #14). */
export function generateDevSet(seed: number, size = 1500): DevSet {
  const rng = seededRandom(seed * 7919 + 13);
  const used = new Set<string>();
  const rows: DevRow[] = [];
  const entityOf = new Map<string, string>();
  const kinds = new Map<string, PairKind>();
  let next = 1;
  let entity = 1;
  const add = (t: Typed, who: number) => {
    const id = `d${String(next++).padStart(5, '0')}`;
    rows.push(cells(id, t));
    entityOf.set(id, `e${who}`);
    return id;
  };
  const plant = (a: string, b: string, kind: PairKind) => kinds.set(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`, kind);

  for (let u = 0; u < size; u++) {
    const roll = rng();
    if (roll < 0.45) {
      // One person, typed twice in one of the ways it goes wrong.
      const p = makePerson(rng, used);
      const kind = pick(rng, POSITIVE_KINDS);
      const who = entity++;
      const ct = clean(rng, p);
      const dt = duplicate(rng, p, kind);
      if (kind === 'no-contact') {
        // The first record carries what the second kept, so the two have it in common.
        if (dt.birth && !ct.birth) ct.birth = dateText(rng, p.birth);
        if (dt.middle) ct.middle = p.patronymic;
        if (dt.address) ct.address = p.address;
      } else {
        // The contact the second record kept is on the first too (otherwise the two share nothing but a name: namesakes' look).
        if (dt.phone && !ct.phone) ct.phone = formatPhone(rng, p.phone, chance(rng, 0.5));
        if (dt.email && !ct.email) ct.email = p.email;
      }
      const a = add(ct, who);
      const b = add(dt, who);
      plant(a, b, kind);
    } else if (roll < 0.55) {
      // A household: same surname family, one line, one shared mailbox or phone, different first names.
      const head = makePerson(rng, used);
      const member = makePerson(rng, used, { culture: head.culture, gender: chance(rng, 0.5) ? 'm' : 'f', city: head.city });
      member.first = pick(
        rng,
        GIVEN[head.culture][member.gender].filter((g) => g.name !== head.first.name && g.pair !== head.first.name),
      );
      member.last =
        head.culture === 'ro' || head.culture === 'en'
          ? head.last
          : member.gender === head.gender
            ? head.last
            : member.gender === 'f'
              ? femaleSurname(head.culture, head.last)
              : head.last
                  .replace(/(ов|ев|ёв|ин|ын)а$/, '$1')
                  .replace(/ская$/, 'ский')
                  .replace(/ська$/, 'ський');
      const ht = clean(rng, head);
      const mt = clean(rng, member);
      if (chance(rng, 0.6)) {
        ht.phone = formatPhone(rng, head.phone, chance(rng, 0.5));
        mt.phone = formatPhone(rng, head.phone, chance(rng, 0.5));
      }
      if (!ht.phone || chance(rng, 0.5)) {
        ht.email = head.email;
        mt.email = head.email;
      }
      // One flat: the home address too, typed the same or not at all.
      if (chance(rng, 0.6)) {
        ht.address = head.address;
        mt.address = chance(rng, 0.7) ? head.address : undefined;
      }
      plant(add(ht, entity++), add(mt, entity++), 'household');
    } else if (roll < 0.6) {
      // Brothers and sisters: one surname, one patronymic, one home phone and address, other first names.
      const culture = pick<Culture>(rng, ['ru', 'ru', 'uk']);
      const fatherName = pick(
        rng,
        Object.keys(PATRONYMIC_FROM).filter((n) => GIVEN[culture].m.some((g) => g.name === n) || culture === 'ru'),
      );
      const a = makePerson(rng, used, { culture });
      const gender = chance(rng, 0.6) ? a.gender : a.gender === 'm' ? 'f' : 'm';
      const b = makePerson(rng, used, {
        culture,
        gender,
        first: pick(
          rng,
          GIVEN[culture][gender].filter((g) => g.name !== a.first.name && g.pair !== a.first.name),
        ),
        city: a.city,
        address: a.address,
        birth: { y: a.birth.y + int(rng, -8, 8), m: int(rng, 1, 12), d: int(rng, 1, 28) },
      });
      const base = SURNAMES[culture].find((x) => x === a.last || femaleSurname(culture, x) === a.last) ?? a.last;
      a.last = a.gender === 'f' ? femaleSurname(culture, base) : base;
      b.last = b.gender === 'f' ? femaleSurname(culture, base) : base;
      a.patronymic = PATRONYMIC_FROM[fatherName][a.gender === 'm' ? 0 : 1];
      b.patronymic = PATRONYMIC_FROM[fatherName][b.gender === 'm' ? 0 : 1];
      const at = clean(rng, a);
      const bt = clean(rng, b);
      at.middle = a.patronymic;
      bt.middle = chance(rng, 0.8) ? b.patronymic : undefined;
      if (chance(rng, 0.6)) bt.phone = at.phone ?? formatPhone(rng, a.phone, true);
      else bt.email = a.email;
      if (chance(rng, 0.5)) {
        at.address = a.address;
        bt.address = a.address;
      }
      plant(add(at, entity++), add(bt, entity++), 'siblings');
    } else if (roll < 0.68) {
      // Colleagues at one company: the office line and a role mailbox, different people.
      const company = `${pick(rng, COMPANIES)} ${int(rng, 1, 999)}`;
      const domain = `${
        ascii(company)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '') || 'firma'
      }${int(rng, 1, 99)}.ru`;
      const office = mobile(rng, 'ru');
      const role = `${pick(rng, ROLE_LOCALS)}@${domain}`;
      const officeAddress = addressOf(rng, 'ru');
      const ids: string[] = [];
      const n = int(rng, 2, 3);
      for (let k = 0; k < n; k++) {
        const p = makePerson(rng, used, { company });
        const t = clean(rng, p);
        t.phone = formatPhone(rng, office, chance(rng, 0.5));
        t.email = chance(rng, 0.7) ? role : t.email;
        t.address = chance(rng, 0.4) ? officeAddress : t.address;
        ids.push(add(t, entity++));
      }
      for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) plant(ids[x], ids[y], 'colleagues');
    } else if (roll < 0.78) {
      // Namesakes: the same first and last name, two people.
      const p = makePerson(rng, used);
      const q = makePerson(rng, used, {
        culture: p.culture,
        gender: p.gender,
        first: p.first,
        last: p.last,
        lastOther: p.lastOther,
        city: chance(rng, 0.5) ? p.city : undefined,
      });
      if (chance(rng, 0.15)) q.birth = { ...q.birth, y: p.birth.y };
      plant(add(clean(rng, p), entity++), add(clean(rng, q), entity++), 'namesakes');
    } else if (roll < 0.89) {
      // Father and son (or mother and daughter) with one name: the patronymic or the birth year tells them apart.
      const son = makePerson(rng, used, { culture: pick<Culture>(rng, ['ru', 'ru', 'uk']), gender: 'm' });
      if (!PATRONYMIC_FROM[son.first.name])
        son.first = pick(
          rng,
          GIVEN[son.culture].m.filter((g) => PATRONYMIC_FROM[g.name]),
        );
      son.fatherName = son.first.name;
      son.patronymic = PATRONYMIC_FROM[son.first.name][0];
      const fatherFather = pick(
        rng,
        Object.keys(PATRONYMIC_FROM).filter((n) => n !== son.first.name),
      );
      const father = makePerson(rng, used, {
        culture: son.culture,
        gender: 'm',
        first: son.first,
        last: son.last,
        patronymic: PATRONYMIC_FROM[fatherFather][0],
        birth: { ...son.birth, y: son.birth.y - int(rng, 20, 35) },
        city: son.city,
      });
      const ft = clean(rng, father);
      const st = clean(rng, son);
      ft.middle = father.patronymic;
      st.middle = son.patronymic;
      const share = rng();
      if (share < 0.3) st.phone = ft.phone;
      else if (share < 0.5) st.email = father.email;
      if (chance(rng, 0.4)) {
        ft.address = father.address;
        st.address = father.address;
      }
      // One of the two typed as a whole ФИО in one field.
      if (chance(rng, 0.3)) {
        const who = chance(rng, 0.5) ? ft : st;
        who.full = [who.last, who.first, who.middle].join(' ');
        who.last = who.first = who.middle = undefined;
      }
      plant(add(ft, entity++), add(st, entity++), 'father-son');
    } else {
      // Spouses (or siblings) with the paired first name: Александр/Александра, Ion/Ioana, Петров/Петрова.
      const culture = pick<Culture>(rng, ['ru', 'ru', 'uk', 'ro']);
      const husbandNames = GIVEN[culture].m.filter((g) => g.pair);
      const he = makePerson(rng, used, { culture, gender: 'm', first: pick(rng, husbandNames) });
      const herName = GIVEN[culture].f.find((g) => g.name === he.first.pair) ?? pick(rng, GIVEN[culture].f);
      const she = makePerson(rng, used, {
        culture,
        gender: 'f',
        first: herName,
        last: femaleSurname(culture, he.last),
        lastOther: he.lastOther,
        city: he.city,
      });
      const ht = clean(rng, he);
      const st = clean(rng, she);
      if (chance(rng, 0.6)) st.phone = formatPhone(rng, he.phone, chance(rng, 0.5));
      else st.email = he.email;
      if (chance(rng, 0.3)) st.email = he.email;
      if (chance(rng, 0.6)) {
        ht.address = he.address;
        st.address = he.address;
      }
      plant(add(ht, entity++), add(st, entity++), 'spouses');
    }
  }
  // Shuffle so that planted pairs are not neighbours in the file.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return { seed, rows, entityOf, kinds };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function devSetCsv(set: DevSet): string {
  return [HEADERS, ...set.rows.map((r) => r.cells)].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

export function devSetLabels(set: DevSet): string {
  const lines = ['id,entity'];
  for (const [id, e] of set.entityOf) lines.push(`${id},${e}`);
  return lines.join('\n') + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const seed = Number(process.argv[2] ?? 1);
  const out = process.argv[3] ?? join(import.meta.dirname ?? '.', '.devset');
  mkdirSync(out, { recursive: true });
  const set = generateDevSet(seed);
  writeFileSync(join(out, `devset-${seed}.csv`), devSetCsv(set));
  writeFileSync(join(out, `devset-${seed}-labels.csv`), devSetLabels(set));
  console.log(`wrote ${set.rows.length} records to ${out}/devset-${seed}.csv`);
}
