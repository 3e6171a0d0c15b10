/**
 * The Companies tab and its fields. Its columns are the ID and change stamps
 * (as in Clients), then the company fields of Fields (rows whose Table cell
 * says Companies; the defaults for a base made before Companies). It is made
 * the first time it is needed, so an existing base gets it from Link people to
 * companies without being set up again.
 */
import { companyFieldsOf } from '../../core/companies/company-fields';
import { Columns } from '../../core/clients/columns';
import { localTabName } from '../../core/i18n/sheet-words';
import { SYSTEM_COLUMNS, type FieldDef } from '../../core/schema/field';
import { parseFieldsTab } from '../../core/schema/fields-tab';
import { sheetRuleFor } from '../../core/schema/sheet-rules';
import { SYSTEM_FORMATS } from '../../core/schema/tab-layouts';
import { TAB } from '../../core/schema/tabs';
import { applyRules } from '../../gas/field-rules';
import { findSheet, readTable, spreadsheet, type Table } from '../../gas/sheets';
import { rememberTabs, sheetLanguage } from '../../gas/tab-keys';
import { dressTab } from '../../gas/tabs';
import { protectClients } from '../setup';

/** The company fields from a read of the Fields tab (header first). */
export function companyFieldsFromRows(rows: readonly (readonly unknown[])[]): { fields: FieldDef[]; fromDefaults: boolean } {
  const own = parseFieldsTab(rows, TAB.companies).fields;
  return { fields: companyFieldsOf(own), fromDefaults: own.length === 0 };
}

export function readFieldsRows(): unknown[][] {
  const table = readTable(TAB.fields);
  return table ? [table.header, ...table.rows] : [];
}

/** The Companies tab, made with its header, rules and protections when missing. */
export function ensureCompaniesTab(fields: readonly FieldDef[]): GoogleAppsScript.Spreadsheet.Sheet {
  const found = findSheet(TAB.companies);
  if (found) return found;
  const sheet = spreadsheet().insertSheet(localTabName(TAB.companies, sheetLanguage()));
  rememberTabs({ [TAB.companies]: sheet });
  dressTab(sheet, { header: [...SYSTEM_COLUMNS, ...fields.map((f) => f.name)], formats: SYSTEM_COLUMNS.map((c) => SYSTEM_FORMATS[c]) });
  applyRules(sheet, SYSTEM_COLUMNS.length + 1, fields.map(sheetRuleFor));
  protectClients(sheet);
  return sheet;
}

export interface CompaniesTable {
  table: Table;
  cols: Columns;
}

export function readCompanies(): CompaniesTable | null {
  const table = readTable(TAB.companies);
  return table ? { table, cols: new Columns(table.header) } : null;
}
