/**
 * The dashboard's deals tables (issue 17) over the emulator: by status (count
 * and amount), won per month, per manager. Each live formula, evaluated by the
 * emulator's formula engine, equals the same figure computed in code; status
 * words of all four languages count as one status, a team's own word is an
 * open deal, text amounts count 0, hostile text stays text; titles follow the
 * language; a new deal row moves the numbers with no add-on call.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../../emulator';
import { dealsByStatus, dealsPerManager, wonByMonth, type DealRow } from '../../../src/core/dashboard/deals-tables';
import { DASHBOARD_TAB } from '../../../src/core/dashboard/plan';
import { dateSerial } from '../../../src/core/rules/cell';
import * as server from '../../../src/server';
import { setUpBase } from '../check/messy-base';
import { useEmulator } from '../../support/emulated';

const TZ = 'UTC';
const NOW = new Date('2026-03-18T10:00:00Z');
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12));
const HEADER = ['ID', 'Client ID', 'Company', 'Company ID', 'Number', 'Date', 'Amount', 'Currency', 'Status', 'Appendices', 'Manager', 'Created', 'Updated'];

/** [id, date, amount, status, manager] */
const DEALS: unknown[][] = [
  ['D-1', day(2026, 3, 2), 1000, 'Signed', 'anna@example.com'],
  ['D-2', day(2026, 3, 10), 2500.5, ' подписан ', 'Anna@Example.com '],
  ['D-3', day(2026, 1, 20), 700, 'Закрито', 'boris@example.com'],
  ['D-4', day(2025, 11, 5), 300, 'Activ', 'boris@example.com'],
  ['D-5', day(2026, 2, 14), 900, 'Negotiation', 'anna@example.com'],
  ['D-6', day(2026, 2, 15), '1 200', 'Переговоры', 'vera*@example.com'],
  ['D-7', day(2026, 3, 1), 400, 'Черновик', 'vera*@example.com'],
  ['D-8', day(2026, 3, 3), 650, 'Lost', 'anna@example.com'],
  ['D-9', day(2026, 3, 4), 120, 'Waiting for budget', '<img src=x onerror=alert(1)>'],
  ['D-10', '2026-03-05', 80, '', 'boris@example.com'],
  ['', day(2026, 3, 6), 99999, 'Signed', 'ghost@example.com'],
  ['D-11', day(2024, 3, 6), 5000, 'Closed', 'anna@example.com'],
  ['D-12', day(2026, 3, 7), '=1+1', 'Signed', ''],
];

function seed(emu: Emulator): DealRow[] {
  setUpBase(emu, [{ 'First name': 'Ivan', Company: 'ООО «Ромашка»' }]);
  const rows = DEALS.map(([id, date, amount, status, manager]) =>
    HEADER.map((h) => ({ ID: id, Date: date, Amount: amount, Status: status, Manager: manager })[h] ?? ''),
  );
  emu.writeSheet('Deals', [HEADER, ...rows]);
  // The code reads what getValues gives (the `=1+1` typed into Amount is a formula there, worth 2).
  const [, ...back] = emu.readSheet('Deals');
  const at = (h: string) => HEADER.indexOf(h);
  return back.map((r) => ({ id: r[at('ID')], date: r[at('Date')], amount: r[at('Amount')], status: r[at('Status')], manager: r[at('Manager')] }));
}

function table(emu: Emulator, title: string): unknown[][] {
  const grid = emu.readSheet(DASHBOARD_TAB);
  for (let r = 5; r < grid.length; r++) {
    const c = grid[r].indexOf(title);
    if (c < 0) continue;
    const width = grid[r + 1].slice(c).findIndex((h) => h === '');
    const w = width < 0 ? grid[r + 1].length - c : width;
    const rows: unknown[][] = [];
    for (let k = r + 2; k < grid.length && grid[k][c] !== ''; k++) rows.push(grid[k].slice(c, c + w));
    return rows;
  }
  throw new Error(`no table "${title}"`);
}

describe('ClientBase ▸ Dashboard: deals', () => {
  const emu = useEmulator({ timeZone: TZ, now: () => NOW });
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('by status, won per month and per manager: each live formula equals the figure computed in code, and moves with a new deal', () => {
    const deals = seed(emu());
    server.menuDashboard();
    expect(emu().ui.alerts).toEqual([]);
    const today = Math.floor(dateSerial(NOW, TZ));

    const byStatus = dealsByStatus(deals, TZ);
    expect(table(emu(), 'Deals by status: open pipeline and won')).toEqual([
      ['Draft', ...[byStatus[0].count, byStatus[0].amount]],
      ['Negotiation', byStatus[1].count, byStatus[1].amount],
      ['Signed', byStatus[2].count, byStatus[2].amount],
      ['Active', byStatus[3].count, byStatus[3].amount],
      ['Closed', byStatus[4].count, byStatus[4].amount],
      ['Lost', byStatus[5].count, byStatus[5].amount],
    ]);
    // The words of four languages are one status; the blank-ID row, text amounts and a team's own word are left out.
    expect(byStatus.map((s) => [s.status, s.count, s.amount])).toEqual([
      ['draft', 1, 400],
      ['negotiation', 2, 900],
      ['signed', 3, 3502.5],
      ['active', 1, 300],
      ['closed', 2, 5700],
      ['lost', 1, 650],
    ]);

    const won = wonByMonth(deals, today, 12, TZ);
    const shown = table(emu(), 'Deals won per month (Signed, Active, Closed)');
    expect(shown).toHaveLength(12);
    shown.forEach((row, k) => {
      expect(typeof row[0] === 'number' ? row[0] : Math.floor(dateSerial(row[0] as Date, TZ))).toBe(won[k].monthEnd);
      expect(row[1]).toBeCloseTo(won[k].amount, 6);
      expect(row[2]).toBe(won[k].count);
    });
    expect(won[11]).toMatchObject({ amount: 3502.5, count: 3 });

    const managers = dealsPerManager(deals, TZ);
    const byManager = table(emu(), 'Deals per manager');
    expect(byManager.map((r) => String(r[0])).sort()).toEqual(managers.map((m) => m.manager).sort());
    for (const m of managers) expect(byManager.find((r) => r[0] === m.manager)?.slice(1)).toEqual([m.open, m.openAmount, m.wonAmount]);
    expect(managers.find((m) => m.manager === 'anna@example.com')).toEqual({ manager: 'anna@example.com', open: 1, openAmount: 900, wonAmount: 8500.5 });
    expect(managers.find((m) => m.manager === 'vera*@example.com')).toMatchObject({ open: 2, openAmount: 400 });

    // Live: a deal added by hand moves the tables with no add-on call.
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Deals')!;
    sheet
      .getRange(DEALS.length + 2, 1, 1, HEADER.length)
      .setValues([HEADER.map((h) => ({ ID: 'D-13', Date: day(2026, 3, 9), Amount: 100, Status: 'Semnat', Manager: 'boris@example.com' })[h] ?? '')]);
    expect(table(emu(), 'Deals by status: open pipeline and won')[2]).toEqual(['Signed', 4, 3602.5]);
  });

  it('titles and status words follow the base language', () => {
    seed(emu());
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings')!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === 'language');
    if (row >= 0) sheet.getRange(row + 1, 2).setValue('uk');
    else sheet.getRange(values.length + 1, 1, 1, 2).setValues([['language', 'uk']]);
    server.menuDashboard();
    expect(table(emu(), 'Угоди за статусами: відкриті та виграні').map((r) => r[0])).toEqual([
      'Чернетка',
      'Перемовини',
      'Підписано',
      'Діє',
      'Закрито',
      'Програно',
    ]);
    expect(() => table(emu(), 'Угоди за менеджерами')).not.toThrow();
  });
});
