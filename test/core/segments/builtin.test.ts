import { describe, expect, it } from 'vitest';
import { builtinSegments } from '../../../src/core/segments/builtin';
import { compileRule } from '../../../src/core/rules/evaluate';
import { parseRule } from '../../../src/core/rules/parser';
import { indexPurchases } from '../../../src/core/segments/measures';

const HEADER = ['ID', 'Stage'];
const TODAY = new Date(Date.UTC(2025, 5, 15));

function members(rule: string, clients: unknown[][], purchases: unknown[][]): string[] {
  const parsed = parseRule(rule, HEADER);
  if (!parsed.ok) throw new Error(`${rule}: ${parsed.error.message}`);
  const p = compileRule(parsed.rule, HEADER, { today: TODAY, measures: indexPurchases(purchases) });
  return clients.filter((c) => p(c)).map((c) => String(c[0]));
}

describe('builtinSegments', () => {
  const clients = [
    ['a', 'Cold'],
    ['b', 'warm'],
    ['c', 'HOT'],
    ['d', 'VIP'],
    ['e', 'Lost'],
    ['f', ''],
  ];
  const purchases = [
    ['a', '2025-06-01', 10],
    ['b', '2025-03-17', 10],
    ['c', '2025-03-16', 10],
    ['c', '2024-01-01', 10],
    ['d', 'unknown', 10],
  ];

  it('has Cold, Warm, Hot, VIP, Active, Passive; every rule parses', () => {
    const segments = builtinSegments({ activeDays: 90 });
    expect(segments.map((s) => s.name)).toEqual(['Cold', 'Warm', 'Hot', 'VIP', 'Active', 'Passive']);
    for (const s of segments) expect(parseRule(s.rule, HEADER).ok).toBe(true);
  });

  it('stage segments select by stage, ignoring case', () => {
    const rules = Object.fromEntries(builtinSegments({ activeDays: 90 }).map((s) => [s.name, s.rule]));
    expect(members(rules.Hot, clients, purchases)).toEqual(['c']);
    expect(members(rules.Warm, clients, purchases)).toEqual(['b']);
  });

  it('Active bought within the window; Passive bought, but not within it; neither without dated purchases', () => {
    const rules = Object.fromEntries(builtinSegments({ activeDays: 90 }).map((s) => [s.name, s.rule]));
    expect(members(rules.Active, clients, purchases)).toEqual(['a', 'b']);
    expect(members(rules.Passive, clients, purchases)).toEqual(['c']);
    const narrow = Object.fromEntries(builtinSegments({ activeDays: 30 }).map((s) => [s.name, s.rule]));
    expect(members(narrow.Active, clients, purchases)).toEqual(['a']);
    expect(members(narrow.Passive, clients, purchases)).toEqual(['b', 'c']);
  });

  it('uses a renamed stage column, quoted safely', () => {
    const [cold] = builtinSegments({ activeDays: 90, stageField: 'Статус "клиента"' });
    expect(cold.rule).toBe('"Статус ""клиента""" = "Cold"');
    expect(parseRule(cold.rule, ['ID', 'Статус "клиента"']).ok).toBe(true);
  });

  it.each([0, -5, 1.5, NaN, 100_000, '90' as unknown as number])('rejects the window %s', (days) => {
    expect(() => builtinSegments({ activeDays: days })).toThrow(/whole number of days/);
  });
});

describe('built-in segments in the base language', () => {
  it('are named and described in Russian, Ukrainian and Romanian, with the same rules as in English', () => {
    const english = builtinSegments({ activeDays: 21 });
    for (const lang of ['ru', 'uk', 'ro'] as const) expect(builtinSegments({ activeDays: 21 }, lang).map((s) => s.rule)).toEqual(english.map((s) => s.rule));
    expect(builtinSegments({ activeDays: 21 }, 'ru').map((s) => s.name)).toEqual(['Холодные', 'Тёплые', 'Горячие', 'VIP', 'Активные', 'Пассивные']);
    expect(builtinSegments({ activeDays: 21 }, 'ru')[4].description).toBe('Покупали за последние 21 день');
    expect(builtinSegments({ activeDays: 22 }, 'uk')[5].description).toBe('Купували раніше, але не за останні 22 дні');
    expect(builtinSegments({ activeDays: 20 }, 'ro')[4]).toMatchObject({ name: 'Activi', description: 'Au cumpărat în ultimele 20 de zile' });
    expect(builtinSegments({ activeDays: 90 }, 'uk')[0].description).toBe('Контакти, які ще не виявили інтересу (етап Cold)');
  });
});
