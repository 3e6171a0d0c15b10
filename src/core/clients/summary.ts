/**
 * How a client is named wherever the add-on lists clients (search results,
 * duplicate warnings, the Duplicates tab, the due list, stale clients,
 * segment previews, mail recipients): the parts come from the fields by
 * their key, so a renamed "First name" column still names the client.
 */
import type { FieldDef } from '../schema/field';
import { cellText } from '../values';
import { Columns } from './columns';

export interface ClientSummary {
  /** First and last name, space-separated; '' when both are empty. */
  person: string;
  company: string;
  email: string;
  phone: string;
  stage: string;
}

const PARTS = ['firstName', 'lastName', 'company', 'email', 'phone', 'stage'] as const;
type Part = (typeof PARTS)[number];

function compose(get: (part: Part) => string): ClientSummary {
  return {
    person: [get('firstName'), get('lastName')].filter(Boolean).join(' '),
    company: get('company'),
    email: get('email'),
    phone: get('phone'),
    stage: get('stage'),
  };
}

function fieldNames(fields: readonly FieldDef[]): Record<Part, string | undefined> {
  return Object.fromEntries(PARTS.map((p) => [p, fields.find((f) => f.key === p)?.name])) as Record<Part, string | undefined>;
}

/** For many rows of one table: the columns are looked up once. */
export function summaryReader(fields: readonly FieldDef[], header: readonly string[]): (row: readonly unknown[]) => ClientSummary {
  const cols = new Columns(header);
  const names = fieldNames(fields);
  const index = Object.fromEntries(PARTS.map((p) => [p, names[p] === undefined ? -1 : cols.indexOf(names[p]!)])) as Record<Part, number>;
  return (row) => compose((p) => (index[p] >= 0 ? cellText(row[index[p]]).trim() : ''));
}

/** For one client held as values by field name. */
export function summarize(fields: readonly FieldDef[], values: Readonly<Record<string, unknown>>): ClientSummary {
  const names = fieldNames(fields);
  return compose((p) => (names[p] === undefined ? '' : cellText(values[names[p]!]).trim()));
}

/** The one name to show: the person, else the company, else the email, else the ID. */
export function summaryLabel(summary: ClientSummary, id: string): string {
  return summary.person || summary.company || summary.email || id;
}
