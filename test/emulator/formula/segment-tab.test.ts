/**
 * A live segment tab in the emulated spreadsheet: the formula from
 * ruleToFormula, evaluated by the emulator's engine, follows edits to
 * `Clients` and `Purchases` without being rewritten.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';
import { parseRule } from '../../../src/core/rules/parser';
import { ruleToCountFormula, ruleToFormula } from '../../../src/core/rules/to-formula';

const HEADER = ['ID', 'Name', 'City', 'Stage'];
const LAYOUT = {
  sheet: 'Clients',
  columns: { ID: 'A', Name: 'B', City: 'C', Stage: 'D' },
  firstDataRow: 2,
  purchases: { sheet: 'Purchases', clientId: 'A', date: 'B', amount: 'C', firstDataRow: 2 },
};

function formulas(rule: string) {
  const parsed = parseRule(rule, HEADER);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { rows: ruleToFormula(parsed.rule, LAYOUT), count: ruleToCountFormula(parsed.rule, LAYOUT) };
}

describe('live segment tab in the emulator', () => {
  it('shows the matching clients and follows edits', () => {
    const emu = createEmulator({ timeZone: 'Europe/Moscow', now: () => new Date('2025-06-15T09:00:00Z') });
    emu.writeSheet('Clients', [HEADER, ['C-1', 'Anna', 'St. Petersburg', 'Hot'], ['C-2', 'Boris', 'Moscow', 'Hot'], ['C-3', 'Вера', 'st. petersburg', 'Cold']]);
    emu.writeSheet('Purchases', [
      ['Client ID', 'Date', 'Amount', 'Product'],
      ['C-1', new Date('2025-06-01T00:00:00+03:00'), 600, 'A'],
    ]);
    const f = formulas('City = "St. Petersburg" and Stage = "Hot" and "Spent 30d" > 500');
    emu.writeSheet('Hot in SPb', [HEADER, [f.rows]]);
    emu.writeSheet('Segments', [
      ['Name', 'Count'],
      ['Hot in SPb', f.count],
    ]);

    expect(emu.readSheet('Hot in SPb')).toEqual([HEADER, ['C-1', 'Anna', 'St. Petersburg', 'Hot']]);
    expect(emu.readSheet('Segments')[1]).toEqual(['Hot in SPb', 1]);

    emu.writeSheet('Clients', [HEADER, ['C-1', 'Anna', 'St. Petersburg', 'Hot'], ['C-2', 'Boris', 'Moscow', 'Hot'], ['C-3', 'Вера', 'st. petersburg', 'HOT']]);
    emu.writeSheet('Purchases', [
      ['Client ID', 'Date', 'Amount', 'Product'],
      ['C-1', new Date('2025-06-01T00:00:00+03:00'), 600, 'A'],
      ['C-3', '2025-06-10', '700', 'B'],
    ]);
    expect(emu.readSheet('Hot in SPb').map((r) => r[0])).toEqual(['ID', 'C-1', 'C-3']);
    expect(emu.readSheet('Segments')[1]).toEqual(['Hot in SPb', 2]);
  });

  it('drops clients as their purchases leave the window, by TODAY() in the spreadsheet time zone', () => {
    const at = (iso: string) => {
      const emu = createEmulator({ timeZone: 'Europe/Moscow', now: () => new Date(iso) });
      emu.writeSheet('Clients', [HEADER, ['C-1', 'Anna', 'St. Petersburg', 'Hot']]);
      emu.writeSheet('Purchases', [
        ['Client ID', 'Date', 'Amount', 'Product'],
        ['C-1', '2025-06-01', 600, 'A'],
      ]);
      emu.writeSheet('Active', [HEADER, [formulas('"Last purchase" within last 30 days').rows]]);
      return emu
        .readSheet('Active')
        .slice(1)
        .filter((r) => r[0] !== '').length;
    };
    expect(at('2025-07-01T20:59:00Z')).toBe(1); // 1 July, 23:59 in Moscow: 30 days after 1 June
    expect(at('2025-07-01T21:00:00Z')).toBe(0); // 2 July in Moscow
  });
});
