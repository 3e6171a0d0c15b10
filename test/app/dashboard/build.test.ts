/**
 * ClientBase ▸ Dashboard over the emulator: the live formulas are evaluated
 * by the emulator's formula engine and compared with the same measures
 * computed in code; the chart specs are asserted; a change in the data moves
 * the numbers without the add-on running.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../../emulator';
import { salesByMonth, clientsByStage } from '../../../src/core/dashboard/measures';
import { DASHBOARD_TAB } from '../../../src/core/dashboard/plan';
import { dateSerial } from '../../../src/core/rules/cell';
import * as server from '../../../src/server';
import { setUpBase } from '../check/messy-base';
import { callsDuring, unwrap, useEmulator } from '../../support/emulated';

const TZ = 'UTC';
const NOW = new Date('2026-03-18T10:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.UTC(2026, 2, 18 - n, 12));
const STAGES = ['Cold', 'Warm', 'Hot', 'VIP', 'Lost'];
const MANAGERS = ['anna@example.com', 'boris@example.com', ' Boris@Example.com ', 'vera@example.com'];

/** A deterministic pseudo-random base: 60 clients, 200 purchases over 16 months, interactions, mailings, audit. */
function seed(emu: Emulator) {
  let s = 7;
  const rand = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const clients = Array.from({ length: 60 }, (_, i) => ({
    ID: `C-${i + 1}`,
    'First name': i === 3 ? '<img src=x onerror=alert(1)>' : `Name${i}`,
    Stage: i % 11 === 0 ? '' : STAGES[rand(5)],
    Manager: i % 13 === 0 ? '' : MANAGERS[rand(4)],
    'Opt-out': i % 9 === 0,
    Updated: daysAgo(rand(400)),
    'Last contact': i % 5 === 0 ? '' : daysAgo(rand(400)),
  }));
  setUpBase(emu, clients);
  const purchases: unknown[][] = [['Client ID', 'Date', 'Amount', 'Product']];
  for (let k = 0; k < 200; k++) {
    const id = `C-${1 + rand(50)}`;
    purchases.push([k % 17 === 0 ? id.toLowerCase() : id, k % 23 === 0 ? '2026-01-05' : daysAgo(rand(480)), k % 29 === 0 ? 'n/a' : 10 + rand(900), 'Widget']);
  }
  purchases.push(['', daysAgo(3), 999, 'no client']);
  emu.writeSheet('Purchases', purchases);
  const interactions: unknown[][] = [['ID', 'Client ID', 'Date', 'Type', 'Manager', 'Result', 'Next step', 'Next date', 'Done', 'Source']];
  for (let k = 0; k < 80; k++) {
    interactions.push([
      `I-${k}`,
      `C-${1 + rand(60)}`,
      daysAgo(rand(20)),
      'Call',
      MANAGERS[rand(4)],
      'ok',
      'call back',
      k % 3 === 0 ? '' : daysAgo(rand(10) - 4),
      k % 4 === 0,
      'sidebar',
    ]);
  }
  emu.writeSheet('Interactions', interactions);
  const statuses = [
    'sent',
    'sent',
    'sent',
    'skipped: opted_out',
    'skipped: invalid_email',
    'failed: boom',
    'skipped: already_sent',
    'skipped: already_received',
    'queued',
    // As the add-on writes them now (issue 15), beside the codes older rows hold.
    'Sent',
    'Skipped: no email',
    'Failed: quota',
    'Queued',
  ];
  emu.writeSheet('Mailings', [
    ['Campaign', 'Client ID', 'Email', 'Status', 'Time', 'Detail'],
    ...statuses.map((st, k) => ['Spring', `C-${k + 1}`, `x${k}@example.com`, st, NOW, '']),
  ]);
  const audit = emu.readSheet('Audit');
  emu.writeSheet('Audit', [
    ...audit,
    [daysAgo(1), 'anna@example.com', 'done', 'C-1', 'Next step', 'call', 'done', 'sidebar'],
    [daysAgo(2), 'Anna@example.com', 'done', 'C-2', 'Next step', 'call', 'done', 'sidebar'],
    [daysAgo(9), 'anna@example.com', 'done', 'C-3', 'Next step', 'call', 'done', 'sidebar'],
    [daysAgo(0), 'vera@example.com', 'done', 'C-4', 'Next step', 'call', 'done', 'sidebar'],
    [daysAgo(0), 'vera@example.com', 'edit', 'C-4', 'Stage', 'Cold', 'Warm', 'sidebar'],
  ]);
  emu.writeSheet('Check data', [
    ['Row', 'Column', 'Value', 'Problem', 'Suggested fix', 'Client ID'],
    [2, 'Email', 'x@', 'invalid email', '', 'C-1'],
    [3, 'Email', 'y@', 'invalid email', '', 'C-2'],
    [3, 'Phone', '123', 'unreadable phone', '', 'C-2'],
    [5, 'Stage*', '?', 'not an option', '', 'C-4'],
  ]);
  return { clients, purchases: purchases.slice(1), interactions: interactions.slice(1) };
}

/** A table of the dashboard by its title, as the rows below its header (blank rows dropped). */
function table(emu: Emulator, title: string): unknown[][] {
  const grid = emu.readSheet(DASHBOARD_TAB);
  for (let r = 0; r < grid.length; r++) {
    const c = grid[r].indexOf(title);
    if (c < 0 || r < 5) continue;
    const width = grid[r + 1].slice(c).findIndex((h) => h === '');
    const w = width < 0 ? grid[r + 1].length - c : width;
    const rows: unknown[][] = [];
    for (let k = r + 2; k < grid.length && grid[k][c] !== ''; k++) rows.push(grid[k].slice(c, c + w));
    return rows;
  }
  throw new Error(`no table "${title}"`);
}

describe('ClientBase ▸ Dashboard', () => {
  const emu = useEmulator({ timeZone: TZ, now: () => NOW });
  // The add-on's own clock (src/gas/session.ts now()) is the script's Date: the same day as the emulator's TODAY().
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('builds a tab whose formulas agree with the measures computed in code', () => {
    const data = seed(emu());
    server.menuDashboard();
    expect(emu().ui.alerts).toEqual([]);
    const today = Math.floor(dateSerial(NOW, TZ));

    // Stages × recency.
    const stages = clientsByStage(
      data.clients.map((c) => ({ id: c.ID, stage: c.Stage })),
      data.purchases.map(([clientId, date, amount]) => ({ clientId, date, amount })),
      STAGES,
      today,
      90,
      TZ,
    );
    expect(table(emu(), 'Clients by stage and purchase recency')).toEqual(stages.map((s) => [s.stage, s.active, s.passive, s.none]));
    expect(stages.reduce((n, s) => n + s.active + s.passive + s.none, 0)).toBeGreaterThan(40);

    // Sales per month, new vs regular, and the share.
    const sales = salesByMonth(
      data.purchases.map(([clientId, date, amount]) => ({ clientId, date, amount })),
      today,
      1,
      12,
      TZ,
    );
    const shown = table(emu(), 'Sales per month: new and regular clients');
    expect(shown).toHaveLength(12);
    shown.forEach((row, k) => {
      expect(typeof row[0] === 'number' ? row[0] : Math.floor(dateSerial(row[0] as Date, TZ))).toBe(sales[k].monthEnd);
      expect(row[1]).toBeCloseTo(sales[k].newClients, 6);
      expect(row[2]).toBeCloseTo(sales[k].regularClients, 6);
      expect(row[3]).toBeCloseTo(sales[k].newShare, 9);
    });
    expect(sales.some((m) => m.newClients > 0) && sales.some((m) => m.regularClients > 0)).toBe(true);

    // Activity per manager over the last 7 days.
    const week = data.interactions;
    const key = (v: unknown) => String(v).trim().toLowerCase();
    const managers = [...new Set(week.map((r) => key(r[4])))].sort();
    const expected = managers.map((m) => {
      const mine = week.filter((r) => key(r[4]) === m);
      const logged = mine.filter((r) => {
        const d = Math.floor(dateSerial(r[2] as Date, TZ));
        return d >= today - 6 && d <= today;
      }).length;
      const overdue = mine.filter((r) => r[8] !== true && r[7] instanceof Date && Math.floor(dateSerial(r[7], TZ)) < today).length;
      const done = m === 'anna@example.com' ? 2 : m === 'vera@example.com' ? 1 : 0;
      return [m, logged, done, overdue];
    });
    expect(table(emu(), 'Activity per manager, last 7 days')).toEqual(expected);

    // Mailings by status, and opted-out clients.
    expect(table(emu(), 'Mailings')).toEqual([
      ['Sent', 4],
      ['Skipped: opted out', 1],
      ['Skipped: no email', 1],
      ['Skipped: invalid email', 1],
      ['Skipped: same email twice', 0],
      ['Skipped: likely duplicate', 0],
      ['Skipped: already sent', 1],
      ['Skipped: already received this template', 1],
      ['Failed', 2],
      ['Unsubscribed (opt-out ticked)', data.clients.filter((c) => c['Opt-out']).length],
    ]);

    // Check data problems per column: a column named with a wildcard is still counted exactly.
    expect(table(emu(), 'Invalid cells from the last Check data')).toEqual([
      ['Email', 2],
      ['Phone', 1],
      ['Stage*', 1],
    ]);

    // Stale clients per manager, against the sidebar's Check view (src/app/check/stale.ts).
    const stale = unwrap(server.apiStaleClients());
    const byManager = new Map<string, number>();
    for (const g of stale.groups) if (g.manager.trim()) byManager.set(key(g.manager), (byManager.get(key(g.manager)) ?? 0) + g.count);
    const staleShown = table(emu(), 'Stale clients per manager');
    expect(new Map(staleShown.map(([m, n]) => [m, n]))).toEqual(byManager);
    expect(staleShown.map((r) => r[1])).toEqual([...staleShown.map((r) => r[1] as number)].sort((a, b) => b - a));
  });

  it('draws eight charts from the tables, with titles, types and ranges', () => {
    seed(emu());
    server.menuDashboard();
    const charts = emu().charts(DASHBOARD_TAB);
    expect(charts.map((c) => [c.type, c.options.title])).toEqual([
      ['COLUMN', 'Clients by stage and purchase recency'],
      ['BAR', 'Clients by segment'],
      ['COLUMN', 'Sales per month: new and regular clients'],
      ['LINE', 'Share of sales from new clients'],
      ['COLUMN', 'Activity per manager, last 7 days'],
      ['BAR', 'Mailings'],
      ['BAR', 'Invalid cells from the last Check data'],
      ['COLUMN', 'Stale clients per manager'],
    ]);
    const sales = charts[2];
    expect(sales.options.isStacked).toBe(true);
    expect(sales.data[0][0]).toEqual(['Month', 'New clients', 'Regular clients']);
    expect(sales.data[0]).toHaveLength(13);
    const share = charts[3];
    expect(share.ranges).toHaveLength(2);
    expect(share.data[1][0]).toEqual(['Share of new']);
    // Charts do not overlap: two per row of the grid.
    const anchors = charts.map((c) => `${c.position.row}:${c.position.col}`);
    expect(new Set(anchors).size).toBe(charts.length);
    // Segments: the built-in segments of Set up, with their live counts.
    const segments = charts[1].data[0].filter((r) => r[0] !== '');
    expect(segments[0]).toEqual(['Segment', 'Clients']);
    expect(segments.map((r) => r[0])).toEqual(expect.arrayContaining(['Cold', 'Warm', 'Active', 'Passive']));
  });

  it('is live: a new purchase moves the sales chart with no add-on call; TODAY() is in one cell only', () => {
    seed(emu());
    server.menuDashboard();
    const before = emu().charts(DASHBOARD_TAB)[2].data[0][12] as number[];
    const purchases = emu().readSheet('Purchases');
    emu().calls.reset();
    // C-60 never bought: their first purchase this month is a new-client sale.
    emu().writeSheet('Purchases', [...purchases, ['C-60', daysAgo(0), 1234, 'Widget'], ['C-1', daysAgo(0), 66, 'Widget']]);
    const after = emu().charts(DASHBOARD_TAB)[2].data[0][12] as number[];
    expect(after[1]).toBeCloseTo(before[1] + 1234, 6);
    expect(after[2]).toBeCloseTo(before[2] + 66, 6);
    expect(emu().calls.total()).toBe(0);
    const formulas = emu().inspectSheet(DASHBOARD_TAB).formulas.flat().filter(Boolean);
    expect(formulas.filter((f) => f.includes('TODAY()'))).toEqual(['=TODAY()']);
    // One aggregate formula per table (seven with charts, three of deals) plus TODAY and three Settings cells.
    expect(formulas).toHaveLength(7 + 3 + 4);
  });

  it('follows Settings: newClientMonths and language', () => {
    seed(emu());
    const settings = emu().readSheet('Settings');
    expect(settings.map((r) => r[0])).toEqual(expect.arrayContaining(['newClientMonths', 'language']));
    emu().writeSheet(
      'Settings',
      settings.map((r) => (r[0] === 'newClientMonths' ? [r[0], '3', r[2]] : r[0] === 'language' ? [r[0], 'uk', r[2]] : r)),
    );
    server.menuDashboard();
    expect(emu().readSheet(DASHBOARD_TAB)[0][0]).toBe('Панель ClientBase');
    expect(emu().charts(DASHBOARD_TAB)[2].options.title).toBe('Продажі за місяцями: нові та постійні клієнти');
    const data = emu().readSheet('Purchases').slice(1);
    const today = Math.floor(dateSerial(NOW, TZ));
    const sales = salesByMonth(
      data.map(([clientId, date, amount]) => ({ clientId, date, amount })),
      today,
      3,
      12,
      TZ,
    );
    const shown = emu().charts(DASHBOARD_TAB)[2].data[0].slice(1);
    shown.forEach((row, k) => expect(row[1]).toBeCloseTo(sales[k].newClients, 6));
  });

  it('rebuilds after Fields change: a moved Stage column is found by its header; charts are replaced, not added', () => {
    seed(emu());
    server.menuDashboard();
    const before = emu().charts(DASHBOARD_TAB)[0].data[0];
    // Move the Stage column to the far right by rewriting Clients with the columns reordered.
    const grid = emu().readSheet('Clients');
    const at = grid[0].indexOf('Stage');
    emu().writeSheet(
      'Clients',
      grid.map((row) => [...row.slice(0, at), ...row.slice(at + 1), row[at]]),
    );
    server.menuDashboard();
    expect(emu().charts(DASHBOARD_TAB)).toHaveLength(8);
    expect(emu().charts(DASHBOARD_TAB)[0].data[0]).toEqual(before);
  });

  it('costs a fixed number of service calls whatever the rows, and no getValues of data rows', () => {
    seed(emu());
    server.menuDashboard();
    const calls = callsDuring(emu(), () => server.menuDashboard());
    expect(calls['Sheet.insertChart']).toBe(8);
    expect(calls['Range.setFormula']).toBe(14);
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    // Adding 500 purchases changes nothing in the budget.
    const purchases = emu().readSheet('Purchases');
    emu().writeSheet('Purchases', [...purchases, ...Array.from({ length: 500 }, (_, k) => [`C-${k % 50}`, new Date(NOW.getTime() - k * DAY), 5, 'x'])]);
    // The hand edit evicted the Fields/Settings cache (as the edit trigger would); one call refills it, as before the first count.
    server.menuDashboard();
    const again = callsDuring(emu(), () => server.menuDashboard());
    expect(Object.values(again).reduce((a, b) => a + b, 0)).toBe(total);
    expect(calls['Sheet.removeChart']).toBe(8);
  });

  it("Show on dashboard activates the tab at the chart's table, building it when missing; unknown charts are refused", () => {
    seed(emu());
    const shown = unwrap(server.apiShowOnDashboard('activity'));
    expect(shown.tab).toBe(DASHBOARD_TAB);
    const ss = emu().globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getActiveSheet().getName()).toBe(DASHBOARD_TAB);
    expect(ss.getActiveRange()?.getA1Notation()).toBe(shown.range);
    expect(emu().readSheet(DASHBOARD_TAB)[Number(shown.range.match(/\d+/)![0]) - 1]).toContain('Activity per manager, last 7 days');
    const bad = server.apiShowOnDashboard('<script>' as never);
    expect(bad.ok).toBe(false);
  });

  it('hostile names stay text: a manager with wildcards and markup, or a stage with quotes, is counted exactly', () => {
    setUpBase(emu(), [
      { ID: 'C-1', 'First name': 'A', Stage: 'Hot', Manager: '~*? <b>x</b>' },
      { ID: 'C-2', 'First name': 'B', Stage: 'Hot', Manager: '~*? <b>x</b>' },
      { ID: 'C-3', 'First name': 'C', Stage: 'Hot', Manager: 'a <b>x</b>' },
    ]);
    const fields = emu().readSheet('Fields');
    emu().writeSheet(
      'Fields',
      fields.map((r) => (r[0] === 'Stage' ? [r[0], r[1], r[2], 'Hot, Say "hi"); =2', ...r.slice(4)] : r)),
    );
    server.menuDashboard();
    expect(emu().ui.alerts).toEqual([]);
    const stages = table(emu(), 'Clients by stage and purchase recency');
    expect(stages[0]).toEqual(['Hot', 0, 0, 3]);
    expect(stages.map((r) => r[0])).toContain('Say "hi"); =2');
    expect(table(emu(), 'Stale clients per manager')).toEqual([
      ['~*? <b>x</b>', 2],
      ['a <b>x</b>', 1],
    ]);
  });
});
