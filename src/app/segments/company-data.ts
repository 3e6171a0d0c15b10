/**
 * The Companies tab for rules that name a company field (`Company.Rating >= 4`):
 * read once, and only when a rule asks for it, so segments without company
 * fields cost exactly what they did. Gives the parser the Companies header,
 * compileRule the rows, and the formula builder the letters.
 */
import { operandsOf, type RuleAst } from '../../core/rules/ast';
import type { CompanyFormulaLayout, CompanyTable } from '../../core/rules/company-operand';
import type { RuleOptions } from '../../core/rules/parser';
import type { FieldDef } from '../../core/schema/field';
import { TAB } from '../../core/schema/tabs';
import { findSheet, tableFromValues } from '../../gas/sheets';
import type { CellValue } from '../../core/values';
import { columnLetter } from './layout';

export interface LoadedCompanies extends CompanyTable {
  /** The tab's current name (Компании in a base set up in Russian), for the formulas. */
  sheet: string;
}

/** A memoised reader of the Companies tab: null when the base has none. */
export function lazyCompanies(fields?: readonly FieldDef[]): () => LoadedCompanies | null {
  let loaded: LoadedCompanies | null | undefined;
  const linkColumn = fields?.find((f) => f.key === 'companyId')?.name ?? 'Company ID';
  return () => {
    if (loaded !== undefined) return loaded;
    const sheet = findSheet(TAB.companies);
    if (!sheet) return (loaded = null);
    const table = tableFromValues(TAB.companies, sheet.getDataRange().getValues() as CellValue[][]);
    loaded = table.header.some((h) => h !== '') ? { header: table.header, rows: table.rows, linkColumn, sheet: sheet.getName() } : null;
    return loaded;
  };
}

/** The parser's view of the Companies header, asked for only by a rule that names a company field. */
export function companyRuleOptions(companies: (() => LoadedCompanies | null) | undefined): RuleOptions {
  return { companyFields: () => companies?.()?.header.map(String) ?? null };
}

export function usesCompany(ast: RuleAst): boolean {
  return operandsOf(ast).some((o) => o.kind === 'company');
}

/** Letters of the Companies columns and of the person's Company ID in Clients; undefined when either is missing. */
export function companyFormulaLayout(companies: LoadedCompanies | null, clientsHeader: readonly unknown[]): CompanyFormulaLayout | undefined {
  if (!companies) return undefined;
  const key = (h: unknown) =>
    String(h ?? '')
      .trim()
      .replace(/\s+/g, ' ')
      .toLowerCase();
  const link = clientsHeader.findIndex((h) => key(h) === key(companies.linkColumn));
  if (link < 0) return undefined;
  const columns: Record<string, string> = {};
  companies.header.forEach((h, i) => {
    const name = String(h).trim();
    if (name !== '' && !(name in columns)) columns[name] = columnLetter(i);
  });
  const id = companies.header.findIndex((h) => key(h) === 'id');
  return { sheet: companies.sheet, id: columnLetter(id < 0 ? 0 : id), columns, firstDataRow: 2, link: columnLetter(link) };
}
