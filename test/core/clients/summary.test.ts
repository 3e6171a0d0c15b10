import { describe, expect, it } from 'vitest';
import { summarize, summaryLabel, summaryReader } from '../../../src/core/clients/summary';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';

const renamed = DEFAULT_FIELDS.map((f) => (f.key === 'firstName' ? { ...f, name: 'Имя' } : f.key === 'lastName' ? { ...f, name: 'Фамилия' } : f));

describe('client summaries', () => {
  it('reads the parts by field key, so renamed columns still name the client', () => {
    const read = summaryReader(renamed, ['ID', 'Фамилия', 'Имя', 'Company', 'Email', 'Phone', 'Stage']);
    expect(read(['C-1', ' Петров ', 'Саша', 'Вектор', 'a@b.ru', '+7 916', 'Hot'])).toEqual({
      person: 'Саша Петров',
      company: 'Вектор',
      email: 'a@b.ru',
      phone: '+7 916',
      stage: 'Hot',
    });
  });

  it('falls back from the person to the company, the email and the ID', () => {
    const read = summaryReader(DEFAULT_FIELDS, ['ID', 'First name', 'Company', 'Email']);
    expect(summaryLabel(read(['C-1', '', 'Acme', 'x@y.z']), 'C-1')).toBe('Acme');
    expect(summaryLabel(read(['C-2', '', '', 'x@y.z']), 'C-2')).toBe('x@y.z');
    expect(summaryLabel(read(['C-3', '', '', '']), 'C-3')).toBe('C-3');
  });

  it('gives the same answer from values by field name as from a row', () => {
    expect(summarize(renamed, { Имя: 'Ana', Фамилия: 'Pop', Email: '<img src=x>' })).toMatchObject({ person: 'Ana Pop', email: '<img src=x>', company: '' });
  });
});
