/**
 * Deal measures in rules (#17: "sums usable in rules"): `Deals total`,
 * `Deals signed total`, `Deals`, `Open deals`, and their ru/uk/ro names. The
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
  deals: { sheet: 'Deals', clientId: 'B', companyId: 'D', amount: 'G', status: 'I', firstDataRow: 2 },
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

const deal = (client: string, company: string, amount: unknown, status: string) => ['D-1', client, 'Acme', company, 'N1', '', amount, 'EUR', status];

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
