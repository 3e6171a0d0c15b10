/**
 * What GET /api/state sends the page: one sheet as a grid plus the side
 * panels (menu, outbox, last call). Plain JSON: dates as ISO strings.
 */
import { rawOf } from '../emulator/calls.ts';
import { cellText, isDate } from '../src/core/values.ts';
import { drawnBackground } from './cell-colour.ts';
import { chartViews, type ChartView } from './chart-view.ts';
import type { CallRecord, Runtime } from './runtime.ts';
import { onlyReads } from './service-calls.ts';
import { localDateTime } from './local-time.ts';

export const MAX_GRID_ROWS = 2000;
const MAX_OUTBOX = 200;

export interface GridView {
  name: string;
  /** Raw values: strings, numbers, booleans; dates as ISO strings. */
  values: (string | number | boolean)[][];
  display: string[][];
  totalRows: number;
  frozenRows: number;
  frozenColumns: number;
  /** The sheet's grid size: the page draws a few empty rows and columns past the data, up to these, to type into. */
  maxRows: number;
  maxColumns: number;
  hiddenRows: number[];
  notes: { row: number; column: number; note: string }[];
  invalid: { row: number; column: number; reason: string }[];
  /** Cells with a background other than white, each a checked #rgb/#rrggbb colour or CSS colour name. */
  backgrounds: { row: number; column: number; color: string }[];
  /** The sheet's embedded charts, ready to draw. */
  charts: ChartView[];
}

export type CallView = Omit<CallRecord, 'mail' | 'sidebars' | 'dialogs'> & {
  seq: number;
  mail: number;
  sidebars: string[];
  dialogs: string[];
  /** Only get…/is…/has… service calls: the sidebar's background polling, most of the time. */
  readOnly: boolean;
};

export interface PlaygroundView {
  user: string;
  users: readonly { email: string; role: string }[];
  sheets: string[];
  sheet?: GridView;
  /** The sheet the page shows, also when the grid itself was left out (`?grid=0`). */
  viewing?: string;
  /** The base's revision this view was taken at (see Session.revision). */
  revision?: number;
  notices: string[];
  /** The base is not set up yet (an import waiting for its mapping to be confirmed): the page opens the sidebar. */
  awaitingSetUp: boolean;
  menus: { name: string; items: ({ caption: string; functionName: string } | { separator: true })[] }[];
  /** `at` as ISO; `time` as the spreadsheet shows a date-time in its time zone and locale. */
  outbox: { to: string; subject: string; body: string; htmlBody?: string; at: string; time: string }[];
  /** The spreadsheet's time zone, as File ▸ Settings names it. */
  timeZone: string;
  outboxTotal: number;
  /** The most recent calls, newest first: what each called and showed; mail as a count (the outbox has it). */
  calls: CallView[];
  sidebars: number;
  dialogs: number;
}

export function sheetView(runtime: Runtime, name: string): GridView {
  const emu = runtime.emulator;
  const values = emu.readSheet(name);
  const display = emu.readSheetDisplay(name);
  const inspected = emu.inspectSheet(name);
  const shown = values.slice(0, MAX_GRID_ROWS);
  const notes: GridView['notes'] = [];
  inspected.notes.slice(0, MAX_GRID_ROWS).forEach((row, r) =>
    row.forEach((note, c) => {
      if (note) notes.push({ row: r + 1, column: c + 1, note });
    }),
  );
  const backgrounds: GridView['backgrounds'] = [];
  (inspected.backgrounds ?? []).slice(0, MAX_GRID_ROWS).forEach((row, r) =>
    row.forEach((value, c) => {
      const color = drawnBackground(value);
      if (color) backgrounds.push({ row: r + 1, column: c + 1, color });
    }),
  );
  return {
    name,
    values: shown.map((row) => row.map(toJsonCell)),
    display: display.slice(0, MAX_GRID_ROWS),
    totalRows: values.length,
    frozenRows: inspected.frozenRows,
    frozenColumns: inspected.frozenColumns,
    maxRows: inspected.maxRows,
    maxColumns: inspected.maxColumns,
    hiddenRows: inspected.hiddenRows.filter((row) => row <= MAX_GRID_ROWS),
    notes,
    backgrounds,
    charts: chartViews(emu, name),
    invalid: inspected.invalidCells
      .map(parseInvalid)
      .filter((cell): cell is GridView['invalid'][number] => cell !== undefined && cell.row <= MAX_GRID_ROWS)
      .map((cell) => ({ ...cell, reason: ruleReason(inspected.validations[cell.row - 1]?.[cell.column - 1]) ?? cell.reason })),
  };
}

/** The rule's own help text, as Sheets shows it on an invalid cell. */
function ruleReason(rule: { criteria: string; helpText: string } | null | undefined): string | undefined {
  if (!rule) return undefined;
  return `Invalid: ${rule.helpText || `the value breaks the rule ${rule.criteria}`}`;
}

function toJsonCell(value: unknown): string | number | boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return Number.isFinite(value as number) || typeof value === 'boolean' ? value : String(value);
  if (isDate(value)) return value.toISOString();
  return cellText(value);
}

/** "B7" or "B7: reason" (the emulator's invalid-cell entries) as a row and column. */
export function parseInvalid(entry: string): { row: number; column: number; reason: string } | undefined {
  const match = /^(?:'?[^!]*'?!)?\$?([A-Z]{1,3})\$?(\d+)\s*(?:[:\-–]\s*([\s\S]*))?$/.exec(String(entry).trim());
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1]) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column, reason: match[3]?.trim() || 'Invalid: the cell breaks its data validation rule' };
}

export function sidePanels(
  runtime: Runtime,
  history: readonly (CallRecord & { seq: number })[],
): Omit<PlaygroundView, 'user' | 'users' | 'sheets' | 'sheet' | 'notices' | 'awaitingSetUp'> {
  const emu = runtime.emulator;
  const book = rawOf(rawOf(emu.globals.SpreadsheetApp).getActiveSpreadsheet());
  const timeZone = book.getSpreadsheetTimeZone();
  const locale = book.getSpreadsheetLocale();
  const latestMenus = new Map<string, PlaygroundView['menus'][number]>();
  for (const menu of emu.ui.menus) latestMenus.set(menu.name, menu as PlaygroundView['menus'][number]);
  return {
    menus: [...latestMenus.values()],
    outbox: emu.outbox
      .slice(-MAX_OUTBOX)
      .reverse()
      .map((m) => ({
        to: String(m.to),
        subject: String(m.subject),
        body: String(m.body ?? ''),
        ...(m.htmlBody ? { htmlBody: String(m.htmlBody) } : {}),
        at: isDate(m.at) ? m.at.toISOString() : String(m.at),
        time: isDate(m.at) ? localDateTime(m.at, timeZone, locale) : String(m.at),
      })),
    timeZone,
    outboxTotal: emu.outbox.length,
    calls: history.map((call) => ({
      ...call,
      mail: call.mail.length,
      sidebars: call.sidebars.map((s) => String(s.title ?? '')),
      dialogs: call.dialogs.map((d) => String(d.title ?? '')),
      readOnly: onlyReads(call.serviceCalls) && call.mail.length === 0,
    })),
    sidebars: emu.ui.sidebars.length,
    dialogs: emu.ui.dialogs.length,
  };
}
