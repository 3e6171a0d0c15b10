/**
 * Deal measures in rules (#17: "sums usable in rules"): `Deals total`,
 * `Deals signed total`, `Deals`, `Open deals`, `Last deal date`, and their ru/uk/ro names. The
 * in-code evaluator and the live formula must select the same clients on
 * generated Clients (ID, Company ID) and Deals (contact, company, amount as
 * number or text, status in four languages or a team's own word).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormula } from '../../../emulator/formula/evaluate';
import { compileRule } from '../../../src/core/rules/evaluate';
import { parseRule } from '../../../src/core/rules/parser';
import { ruleToFormula } from '../../../src/core/rules/to-formula';
import { indexDeals } from '../../../src/core/segments/deal-measures';
import { arrayContext } from '../../emulator/formula/array-context';

const HEADER = ['ID', 'Name', 'Company ID', 'Stage'];
const DEALS_HEADER = ['ID', 'Client ID', 'Company', 'Company ID', 'Number', 'Date', 'Amount', 'Currency', 'Status'];
const today = new Date(Date.UTC(2025, 5, 15));
const layout = {
  sheet: 'Clients',
  columns: { ID: 'A', Name: 'B', 'Company ID': 'C', Stage: 'D' },
  firstDataRow: 2,
  deals: { sheet: 'Deals', clientId: 'B', companyId: 'D', date: 'F', amount: 'G', status: 'I', firstDataRow: 2 },
};

function select(rule: string, clients: unknown[][], deals: unknown[][]): { core: unknown[]; formula: unknown[] } {
  const parsed = parseRule(rule, HEADER);
  if (!parsed.ok) throw new Error(`${rule}: ${parsed.error.message}`);
  const predicate = compileRule(parsed.rule, HEADER, { today, deals: indexDeals(deals, { header: DEALS_HEADER }) });
  const core = clients.filter((r) => predicate(r)).map((r) => r[0]);
  const ctx = arrayContext({ Clients: [HEADER, ...clients], Deals: [DEALS_HEADER, ...deals] }, today, 'UTC');
  const result = evaluateFormula(ruleToFormula(parsed.rule, layout), ctx);
  return { core, formula: result.length === 1 && result[0][0] === '' ? [] : result.map((r) => r[0]) };
}

const deal = (client: string, company: string, amount: unknown, status: string, date: unknown = '') => [
  'D-1',
  client,
  'Acme',
  company,
  'N1',
  date,
  amount,
  'EUR',
  status,
];

describe('deal measures in rules', () => {
  const clients = [
    ['c1', 'Ann', 'K1', 'Hot'],
    ['c2', 'Bob', 'K1', 'Warm'],
    ['c3', 'Cid', '', 'Hot'],
    ['c4', 'Dan', 'K2', 'Cold'],
  ];
  const deals = [
    deal('c1', 'K1', 60_000, 'Signed'),
    deal('c2', '', 50_000, 'Переговоры'),
    deal('', 'K1', '45 000,50', 'Activ'),
    deal('C3', '', 'n/a', 'Pierdut'),
    deal('c4', 'K2', 10, 'Our own word'),
  ];

  it('sum, count and open deals of a person with their company, in four languages, the same in both back ends', () => {
    const cases: [string, string[]][] = [
      // c1: own 60,000 + company K1 45,000.50 (its own K1 deal once); c2: own 50,000 + K1's two.
      ['Deals total > 100000', ['c1', 'c2']],
      ['Сумма сделок > 100000', ['c1', 'c2']],
      ['"Сума угод" > 155000', ['c2']],
      ['Total contracte >= 10', ['c1', 'c2', 'c4']],
      ['Deals signed total > 100000', ['c1', 'c2']],
      ['Deals signed total = 0', ['c3', 'c4']],
      ['Open deals >= 1', ['c2', 'c4']],
      ['открытые сделки = 0', ['c1', 'c3']],
      ['Deals = 3', ['c2']],
      ['Количество сделок = 1 and Stage = "Hot"', ['c3']],
      ['contracte deschise >= 1 și Stage = "Cold"', ['c4']],
    ];
    for (const [rule, expected] of cases) {
      const { core, formula } = select(rule, clients, deals);
      expect(core, rule).toEqual(expected);
      expect(formula, rule).toEqual(expected);
    }
  });

  it('Last deal date: the latest dated deal of the person or their company, in four languages, the same in both back ends', () => {
    const dated = [
      deal('c1', '', 100, 'Signed', new Date(Date.UTC(2025, 5, 1))),
      deal('', 'K1', 100, 'Draft', '2025-03-01'),
      deal('c2', '', 100, 'Draft', 'not a date'),
      deal('c4', 'K2', 100, 'Lost', new Date(Date.UTC(2024, 0, 10))),
      deal('x9', '', 100, 'Signed', new Date(Date.UTC(2025, 5, 14))),
    ];
    const cases: [string, string[]][] = [
      // c1: its own 1 June; c2: only K1's 1 March (its own deal has no day); c3: no deal at all; c4: January 2024.
      ['Last deal date within last 30 days', ['c1']],
      ['"Last deal date" within last 120 days', ['c1', 'c2']],
      ['Last deal date is empty', ['c3']],
      ['Last deal date before 2025-01-01', ['c4']],
      ['"Last deal date" more than 60 days ago', ['c2', 'c4']],
      ['"Дата последней сделки" after 2025-02-28', ['c1', 'c2']],
      ['"Остання угода" is not empty and Stage = "Cold"', ['c4']],
      ['"Ultimul contract" within last 2 weeks', ['c1']],
    ];
    for (const [rule, expected] of cases) {
      const { core, formula } = select(rule, clients, dated);
      expect(core, rule).toEqual(expected);
      expect(formula, rule).toEqual(expected);
    }
  });

  it('Last deal date agrees on random clients, companies and dated deals', () => {
    const id = fc.constantFrom('c0', 'c1', 'C1', 'c2', 'c3', '', 'x9');
    const company = fc.constantFrom('K1', 'k1', 'K2', '', ' ');
    const DAY = 86_400_000;
    const date = fc.oneof(
      fc.integer({ min: -800, max: 30 }).map((d) => new Date(today.getTime() + d * DAY)),
      fc.integer({ min: -800, max: 30 }).map((d) => new Date(today.getTime() + d * DAY).toISOString().slice(0, 10)),
      fc.constantFrom('', 'soon', 45_000, '01.02.2025'),
    );
    const clientRows = fc
      .array(fc.tuple(company, fc.constantFrom('Hot', 'Cold')), { minLength: 3, maxLength: 8 })
      .map((rows) => rows.map(([k, stage], i) => [i === 2 ? '' : `c${i}`, `N${i}`, k, stage]));
    const dealRows = fc.array(
      fc.tuple(id, company, date).map(([c, k, d]) => deal(c, k, 1, 'Draft', d)),
      { maxLength: 10 },
    );
    const rule = fc.oneof(
      fc.integer({ min: 1, max: 900 }).map((n) => `Last deal date within last ${n} days`),
      fc.integer({ min: 1, max: 900 }).map((n) => `"Last deal date" more than ${n} days ago`),
      fc.integer({ min: -700, max: 20 }).map((d) => `Last deal date after ${new Date(today.getTime() + d * DAY).toISOString().slice(0, 10)}`),
      fc.constantFrom('Last deal date is empty', 'not (Last deal date is empty) and Stage = "Hot"', 'Last deal date within last 90 days or Deals = 0'),
    );
    let split = 0;
    fc.assert(
      fc.property(clientRows, dealRows, rule, (c, d, r) => {
        const { core, formula } = select(r, c, d);
        expect(formula, r).toEqual(core);
        if (core.length > 0 && core.length < c.length - 1) split++;
      }),
      { numRuns: 150 },
    );
    expect(split).toBeGreaterThan(20);
  });

  it('a Clients column of the same name wins over the measure', () => {
    const parsed = parseRule('Deals > 1', ['ID', 'Deals']);
    expect(parsed.ok && parsed.rule.kind === 'compare' && parsed.rule.operand).toEqual({ kind: 'field', name: 'Deals' });
  });

  it('agree on random clients, companies and deals', () => {
    const id = fc.constantFrom('c0', 'c1', 'C1', 'c2', 'c3', '', 'x9');
    const company = fc.constantFrom('K1', 'k1', 'K2', '', ' ');
    const status = fc.constantFrom(
      'Signed',
      'signed ',
      'Active',
      'Closed',
      'Lost',
      'Draft',
      'Negotiation',
      'Подписан',
      'Проигран',
      'Діє',
      'Închis',
      'Semnat',
      '',
      'our word',
      '=1+1',
    );
    const amount = fc.oneof(fc.integer({ min: -5_000, max: 200_000 }), fc.constantFrom('12 000', '1 500,50', 'free', '', '250 lei'));
    const clientRows = fc
      .array(fc.tuple(company, fc.constantFrom('Hot', 'Cold')), { minLength: 3, maxLength: 8 })
      .map((rows) => rows.map(([k, stage], i) => [i === 2 ? '' : `c${i}`, `N${i}`, k, stage]));
    const dealRows = fc.array(
      fc.tuple(id, company, amount, status).map(([c, k, a, s]) => deal(c, k, a, s)),
      { maxLength: 12 },
    );
    const rule = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('Deals total', 'Deals signed total', 'Deals', 'Open deals', 'Сумма сделок', 'Угоди'),
          fc.constantFrom('>', '>=', '=', '<'),
          fc.integer({ min: -1, max: 250_000 }),
        )
        .map(([m, op, n]) => `"${m}" ${op} ${n}`),
      fc.constantFrom('Open deals >= 1 or Stage = "Hot"', 'not (Deals = 0)', 'Deals signed total > 0 and Open deals = 0'),
    );
    let split = 0;
    fc.assert(
      fc.property(clientRows, dealRows, rule, (c, d, r) => {
        const { core, formula } = select(r, c, d);
        expect(formula, r).toEqual(core);
        if (core.length > 0 && core.length < c.length - 1) split++;
      }),
      { numRuns: 150 },
    );
    expect(split).toBeGreaterThan(20);
  });
});
