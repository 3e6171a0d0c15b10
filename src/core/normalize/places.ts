/**
 * Place names as the teams write them: one city is "Москва", "Moscow",
 * "г. Москва" and "Moscova"; "СПб", "Питер", "Санкт-Петербург" and
 * "St. Petersburg" are one city too. A rule that names a place in one
 * spelling selects the clients whose cell holds any of them, in both the
 * add-on and the live formula, because the rule is expanded to the list of
 * spellings before either evaluates it.
 */

/** Each line is one place: its spellings in the teams' languages and common transliterations. */
const CITIES: readonly (readonly string[])[] = [
  ['Москва', 'Moscow', 'Moskva', 'Moscova', 'Moskau'],
  [
    'Санкт-Петербург',
    'Санкт Петербург',
    'С.-Петербург',
    'С-Петербург',
    'СПб',
    'Петербург',
    'Питер',
    'Saint Petersburg',
    'Saint-Petersburg',
    'St. Petersburg',
    'St Petersburg',
    'Sankt-Peterburg',
    'Sankt Peterburg',
    'Sankt Petersburg',
    'Sankt-Petersburg',
    'SPb',
  ],
  ['Київ', 'Киев', 'Kyiv', 'Kiev', 'Kyyiv', 'Kiew'],
  ['Харків', 'Харьков', 'Kharkiv', 'Kharkov', 'Harkov'],
  ['Одеса', 'Одесса', 'Odesa', 'Odessa'],
  ['Львів', 'Львов', 'Lviv', 'Lvov', 'Lwów', 'Liov'],
  ['Дніпро', 'Днепр', 'Днепропетровск', 'Дніпропетровськ', 'Dnipro', 'Dnipropetrovsk', 'Dnepr'],
  ['Запоріжжя', 'Запорожье', 'Zaporizhzhia', 'Zaporizhia', 'Zaporozhye'],
  ['Вінниця', 'Винница', 'Vinnytsia', 'Vinnitsa'],
  ['Chișinău', 'Chisinau', 'Кишинёв', 'Кишинев', 'Кишинів', 'Kishinev', 'Kishinau'],
  ['Bălți', 'Balti', 'Бельцы', 'Бєльці'],
  ['Tiraspol', 'Тирасполь'],
  ['Comrat', 'Комрат'],
  ['București', 'Bucuresti', 'Bucharest', 'Бухарест'],
  ['Cluj-Napoca', 'Cluj', 'Клуж-Напока', 'Клуж'],
  ['Iași', 'Iasi', 'Яссы', 'Ясси'],
  ['Timișoara', 'Timisoara', 'Тимишоара'],
  ['Constanța', 'Constanta', 'Констанца'],
  ['Brașov', 'Brasov', 'Брашов'],
  ['Новосибирск', 'Новосибірськ', 'Novosibirsk'],
  ['Екатеринбург', 'Єкатеринбург', 'Yekaterinburg', 'Ekaterinburg', 'Екб'],
  ['Казань', 'Kazan'],
  ['Нижний Новгород', 'Нижній Новгород', 'Н. Новгород', 'Nizhny Novgorod', 'Nizhniy Novgorod', 'Nizhni Novgorod'],
  ['Самара', 'Samara'],
  ['Ростов-на-Дону', 'Ростов-на-Дону', 'Rostov-on-Don', 'Rostov-na-Donu'],
  ['Краснодар', 'Krasnodar'],
  ['Минск', 'Мінськ', 'Minsk'],
  ['Алматы', 'Алма-Ата', 'Almaty', 'Alma-Ata'],
  ['Тбилиси', 'Тбілісі', 'Tbilisi'],
  ['Вильнюс', 'Вільнюс', 'Vilnius'],
  ['Рига', 'Riga'],
  ['Таллин', 'Таллінн', 'Tallinn'],
  ['Варшава', 'Warszawa', 'Warsaw', 'Varșovia'],
  ['Берлин', 'Берлін', 'Berlin'],
  ['Лондон', 'London', 'Londra'],
];

const COUNTRIES: readonly (readonly string[])[] = [
  ['Россия', 'Росія', 'Российская Федерация', 'РФ', 'Russia', 'Russian Federation', 'Rusia', 'Federația Rusă'],
  ['Україна', 'Украина', 'Ukraine', 'Ucraina'],
  ['Молдова', 'Молдавия', 'Республика Молдова', 'Moldova', 'Republica Moldova', 'Republic of Moldova'],
  ['România', 'Romania', 'Румыния', 'Румунія'],
  ['Беларусь', 'Білорусь', 'Belarus', 'Белоруссия'],
  ['Казахстан', 'Kazakhstan', 'Kazahstan'],
];

/** How a city is prefixed in an address cell: "г. Москва", "м. Київ", "mun. Chișinău", "or. Bălți". */
const CITY_PREFIXES = ['г. ', 'г.', 'город ', 'м. ', 'місто ', 'mun. ', 'municipiul ', 'or. ', 'orașul '];

function placeKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/ş/g, 'ș')
    .replace(/ţ/g, 'ț')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const PREFIX_KEYS = CITY_PREFIXES.map(placeKey).filter((k, i, all) => k !== '' && all.indexOf(k) === i);

function index(places: readonly (readonly string[])[]): Map<string, readonly string[]> {
  const byKey = new Map<string, readonly string[]>();
  for (const spellings of places) for (const s of spellings) byKey.set(placeKey(s), spellings);
  return byKey;
}
const CITY_BY_KEY = index(CITIES);
const COUNTRY_BY_KEY = index(COUNTRIES);

function cityOf(value: string): readonly string[] | undefined {
  const key = placeKey(value);
  const direct = CITY_BY_KEY.get(key);
  if (direct) return direct;
  for (const prefix of PREFIX_KEYS) if (key.startsWith(prefix) && CITY_BY_KEY.has(key.slice(prefix.length))) return CITY_BY_KEY.get(key.slice(prefix.length));
  return undefined;
}

/**
 * Every spelling of the place `value` names (a city may come with an address
 * prefix: "г. Москва"), the value itself first; undefined when it is not a
 * known place.
 */
export function placeNames(value: string): string[] | undefined {
  const place = cityOf(value) ?? COUNTRY_BY_KEY.get(placeKey(value));
  if (!place) return undefined;
  // Romanian is typed with comma-below (ș ț) or cedilla (ş ţ) letters: both spellings count.
  const cedilla = place.map((s) => s.replace(/ș/g, 'ş').replace(/ț/g, 'ţ').replace(/Ș/g, 'Ş').replace(/Ț/g, 'Ţ'));
  return [...new Set([value, ...place, ...cedilla])];
}

/** One spelling for every name of a known city or country (its first), so "Kyiv" and "м. Київ" compare equal; undefined when unknown. */
export function canonicalPlace(value: string): string | undefined {
  return (cityOf(value) ?? COUNTRY_BY_KEY.get(placeKey(value)))?.[0];
}

/** Whether two cells name the same known place (or are the same text, ignoring case and punctuation). */
export function samePlace(a: string, b: string): boolean {
  if (placeKey(a) === placeKey(b)) return true;
  const place = cityOf(a) ?? COUNTRY_BY_KEY.get(placeKey(a));
  return place !== undefined && place === (cityOf(b) ?? COUNTRY_BY_KEY.get(placeKey(b)));
}
