import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reasonText } from '../../../sidebar/i18n/reasons';
import { findDuplicates } from '../../../src/core/dedupe/engine';

describe('duplicate reasons in the Russian sidebar', () => {
  it.each([
    ['same phone', 'совпадает: телефон'],
    ['nickname match on first name (Саша = Александр)', 'уменьшительная форма: имя (Саша = Александр)'],
    ['Cyrillic/Latin spelling of last name', 'фамилия кириллицей и латиницей'],
    ['different email', 'различается: email'],
    ['same last name (a common one)', 'совпадает: фамилия (частое)'],
    ['date of birth one digit apart', 'отличается на один знак: дата рождения'],
    ['first and last name swapped', 'имя и фамилия переставлены'],
    ['email nearly the same (ana@x.ro / anna@x.ro)', 'почти совпадает: email (ana@x.ro / anna@x.ro)'],
    ["different first name: a man's and a woman's (Александр / Александра), two people", 'мужское и женское имя (Александр / Александра): два человека'],
    [
      'different middle name (Петрович / Иванович): father and son or brothers, not one person',
      'разные отчества (Петрович / Иванович): отец и сын или братья, не один человек',
    ],
    ["same company mailbox (info@x.ru), not a person's", 'общий ящик компании (info@x.ru), не личный'],
    ['different first name initial', 'различается: инициал имени'],
  ])('rewords %j', (english, russian) => expect(reasonText(english, 'ru')).toBe(russian));

  it('leaves English alone and never loses a reason it does not know', () => {
    expect(reasonText('same phone', 'en')).toBe('same phone');
    expect(reasonText('a brand new kind of evidence', 'ru')).toBe('a brand new kind of evidence');
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (s) => typeof reasonText(s, 'ru') === 'string' && reasonText(s, 'ru').length > 0 === s.length > 0));
  });

  it('covers what the engine says about relatives and shared lines', () => {
    const { pairs } = findDuplicates(
      [
        {
          id: 'a',
          firstName: 'Александр',
          middleName: 'Петрович',
          lastName: 'Петров',
          phones: ['+7 916 123-45-67'],
          emails: ['info@firma.ru'],
          birthDate: '1971',
        },
        {
          id: 'b',
          firstName: 'Александра',
          middleName: 'Ивановна',
          lastName: 'Петрова',
          phones: ['8 (916) 123-45-67'],
          emails: ['info@firma.ru'],
          birthDate: '1971-06',
        },
        {
          id: 'c',
          firstName: 'Иван',
          middleName: 'Иванович',
          lastName: 'Петров',
          phones: ['+7 916 123-45-67'],
          emails: ['info@firma.ru'],
          birthDate: '24.06.1971',
        },
      ],
      { possibleThreshold: 0 },
    );
    const reasons = pairs.flatMap((p) => p.reasons);
    for (const r of reasons) expect(reasonText(r, 'ru'), r).not.toMatch(/[a-z]{4,} [a-z]{4,}/);
    for (const r of reasons) expect(reasonText(r, 'uk'), r).not.toMatch(/[a-z]{4,} [a-z]{4,}/);
    for (const r of reasons) expect(reasonText(r, 'ro'), r).not.toBe(r);
  });

  it('words the household, office and generation reasons', () => {
    expect(reasonText('different first and last name: two people', 'ru')).toBe('другие имя и фамилия: два человека');
    expect(reasonText('born 28 years apart: parent and child, or a wrong date', 'ru')).toBe(
      'родились с разницей в 28 лет: родитель и ребёнок или ошибка в дате',
    );
    expect(reasonText('different first name (Оксана / Олександра)', 'ru')).toBe('различается: имя (Оксана / Олександра)');
    expect(reasonText('only the names and the town agree: namesakes as often as one person', 'ru')).toBe(
      'совпадают только имя, фамилия и город: так же часто это тёзки',
    );
    expect(reasonText('the shared line, address and company count once: an office or household line', 'ru')).not.toMatch(/[a-z]{4,} [a-z]{4,}/);
  });

  it('covers what the engine actually says about typical duplicates', () => {
    const { pairs } = findDuplicates([
      { id: 'a', firstName: 'Александр', lastName: 'Петров', phones: ['+7 916 123-45-67'], emails: ['a.petrov@gmail.com'], birthDate: '1971-06-24' },
      { id: 'b', firstName: 'Sasha', lastName: 'Petrov', phones: ['8 (916) 123-45-67'], emails: ['apetrov@gmail.com'], birthDate: '1971-06-25' },
      { id: 'c', firstName: 'Ion', lastName: 'Popescu', city: 'Iași', emails: ['ion@x.ro'] },
      { id: 'd', firstName: 'Popescu', lastName: 'Ion', city: 'Iasi', emails: ['ion@x.ro'] },
    ]);
    const reasons = pairs.flatMap((p) => p.reasons);
    expect(reasons.length).toBeGreaterThan(3);
    for (const r of reasons) expect(reasonText(r, 'ru'), r).not.toBe(r);
    for (const r of reasons) expect(reasonText(r, 'uk'), r).not.toBe(r);
    for (const r of reasons) expect(reasonText(r, 'ro'), r).not.toBe(r);
  });

  it.each([
    'the shared phone, email and address count once: one household or office, and the names say two people',
    'the shared line, address and company count once: an office or household line',
    'only the names and the town agree: namesakes as often as one person',
    'different first and last name: two people',
    'born 28 years apart: parent and child, or a wrong date',
    'different first name (Оксана / Олександра)',
    'a name typed in the other field (Ion / Popescu)',
    'date of birth within weeks',
    'date of birth similar (year one digit off)',
  ])('words the newer engine reason %j in ru, uk and ro', (english) => {
    for (const locale of ['ru', 'uk', 'ro'] as const) {
      const text = reasonText(english, locale);
      expect(text, locale).not.toBe(english);
      expect(text, locale).not.toMatch(/\b(the|and|or|of|one|two|name|year|field|similar|different|born|shared|count)\b/);
    }
  });

  it('counts the years in uk and ro as the grammar wants', () => {
    expect(reasonText('born 21 years apart: parent and child, or a wrong date', 'uk')).toContain('21 рік');
    expect(reasonText('born 23 years apart: parent and child, or a wrong date', 'uk')).toContain('23 роки');
    expect(reasonText('born 15 years apart: parent and child, or a wrong date', 'uk')).toContain('15 років');
    expect(reasonText('born 15 years apart: parent and child, or a wrong date', 'ro')).toContain('la 15 ani');
    expect(reasonText('born 28 years apart: parent and child, or a wrong date', 'ro')).toContain('la 28 de ani');
  });

  it.each([
    ['uk', 'same phone', 'збігається: телефон'],
    ['uk', 'nickname match on first name (Саша = Александр)', "зменшувальна форма: ім'я (Саша = Александр)"],
    ['ro', 'same phone', 'coincide: telefonul'],
    ['ro', 'first and last name swapped', 'prenume și nume inversate'],
  ] as const)('rewords in %s: %j', (locale, english, text) => expect(reasonText(english, locale)).toBe(text));
});
