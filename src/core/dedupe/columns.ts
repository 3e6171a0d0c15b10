/**
 * Which column of a table holds which part of a person, guessed from the
 * header in English, Russian, Ukrainian or Romanian ("given_name", "Имя",
 * "Prenume" → first name). Used by the command line and by anything that turns
 * rows into `PersonRecord`s. Unknown columns are compared generically
 * (`extra`); columns that say nothing about who a person is are ignored.
 */
import type { PersonRecord } from './record';

export type PersonField =
  | 'id'
  | 'firstName'
  | 'lastName'
  | 'middleName'
  | 'fullName'
  | 'company'
  | 'email'
  | 'phone'
  | 'street'
  | 'streetNumber'
  | 'city'
  | 'postcode'
  | 'region'
  | 'country'
  | 'birthDate'
  | 'nationalId'
  | 'extra'
  | 'ignore';

export const PERSON_FIELDS: ReadonlyArray<PersonField> = [
  'id',
  'firstName',
  'lastName',
  'middleName',
  'fullName',
  'company',
  'email',
  'phone',
  'street',
  'streetNumber',
  'city',
  'postcode',
  'region',
  'country',
  'birthDate',
  'nationalId',
  'extra',
  'ignore',
];

/** Header spellings (lower case, letters and digits only) per field. */
const ALIASES: Record<Exclude<PersonField, 'id' | 'extra'>, string[]> = {
  firstName: ['firstname', 'givenname', 'first', 'given', 'forename', 'fname', 'name1', 'имя', 'імя', 'prenume', 'vorname', 'prenom'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'family', 'lname', 'name2', 'фамилия', 'прізвище', 'nume', 'numedefamilie', 'nachname', 'nom'],
  middleName: ['middlename', 'middle', 'patronymic', 'secondname', 'отчество', 'побатькові'],
  fullName: [
    'name',
    'fullname',
    'firstandsurname',
    'clientname',
    'client',
    'contactname',
    'contact',
    'person',
    'customer',
    'customername',
    'фио',
    'піб',
    'имяфамилия',
    'клиент',
    'клієнт',
    'numecomplet',
    'numeprenume',
    'клиентфио',
  ],
  company: [
    'company',
    'companyname',
    'organization',
    'organisation',
    'org',
    'employer',
    'firm',
    'business',
    'компания',
    'организация',
    'компанія',
    'організація',
    'firma',
    'companie',
    'societate',
  ],
  email: [
    'email',
    'emails',
    'mail',
    'emailaddress',
    'почта',
    'электроннаяпочта',
    'емейл',
    'имейл',
    'пошта',
    'електроннапошта',
    'eпошта',
    'adresaemail',
    'emailadresa',
  ],
  phone: [
    'phone',
    'phones',
    'tel',
    'telephone',
    'mobile',
    'cell',
    'phonenumber',
    'mobilephone',
    'телефон',
    'тел',
    'мобильный',
    'мобільний',
    'моб',
    'telefon',
    'nrtelefon',
    'mobil',
  ],
  street: ['street', 'address', 'address1', 'addressline1', 'streetaddress', 'улица', 'адрес', 'вулиця', 'адреса', 'adresa', 'strada', 'strasse'],
  streetNumber: ['streetnumber', 'housenumber', 'streetno', 'houseno', 'номердома', 'дом', 'будинок', 'numar', 'nr'],
  city: ['city', 'town', 'suburb', 'locality', 'город', 'місто', 'oras', 'localitate', 'ort', 'ville'],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode', 'postcodefake', 'индекс', 'почтовыйиндекс', 'поштовийіндекс', 'індекс', 'codpostal', 'plz'],
  region: ['state', 'region', 'province', 'county', 'oblast', 'область', 'регион', 'регіон', 'край', 'judet', 'land'],
  country: ['country', 'страна', 'країна', 'tara', 'land', 'pays'],
  birthDate: [
    'dob',
    'dateofbirth',
    'birthdate',
    'birthday',
    'born',
    'birth',
    'датарождения',
    'деньрождения',
    'датанародження',
    'деньнародження',
    'datanasterii',
    'geburtsdatum',
  ],
  nationalId: [
    'socsecid',
    'ssn',
    'socialsecurity',
    'socialsecuritynumber',
    'nationalid',
    'inn',
    'taxid',
    'tin',
    'vat',
    'cnp',
    'idnp',
    'passport',
    'snils',
    'инн',
    'снилс',
    'паспорт',
    'іпн',
    'рнокпп',
    'codfiscal',
  ],
  ignore: [
    'cluster',
    'clusterid',
    'truth',
    'label',
    'matchid',
    'entityid',
    'notes',
    'note',
    'comment',
    'comments',
    'tags',
    'stage',
    'status',
    'created',
    'updated',
    'updatedby',
    'createdby',
    'manager',
    'source',
    'uniqueid',
    'recid',
    'id',
  ],
};

const FIELD_BY_ALIAS = new Map<string, PersonField>();
for (const [field, aliases] of Object.entries(ALIASES) as Array<[PersonField, string[]]>) {
  for (const alias of aliases) if (!FIELD_BY_ALIAS.has(alias)) FIELD_BY_ALIAS.set(alias, field);
}

/** Fields that hold one value: a second column with the same meaning is ignored rather than mixed in. */
const SINGLE_VALUED = new Set<PersonField>([
  'firstName',
  'lastName',
  'middleName',
  'fullName',
  'company',
  'city',
  'postcode',
  'region',
  'country',
  'birthDate',
  'nationalId',
  'streetNumber',
]);

export function headerKey(header: string): string {
  return (
    String(header ?? '')
      .toLowerCase()
      // Accents go from Latin letters only (Județ → judet); Cyrillic й, ї, ё stay themselves.
      .replace(/[\u00c0-\u024f\u1e00-\u1eff]/g, (ch) => ch.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))
      .replace(/[^a-z0-9а-яёіїєґ]/g, '')
  );
}

/** The field a header most likely holds. */
export function guessField(header: string): PersonField {
  const key = headerKey(header);
  const direct = FIELD_BY_ALIAS.get(key) ?? FIELD_BY_ALIAS.get(key.replace(/\d+$/, ''));
  if (direct) return direct;
  if (/e?mail/.test(key) || key.includes('почт') || key.includes('пошт')) return 'email';
  if (/phone|mobile|^tel/.test(key) || key.includes('телефон')) return 'phone';
  if (/postcode|postal|^zip/.test(key)) return 'postcode';
  if (/dateofbirth|birthdate|^dob/.test(key)) return 'birthDate';
  return 'extra';
}

export interface ColumnMapping {
  /** Field per column index. */
  fields: PersonField[];
}

/**
 * Maps each header to a field. The first column is the id. `overrides` maps
 * a header (as written) to a field and wins over guessing.
 */
export function mapColumns(headers: ReadonlyArray<string>, overrides: Readonly<Record<string, PersonField>> = {}): ColumnMapping {
  const overrideByKey = new Map<string, PersonField>();
  for (const [header, field] of Object.entries(overrides)) overrideByKey.set(headerKey(header), field);
  const used = new Set<PersonField>();
  const fields = headers.map((header, index): PersonField => {
    const override = overrideByKey.get(headerKey(header));
    if (override) return override;
    if (index === 0) return 'id';
    const guess = guessField(header);
    if (SINGLE_VALUED.has(guess) && used.has(guess)) return 'ignore';
    used.add(guess);
    return guess;
  });
  return { fields };
}

const MAX_CELL = 1000;

/** One table row as a `PersonRecord`; missing cells are empty, extra cells beyond the header are ignored. */
export function rowToRecord(row: ReadonlyArray<unknown>, headers: ReadonlyArray<string>, mapping: ColumnMapping, fallbackId: string): PersonRecord {
  const record: PersonRecord = { id: '' };
  let streetNumber = '';
  let street = '';
  const extra: Record<string, string> = {};
  mapping.fields.forEach((field, index) => {
    const value = String(row[index] ?? '')
      .slice(0, MAX_CELL)
      .trim();
    if (value === '') return;
    switch (field) {
      case 'id':
        record.id = value;
        break;
      case 'email':
        (record.emails ??= []).push(...value.split(/[\s,;]+/).filter(Boolean));
        break;
      case 'phone':
        (record.phones ??= []).push(
          ...value
            .split(/[,;]|\s{2,}/)
            .map((p) => p.trim())
            .filter(Boolean),
        );
        break;
      case 'street':
        street = street ? `${street} ${value}` : value;
        break;
      case 'streetNumber':
        streetNumber = value;
        break;
      case 'extra':
        extra[String(headers[index] ?? `column ${index + 1}`).trim() || `column ${index + 1}`] = value;
        break;
      case 'ignore':
        break;
      default:
        record[field] = value;
    }
  });
  if (street || streetNumber) record.street = [streetNumber, street].filter(Boolean).join(' ');
  if (Object.keys(extra).length > 0) record.extra = extra;
  if (record.id === '') record.id = fallbackId;
  return record;
}
