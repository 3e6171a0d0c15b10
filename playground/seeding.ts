/**
 * Fills a fresh playground: the clients go into a raw `Clients` sheet and the
 * add-on's own adoption (apiProposeAdoption → apiAdopt, through the bundle)
 * turns it into a client base with IDs; interactions and purchases are then
 * linked to those IDs.
 */
import { PLAYGROUND_USERS } from './demo/names.ts';
import { describeRaggedRows, parseCsv, raggedRows } from '../src/core/csv/parse.ts';
import { TAB } from '../src/core/schema/tabs.ts';
import { asLiteral } from '../src/core/sheet/literal.ts';
import { linkClientIds } from './demo/seed.ts';
import type { Runtime } from './runtime.ts';

export interface SeedSource {
  /** Header row first. */
  clients: unknown[][];
  /** `Client ID` holds the 0-based index of the client's data row until linked. */
  interactions?: unknown[][];
  purchases?: unknown[][];
  /**
   * false: stop at the proposed mapping, as Set up does on a real sheet with a
   * list, so a person confirms it in the sidebar. The demo adopts at once.
   */
  adopt?: boolean;
  /** Problems found while reading the source, shown when seeding. */
  warnings?: string[];
}

export interface SeedReport {
  clients: number;
  interactions: number;
  purchases: number;
  adoptedBy: 'add-on' | 'playground fallback' | 'waiting for your confirmation';
  warnings: string[];
}

export function seedPlayground(runtime: Runtime, source: SeedSource): SeedReport {
  const emu = runtime.emulator;
  const warnings: string[] = [...(source.warnings ?? [])];
  writeAsTyped(runtime, source.clients);
  if (source.adopt === false) {
    // Set up finds the list and opens the sidebar on the proposed mapping; nothing is adopted until it is confirmed.
    if (runtime.has('menuSetUp')) runtime.call('menuSetUp', []);
    return { clients: source.clients.length - 1, interactions: 0, purchases: 0, adoptedBy: 'waiting for your confirmation', warnings };
  }

  let adoptedBy: SeedReport['adoptedBy'] = 'add-on';
  if (runtime.has('apiProposeAdoption') && runtime.has('apiAdopt')) {
    const proposal = unwrap('apiProposeAdoption', runtime.call('apiProposeAdoption', []));
    unwrap('apiAdopt', runtime.call('apiAdopt', [proposal]));
  } else {
    adoptedBy = 'playground fallback';
    warnings.push('the bundle has no apiProposeAdoption/apiAdopt yet: IDs were added by the playground, not by the add-on');
    emu.writeSheet(TAB.clients, adoptWithoutAddOn(source.clients, new Date()));
    emu.writeSheet(LIST_TAB, []);
  }

  grantDemoRoles(runtime);
  const ids = clientIds(emu.readSheet(TAB.clients));
  const dataRows = source.clients.length - 1;
  let interactions = 0;
  let purchases = 0;
  if (ids.length !== dataRows) {
    warnings.push(`Clients has ${ids.length} IDs for ${dataRows} imported rows: interactions and purchases were not linked`);
  } else {
    if (source.interactions && source.interactions.length > 1) {
      emu.writeSheet(TAB.interactions, linkClientIds(source.interactions, ids));
      interactions = source.interactions.length - 1;
    }
    if (source.purchases && source.purchases.length > 1) {
      emu.writeSheet(TAB.purchases, linkClientIds(source.purchases, ids));
      purchases = source.purchases.length - 1;
    }
  }
  return { clients: dataRows, interactions, purchases, adoptedBy, warnings };
}

/**
 * The people the "Acting as" switch offers get the roles it names, written
 * into Settings as an admin would, so the playground can be tried as an
 * admin, a manager and a reader.
 */
function grantDemoRoles(runtime: Runtime): void {
  const emu = runtime.emulator;
  const managers = PLAYGROUND_USERS.filter((u) => u.role === 'manager').map((u) => u.email);
  const admins = PLAYGROUND_USERS.filter((u) => u.role === 'admin').map((u) => u.email);
  emu.writeSheet(
    TAB.settings,
    emu
      .readSheet(TAB.settings)
      .map((row) => (row[0] === 'managers' ? [row[0], managers.join(', '), row[2]] : row[0] === 'admins' ? [row[0], admins.join(', '), row[2]] : row)),
  );
}

/** Where a new spreadsheet's list lives before adoption renames the tab to Clients. */
const LIST_TAB = 'Sheet1';

/**
 * The raw list, as a person pastes it with "=…" kept as text: an export's
 * cells are data, and ClientBase's promise is that none of them turns into
 * something else.
 */
function writeAsTyped(runtime: Runtime, rows: unknown[][]): void {
  const emu = runtime.emulator;
  emu.writeSheet(LIST_TAB, rows.slice(0, 1));
  if (rows.length < 2) return;
  const width = Math.max(...rows.map((r) => r.length));
  const body = rows.slice(1).map((r) => Array.from({ length: width }, (_, i) => asLiteral(r[i] ?? '', false)));
  const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(LIST_TAB)!;
  if (sheet.getMaxRows() < rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(2, 1, body.length, width).setValues(body);
}

/** A user's own export as a seed: the CSV's rows become the raw Clients sheet. */
export function csvSource(text: string): SeedSource {
  const rows = parseCsv(text);
  if (rows.length === 0 || rows[0].every((cell) => cell.trim() === '')) throw new Error('the CSV file is empty: it needs a header row');
  const ragged = raggedRows(rows);
  return { clients: rows, adopt: false, warnings: ragged.length ? [describeRaggedRows(ragged)] : [] };
}

/**
 * Server functions answer with a Result ({ ok, value } / { ok: false, error });
 * a plain value is taken as is.
 */
function unwrap(fn: string, result: ReturnType<Runtime['call']>): unknown {
  if (!result.ok) throw new Error(`${fn} failed: ${result.error}`);
  const value = result.value as { ok?: unknown; value?: unknown; error?: { message?: unknown } } | null;
  if (value && typeof value === 'object' && typeof value.ok === 'boolean') {
    if (!value.ok) throw new Error(`${fn} refused: ${String(value.error?.message ?? JSON.stringify(value.error))}`);
    return value.value;
  }
  return value;
}

function clientIds(rows: unknown[][]): string[] {
  const column = (rows[0] ?? []).indexOf('ID');
  if (column < 0) return [];
  return rows.slice(1).map((row) => String(row[column] ?? ''));
}

// ---- fallback, to delete once the add-on's adoption exists -------------------------------

/** Prepends the system columns the add-on would add: ID, Created, Updated, Updated by. */
function adoptWithoutAddOn(clients: unknown[][], now: Date): unknown[][] {
  const [header, ...rows] = clients;
  return [
    ['ID', 'Created', 'Updated', 'Updated by', ...header],
    ...rows.map((row, i) => [`C${String(i + 1).padStart(4, '0')}`, now, now, 'playground', ...row]),
  ];
}
