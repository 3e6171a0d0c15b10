/**
 * Where each field and system column sits in the Clients header, looked up by
 * name at every operation: columns can be moved or added between two calls.
 */
import { nameKey } from '../schema/name-key';

export class Columns {
  private readonly byKey = new Map<string, number>();

  constructor(readonly header: readonly string[]) {
    header.forEach((name, i) => {
      const key = nameKey(name);
      if (key && !this.byKey.has(key)) this.byKey.set(key, i);
    });
  }

  /** 0-based column index, or -1 when the sheet has no such column. */
  indexOf(name: string): number {
    return this.byKey.get(nameKey(name)) ?? -1;
  }

  has(name: string): boolean {
    return this.indexOf(name) >= 0;
  }

  get(row: readonly unknown[], name: string): unknown {
    const i = this.indexOf(name);
    return i >= 0 ? row[i] : '';
  }
}

/** Sheet row (1-based) of the data row whose ID cell equals `id`, found now rather than remembered. */
export function findRowIndexById(rows: readonly (readonly unknown[])[], idColumn: number, id: string): number {
  if (idColumn < 0 || !id) return -1;
  for (let i = 0; i < rows.length; i++) if (String(rows[i][idColumn]) === id) return i;
  return -1;
}
