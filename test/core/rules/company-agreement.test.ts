/**
 * `Company.<field>` in both back ends: compileRule (src/core) and the live
 * formula evaluated by the emulator's formula engine must select the same
 * people on generated data: links written in other case or with spaces, links
 * to no company, companies with a blank or repeated ID, IDs with wildcard
 * characters, and company cells of every kind (numbers as text, dates, places
 * in several spellings, hostile text).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormula } from '../../../emulator/formula/evaluate';
import { compileRule } from '../../../src/core/rules/evaluate';
import { parseRule, type RuleOptions } from '../../../src/core/rules/parser';
import { ruleErrorText } from '../../../src/core/rules/error-words';
import { ruleToFormula } from '../../../src/core/rules/to-formula';
import { arrayContext, columnLetter } from '../../emulator/formula/array-context';

const DAY = 86_400_000;
const TODAY_UTC = Date.UTC(2025, 5, 15);
const CLIENTS = ['ID', 'Name', 'Stage', 'Company ID'];
const COMPANIES = ['ID', 'Name', 'City', 'Stage', 'Rating', 'Joined'];
const TEXTS = ['VIP', 'vip ', 'Hot', 'St. Petersburg', 'СПб', 'Санкт-Петербург', 'Moscow', 'г. Москва', 'Ромашка', '=1+1', '<b>x</b>', '😀', '*', ''];
const LINKS = ['co1', 'CO1', ' co2 ', 'co3', 'co4', 'co?5', 'co*6', '*', 'nope', '', ''];
const COMPANY_IDS = ['co1', 'co2', 'Co3', 'co3', '', 'co5', 'co?5', 'co*6', 'co4'];

const number = fc.oneof(
  fc.integer({ min: -5, max: 10 }),
  fc.integer({ min: -500, max: 500 }).map((n) => n / 100),
);
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.constantFrom(...TEXTS) },
  { weight: 3, arbitrary: number },
  { weight: 2, arbitrary: number.map((n) => String(n).replace('.', ',')) },
  { weight: 2, arbitrary: fc.integer({ min: -400, max: 100 }).map((d) => new Date(TODAY_UTC + d * DAY)) },
  { weight: 1, arbitrary: fc.integer({ min: -400, max: 100 }).map((d) => new Date(TODAY_UTC + d * DAY).toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.boolean() },
);

const people = fc
  .array(fc.tuple(cell, cell, fc.constantFrom(...LINKS)), { minLength: 6, maxLength: 20 })
  .map((rows) => rows.map(([name, stage, link], i) => [i % 9 === 8 ? '' : `c${i}`, name, stage, link]));
const companies = fc
  .array(fc.tuple(fc.constantFrom(...COMPANY_IDS), cell, cell, cell, cell, cell), { minLength: 0, maxLength: 10 })
  .map((rows) => rows.map((r) => [...r]));

const text = fc.constantFrom(...TEXTS.filter((t) => t !== '').map((t) => `"${t.replace(/"/g, '""')}"`), '""');
const operand = fc.constantFrom(
  'Company.Name',
  'Company.City',
  'company.stage',
  'Company.Rating',
  '"Company.Joined"',
  'Компания.Рейтинг',
  'Компанія.Назва',
  'Compania.Oraș',
  'Stage',
);
const test = fc.oneof(
  fc.tuple(fc.constantFrom('=', '!='), fc.oneof(text, number.map(String))).map(([op, v]) => `${op} ${v}`),
  fc.tuple(fc.constantFrom('<', '<=', '>', '>='), number.map(String)).map(([op, v]) => `${op} ${v}`),
  text.map((v) => `contains ${v}`),
  fc.constantFrom('is empty', 'is not empty', 'within last 30 days', 'more than 3 months ago', 'in ("VIP", "Hot")', 'in ("St. Petersburg", "Moscow")'),
);
const condition = fc.tuple(operand, test).map(([o, t]) => `${o} ${t}`);
const rule = fc
  .array(fc.tuple(condition, fc.constantFrom('and', 'or', 'and not')), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([c, op], i) => (i === 0 ? c : `${op} ${c}`)).join(' '));

const letters = (header: string[]) => Object.fromEntries(header.map((h, i) => [h, columnLetter(i)]));
const layout = {
  sheet: 'Clients',
  columns: letters(CLIENTS),
  firstDataRow: 2,
  companies: { sheet: 'Companies', id: 'A', columns: letters(COMPANIES), firstDataRow: 2, link: 'D' },
};

describe('Company.<field>: compileRule and the live formula agree', () => {
  it('select the same people on generated people, companies and rules', () => {
    const selected = { none: 0, some: 0, all: 0 };
    fc.assert(
      fc.property(people, companies, rule, fc.constantFrom('UTC', 'Europe/Moscow'), (rows, firms, text, timeZone) => {
        const parsed = parseRule(text, CLIENTS, { companyFields: COMPANIES });
        if (!parsed.ok) throw new Error(`generated rule did not parse: ${text}\n${parsed.error.message}`);
        const today = new Date(TODAY_UTC + 10 * 3_600_000);
        const predicate = compileRule(parsed.rule, CLIENTS, { today, timeZone, companies: { header: COMPANIES, rows: firms } });
        const fromCore = rows.filter((r) => predicate(r)).map((r) => r[0]);
        const formula = ruleToFormula(parsed.rule, layout);
        const ctx = arrayContext({ Clients: [CLIENTS, ...rows], Companies: [COMPANIES, ...firms] }, today, timeZone);
        const result = evaluateFormula(formula, ctx);
        const fromFormula = result.length === 1 && result[0][0] === '' ? [] : result.map((r) => r[0]);
        expect(fromFormula, `${text}\n${formula}`).toEqual(fromCore);
        const count = rows.filter((r) => r[0] !== '').length;
        selected[fromCore.length === 0 ? 'none' : fromCore.length === count ? 'all' : 'some']++;
      }),
      { numRuns: Number(process.env.AGREEMENT_RUNS ?? 120) },
    );
    expect(selected.some).toBeGreaterThan(15);
  });

  it('reads the linked company: decision makers of VIP companies in St. Petersburg', () => {
    const rows = [
      ['c1', 'Olga', 'Decision maker', 'co1'],
      ['c2', 'Ivan', 'Influencer', 'co1'],
      ['c3', 'Petr', 'Decision maker', ' CO2 '],
      ['c4', 'Solo', 'Decision maker', ''],
      ['c5', 'Lost', 'Decision maker', 'gone'],
    ];
    const firms = [
      ['co1', 'Ромашка', 'СПб', 'VIP', 5, ''],
      ['co2', 'Acme', 'Moscow', 'VIP', '4,5', ''],
    ];
    const header = ['ID', 'Name', 'Role', 'Company ID'];
    const select = (text: string) => {
      const parsed = parseRule(text, header, { companyFields: COMPANIES });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const p = compileRule(parsed.rule, header, { today: new Date(TODAY_UTC), companies: { header: COMPANIES, rows: firms } });
      return rows.filter((r) => p(r)).map((r) => r[0]);
    };
    expect(select('Role = "Decision maker" and Company.Stage = "VIP" and Company.City = "St. Petersburg"')).toEqual(['c1']);
    expect(select('Роль = "Decision maker" и Компания.Рейтинг >= 4')).toEqual(['c1', 'c3']);
    expect(select('Company.Name is empty')).toEqual(['c4', 'c5']);
    expect(select('Company.Stage != "VIP"')).toEqual(['c4', 'c5']);
  });
});

describe('Company.<field>: errors say what is wrong, in the reader’s language', () => {
  const header = ['ID', 'Role', 'Company ID'];
  const errorOf = (text: string, companyFields: RuleOptions['companyFields'] = COMPANIES) => {
    const parsed = parseRule(text, header, { companyFields });
    if (parsed.ok) throw new Error(`parsed: ${text}`);
    return parsed.error;
  };

  it('an unknown company field is named with the closest one, and reworded in ru/uk/ro', () => {
    const error = errorOf('Role = "Decision maker" and Компания.Ретинг >= 4');
    expect(error.message).toBe('Unknown company field "Компания.Ретинг" at 29 — did you mean "Компания.Рейтинг"?');
    expect(error.position).toBe(28);
    expect(ruleErrorText(error.message, 'ru')).toBe('У компаний нет поля «Компания.Ретинг» (позиция 29) — может быть, «Компания.Рейтинг»?');
    expect(ruleErrorText(error.message, 'uk')).toMatch(/^У компаній немає поля «Компания.Ретинг»/);
    expect(ruleErrorText(error.message, 'ro')).toMatch(/^Companiile nu au câmpul „Компания.Ретинг”/);
    expect(errorOf('Company.Zzzzzzzz = "x"').message).toBe('Unknown company field "Company.Zzzzzzzz" at 1');
  });

  it('without a Companies tab the rule says how to get one; the tab is read only when a rule names a company field', () => {
    let asked = 0;
    const provider = () => {
      asked++;
      return null;
    };
    const error = errorOf('Company.Rating >= 4', provider);
    expect(error.message).toBe('There is no Companies tab for "Company.Rating" at 1: run ClientBase ▸ Link people to companies first');
    for (const lang of ['ru', 'uk', 'ro'] as const) expect(ruleErrorText(error.message, lang)).not.toBe(error.message);
    expect(asked).toBe(1);
    expect(parseRule('Role = "Decision maker"', header, { companyFields: provider }).ok).toBe(true);
    expect(asked).toBe(1);
  });

  it('hostile field parts are errors, never formula text; a Clients column with a dot wins over the company', () => {
    expect(errorOf('"Company.=HYPERLINK(1)" = "x"').message).toMatch(/^Unknown company field/);
    expect(errorOf('Company.<img src=x onerror=alert(1)> = "x"').message).toMatch(/Unknown|Expected/);
    const own = parseRule('Company.Rating = "x"', ['ID', 'Company.Rating'], { companyFields: COMPANIES });
    expect(own.ok && own.rule).toMatchObject({ operand: { kind: 'field', name: 'Company.Rating' } });
    // The sidebar, which does not know the Companies header, accepts any company field and leaves the check to the server.
    expect(parseRule('Компания.Что угодно = "x"', header, { companyFields: 'any' }).ok).toBe(true);
  });
});
