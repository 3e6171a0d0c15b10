/**
 * Which column of a companies table holds what, guessed from the header in
 * English, Russian, Ukrainian or Romanian ("Название", "ЄДРПОУ", "Denumire",
 * "IDNO" …), for `clientbase dedupe --companies` and a Companies tab.
 */
import type { CompanyRecord } from './company-records';
import { headerKey } from './columns';

export type CompanyField = 'id' | 'name' | 'taxId' | 'street' | 'city' | 'postcode' | 'country' | 'phone' | 'email' | 'site' | 'ignore';

export const COMPANY_FIELDS: ReadonlyArray<CompanyField> = ['id', 'name', 'taxId', 'street', 'city', 'postcode', 'country', 'phone', 'email', 'site', 'ignore'];

const ALIASES: Record<Exclude<CompanyField, 'id' | 'ignore'>, string[]> = {
  name: [
    'name',
    'company',
    'companyname',
    'organization',
    'organisation',
    'org',
    'firm',
    'business',
    'legalname',
    'название',
    'наименование',
    'компания',
    'организация',
    'назва',
    'компанія',
    'організація',
    'denumire',
    'firma',
    'companie',
    'societate',
  ],
  taxId: [
    'taxid',
    'tin',
    'vat',
    'vatnumber',
    'inn',
    'инн',
    'іпн',
    'edrpou',
    'єдрпоу',
    'кодєдрпоу',
    'едрпоу',
    'idno',
    'cui',
    'cif',
    'codfiscal',
    'ogrn',
    'огрн',
    'registrationnumber',
    'companynumber',
  ],
  street: ['street', 'address', 'address1', 'addressline1', 'адрес', 'улица', 'адреса', 'вулиця', 'adresa', 'strada', 'legaladdress', 'юридическийадрес'],
  city: ['city', 'town', 'locality', 'город', 'місто', 'oras', 'localitate'],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode', 'индекс', 'індекс', 'codpostal'],
  country: ['country', 'страна', 'країна', 'tara'],
  phone: ['phone', 'phones', 'tel', 'telephone', 'officephone', 'телефон', 'тел', 'telefon'],
  email: ['email', 'emails', 'mail', 'почта', 'пошта', 'электроннаяпочта', 'електроннапошта'],
  site: ['site', 'website', 'web', 'url', 'www', 'domain', 'homepage', 'сайт', 'вебсайт', 'домен', 'siteweb', 'pagina'],
};

const FIELD_BY_ALIAS = new Map<string, CompanyField>();
for (const [field, aliases] of Object.entries(ALIASES) as Array<[CompanyField, string[]]>) for (const alias of aliases) FIELD_BY_ALIAS.set(alias, field);

/** Field per column; the first column is the id; a second column of a single-valued field is ignored. */
export function mapCompanyColumns(headers: ReadonlyArray<string>): CompanyField[] {
  const used = new Set<CompanyField>();
  return headers.map((header, index): CompanyField => {
    if (index === 0) return 'id';
    const key = headerKey(header);
    const field = FIELD_BY_ALIAS.get(key) ?? FIELD_BY_ALIAS.get(key.replace(/\d+$/, '')) ?? 'ignore';
    if (field !== 'phone' && field !== 'email' && field !== 'street' && used.has(field)) return 'ignore';
    used.add(field);
    return field;
  });
}

const MAX_CELL = 1000;

export function rowToCompany(row: ReadonlyArray<unknown>, fields: ReadonlyArray<CompanyField>, fallbackId: string): CompanyRecord {
  const record: CompanyRecord = { id: '' };
  fields.forEach((field, index) => {
    const value = String(row[index] ?? '')
      .slice(0, MAX_CELL)
      .trim();
    if (value === '' || field === 'ignore') return;
    if (field === 'phone')
      (record.phones ??= []).push(
        ...value
          .split(/[,;]|\s{2,}/)
          .map((p) => p.trim())
          .filter(Boolean),
      );
    else if (field === 'email') (record.emails ??= []).push(...value.split(/[\s,;]+/).filter(Boolean));
    else if (field === 'street') record.street = record.street ? `${record.street} ${value}` : value;
    else record[field] = value;
  });
  if (record.id === '') record.id = fallbackId;
  return record;
}
