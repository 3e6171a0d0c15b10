/**
 * The Clients tab read for a bulk change of one field (set stage, bulk tag or manager):
 * the table, its columns, the field's column and each client's row by ID, in one read.
 */
import { Columns } from '../core/clients/columns';
import { AppFailure } from '../core/result';
import { TAB } from '../core/schema/tabs';
import { cellText } from '../core/values';
import { type EditableTable, readEditableTable } from '../gas/sheets';

export interface ClientsColumn {
  table: EditableTable;
  cols: Columns;
  column: number;
  idColumn: number;
  /** Index into table.rows; the first row wins when an ID is repeated. */
  rowById: Map<string, number>;
}

export function readClientsColumn(fieldName: string): ClientsColumn {
  const table = readEditableTable(TAB.clients);
  if (!table) throw new AppFailure('not_found', 'The Clients tab is missing. Run ClientBase ▸ Set up.');
  const cols = new Columns(table.header);
  const column = cols.indexOf(fieldName);
  if (column < 0) throw new AppFailure('bad_input', `The Clients tab has no "${fieldName}" column. Run ClientBase ▸ Apply fields.`);
  const idColumn = cols.indexOf('ID');
  const rowById = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const id = cellText(row[idColumn]).trim();
    if (id && !rowById.has(id)) rowById.set(id, i);
  });
  return { table, cols, column, idColumn, rowById };
}
