/**
 * The duplicate finder explains itself in English ("same phone", "nickname
 * match on first name (Саша = Александр)"). Its vocabulary is small and
 * fixed, so the Russian sidebar rewords each reason by pattern; a reason no
 * pattern knows is shown as the server wrote it.
 */
import type { Locale } from './locale';

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

const label = (english: string): string => LABELS_RU[english] ?? english;

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

export function reasonText(reason: string, locale: Locale): string {
  if (locale !== 'ru') return reason;
  for (const [pattern, word] of RU) {
    const m = pattern.exec(reason);
    if (m) return word(...m.slice(1).map((g) => g ?? ''));
  }
  return reason;
}
