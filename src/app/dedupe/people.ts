/** The Clients tab as the duplicate engine sees it. */
import { Columns } from '../../core/clients/columns';
import { personFromRow, personMapping } from '../../core/clients/person';
import type { PersonRecord } from '../../core/dedupe/record';
import type { FieldDef } from '../../core/schema/field';
import { cellText } from '../../core/values';

export interface ClientSummary {
  name: string;
  email: string;
  phone: string;
}

export function peopleOf(fields: readonly FieldDef[], header: readonly string[], rows: readonly (readonly unknown[])[]): PersonRecord[] {
  const mapping = personMapping(fields, new Columns(header));
  return rows.map((r) => personFromRow(r, mapping)).filter((p) => p.id !== '');
}

export function summaryOf(fields: readonly FieldDef[], cols: Columns, row: readonly unknown[]): ClientSummary {
  const byKey = (key: string) => {
    const f = fields.find((x) => x.key === key);
    return f ? cellText(cols.get(row, f.name)).trim() : '';
  };
  return {
    name: [byKey('firstName'), byKey('lastName')].filter(Boolean).join(' ') || byKey('company'),
    email: byKey('email'),
    phone: byKey('phone'),
  };
}
