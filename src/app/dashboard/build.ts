/**
 * ClientBase ▸ Dashboard: (re)builds the Dashboard tab from the current
 * headers of the tabs it reads, so moved or renamed field columns are
 * followed (columns by header, never by a fixed letter). Everything on the
 * tab is a formula Sheets keeps current; the add-on runs again only to
 * rebuild after Fields change.
 *
 * Service calls: one header read per source tab, then a fixed number per
 * table and per chart; nothing grows with the rows.
 */
import { Columns } from '../../core/clients/columns';
import {
  type ChartKey,
  chartRanges,
  type TableKey,
  DASHBOARD_TAB,
  type DashboardPlan,
  type DashboardSources,
  planDashboard,
  tableRange,
} from '../../core/dashboard/plan';
import { dashboardLanguage } from '../../core/dashboard/titles';
import { localFormat } from '../../core/i18n/date-formats';
import { canonicalHeaders } from '../../core/i18n/sheet-words';
import { TAB } from '../../core/schema/tabs';
import { boldRow, ensureColumns, freshDashboardSheet, insertCharts, setFormats, showRange, writeCells, writeFormula } from '../../gas/dashboard-sheet';
import { withDocumentLock } from '../../gas/lock';
import { userLocale } from '../../gas/session';
import { findSheet } from '../../gas/sheets';
import { loadBase, requireRole, type Base } from '../base';

export interface DashboardReport {
  tab: string;
  tables: TableKey[];
  charts: ChartKey[];
}

const quoteSheetName = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function letter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Each tab's header row (English names, whatever language the tab is in), one read per tab; null for a tab that does not exist. */
function headerOf(tab: string): { sheetName: string; columns: Columns } | null {
  const sheet = findSheet(tab);
  if (!sheet) return null;
  const width = sheet.getLastColumn();
  const sheetName = sheet.getName();
  if (width === 0) return { sheetName, columns: new Columns([]) };
  const header = sheet
    .getRange(1, 1, 1, width)
    .getValues()[0]
    .map((h) => String(h).trim());
  return { sheetName, columns: new Columns(canonicalHeaders(tab, header)) };
}

/** `'Tab'!F2:F` for the column headed `name` (the tab's current name: Клиенты, Clients…), or null. */
function columnRef(tab: { sheetName: string; columns: Columns } | null, name: string | undefined): string | null {
  if (!tab || !name) return null;
  const i = tab.columns.indexOf(name);
  if (i < 0) return null;
  return `${quoteSheetName(tab.sheetName)}!${letter(i)}2:${letter(i)}`;
}

export function dashboardSources(base: Pick<Base, 'fields'>): DashboardSources {
  const field = (key: string) => base.fields.find((f) => f.key === key);
  const clients = headerOf(TAB.clients);
  const purchases = headerOf(TAB.purchases);
  const interactions = headerOf(TAB.interactions);
  const audit = headerOf(TAB.audit);
  const mailings = headerOf(TAB.mailings);
  const segments = headerOf(TAB.segments);
  const checks = headerOf(TAB.checks);
  const deals = headerOf(TAB.deals);
  const settings = findSheet(TAB.settings);
  const cl = (name: string | undefined) => columnRef(clients, name);
  return {
    clients: {
      id: cl('ID'),
      stage: cl(field('stage')?.name),
      manager: cl(field('manager')?.name),
      optOut: cl(field('optOut')?.name),
      lastContact: cl(field('lastContact')?.name),
      updated: cl('Updated'),
    },
    purchases: {
      clientId: columnRef(purchases, 'Client ID'),
      date: columnRef(purchases, 'Date'),
      amount: columnRef(purchases, 'Amount'),
    },
    interactions: {
      clientId: columnRef(interactions, 'Client ID'),
      date: columnRef(interactions, 'Date'),
      manager: columnRef(interactions, 'Manager'),
      nextDate: columnRef(interactions, 'Next date'),
      done: columnRef(interactions, 'Done'),
    },
    audit: { user: columnRef(audit, 'User'), action: columnRef(audit, 'Action'), time: columnRef(audit, 'Time') },
    mailings: { status: columnRef(mailings, 'Status') },
    segments: { name: columnRef(segments, 'Name'), count: columnRef(segments, 'Count') },
    checks: { column: columnRef(checks, 'Column') },
    deals: {
      id: columnRef(deals, 'ID'),
      status: columnRef(deals, 'Status'),
      amount: columnRef(deals, 'Amount'),
      date: columnRef(deals, 'Date'),
      manager: columnRef(deals, 'Manager'),
    },
    stages: field('stage')?.options ?? [],
    settings: settings ? `${quoteSheetName(settings.getName())}!$A:$B` : null,
  };
}

export function currentDashboardPlan(base: Pick<Base, 'fields' | 'settings'>): DashboardPlan {
  return planDashboard(dashboardSources(base), dashboardLanguage(base.settings.language, userLocale()));
}

/** The menu item: a manager's action, under the document lock. */
export function buildDashboard(): DashboardReport {
  const base = loadBase();
  requireRole(base, 'manager', 'build the dashboard');
  return withDocumentLock(() => writeDashboard(currentDashboardPlan(base)));
}

export function writeDashboard(plan: DashboardPlan): DashboardReport {
  const sheet = freshDashboardSheet(DASHBOARD_TAB);
  ensureColumns(sheet, Math.max(8, ...plan.tables.map((t) => t.col + t.header.length - 1)));
  writeCells(sheet, plan.head.row, plan.head.col, plan.head.values);
  boldRow(sheet, 1, 1, 1);
  for (const [a1, formula] of Object.entries(plan.paramFormulas)) writeFormula(sheet, a1, formula);
  // Today as the dashboard's readers write a day: 04.12.2026 outside English.
  setFormats(sheet, 2, 2, 1, [localFormat('yyyy-mm-dd', plan.language)]);
  for (const table of plan.tables) {
    const width = table.header.length;
    writeCells(sheet, table.row, table.col, [[table.title, ...Array(width - 1).fill('')], table.header]);
    boldRow(sheet, table.row, table.col, width);
    setFormats(sheet, table.row + 2, table.col, table.rows, table.formats);
    if (table.axis)
      writeCells(
        sheet,
        table.row + 2,
        table.col,
        table.axis.map((v) => [v]),
      );
    writeFormula(sheet, `${letter(table.col - 1 + (table.axis ? 1 : 0))}${table.row + 2}`, table.formula);
  }
  const byKey = new Map(plan.tables.map((t) => [t.key, t]));
  insertCharts(
    sheet,
    plan.charts.map((chart) => {
      const table = byKey.get(chart.table)!;
      return { type: chart.type, ranges: chartRanges(table, chart), anchor: chart.anchor, options: chart.options };
    }),
  );
  return { tab: DASHBOARD_TAB, tables: plan.tables.map((t) => t.key), charts: plan.charts.map((c) => c.key) };
}

/** "Show on dashboard": the tab at the table a chart draws, built first when it does not exist yet. */
export function showOnDashboard(key: ChartKey): { tab: string; range: string } {
  const base = loadBase();
  const plan = currentDashboardPlan(base);
  if (!findSheet(DASHBOARD_TAB)) {
    requireRole(base, 'manager', 'build the dashboard');
    withDocumentLock(() => writeDashboard(plan));
  }
  const chart = plan.charts.find((c) => c.key === key);
  const table = plan.tables.find((t) => t.key === (chart?.table ?? key));
  if (!table) throw new Error(`The dashboard has no "${key}" chart: the base lacks the columns it needs.`);
  const range = tableRange(table);
  showRange(findSheet(DASHBOARD_TAB)!, range);
  return { tab: DASHBOARD_TAB, range };
}
