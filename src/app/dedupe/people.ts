/** The Clients tab as the duplicate engine sees it. */
import { Columns } from '../../core/clients/columns';
import { personFromRow, personMapping } from '../../core/clients/person';
import type { PersonRecord } from '../../core/dedupe/record';
import type { FieldDef } from '../../core/schema/field';
import { cellText } from '../../core/values';

export function peopleOf(fields: readonly FieldDef[], header: readonly string[], rows: readonly (readonly unknown[])[]): PersonRecord[] {
  const mapping = personMapping(fields, new Columns(header));
  return rows.map((r) => personFromRow(r, mapping)).filter((p) => p.id !== '');
}
