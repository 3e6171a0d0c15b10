/**
 * Everything the scorer compares, computed once per record: the comparable
 * spelling of each field, its transliteration skeleton and nickname families.
 */
import { canonicalPlace } from '../normalize/places';
import { emailKey } from '../normalize/email';
import { phoneKey, type CountryCode } from '../normalize/phone';
import { isInitial, isOnlyTitles, isPatronymic, nameKey, splitFullName, stripTitles } from '../normalize/name';
import { consonantKey, hasCyrillic, latinSkeleton, foldToLatin, romanianReading } from '../normalize/translit';
import { familiesOfSkeleton, genderOfSkeleton } from '../normalize/nicknames';
import { companyKey } from '../normalize/company';
import { parseBirthDate, type BirthDate } from './dates';
import { remembered } from './memo';
import type { PersonRecord } from './record';

export interface NameFeature {
  /** As typed (trimmed), for reasons shown to people. */
  raw: string;
  key: string;
  skeleton: string;
  families: readonly number[];
  cyrillic: boolean;
  /** The skeleton of the Romanian reading of a Latin name (Ciobanu → ʧobanu), '' when there is none. */
  alt: string;
  /** Consonants as heard, for cross-alphabet names no letter rule joins (Hughes / Хьюз). */
  sound: string;
  /** From the name table: 'm' or 'f' when the name is only one gender's. */
  gender?: 'm' | 'f';
  /** A Russian/Ukrainian patronymic (Сергеевич, Ivanovna). */
  patronymic: boolean;
  /** One letter typed as an initial ("Я.", "J"), whose key may be longer than one letter (Я → ya). */
  initial: boolean;
}

export interface StreetFeature {
  key: string;
  number: string;
  words: string;
}

export interface PreparedRecord {
  id: string;
  first?: NameFeature;
  last?: NameFeature;
  middle?: NameFeature;
  birth?: BirthDate;
  emails: string[];
  /** The digits in each email, same order: addresses differing in their digits are different mailboxes. */
  emailDigits: string[];
  emailLocals: string[];
  /**
   * The email locals that are nothing but this person's own names
   * ("nikolay.tikhonov", "gtaranu"): namesakes pick them just as often, so
   * the same such local at another domain says nothing about the person.
   */
  nameLocals: string[];
  /** Per email, same order: whether its local part is one of `nameLocals`. */
  emailNamed: boolean[];
  /** Per email, same order: a role mailbox (info@, office@, приемная@): the company's, not a person's. */
  emailRole: boolean[];
  phones: string[];
  /** Per phone, same order: its last 8 digits, which agree whatever prefix or default country the number was read with. */
  phoneTails: string[];
  street?: StreetFeature;
  city?: string;
  postcode?: string;
  region?: string;
  country?: string;
  company?: string;
  nationalId?: string;
  extra: Array<[string, string]>;
}

const MAX_FIELD = 300;
const MAX_LIST = 20;

function text(value: unknown): string {
  if (value == null) return '';
  return String(value).slice(0, MAX_FIELD).trim();
}

/**
 * Names repeat a lot in a client base (how many Ivans, Marias and Smiths), so
 * their features are computed once per distinct spelling (the memory is
 * bounded so that a long-lived sidebar session does not grow without end).
 */
const nameFeatureOf = remembered((typed: string): NameFeature | undefined => {
  const t = stripTitles(typed);
  const key = nameKey(t);
  if (key === '') return undefined;
  const skeleton = latinSkeleton(t);
  const reading = romanianReading(t);
  const alt = reading ? latinSkeleton(reading) : '';
  const families = familiesOfSkeleton(skeleton);
  return {
    raw: t,
    key,
    skeleton,
    families: families.length > 0 || !alt ? families : familiesOfSkeleton(alt),
    cyrillic: hasCyrillic(t),
    alt: alt === skeleton ? '' : alt,
    sound: consonantKey(t),
    gender: genderOfSkeleton(skeleton),
    patronymic: isPatronymic(t),
    initial: isInitial(t),
  };
}, 200_000);

function nameFeature(raw: unknown): NameFeature | undefined {
  const typed = text(raw);
  return typed === '' ? undefined : nameFeatureOf(typed);
}

/**
 * The comparison key of a phone. Numbers typed in international form
 * ("+7 916 123-45-67", "0040 721 234 567") already are E.164 once the
 * punctuation goes; national forms ("8(916)1234567") go through
 * libphonenumber with the default country (`phoneKey`), which is the slow part.
 */
function phoneFeature(raw: unknown, defaultCountry: CountryCode | undefined): string | undefined {
  const t = text(raw);
  if (/^(\+|00)[\d\s().\-/]+$/.test(t) && !/\(0\)/.test(t)) {
    const digits = t.replace(/\D/g, '').replace(/^00/, '');
    if (digits.length >= 8 && digits.length <= 15 && digits[0] !== '0') return '+' + digits;
  }
  // Households and offices share numbers, and a sidebar checks the same ones again: libphonenumber once per distinct number.
  return nationalPhoneKey(`${defaultCountry ?? ''}\u0000${t}`);
}

const nationalPhoneKey = remembered((key: string) => {
  const split = key.indexOf('\u0000');
  return phoneKey(key.slice(split + 1), (key.slice(0, split) || undefined) as CountryCode | undefined);
});

/** Lower case, Latin, punctuation to spaces: "Lenina St., 5" and "lenina st 5" agree. */
export function placeKey(raw: unknown): string | undefined {
  const t = foldToLatin(text(raw))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return t === '' ? undefined : t;
}

/** Towns, regions, countries and the values of extra columns repeat: each distinct one is read once. */
const repeatedPlaceKey = remembered(placeKey);
/** Москва, Moscow and г. Москва are one city for duplicates (src/core/normalize/places.ts). */
const cityKey = remembered((typed: string) => placeKey(canonicalPlace(typed) ?? typed));
const postcodeKey = remembered(codeKey);
const companyKeyOf = remembered(companyKey);
const birthDateOf = remembered(parseBirthDate);
const onlyTitles = remembered(isOnlyTitles);
const splitName = remembered(splitFullName);

const STREET_WORDS: Record<string, string> = {
  st: 'street',
  str: 'street',
  strada: 'street',
  ul: 'street',
  ulitsa: 'street',
  vulytsia: 'street',
  vul: 'street',
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  pr: 'prospekt',
  prosp: 'prospekt',
  pl: 'place',
  bd: 'boulevard',
  blvd: 'boulevard',
  bul: 'boulevard',
  dr: 'drive',
  ln: 'lane',
  ct: 'court',
  cres: 'crescent',
  cct: 'circuit',
  pde: 'parade',
  hwy: 'highway',
  d: 'dom',
  kv: 'kvartira',
  apt: 'apartment',
};

function streetFeature(raw: unknown): StreetFeature | undefined {
  const key = placeKey(raw);
  if (!key) return undefined;
  const tokens = key.split(' ').map((w) => STREET_WORDS[w] ?? w);
  const numbers = tokens.filter((w) => /\d/.test(w));
  const words = tokens.filter((w) => !/\d/.test(w));
  return { key: tokens.join(' '), number: numbers.join(' '), words: words.join('') };
}

/** A name's spellings to look for in a mailbox name: as typed (folded to Latin) and its romanisation skeleton. */
function spellings(name: NameFeature | undefined): string[] {
  if (!name) return [];
  return name.skeleton.length > 0 && name.skeleton !== name.key ? [name.key, name.skeleton] : [name.key];
}

/**
 * Whether a mailbox name is nothing but the person's names, the way people
 * build one: ivanpetrov, petrovivan, ipetrov, petrovi, ivanp, ivan, petrov
 * (punctuation already gone), in any usual romanisation of a Cyrillic name.
 */
function isNameMade(local: string, first: NameFeature | undefined, last: NameFeature | undefined): boolean {
  if (/\d/.test(local)) return false;
  const firsts = spellings(first);
  const lasts = spellings(last);
  // Cheap test first: most mailbox names contain none of the names at all.
  if (![...firsts, ...lasts].some((n) => n.length > 0 && local.includes(n))) return false;
  const matches = (l: string) => {
    if (firsts.includes(l) || lasts.includes(l)) return true;
    for (const f of firsts) {
      for (const n of lasts) {
        if (l === f + n || l === n + f || l === f[0] + n || l === n + f[0] || l === f + n[0]) return true;
      }
    }
    return false;
  };
  const cyrillic = !!(first?.cyrillic || last?.cyrillic);
  return matches(local) || (cyrillic && matches(latinSkeleton(local)));
}

/**
 * Mailbox names of a role rather than a person, in the languages of the
 * product ("priemnaya" is приёмная romanised, "buh" бухгалтерия).
 */
const ROLE_LOCALS = new Set(
  (
    'info office sales contact contacts hello hi secretar secretary secretariat priemnaya priyomnaya priemnaia reception admin ' +
    'administrator mail post support help service manager managers zakaz zakazy order orders buh buhgalteria accounting accounts ' +
    'billing hr team enquiries enquiry inquiries kontakt kontakty noreply marketing press office1 general main company firma ' +
    'biuro birou vanzari comenzi contabilitate director ofis otdel prodazhi'
  ).split(' '),
);

/** Whether the mailbox name (punctuation and digits gone) is a role: info, office2, sales-msk… */
export function isRoleMailbox(local: string): boolean {
  const bare = local.replace(/[^a-z]/g, '');
  if (ROLE_LOCALS.has(bare)) return true;
  // "sales.msk", "info-kiev": a role with a branch after it.
  const head = local.split(/[^a-z]/)[0];
  return head.length >= 2 && ROLE_LOCALS.has(head);
}

function codeKey(raw: unknown): string | undefined {
  const t = foldToLatin(text(raw)).replace(/[^a-z0-9]/g, '');
  return t === '' ? undefined : t;
}

function list(values: ReadonlyArray<unknown> | undefined): unknown[] {
  return Array.isArray(values) ? values.slice(0, MAX_LIST) : [];
}

function unique(values: Array<string | undefined>): string[] {
  // Most records give one phone and one email: no Set for those.
  if (values.length <= 1) return values[0] ? [values[0]] : [];
  return Array.from(new Set(values.filter((v): v is string => !!v)));
}

/** A lone name field that holds several words once titles are gone ("Петров Иван", "Ivan Petrov", "Petrov I. V."). */
function onlyField(raw: unknown): string {
  const t = stripTitles(text(raw));
  return /\S[\s,.]+\S/.test(t) ? t : '';
}

/** The text a field holds as `String` reads it ('' for a missing one), the key of the memories above. */
function asString(value: unknown): string {
  return value == null ? '' : String(value);
}

export function prepareRecord(record: PersonRecord, defaultCountry?: CountryCode): PreparedRecord {
  let { firstName, lastName, middleName } = record;
  // A field that is only a title ("sir" / "baronet" cut from "Sir John Starkey, 1st Baronet") names nobody: the full name does.
  const firstIsTitle = onlyTitles(asString(firstName));
  const lastIsTitle = onlyTitles(asString(lastName));
  const titleOnly = firstIsTitle || lastIsTitle;
  if (firstIsTitle) firstName = '';
  if (lastIsTitle) lastName = '';
  // A full name typed into one field (ФИО, or the whole name in "First name" or "Last name"), in either order.
  const whole =
    (!text(firstName) && !text(lastName)) || (titleOnly && text(record.fullName))
      ? text(record.fullName)
      : !text(lastName)
        ? onlyField(firstName)
        : !text(firstName)
          ? onlyField(lastName)
          : '';
  if (whole) {
    const parts = splitName(whole);
    firstName = parts.firstName;
    lastName = parts.lastName;
    middleName = text(middleName) ? middleName : parts.middleName;
  }
  const emails = unique(list(record.emails).map((e) => emailKey(text(e)))).filter((e) => e.includes('@'));
  const first = nameFeature(firstName);
  const last = nameFeature(lastName);
  const rawLocals = emails.map((e) => foldToLatin(e.slice(0, e.lastIndexOf('@'))));
  const emailRole = rawLocals.map(isRoleMailbox);
  const locals = rawLocals.map((l) => l.replace(/[^a-z0-9]/g, ''));
  const emailLocals = unique(locals.filter((l, i) => !emailRole[i])).filter((l) => l.length >= 3);
  const nameLocals = emailLocals.filter((l) => isNameMade(l, first, last));
  const phones = unique(list(record.phones).map((p) => phoneFeature(p, defaultCountry)));
  const extra: Array<[string, string]> = [];
  if (record.extra && typeof record.extra === 'object') {
    for (const [column, value] of Object.entries(record.extra)) {
      const key = repeatedPlaceKey(text(value));
      if (key) extra.push([column, key]);
    }
  }
  return {
    id: String(record.id ?? ''),
    first,
    last,
    middle: nameFeature(middleName),
    birth: birthDateOf(asString(record.birthDate)),
    emails,
    emailDigits: emails.map((e) => e.replace(/\D/g, '')),
    emailLocals,
    nameLocals,
    emailNamed: locals.map((l) => nameLocals.includes(l)),
    emailRole,
    phones,
    phoneTails: phones.map((p) => p.replace(/\D/g, '').slice(-8)),
    street: streetFeature(record.street),
    city: cityKey(text(record.city)),
    postcode: postcodeKey(text(record.postcode)),
    region: repeatedPlaceKey(text(record.region)),
    country: repeatedPlaceKey(text(record.country)),
    company: companyKeyOf(text(record.company)),
    nationalId: codeKey(record.nationalId),
    extra,
  };
}
