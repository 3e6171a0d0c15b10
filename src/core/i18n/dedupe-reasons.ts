/**
 * The duplicate finder explains itself in English ("same phone", "nickname
 * match on first name (Саша = Александр)"). Its vocabulary is small and
 * fixed, so the Russian, Ukrainian and Romanian sidebars reword each reason by
 * pattern; a reason no pattern knows is shown as the server wrote it.
 */
import type { Lang as Locale } from './lang';

const LABELS_RU: Record<string, string> = {
  'first name': 'имя',
  'last name': 'фамилия',
  'middle name': 'отчество',
  email: 'email',
  phone: 'телефон',
  'phone number': 'телефон',
  'date of birth': 'дата рождения',
  'street address': 'адрес',
  street: 'улица',
  postcode: 'индекс',
  'ID number': 'идентификационный номер',
  city: 'город',
  company: 'компания',
  region: 'регион',
  country: 'страна',
  'email name': 'имя почты',
  'first name initial': 'инициал имени',
  'middle name initial': 'инициал отчества',
};

const LABELS_UK: Record<string, string> = {
  'first name': "ім'я",
  'last name': 'прізвище',
  'middle name': 'по батькові',
  email: 'email',
  phone: 'телефон',
  'phone number': 'телефон',
  'date of birth': 'дата народження',
  'street address': 'адреса',
  street: 'вулиця',
  postcode: 'індекс',
  'ID number': 'ідентифікаційний номер',
  city: 'місто',
  company: 'компанія',
  region: 'область',
  country: 'країна',
  'email name': "ім'я пошти",
  'first name initial': 'ініціал імені',
  'middle name initial': 'ініціал по батькові',
};

const LABELS_RO: Record<string, string> = {
  'first name': 'prenumele',
  'last name': 'numele de familie',
  'middle name': 'patronimicul',
  email: 'e-mailul',
  phone: 'telefonul',
  'phone number': 'telefonul',
  'date of birth': 'data nașterii',
  'street address': 'adresa',
  street: 'strada',
  postcode: 'codul poștal',
  'ID number': 'codul personal',
  city: 'orașul',
  company: 'compania',
  region: 'regiunea',
  country: 'țara',
  'email name': 'numele din e-mail',
  'first name initial': 'inițiala prenumelui',
  'middle name initial': 'inițiala patronimicului',
};

const label = (english: string): string => LABELS_RU[english] ?? english;
const labelUk = (english: string): string => LABELS_UK[english] ?? english;
const labelRo = (english: string): string => LABELS_RO[english] ?? english;

/** Ukrainian plural of "year" after a number: 21 рік, 22 роки, 25 років. */
function yearsUk(n: number): string {
  if (n % 10 === 1 && n % 100 !== 11) return 'рік';
  if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return 'роки';
  return 'років';
}

const RU: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/^first and last name swapped$/, () => 'имя и фамилия переставлены'],
  [/^date of birth with day and month swapped$/, () => 'дата рождения: день и месяц переставлены'],
  [/^same phone number with another prefix$/, () => 'тот же номер с другим префиксом'],
  [/^same email name at another domain$/, () => 'то же имя почты на другом домене'],
  [/^same street, another house number$/, () => 'та же улица, другой дом'],
  [/^different contacts: no phone or email in common$/, () => 'разные контакты: ни телефон, ни email не совпадают'],
  [/^different email \(the same name at another domain\)$/, () => 'различается email (то же имя на другом домене)'],
  [/^different first name: a man's and a woman's \((.*)\), two people$/, (pair) => `мужское и женское имя (${pair}): два человека`],
  [/^different last name form: a man's and a woman's \((.*)\), relatives$/, (pair) => `мужская и женская форма фамилии (${pair}): родственники`],
  [
    /^different middle name \((.*)\): father and son or brothers, not one person$/,
    (pair) => `разные отчества (${pair}): отец и сын или братья, не один человек`,
  ],
  [/^different first name under the same last name: relatives, not one person$/, () => 'другое имя при той же фамилии: родственники, не один человек'],
  [/^same (phone|email), but a shared one/, (x) => `общий ${x === 'phone' ? 'телефон' : 'email'} (семья или офис): имена говорят о двух людях`],
  [/^same (phone|email), shared in this base/, (x) => `общий ${x === 'phone' ? 'телефон' : 'email'}: в базе он у людей с другими именами (семья или офис)`],
  [
    /^the shared phone, email and address count once/,
    () => 'общие телефон, email и адрес считаются один раз: одна семья или офис, а имена говорят о двух людях',
  ],
  [/^the shared line, address and company count once/, () => 'общие телефон, адрес и компания считаются один раз: телефон офиса или семьи'],
  [/^only the names and the town agree/, () => 'совпадают только имя, фамилия и город: так же часто это тёзки'],
  [/^different first and last name: two people$/, () => 'другие имя и фамилия: два человека'],
  [/^born (\d+) years apart: parent and child, or a wrong date$/, (n) => `родились с разницей в ${n} лет: родитель и ребёнок или ошибка в дате`],
  [/^same company mailbox \((.*)\), not a person's$/, (box) => `общий ящик компании (${box}), не личный`],
  [/^a name typed in the other field \((.*)\)$/, (pair) => `имя записано не в том поле (${pair})`],
  [/^date of birth within weeks$/, () => 'даты рождения различаются на несколько недель'],
  [/^date of birth similar \(year one digit off\)$/, () => 'дата рождения похожа (год отличается на одну цифру)'],
  [/^same phone number written with another prefix$/, () => 'тот же номер с другим префиксом'],
  [/^same year and month of birth/, () => 'совпадают год и месяц рождения'],
  [/^same year of birth/, () => 'совпадает год рождения'],
  [/^(.+?) sounds the same in the other alphabet \((.*)\)$/, (x, pair) => `звучит так же в другом алфавите: ${label(x)} (${pair})`],
  [/^same group: both match (.*)$/, (rest) => `та же группа: оба похожи на ${rest}`],
  [/^Cyrillic\/Latin spelling of (.+)$/, (x) => `${label(x)} кириллицей и латиницей`],
  [/^nickname match on (.+?) \((.*)\)$/, (x, pair) => `уменьшительная форма: ${label(x)} (${pair})`],
  [/^(.+?) spelled another way \((.*)\)$/, (x, pair) => `другое написание: ${label(x)} (${pair})`],
  [/^(.+?) somewhat similar \((.*)\)$/, (x, pair) => `немного похоже: ${label(x)} (${pair})`],
  [/^(.+?) nearly the same(?: \((.*)\))?$/, (x, pair) => `почти совпадает: ${label(x)}${pair ? ` (${pair})` : ''}`],
  [/^(.+?) similar \((.*)\)$/, (x, pair) => `похоже: ${label(x)} (${pair})`],
  [/^(.+?) shortened \((.*)\)$/, (x, pair) => `сокращение: ${label(x)} (${pair})`],
  [/^(.+?) initial matches$/, (x) => `совпадает инициал: ${label(x)}`],
  [/^(.+?) one (?:digit|character) apart$/, (x) => `отличается на один знак: ${label(x)}`],
  [/^(.+?) spelled slightly differently$/, (x) => `чуть иначе записано: ${label(x)}`],
  [/^same (.+?) \(a common one\)$/, (x) => `совпадает: ${label(x)} (частое)`],
  [/^same (.+)$/, (x) => `совпадает: ${label(x)}`],
  [/^different (.+?) \((.*)\)$/, (x, pair) => `различается: ${label(x)} (${pair})`],
  [/^different (.+)$/, (x) => `различается: ${label(x)}`],
];

const UK: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/^first and last name swapped$/, () => "ім'я та прізвище переставлено"],
  [/^date of birth with day and month swapped$/, () => 'дата народження: день і місяць переставлено'],
  [/^same phone number with another prefix$/, () => 'той самий номер з іншим префіксом'],
  [/^same email name at another domain$/, () => "те саме ім'я пошти на іншому домені"],
  [/^same street, another house number$/, () => 'та сама вулиця, інший будинок'],
  [/^different contacts: no phone or email in common$/, () => 'різні контакти: ні телефон, ні email не збігаються'],
  [/^different email \(the same name at another domain\)$/, () => "різний email (те саме ім'я на іншому домені)"],
  [/^different first name: a man's and a woman's \((.*)\), two people$/, (pair) => `чоловіче й жіноче ім'я (${pair}): дві людини`],
  [/^different last name form: a man's and a woman's \((.*)\), relatives$/, (pair) => `чоловіча й жіноча форма прізвища (${pair}): родичі`],
  [
    /^different middle name \((.*)\): father and son or brothers, not one person$/,
    (pair) => `різні по батькові (${pair}): батько й син або брати, не одна людина`,
  ],
  [/^different first name under the same last name: relatives, not one person$/, () => "інше ім'я при тому самому прізвищі: родичі, не одна людина"],
  [/^same (phone|email), but a shared one/, (x) => `спільний ${x === 'phone' ? 'телефон' : 'email'} (родина чи офіс): імена вказують на двох людей`],
  [/^same (phone|email), shared in this base/, (x) => `спільний ${x === 'phone' ? 'телефон' : 'email'}: у базі він у людей з іншими іменами (родина чи офіс)`],
  [
    /^the shared phone, email and address count once/,
    () => 'спільні телефон, email і адреса враховуються один раз: одна родина чи офіс, а імена вказують на двох людей',
  ],
  [/^the shared line, address and company count once/, () => 'спільні телефон, адреса й компанія враховуються один раз: телефон офісу чи родини'],
  [/^only the names and the town agree/, () => "збігаються лише ім'я, прізвище й місто: так само часто це тезки"],
  [/^different first and last name: two people$/, () => "інші ім'я та прізвище: дві людини"],
  [
    /^born (\d+) years apart: parent and child, or a wrong date$/,
    (n) => `народилися з різницею в ${n} ${yearsUk(Number(n))}: батько й дитина або помилка в даті`,
  ],
  [/^same company mailbox \((.*)\), not a person's$/, (box) => `спільна скринька компанії (${box}), не особиста`],
  [/^a name typed in the other field \((.*)\)$/, (pair) => `ім'я записано не в тому полі (${pair})`],
  [/^date of birth within weeks$/, () => 'дати народження різняться на кілька тижнів'],
  [/^date of birth similar \(year one digit off\)$/, () => 'дата народження схожа (рік відрізняється на одну цифру)'],
  [/^same phone number written with another prefix$/, () => 'той самий номер з іншим префіксом'],
  [/^same year and month of birth/, () => 'збігаються рік і місяць народження'],
  [/^same year of birth/, () => 'збігається рік народження'],
  [/^(.+?) sounds the same in the other alphabet \((.*)\)$/, (x, pair) => `звучить так само в іншому алфавіті: ${labelUk(x)} (${pair})`],
  [/^same group: both match (.*)$/, (rest) => `та сама група: обидва схожі на ${rest}`],
  [/^Cyrillic\/Latin spelling of (.+)$/, (x) => `${labelUk(x)} кирилицею й латиницею`],
  [/^nickname match on (.+?) \((.*)\)$/, (x, pair) => `зменшувальна форма: ${labelUk(x)} (${pair})`],
  [/^(.+?) spelled another way \((.*)\)$/, (x, pair) => `інше написання: ${labelUk(x)} (${pair})`],
  [/^(.+?) somewhat similar \((.*)\)$/, (x, pair) => `трохи схоже: ${labelUk(x)} (${pair})`],
  [/^(.+?) nearly the same(?: \((.*)\))?$/, (x, pair) => `майже збігається: ${labelUk(x)}${pair ? ` (${pair})` : ''}`],
  [/^(.+?) similar \((.*)\)$/, (x, pair) => `схоже: ${labelUk(x)} (${pair})`],
  [/^(.+?) shortened \((.*)\)$/, (x, pair) => `скорочення: ${labelUk(x)} (${pair})`],
  [/^(.+?) initial matches$/, (x) => `збігається ініціал: ${labelUk(x)}`],
  [/^(.+?) one (?:digit|character) apart$/, (x) => `відрізняється на один знак: ${labelUk(x)}`],
  [/^(.+?) spelled slightly differently$/, (x) => `трохи інакше записано: ${labelUk(x)}`],
  [/^same (.+?) \(a common one\)$/, (x) => `збігається: ${labelUk(x)} (поширене)`],
  [/^same (.+)$/, (x) => `збігається: ${labelUk(x)}`],
  [/^different (.+?) \((.*)\)$/, (x, pair) => `різниться: ${labelUk(x)} (${pair})`],
  [/^different (.+)$/, (x) => `різниться: ${labelUk(x)}`],
];

const RO: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/^first and last name swapped$/, () => 'prenume și nume inversate'],
  [/^date of birth with day and month swapped$/, () => 'data nașterii cu ziua și luna inversate'],
  [/^same phone number with another prefix$/, () => 'același număr cu alt prefix'],
  [/^same email name at another domain$/, () => 'același nume de e-mail pe alt domeniu'],
  [/^same street, another house number$/, () => 'aceeași stradă, alt număr de casă'],
  [/^different contacts: no phone or email in common$/, () => 'contacte diferite: niciun telefon sau e-mail comun'],
  [/^different email \(the same name at another domain\)$/, () => 'e-mail diferit (același nume pe alt domeniu)'],
  [/^different first name: a man's and a woman's \((.*)\), two people$/, (pair) => `prenume de bărbat și de femeie (${pair}): două persoane`],
  [/^different last name form: a man's and a woman's \((.*)\), relatives$/, (pair) => `forma de bărbat și de femeie a numelui (${pair}): rude`],
  [
    /^different middle name \((.*)\): father and son or brothers, not one person$/,
    (pair) => `patronimice diferite (${pair}): tată și fiu sau frați, nu o singură persoană`,
  ],
  [/^different first name under the same last name: relatives, not one person$/, () => 'alt prenume cu același nume de familie: rude, nu o singură persoană'],
  [/^same (phone|email), but a shared one/, (x) => `${x === 'phone' ? 'telefon comun' : 'e-mail comun'} (familie sau birou): numele arată două persoane`],
  [
    /^same (phone|email), shared in this base/,
    (x) => `${x === 'phone' ? 'telefon comun' : 'e-mail comun'}: în bază îl au persoane cu alte nume (familie sau birou)`,
  ],
  [
    /^the shared phone, email and address count once/,
    () => 'telefonul, e-mailul și adresa comune contează o singură dată: o familie sau un birou, iar numele arată două persoane',
  ],
  [
    /^the shared line, address and company count once/,
    () => 'telefonul, adresa și compania comune contează o singură dată: linia unui birou sau a unei familii',
  ],
  [/^only the names and the town agree/, () => 'coincid doar numele, prenumele și orașul: la fel de des sunt omonimi'],
  [/^different first and last name: two people$/, () => 'alt prenume și alt nume de familie: două persoane'],
  [
    /^born (\d+) years apart: parent and child, or a wrong date$/,
    (n) => `născuți la ${n}${Number(n) % 100 >= 20 || Number(n) % 100 === 0 ? ' de' : ''} ani distanță: părinte și copil sau o dată greșită`,
  ],
  [/^same company mailbox \((.*)\), not a person's$/, (box) => `aceeași căsuță a companiei (${box}), nu a unei persoane`],
  [/^a name typed in the other field \((.*)\)$/, (pair) => `un nume scris în celălalt câmp (${pair})`],
  [/^date of birth within weeks$/, () => 'datele nașterii diferă cu câteva săptămâni'],
  [/^date of birth similar \(year one digit off\)$/, () => 'data nașterii asemănătoare (anul diferă cu o cifră)'],
  [/^same phone number written with another prefix$/, () => 'același număr scris cu alt prefix'],
  [/^same year and month of birth/, () => 'același an și aceeași lună a nașterii'],
  [/^same year of birth/, () => 'același an al nașterii'],
  [/^(.+?) sounds the same in the other alphabet \((.*)\)$/, (x, pair) => `sună la fel în celălalt alfabet: ${labelRo(x)} (${pair})`],
  [/^same group: both match (.*)$/, (rest) => `același grup: ambii se potrivesc cu ${rest}`],
  [/^Cyrillic\/Latin spelling of (.+)$/, (x) => `${labelRo(x)} scris cu chirilice și latine`],
  [/^nickname match on (.+?) \((.*)\)$/, (x, pair) => `diminutiv: ${labelRo(x)} (${pair})`],
  [/^(.+?) spelled another way \((.*)\)$/, (x, pair) => `altă grafie: ${labelRo(x)} (${pair})`],
  [/^(.+?) somewhat similar \((.*)\)$/, (x, pair) => `oarecum asemănător: ${labelRo(x)} (${pair})`],
  [/^(.+?) nearly the same(?: \((.*)\))?$/, (x, pair) => `aproape la fel: ${labelRo(x)}${pair ? ` (${pair})` : ''}`],
  [/^(.+?) similar \((.*)\)$/, (x, pair) => `asemănător: ${labelRo(x)} (${pair})`],
  [/^(.+?) shortened \((.*)\)$/, (x, pair) => `prescurtare: ${labelRo(x)} (${pair})`],
  [/^(.+?) initial matches$/, (x) => `inițiala se potrivește: ${labelRo(x)}`],
  [/^(.+?) one (?:digit|character) apart$/, (x) => `diferă printr-un caracter: ${labelRo(x)}`],
  [/^(.+?) spelled slightly differently$/, (x) => `scris puțin diferit: ${labelRo(x)}`],
  [/^same (.+?) \(a common one\)$/, (x) => `coincide: ${labelRo(x)} (frecvent)`],
  [/^same (.+)$/, (x) => `coincide: ${labelRo(x)}`],
  [/^different (.+?) \((.*)\)$/, (x, pair) => `diferă: ${labelRo(x)} (${pair})`],
  [/^different (.+)$/, (x) => `diferă: ${labelRo(x)}`],
];

const PATTERNS: Partial<Record<Locale, ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]>>> = { ru: RU, uk: UK, ro: RO };

export function reasonText(reason: string, locale: Locale): string {
  const patterns = PATTERNS[locale];
  if (!patterns) return reason;
  for (const [pattern, word] of patterns) {
    const m = pattern.exec(reason);
    if (m) return word(...m.slice(1).map((g) => g ?? ''));
  }
  return reason;
}

const GROUP_LINE: Record<Exclude<Locale, 'en'>, { sure: string; possible: string; through: string }> = {
  ru: { sure: 'точно дубликаты, группа из', possible: 'возможно дубликаты, группа из', through: 'та же группа (через другого участника)' },
  uk: { sure: 'точно дублікати, група з', possible: 'можливо дублікати, група з', through: 'та сама група (через іншого учасника)' },
  ro: { sure: 'dubluri sigure, grup de', possible: 'dubluri posibile, grup de', through: 'același grup (prin alt membru)' },
};

/** The Duplicates tab's Why cell ("sure duplicate group of 3", or reasons joined by "; ") in `lang`. */
export function duplicateWhy(why: string, lang: Locale): string {
  if (lang === 'en') return why;
  const words = GROUP_LINE[lang];
  const group = /^(sure|possible) duplicate group of (\d+)$/.exec(why);
  if (group) return `${group[1] === 'sure' ? words.sure : words.possible} ${group[2]}`;
  if (why === 'same group (through another member)') return words.through;
  return why
    .split('; ')
    .map((r) => reasonText(r, lang))
    .join('; ');
}
