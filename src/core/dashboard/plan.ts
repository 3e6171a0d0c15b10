/**
 * The Dashboard tab as data: where each table goes, its header, its one
 * aggregate formula, and the chart drawn from it. Sheets recomputes every
 * number; the add-on only writes this plan (ClientBase ▸ Dashboard).
 *
 * Cost: every formula reads whole columns a fixed number of times
 * (COUNTIFS/SUMIFS over the column, one SORT for "first/last date per
 * client"), so its work is linear in the rows read (n log n for the sort);
 * there are no per-row formulas, and TODAY() sits in one cell the others
 * reference. Columns are found by header when the plan is made, so a rebuild
 * after Fields change follows moved columns.
 */
import { stringLiteral } from '../rules/to-formula';
import { type DashboardKey, dashboardTitles, type DashboardLanguage } from './titles';
import { dealsFormulas, type DealsSources, type DealsTableKey } from './deals-tables';
import { DEAL_STATUS_WORDS } from '../deals/deal';
import { statusWords } from '../mail/status-words';

/** Where a column is: `'Clients'!F2:F`, or null when the tab has no such header. */
export type ColumnRef = string | null;

export interface DashboardSources {
  clients: { id: ColumnRef; stage: ColumnRef; manager: ColumnRef; optOut: ColumnRef; lastContact: ColumnRef; updated: ColumnRef };
  purchases: { clientId: ColumnRef; date: ColumnRef; amount: ColumnRef };
  interactions: { clientId: ColumnRef; date: ColumnRef; manager: ColumnRef; nextDate: ColumnRef; done: ColumnRef };
  audit: { user: ColumnRef; action: ColumnRef; time: ColumnRef };
  mailings: { status: ColumnRef };
  segments: { name: ColumnRef; count: ColumnRef };
  checks: { column: ColumnRef };
  /** The Deals tab (issue 17); absent or all null in a base without one. */
  deals?: DealsSources;
  /** The Stage field's options, in order. */
  stages: readonly string[];
  /** `Settings!A:B` or null when there is no Settings tab. */
  settings: string | null;
}

export type ChartKey = 'stages' | 'segments' | 'sales' | 'share' | 'activity' | 'mail' | 'checks' | 'stale';
/** Tables: one per chart, and the deals tables (issue 17), which have no chart of their own yet. */
export type TableKey = ChartKey | DealsTableKey;
export type ChartTypeName = 'COLUMN' | 'BAR' | 'LINE' | 'PIE';

export interface TablePlan {
  key: TableKey;
  /** 1-based top-left (the title cell). */
  row: number;
  col: number;
  title: string;
  header: string[];
  /** Fixed first-column values (stages, mail statuses), written as plain values below the header. */
  axis?: string[];
  /** The table's one aggregate formula, written at (row + 2, col + (axis ? 1 : 0)). */
  formula: string;
  /** Data rows the chart covers (spilled tables may be shorter; blank rows are ignored). */
  rows: number;
  /** Number formats per column of the table (e.g. month dates, money, percent). */
  formats: string[];
}

export interface ChartPlan {
  key: ChartKey;
  table: ChartKey;
  type: ChartTypeName;
  /** Column offsets (0-based within the table) the chart reads, header row included. */
  columns: number[][];
  anchor: { row: number; col: number };
  options: Record<string, string | number | boolean | Record<string, string | number | boolean>>;
}

export interface DashboardPlan {
  language: DashboardLanguage;
  /** A1 (on Dashboard) of the cells the formulas share. */
  params: { today: string; activeDays: string; newClientMonths: string; staleDays: string };
  /** Row 1 and 2: title, then label/value pairs of the shared cells. */
  head: { row: number; col: number; values: string[][] };
  /** Formulas of the shared cells, by A1. */
  paramFormulas: Record<string, string>;
  tables: TablePlan[];
  charts: ChartPlan[];
}

export const DASHBOARD_TAB = 'Dashboard';
export const MONTHS_SHOWN = 12;
/** Rows a chart covers for a table whose length Sheets decides (managers, segments, columns). */
export const SPILL_ROWS = 30;
export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 300;
const CHART_ROWS = 16;
const CHART_COLS = 6;
const FIRST_CHART_ROW = 5;

const MAIL_STATUSES: readonly [DashboardKey, string][] = [
  ['sent', 'sent'],
  ['skippedOptedOut', 'skipped: opted_out'],
  ['skippedMissingEmail', 'skipped: missing_email'],
  ['skippedInvalidEmail', 'skipped: invalid_email'],
  ['skippedDuplicateEmail', 'skipped: duplicate_email'],
  ['skippedDuplicateClient', 'skipped: duplicate_client'],
  ['skippedAlreadySent', 'skipped: already_sent'],
  ['skippedAlreadyReceived', 'skipped: already_received'],
  ['failed', 'failed*'],
];

/**
 * What counts as one mail status in the Status column: the words the add-on
 * writes in the base's language and the code older rows hold. COUNTIFS
 * ignores case, so a pair that differs only by case is counted once.
 */
function mailCriteria(code: string, language: DashboardLanguage): string[] {
  const words = code.endsWith('*') ? `${statusWords(code.slice(0, -1), language)}*` : statusWords(code, language).replace(/[~*?]/g, (ch) => `~${ch}`);
  return words.toLowerCase() === code.toLowerCase() ? [code] : [code, words];
}

/** "B5" from 1-based row and column. */
export function a1(row: number, col: number, absolute = false): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return absolute ? `$${letters}$${row}` : `${letters}${row}`;
}

/** A criterion that matches the value exactly: "=" first, and COUNTIF's wildcards ~ * ? escaped. */
const exactText = (text: string): string => stringLiteral(`=${text.replace(/[~*?]/g, (ch) => `~${ch}`)}`);
const exactOf = (expr: string): string => `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${expr},"~","~~"),"*","~*"),"?","~?")`;
const key = (range: string): string => `LOWER(TRIM(${range}&""))`;
const dayOr = (range: string, fallback: string): string => `IF(ISNUMBER(${range}),INT(${range}),${fallback})`;
/** Per client (by ID, ignoring case), the earliest (ascending) or latest dated row of a tab. */
const datePerClient = (ids: string, dates: string, ascending: boolean): string =>
  `SORT(FILTER({${key(ids)},INT(${dates})},ISNUMBER(${dates})),2,${ascending ? 'TRUE' : 'FALSE'})`;

export function planDashboard(sources: DashboardSources, language: DashboardLanguage): DashboardPlan {
  const t = dashboardTitles(language);
  const params = { today: '$B$2', activeDays: '$D$2', newClientMonths: '$F$2', staleDays: '$H$2' };
  const setting = (name: string, fallback: number): string =>
    sources.settings ? `=IFERROR(VALUE(VLOOKUP("${name}",${sources.settings},2,FALSE)),${fallback})` : `=${fallback}`;
  const paramFormulas = {
    B2: '=TODAY()',
    D2: setting('activeDays', 90),
    F2: setting('newClientMonths', 1),
    H2: setting('staleDays', 180),
  };
  const head = {
    row: 1,
    col: 1,
    values: [
      [t.title, t.note, '', '', '', '', '', ''],
      [t.today, '', t.activeDays, '', t.newClientMonths, '', t.staleDays, ''],
    ],
  };

  const built: Omit<TablePlan, 'row' | 'col'>[] = [];
  const c = sources.clients;
  const p = sources.purchases;
  const i = sources.interactions;
  const today = params.today;

  if (c.id && c.stage && sources.stages.length > 0) {
    const last = p.clientId && p.date ? `IFERROR(VLOOKUP(${key(c.id)},${datePerClient(p.clientId, p.date, false)},2,FALSE),"")` : '""';
    const recency = `IF(ISNUMBER(${last}),IF(${last}>=${today}-${params.activeDays},"a","p"),"n")`;
    const stages = `{${sources.stages.map(exactText).join(';')}}`;
    const count = (cls: string) => `COUNTIFS(${c.stage},${stages},${recency},"${cls}",${c.id},"<>")`;
    built.push({
      key: 'stages',
      title: t.stagesTitle,
      header: [t.stage, t.active, t.passive, t.noPurchase],
      axis: [...sources.stages],
      formula: `=ARRAYFORMULA({${count('a')},${count('p')},${count('n')}})`,
      rows: sources.stages.length,
      formats: ['General', '0', '0', '0'],
    });
  }

  if (sources.segments.name && sources.segments.count) {
    const { name, count } = sources.segments;
    built.push({
      key: 'segments',
      title: t.segmentsTitle,
      header: [t.segment, t.clients],
      formula: `=IFERROR(FILTER({${name},${count}},LEN(TRIM(${name}&""))>0),"")`,
      rows: SPILL_ROWS,
      formats: ['General', '0'],
    });
  }

  if (p.clientId && p.date && p.amount) {
    const months = `EOMONTH(${today},SEQUENCE(${MONTHS_SHOWN},1,${1 - MONTHS_SHOWN},1))`;
    const month = `IF(ISNUMBER(${p.date}),EOMONTH(${p.date},0),0)`;
    const first = `VLOOKUP(${key(p.clientId)},${datePerClient(p.clientId, p.date, true)},2,FALSE)`;
    const isNew = `IFERROR(${month}<=EOMONTH(${first},${params.newClientMonths}-1),FALSE)`;
    const sum = (newClients: boolean) => `SUMIFS(${p.amount},${month},${months},${isNew},${newClients ? 'TRUE' : 'FALSE'},${p.clientId},"<>")`;
    built.push({
      key: 'sales',
      title: t.salesTitle,
      header: [t.month, t.newClients, t.regularClients, t.newShare],
      formula: `=ARRAYFORMULA({${months},${sum(true)},${sum(false)},IFERROR(${sum(true)}/(${sum(true)}+${sum(false)}),0)})`,
      rows: MONTHS_SHOWN,
      formats: ['mmm yyyy', '#,##0.00', '#,##0.00', '0%'],
    });
  }

  if (i.manager) {
    const manager = key(i.manager);
    const managers = `UNIQUE(FILTER(${manager},LEN(${manager})>0))`;
    const since = `">="&(${today}-6)`;
    const until = `"<="&${today}`;
    const logged = i.date ? `COUNTIFS(${manager},${exactOf(managers)},${dayOr(i.date, '""')},${since},${dayOr(i.date, '""')},${until})` : `0*LEN(${managers})`;
    const a = sources.audit;
    const done =
      a.user && a.action && a.time
        ? `COUNTIFS(${key(a.user)},${exactOf(managers)},${a.action},"done",${dayOr(a.time, '""')},${since},${dayOr(a.time, '""')},${until})`
        : `0*LEN(${managers})`;
    const overdue =
      i.nextDate && i.done ? `COUNTIFS(${manager},${exactOf(managers)},${i.done}=TRUE,FALSE,${dayOr(i.nextDate, '""')},"<"&${today})` : `0*LEN(${managers})`;
    built.push({
      key: 'activity',
      title: t.activityTitle,
      header: [t.manager, t.logged, t.done, t.overdue],
      formula: `=ARRAYFORMULA(IFERROR(SORT({${managers},${logged},${done},${overdue}},1,TRUE),""))`,
      rows: SPILL_ROWS,
      formats: ['General', '0', '0', '0'],
    });
  }

  if (sources.mailings.status) {
    const status = sources.mailings.status;
    const counts = MAIL_STATUSES.map(([, code]) =>
      mailCriteria(code, language)
        .map((criterion) => `COUNTIFS(${status},${stringLiteral(criterion)})`)
        .join('+'),
    );
    counts.push(c.optOut ? `COUNTIFS(${c.optOut},TRUE,${c.id ?? c.optOut},"<>")` : '0');
    built.push({
      key: 'mail',
      title: t.mailTitle,
      header: [t.mailStatus, t.recipients],
      axis: [...MAIL_STATUSES.map(([label]) => t[label]), t.unsubscribed],
      formula: `={${counts.join(';')}}`,
      rows: MAIL_STATUSES.length + 1,
      formats: ['General', '0'],
    });
  }

  if (sources.checks.column) {
    const column = sources.checks.column;
    const names = `UNIQUE(FILTER(${column},LEN(TRIM(${column}&""))>0))`;
    built.push({
      key: 'checks',
      title: t.checkTitle,
      header: [t.column, t.problems],
      formula: `=ARRAYFORMULA(IFERROR(SORT({${names},COUNTIFS(${column},${exactOf(names)})},2,FALSE),""))`,
      rows: SPILL_ROWS,
      formats: ['General', '0'],
    });
  }

  if (c.id && c.manager) {
    const manager = key(c.manager);
    const managers = `UNIQUE(FILTER(${manager},LEN(${manager})>0,LEN(TRIM(${c.id}&""))>0))`;
    const updated = c.updated ? dayOr(c.updated, '0') : '0';
    const field = c.lastContact ? dayOr(c.lastContact, '0') : '0';
    const logged = i.clientId && i.date ? `IFERROR(VLOOKUP(${key(c.id)},${datePerClient(i.clientId, i.date, false)},2,FALSE),0)` : '0';
    const cutoff = `(${today}-${params.staleDays})`;
    const stale = `((${updated}<${cutoff})+(IF(${field}>${logged},${field},${logged})<${cutoff})>0)`;
    built.push({
      key: 'stale',
      title: t.staleTitle,
      header: [t.manager, t.stale],
      formula: `=ARRAYFORMULA(IFERROR(SORT({${managers},COUNTIFS(${manager},${exactOf(managers)},${stale},TRUE,${c.id},"<>")},2,FALSE),""))`,
      rows: SPILL_ROWS,
      formats: ['General', '0'],
    });
  }

  for (const deals of sources.deals ? dealsFormulas(sources.deals, today, MONTHS_SHOWN) : []) {
    if (deals.key === 'dealsStatus')
      built.push({
        key: deals.key,
        title: t.dealsStatusTitle,
        header: [t.dealStatus, t.deals, t.dealsAmount],
        axis: (deals.axis ?? []).map((s) => DEAL_STATUS_WORDS[language][s]),
        formula: deals.formula,
        rows: deals.axis?.length ?? 0,
        formats: ['General', '0', '#,##0.00'],
      });
    else if (deals.key === 'dealsWon')
      built.push({
        key: deals.key,
        title: t.dealsWonTitle,
        header: [t.month, t.wonAmount, t.wonDeals],
        formula: deals.formula,
        rows: MONTHS_SHOWN,
        formats: ['mmm yyyy', '#,##0.00', '0'],
      });
    else
      built.push({
        key: deals.key,
        title: t.dealsManagersTitle,
        header: [t.manager, t.openDeals, t.openAmount, t.wonAmount],
        formula: deals.formula,
        rows: SPILL_ROWS,
        formats: ['General', '0', '#,##0.00', '#,##0.00'],
      });
  }

  // Tables side by side below the charts, each in its own band of columns, so a spill never meets another table.
  const chartCount = built.filter((b) => !b.key.startsWith('deals')).length + (built.some((b) => b.key === 'sales') ? 1 : 0);
  const tableRow = FIRST_CHART_ROW + Math.ceil(chartCount / 2) * CHART_ROWS + 1;
  let col = 1;
  const tables: TablePlan[] = built.map((b) => {
    const table = { ...b, row: tableRow, col };
    col += b.header.length + 1;
    return table;
  });

  const chartSpecs: Omit<ChartPlan, 'anchor'>[] = [];
  const common = (title: string) => ({ title, width: CHART_WIDTH, height: CHART_HEIGHT, legend: { position: 'bottom' } });
  for (const table of tables) {
    const all = table.header.map((_, k) => k);
    switch (table.key) {
      case 'stages':
        chartSpecs.push({ key: 'stages', table: 'stages', type: 'COLUMN', columns: [all], options: { ...common(table.title), isStacked: true } });
        break;
      case 'segments':
        chartSpecs.push({ key: 'segments', table: 'segments', type: 'BAR', columns: [all], options: { ...common(table.title), legend: { position: 'none' } } });
        break;
      case 'sales':
        chartSpecs.push({ key: 'sales', table: 'sales', type: 'COLUMN', columns: [[0, 1, 2]], options: { ...common(table.title), isStacked: true } });
        chartSpecs.push({
          key: 'share',
          table: 'sales',
          type: 'LINE',
          columns: [[0], [3]],
          options: { ...common(t.shareTitle), vAxis: { format: 'percent', minValue: 0, maxValue: 1 } },
        });
        break;
      case 'activity':
        chartSpecs.push({ key: 'activity', table: 'activity', type: 'COLUMN', columns: [all], options: common(table.title) });
        break;
      case 'mail':
        chartSpecs.push({ key: 'mail', table: 'mail', type: 'BAR', columns: [all], options: { ...common(table.title), legend: { position: 'none' } } });
        break;
      case 'checks':
        chartSpecs.push({ key: 'checks', table: 'checks', type: 'BAR', columns: [all], options: { ...common(table.title), legend: { position: 'none' } } });
        break;
      case 'stale':
        chartSpecs.push({ key: 'stale', table: 'stale', type: 'COLUMN', columns: [all], options: { ...common(table.title), legend: { position: 'none' } } });
        break;
    }
  }
  const charts = chartSpecs.map((spec, k) => ({
    ...spec,
    anchor: { row: FIRST_CHART_ROW + Math.floor(k / 2) * CHART_ROWS, col: 1 + (k % 2) * CHART_COLS },
  }));
  return { language, params, head, paramFormulas, tables, charts };
}

/** The A1 (on Dashboard) of a table's data columns for a chart: header row and `rows` data rows. */
export function chartRanges(table: TablePlan, chart: ChartPlan): string[] {
  return chart.columns.map((cols) => {
    const first = table.col + Math.min(...cols);
    const last = table.col + Math.max(...cols);
    return `${a1(table.row + 1, first)}:${a1(table.row + 1 + table.rows, last)}`;
  });
}

/** The whole block of a table, title to last covered row: where "Show on dashboard" takes the user. */
export function tableRange(table: TablePlan): string {
  return `${a1(table.row, table.col)}:${a1(table.row + 1 + table.rows, table.col + table.header.length - 1)}`;
}
