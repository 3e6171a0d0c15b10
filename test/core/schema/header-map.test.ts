import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectHeaderRow, headerKey, proposeMapping, proposeSheetMapping, type HeaderMapping } from '../../../src/core/schema/header-map';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import type { FieldDef } from '../../../src/core/schema/field';

/** header → "Field name" (or "Field name+split"), unmapped headers omitted. */
function mapped(mapping: HeaderMapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of mapping.columns) if (c.field) out[c.header] = c.field + (c.splitFullName ? '+split' : '');
  return out;
}
const map = (headers: string[]) => mapped(proposeMapping(headers, DEFAULT_FIELDS));

describe('headerKey', () => {
  it('ignores case, spaces, punctuation and diacritics, and folds look-alike letters', () => {
    expect(headerKey(' E-Mail ')).toBe(headerKey('email'));
    expect(headerKey('Oraș')).toBe(headerKey('Oras'));
    expect(headerKey('Oraş')).toBe(headerKey('Oraș')); // cedilla and comma below
    expect(headerKey('Тeлeфoн')).toBe(headerKey('Телефон')); // Latin e and o typed inside Cyrillic
    expect(headerKey("Ім'я")).toBe(headerKey('Імя'));
  });
});

describe('proposeMapping', () => {
  it('maps a Bitrix24-like contact export (Russian)', () => {
    expect(
      map([
        'ID',
        'Обращение',
        'Имя',
        'Отчество',
        'Фамилия',
        'Дата рождения',
        'Должность',
        'Компания',
        'Рабочий телефон',
        'Мобильный телефон',
        'Рабочий e-mail',
        'Частный e-mail',
        'Адрес',
        'Город',
        'Ответственный',
        'Источник',
        'Комментарий',
        'Дата создания',
      ]),
    ).toEqual({
      Имя: 'First name',
      Фамилия: 'Last name',
      'Дата рождения': 'Birthday',
      Должность: 'Position',
      Компания: 'Company',
      'Рабочий телефон': 'Phone',
      'Рабочий e-mail': 'Email',
      Адрес: 'Address',
      Город: 'City',
      Ответственный: 'Manager',
      Источник: 'Source',
      Комментарий: 'Notes',
    });
  });

  it('maps an amoCRM-like export with a full-name column', () => {
    expect(
      map(['Полное имя контакта', 'Компания контакта', 'Рабочий телефон', 'Рабочий email', 'Должность', 'Ответственный', 'Теги', 'Примечание', 'Этап']),
    ).toEqual({
      'Полное имя контакта': 'First name+split',
      'Компания контакта': 'Company',
      'Рабочий телефон': 'Phone',
      'Рабочий email': 'Email',
      Должность: 'Position',
      Ответственный: 'Manager',
      Теги: 'Tags',
      Примечание: 'Notes',
      Этап: 'Stage',
    });
  });

  it('maps a HubSpot-like export (English)', () => {
    expect(
      map([
        'Record ID',
        'First Name',
        'Last Name',
        'Email',
        'Phone Number',
        'Mobile Phone Number',
        'Company Name',
        'Job Title',
        'Lifecycle Stage',
        'Contact owner',
        'Street Address',
        'City',
        'State/Region',
        'Postal Code',
        'Country/Region',
        'Original Source',
        'Last Contacted',
        'Create Date',
      ]),
    ).toEqual({
      'First Name': 'First name',
      'Last Name': 'Last name',
      Email: 'Email',
      'Phone Number': 'Phone',
      'Company Name': 'Company',
      'Job Title': 'Position',
      'Lifecycle Stage': 'Stage',
      'Contact owner': 'Manager',
      'Street Address': 'Address',
      City: 'City',
      'State/Region': 'Region',
      'Postal Code': 'Postal code',
      'Country/Region': 'Country',
      'Original Source': 'Source',
      'Last Contacted': 'Last contact',
    });
  });

  it('maps a Google Contacts export', () => {
    expect(
      map([
        'Name',
        'Given Name',
        'Additional Name',
        'Family Name',
        'Birthday',
        'Gender',
        'Notes',
        'Group Membership',
        'E-mail 1 - Type',
        'E-mail 1 - Value',
        'Phone 1 - Type',
        'Phone 1 - Value',
        'Organization 1 - Name',
        'Organization 1 - Title',
        'Address 1 - City',
      ]),
    ).toEqual({
      'Given Name': 'First name',
      'Family Name': 'Last name',
      Birthday: 'Birthday',
      Gender: 'Gender',
      Notes: 'Notes',
      'Group Membership': 'Tags',
      'E-mail 1 - Value': 'Email',
      'Phone 1 - Value': 'Phone',
      'Organization 1 - Name': 'Company',
      'Organization 1 - Title': 'Position',
      'Address 1 - City': 'City',
    });
  });

  it('maps a hand-made Ukrainian sheet', () => {
    expect(map(['ПІБ', 'Ел. пошта', 'Тел.', 'Організація', 'ЄДРПОУ', 'Місто', 'Область', 'Дата народження', 'Відповідальний', 'Примітки'])).toEqual({
      ПІБ: 'First name+split',
      'Ел. пошта': 'Email',
      'Тел.': 'Phone',
      Організація: 'Company',
      ЄДРПОУ: 'Tax ID',
      Місто: 'City',
      Область: 'Region',
      'Дата народження': 'Birthday',
      Відповідальний: 'Manager',
      Примітки: 'Notes',
    });
  });

  it('maps a hand-made Romanian sheet: Nume is the surname next to Prenume', () => {
    expect(map(['Nume', 'Prenume', 'Firma', 'CUI', 'Telefon', 'Adresa', 'Oraș', 'Județ', 'Cod poștal', 'Data nașterii', 'E-mail'])).toEqual({
      Nume: 'Last name',
      Prenume: 'First name',
      Firma: 'Company',
      CUI: 'Tax ID',
      Telefon: 'Phone',
      Adresa: 'Address',
      Oraș: 'City',
      Județ: 'Region',
      'Cod poștal': 'Postal code',
      'Data nașterii': 'Birthday',
      'E-mail': 'Email',
    });
    expect(map(['Nume complet', 'Companie', 'Telefon'])).toEqual({ 'Nume complet': 'First name+split', Companie: 'Company', Telefon: 'Phone' });
    expect(map(['Nume', 'Telefon'])).toEqual({ Nume: 'First name+split', Telefon: 'Phone' });
  });

  it('treats "Name" as the first name beside a surname column and as the full name alone', () => {
    expect(map(['Name', 'Surname'])).toEqual({ Name: 'First name', Surname: 'Last name' });
    expect(map(['Name', 'Email'])).toEqual({ Name: 'First name+split', Email: 'Email' });
    expect(map(['ФИО', 'Имя'])).toEqual({ Имя: 'First name' });
    expect(map(['Клиент', 'Моб.', 'Эл. почта', 'Фирма', 'ИНН', 'Статус'])).toEqual({
      Клиент: 'First name+split',
      'Моб.': 'Phone',
      'Эл. почта': 'Email',
      Фирма: 'Company',
      ИНН: 'Tax ID',
      Статус: 'Stage',
    });
  });

  it('reports how sure each match is, and maps each field at most once', () => {
    const mapping = proposeMapping(['email', 'E-mail', 'Emial adress', 'Телфон', 'Телефон 2', 'Favourite colour'], DEFAULT_FIELDS);
    expect(mapping.columns.map((c) => [c.header, c.field, c.confidence])).toEqual([
      ['email', 'Email', 'exact'],
      ['E-mail', undefined, 'none'],
      ['Emial adress', undefined, 'none'],
      ['Телфон', 'Phone', 'fuzzy'],
      ['Телефон 2', undefined, 'none'],
      ['Favourite colour', undefined, 'none'],
    ]);
    expect(mapped(proposeMapping(['Emial adress'], DEFAULT_FIELDS))).toEqual({ 'Emial adress': 'Email' });
  });

  it('prefers the exact name of a renamed field, and keeps custom fields', () => {
    const fields: FieldDef[] = [
      ...DEFAULT_FIELDS.map((f) => (f.key === 'phone' ? { ...f, name: 'Мобильный' } : f)),
      { name: 'Размер обуви', type: 'number', required: false, options: [], unique: false, help: '' },
    ];
    expect(mapped(proposeMapping(['Телефон', 'Мобильный', 'размер  обуви'], fields))).toEqual({ Мобильный: 'Мобильный', 'размер  обуви': 'Размер обуви' });
  });

  it('keeps blank, hostile and duplicate headers unmapped but present', () => {
    const headers = ['', '=HYPERLINK("x")', '<img src=x onerror=alert(1)>', '😀', 'x'.repeat(50_001), 'Email', 'Email'];
    const mapping = proposeMapping(headers, DEFAULT_FIELDS);
    expect(mapping.columns).toHaveLength(headers.length);
    expect(mapping.columns.map((c) => c.field)).toEqual([undefined, undefined, undefined, undefined, undefined, 'Email', undefined]);
  });

  it('never maps two columns to one field, on any headers', () => {
    const synonyms = ['Имя', 'Name', 'ФИО', 'Email', 'E-mail', 'Тел.', 'Phone', 'Nume', 'Prenume', 'Firma', 'Company', 'Surname', 'Full name', 'Notes'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...synonyms), fc.string({ maxLength: 12 })), { maxLength: 15 }), (headers) => {
        const mapping = proposeMapping(headers, DEFAULT_FIELDS);
        const used = mapping.columns.filter((c) => c.field).map((c) => c.field);
        expect(new Set(used).size).toBe(used.length);
        const split = mapping.columns.filter((c) => c.splitFullName);
        if (split.length) expect(used.filter((f) => f === 'First name' || f === 'Last name')).toEqual(['First name']);
        expect(mapping.columns.map((c) => c.header)).toEqual(headers);
      }),
    );
  });
});

describe('detectHeaderRow', () => {
  it('skips a title line and blank lines', () => {
    const rows = [
      ['Список клиентов на 01.03.2024', '', ''],
      ['', '', ''],
      ['ФИО', 'Телефон', 'E-mail'],
      ['Петров Иван', '+7 916 123-45-67', 'ivan@mail.ru'],
    ];
    expect(detectHeaderRow(rows)).toBe(2);
    expect(proposeSheetMapping(rows, DEFAULT_FIELDS).headerRow).toBe(2);
  });

  it('finds a header of custom words above rows of data', () => {
    const rows = [
      ['Report', '', '', ''],
      ['Kundenname', 'Handy', 'Umsatz', 'Stadt'],
      ['Hans Meier', '+49 151 1234567', 1200, 'Berlin'],
      ['Eva Schmidt', '+49 151 7654321', 800, 'Hamburg'],
    ];
    expect(detectHeaderRow(rows)).toBe(1);
  });

  it('says 0 for a sheet that starts with its header, an empty sheet, or junk', () => {
    expect(
      detectHeaderRow([
        ['Name', 'Email'],
        ['A', 'a@b.c'],
      ]),
    ).toBe(0);
    expect(detectHeaderRow([])).toBe(0);
    expect(
      detectHeaderRow([
        [1, 2, 3],
        [new Date(), 5],
      ]),
    ).toBe(0);
  });
});

describe('qualified headers from CRM and address-book exports', () => {
  const mapped = (headers: string[]) => Object.fromEntries(proposeMapping(headers, DEFAULT_FIELDS).columns.map((c) => [c.header, c.field ?? null]));

  it('reads amoCRM-style headers with qualifiers and the entity in parentheses', () => {
    expect(
      mapped(['Полное имя контакта', 'Должность (контакт)', 'Рабочий телефон (контакт)', 'Мобильный телефон (контакт)', 'Рабочий email (контакт)']),
    ).toMatchObject({
      'Должность (контакт)': 'Position',
      'Рабочий телефон (контакт)': 'Phone',
      'Мобильный телефон (контакт)': null, // one Phone field: the second number is kept as an extra column
      'Рабочий email (контакт)': 'Email',
    });
  });

  it('reads Google Contacts headers, but never maps a "… - Type" column', () => {
    expect(mapped(['Given Name', 'Family Name', 'E-mail 1 - Type', 'E-mail 1 - Value', 'Phone 1 - Type', 'Phone 1 - Value', 'Address 1 - Formatted'])).toEqual({
      'Given Name': 'First name',
      'Family Name': 'Last name',
      'E-mail 1 - Type': null,
      'E-mail 1 - Value': 'Email',
      'Phone 1 - Type': null,
      'Phone 1 - Value': 'Phone',
      'Address 1 - Formatted': 'Address',
    });
  });

  it('reads a hand-made Romanian sheet', () => {
    expect(mapped(['Nr.', 'Nume și prenume', 'Telefon mobil', 'Adresă e-mail', 'Localitate', 'Județ', 'Cod fiscal (CUI)'])).toMatchObject({
      'Nr.': null,
      'Telefon mobil': 'Phone',
      'Adresă e-mail': 'Email',
      Localitate: 'City',
      Județ: 'Region',
      'Cod fiscal (CUI)': 'Tax ID',
    });
  });
});
