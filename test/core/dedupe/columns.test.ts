import { describe, expect, it } from 'vitest';
import { guessField, mapColumns, rowToRecord } from '../../../src/core/dedupe/columns';

describe('guessField', () => {
  it.each([
    ['given_name', 'firstName'],
    ['First Name', 'firstName'],
    ['Имя', 'firstName'],
    ['Prenume', 'firstName'],
    ['surname', 'lastName'],
    ['last_name', 'lastName'],
    ['Фамилия', 'lastName'],
    ['Прізвище', 'lastName'],
    ['Nume', 'lastName'],
    ['Отчество', 'middleName'],
    ['ФИО', 'fullName'],
    ['full_name', 'fullName'],
    ['dob', 'birthDate'],
    ['date_of_birth', 'birthDate'],
    ['Birthday', 'birthDate'],
    ['Дата рождения', 'birthDate'],
    ['E-mail', 'email'],
    ['Email 2', 'email'],
    ['Почта', 'email'],
    ['Телефон', 'phone'],
    ['Mobile phone', 'phone'],
    ['postcode', 'postcode'],
    ['ZIP', 'postcode'],
    ['city', 'city'],
    ['suburb', 'city'],
    ['Oraș', 'city'],
    ['address_1', 'street'],
    ['street_number', 'streetNumber'],
    ['state', 'region'],
    ['Județ', 'region'],
    ['soc_sec_id', 'nationalId'],
    ['ИНН', 'nationalId'],
    ['SSN', 'nationalId'],
    ['Company', 'company'],
    ['ООО / компания', 'extra'],
    ['cluster', 'ignore'],
    ['Notes', 'ignore'],
    ['gender', 'extra'],
    ['occupation', 'extra'],
  ])('%s → %s', (header, field) => {
    expect(guessField(header)).toBe(field);
  });
});

describe('mapColumns / rowToRecord', () => {
  it('uses the first column as id, joins street number and street, splits several emails', () => {
    const headers = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'email', 'phone'];
    const mapping = mapColumns(headers);
    const record = rowToRecord(['r1', 'Ann', 'Lee', '5', 'Main St', 'a@x.com; b@y.com', '+1 202 555 0100'], headers, mapping, 'row 2');
    expect(record).toEqual({ id: 'r1', firstName: 'Ann', lastName: 'Lee', street: '5 Main St', emails: ['a@x.com', 'b@y.com'], phones: ['+1 202 555 0100'] });
  });

  it('lets overrides win and ignores a second column of a single-valued field', () => {
    const headers = ['id', 'name', 'first_and_surname', 'Kod'];
    const mapping = mapColumns(headers, { Kod: 'nationalId' });
    expect(mapping.fields).toEqual(['id', 'fullName', 'ignore', 'nationalId']);
  });

  it('survives ragged rows and huge cells', () => {
    const headers = ['id', 'first_name', 'surname'];
    const mapping = mapColumns(headers);
    expect(rowToRecord([], headers, mapping, 'row 9')).toEqual({ id: 'row 9' });
    const long = rowToRecord(['x', 'y'.repeat(50_001), 'z', 'extra cell'], headers, mapping, 'row 3');
    expect(long.firstName!.length).toBeLessThanOrEqual(1000);
  });
});
