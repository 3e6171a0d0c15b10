/**
 * What the sidebar searches in the browser: one row per client with the
 * columns search and the duplicate check look at, read once per sidebar (one
 * round trip) and again only when the clients version stamp moves. Each
 * column is one getValues of that column, so the cells read are clients ×
 * indexed columns, not the whole table.
 */
import { Columns } from '../core/clients/columns';
import { TAB } from '../core/schema/tabs';
import type { FieldDef } from '../core/schema/field';
import { nicknameTable } from '../core/normalize/nicknames';
import { cellText, isDate } from '../core/values';
import { clientsVersion } from '../gas/clients-version';
import { formatDay } from '../gas/dates';
import { openKeyed, readColumn } from '../gas/keyed-rows';
import { findSheet } from '../gas/sheets';
import { loadBase } from './base';
import { companyFieldsFromRows, readFieldsRows } from './companies/companies-tab';

export interface ClientIndexDto {
  /** The stamp this index was read at (compare with apiPoll's). */
  version: string;
  /** Field names of each row's cells after the ID. */
  fields: string[];
  /** [ID, ...values of `fields`], as display text. */
  rows: string[][];
  /** Name families for nickname search (nicknameTable): data in the reply, not code in the sidebar's bundle. */
  nicknames?: string;
  /** [ID, Name, Tax ID] of each company, for the same type-ahead; absent without a Companies tab. */
  companies?: string[][];
}

const PERSON_KEYS = new Set(['firstName', 'lastName', 'company', 'city', 'postalCode', 'region', 'country', 'birthday', 'taxId', 'address', 'stage']);

/** Fields the sidebar's search and duplicate check read: names, company, contacts, stage and the person's identifiers. */
export function indexedFields(fields: readonly FieldDef[]): FieldDef[] {
  return fields.filter((f) => f.type === 'email' || f.type === 'phone' || (f.key !== undefined && PERSON_KEYS.has(f.key)));
}

export function clientIndex(): ClientIndexDto {
  const base = loadBase();
  const keyed = openKeyed(TAB.clients);
  if (!keyed) return { version: clientsVersion(0), fields: [], rows: [] };
  const cols = new Columns(keyed.header);
  const fields = indexedFields(base.fields).filter((f) => cols.has(f.name));
  const text = (f: FieldDef | undefined, v: unknown) => (isDate(v) ? (f?.type === 'date' ? formatDay(v, base.timeZone) : v.toISOString()) : cellText(v));
  const columns = [readColumn(keyed, cols.indexOf('ID') + 1), ...fields.map((f) => readColumn(keyed, cols.indexOf(f.name) + 1))];
  const defs = [undefined, ...fields];
  const rows: string[][] = [];
  const count = columns[0].length;
  for (let i = 0; i < count; i++) {
    const id = cellText(columns[0][i]);
    if (!id) continue;
    rows.push(columns.map((c, j) => text(defs[j], c[i])));
  }
  const companies = companyRows();
  return { version: clientsVersion(keyed.lastRow), fields: fields.map((f) => f.name), rows, nicknames: nicknameTable(), ...(companies ? { companies } : {}) };
}

/** The companies' ID, name and tax ID: three column reads, whatever the number of companies. */
function companyRows(): string[][] | null {
  const keyed = openKeyed(TAB.companies);
  if (!keyed) return null;
  const cols = new Columns(keyed.header);
  const fields = companyFieldsFromRows(readFieldsRows()).fields;
  const nameOf = (key: string, fallback: string) => fields.find((f) => f.key === key)?.name ?? fallback;
  const at = [cols.indexOf('ID'), cols.indexOf(nameOf('company', 'Name')), cols.indexOf(nameOf('taxId', 'Tax ID'))];
  if (at[0] < 0) return null;
  const columns = at.map((c) => (c < 0 ? [] : readColumn(keyed, c + 1)));
  const rows: string[][] = [];
  columns[0].forEach((id, i) => {
    if (cellText(id).trim()) rows.push(columns.map((c) => cellText(c[i])));
  });
  return rows;
}

/** The sidebar's poll: the client under the cursor and whether the index is stale. */
export function currentClientsVersion(): string {
  return clientsVersion(findSheet(TAB.clients)?.getLastRow() ?? 0);
}
