import { describe, expect, it } from 'vitest';
import { parseRule } from '../../../src/core/rules/parser';
import { DEFAULT_FIELDS } from '../../../src/core/schema/defaults';
import { SYSTEM_COLUMNS } from '../../../src/core/schema/field';

/** A base set up in English: the rule may still be written in Russian, Ukrainian or Romanian. */
const ENGLISH_HEADER = [...SYSTEM_COLUMNS, ...DEFAULT_FIELDS.map((f) => f.name)];
/** An adopted Russian list keeps its own headers: English rules still find them. */
const RUSSIAN_HEADER = ['ID', 'ФИО', 'Город', 'Телефон', 'Статус', 'Последний контакт', 'Отписан', 'Компания'];

function ast(rule: string, header: string[] = ENGLISH_HEADER) {
  const parsed = parseRule(rule, header);
  if (!parsed.ok) throw new Error(`${rule}: ${parsed.error.message}`);
  return parsed.rule;
}

describe('rules in the teams’ languages mean what the English rule means', () => {
  const same: [string, string][] = [
    ['Город = "Москва" и Потрачено за 30 дней > 500', 'City = "Москва" and "Spent 30d" > 500'],
    ['Місто = "Київ" або Місто = "Львів"', 'City = "Київ" or City = "Львів"'],
    ['Oraș = "Chișinău" și Etapa = "Hot"', 'City = "Chișinău" and Stage = "Hot"'],
    ['Oraş = "Iaşi" sau Etapă = "VIP"', 'City = "Iaşi" or Stage = "VIP"'],
    ['не Город = "Москва"', 'not City = "Москва"'],
    ['Телефон пусто', 'Phone is empty'],
    ['Телефон не пусто', 'Phone is not empty'],
    ['Email заполнено', 'Email is not empty'],
    ['Email не заполнено', 'Email is empty'],
    ['Telefon este gol', 'Phone is empty'],
    ['Telefon nu este gol', 'Phone is not empty'],
    ['Город в ("Москва", "Казань")', 'City in ("Москва", "Казань")'],
    ['Місто у ("Київ", "Одеса")', 'City in ("Київ", "Одеса")'],
    ['Oraș în ("Iași", "Cluj")', 'City in ("Iași", "Cluj")'],
    ['Компания содержит "ромашка"', 'Company contains "ромашка"'],
    ['Компанія містить "ТОВ"', 'Company contains "ТОВ"'],
    ['Companie conține "SRL"', 'Company contains "SRL"'],
    ['Компания начинается с "ООО"', 'Company starts with "ООО"'],
    ['Компания не начинается с "ООО"', 'Company not starts with "ООО"'],
    ['Компанія починається з "ТОВ"', 'Company starts with "ТОВ"'],
    ['Companie începe cu "SC"', 'Company starts with "SC"'],
    ['"Последний контакт" более 90 дней назад', '"Last contact" more than 90 days ago'],
    ['"Последний контакт" больше чем 3 месяцев назад', '"Last contact" more than 3 months ago'],
    ['"Останній контакт" понад 90 днів тому', '"Last contact" more than 90 days ago'],
    ['"Ultimul contact" mai vechi de 90 de zile', '"Last contact" more than 90 days ago'],
    ['"Последний контакт" за последние 30 дней', '"Last contact" within last 30 days'],
    ['"Последний контакт" в течение последних 2 недель', '"Last contact" within the last 2 weeks'],
    ['"Останній контакт" протягом останніх 30 днів', '"Last contact" within last 30 days'],
    ['"Ultimul contact" în ultimele 30 de zile', '"Last contact" within last 30 days'],
    ['"Дата рождения" в ближайшие 7 дней', 'Birthday within next 7 days'],
    ['"Дата народження" у найближчі 7 днів', 'Birthday within next 7 days'],
    ['"Data nașterii" în următoarele 7 zile', 'Birthday within next 7 days'],
    ['"Последний контакт" до 2025-01-01', '"Last contact" before 2025-01-01'],
    ['"Останній контакт" після 2025-01-01', '"Last contact" after 2025-01-01'],
    ['"Ultimul contact" înainte de 2025-01-01', '"Last contact" before 2025-01-01'],
    ['Отписан = да', '"Opt-out" = true'],
    ['Відписався = ні', '"Opt-out" = false'],
    ['Dezabonat = adevărat', '"Opt-out" = true'],
    ['Последняя покупка за последние 30 дней и Потрачено > 100', '"Last purchase" within last 30 days and Spent > 100'],
    ['"Остання покупка" понад 1 рік тому', '"Last purchase" more than 1 year ago'],
    ['Cheltuit în 90 de zile > 500 și Achiziții >= 2', '"Spent 90d" > 500 and Purchases >= 2'],
  ];
  it.each(same)('%s', (local, english) => {
    expect(ast(local)).toEqual(ast(english));
  });

  it('finds an adopted list’s own headers by their English names, and the other way round', () => {
    expect(ast('City = "St. Petersburg" and Stage = "Hot"', RUSSIAN_HEADER)).toEqual(ast('Город = "St. Petersburg" и Статус = "Hot"', RUSSIAN_HEADER));
    expect(ast('"Opt-out" = true', RUSSIAN_HEADER)).toEqual({
      kind: 'compare',
      operand: { kind: 'field', name: 'Отписан' },
      op: '=',
      value: { type: 'boolean', value: true },
    });
  });

  it('a column the sheet really has wins over an alias of another one', () => {
    const header = ['ID', 'City', 'Город'];
    expect(ast('Город = "x"', header)).toMatchObject({ operand: { kind: 'field', name: 'Город' } });
    expect(ast('City = "x"', header)).toMatchObject({ operand: { kind: 'field', name: 'City' } });
  });

  it('keeps English grammar strict: "more than 90 days" without "ago" is still an error', () => {
    const parsed = parseRule('"Last contact" more than 90 days', ENGLISH_HEADER);
    expect(parsed.ok).toBe(false);
  });

  it('keyword-looking words inside quoted values stay values', () => {
    expect(ast('Notes = "и или не"')).toEqual({
      kind: 'compare',
      operand: { kind: 'field', name: 'Notes' },
      op: '=',
      value: { type: 'text', value: 'и или не' },
    });
  });

  it('reports an unknown Cyrillic field by name, with the words as typed', () => {
    const parsed = parseRule('Гoрод = "Москва" и Абракадабра = 5', ENGLISH_HEADER);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toContain('Абракадабра');
  });
});
