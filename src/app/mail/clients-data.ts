/**
 * The Clients tab as mail merge needs it: every client's values keyed by
 * column header (any column can be a placeholder), its email and opt-out
 * columns, and its sheet row. One read.
 */
import { Columns } from '../../core/clients/columns';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import { summarize, summaryLabel } from '../../core/clients/summary';
import { cellText, type CellValue } from '../../core/values';
import { readTable, type Table } from '../../gas/sheets';
import type { Base } from '../base';

export interface ClientRecord {
  id: string;
  /** 1-based sheet row at the time of the read. */
  row: number;
  values: Record<string, CellValue>;
}

export interface ClientsData {
  table: Table;
  cols: Columns;
  /** Header names, in sheet order, without blanks: what placeholders may name. */
  fieldNames: string[];
  emailField: string;
  optOutField: string;
  byId: Map<string, ClientRecord>;
}

export function readClients(base: Base): ClientsData {
  const table = readTable(TAB.clients);
  if (!table) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
  const cols = new Columns(table.header);
  const idColumn = cols.indexOf('ID');
  if (idColumn < 0) throw new AppFailure('not_found', 'The Clients tab has no ID column. Run ClientBase ▸ Set up.');
  const fieldNames = table.header.filter((h) => h !== '');
  const byId = new Map<string, ClientRecord>();
  table.rows.forEach((cells, i) => {
    const id = cellText(cells[idColumn]).trim();
    if (id === '' || byId.has(id)) return;
    const values: Record<string, CellValue> = {};
    table.header.forEach((h, c) => {
      if (h !== '' && !Object.hasOwn(values, h)) values[h] = cells[c];
    });
    byId.set(id, { id, row: i + 2, values });
  });
  return { table, cols, fieldNames, emailField: emailFieldOf(base), optOutField: optOutFieldOf(base), byId };
}

export function emailFieldOf(base: Base): string {
  return (base.fields.find((f) => f.key === 'email') ?? base.fields.find((f) => f.type === 'email'))?.name ?? 'Email';
}

export function optOutFieldOf(base: Base): string {
  return base.fields.find((f) => f.key === 'optOut')?.name ?? 'Opt-out';
}

/** "Ann Petrova" or the company or the email: how a recipient is named in the sidebar. */
export function clientLabel(base: Base, client: ClientRecord | undefined): string {
  if (!client) return '';
  const label = summaryLabel(summarize(base.fields, client.values), client.id);
  return label.length > 120 ? `${label.slice(0, 119)}…` : label;
}
