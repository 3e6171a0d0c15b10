/**
 * A person's company in a rule: `Company.Rating >= 4`, `Компания.Рейтинг >= 4`,
 * `"Company.Rating comment" contains "late"`. The value is the cell of the
 * Companies row whose ID is the person's Company ID (the link Link people to
 * companies writes); a person with no link, or a link to no row, reads as a
 * blank cell, so `Company.Rating is empty` selects private clients and
 * `Company.Stage != "VIP"` includes them, like `!=` on a blank cell of Clients.
 *
 * Both back ends live here, apart from the purchase measures, so the two grow
 * independently: `companyCellReader` for src/core and `companyCellFormula`
 * for the live tab. The key they match on is the same text on both sides:
 * LOWER(TRIM(id&"")) with the wildcard characters ~ * ? taken out, because
 * Sheets may read them as wildcards in a VLOOKUP key (IDs the add-on makes,
 * `CO-…`, never hold them; where Google's behaviour is unsure, removing them on
 * both sides gives the same answer either way).
 */
import { fieldKeyOfHeader, headerAliases } from '../schema/header-aliases';
import { HEADER_SYNONYMS } from '../schema/header-synonyms';
import { headerKey } from '../schema/header-map';
import { comparableText, trimSpaces } from './cell';

/** "Company", in the four languages, singular and plural, as a rule may prefix a field with it. */
const PREFIXES = new Set(
  ['company', 'companies', 'компания', 'компании', 'компанія', 'компанії', 'companie', 'compania', 'companii', 'firma', 'фирма', 'фірма'].map((w) =>
    w.normalize('NFC'),
  ),
);

/** Company field names as people write them in another language than the tab's header ("Название" for Name). */
const COMPANY_SYNONYMS: readonly (readonly string[])[] = [
  ['Name', 'Название', 'Наименование', 'Назва', 'Найменування', 'Denumire', 'Nume'],
  ['Stage', 'Стадия', 'Этап', 'Статус', 'Стадія', 'Етап', 'Etapă', 'Etapa', 'Stadiu'],
];

export interface CompanyName {
  /** The prefix as written ("Компания"), for messages. */
  prefix: string;
  /** The field part, spaces trimmed ("Рейтинг"). */
  field: string;
}

/** `Company.Rating` → { prefix: 'Company', field: 'Rating' }; null when the name has no company prefix. */
export function splitCompanyName(name: string): CompanyName | null {
  const dot = name.indexOf('.');
  if (dot <= 0) return null;
  const prefix = name.slice(0, dot).trim();
  const field = name
    .slice(dot + 1)
    .trim()
    .replace(/\s+/g, ' ');
  if (field === '' || !PREFIXES.has(prefix.toLowerCase().normalize('NFC'))) return null;
  return { prefix, field };
}

/** The Companies header a field part names: as spelled, ignoring case and spaces, else by its name in another language. */
export function resolveCompanyField(field: string, companyHeader: readonly string[]): string | null {
  const key = headerKey(field);
  const own = companyHeader.find((h) => headerKey(h) === key);
  if (own !== undefined) return own;
  const alias = headerAliases([...companyHeader]).get(key);
  if (alias !== undefined) return alias;
  for (const group of COMPANY_SYNONYMS) {
    if (!group.some((s) => headerKey(s) === key)) continue;
    const hit = companyHeader.find((h) => group.some((s) => headerKey(s) === headerKey(h)));
    if (hit !== undefined) return hit;
  }
  return null;
}

/** Names a company field may be suggested by: the headers, and their names in the other languages (so "Ретинг" gets "Рейтинг"). */
export function companyFieldSpellings(companyHeader: readonly string[]): string[] {
  const out = [...companyHeader];
  for (const h of companyHeader) {
    const key = fieldKeyOfHeader(h);
    if (key) out.push(...HEADER_SYNONYMS[key]);
    for (const group of COMPANY_SYNONYMS) if (group.some((s) => headerKey(s) === headerKey(h))) out.push(...group);
  }
  return [...new Set(out)];
}

/** [LOWER(TRIM(id&"")) without ~ * ?] The key a Company ID cell is matched on, on both sides. */
export function companyKey(value: unknown, timeZone?: string): string {
  return (comparableText(value, timeZone) ?? '').replace(/[~*?]/g, '');
}

export interface CompanyTable {
  /** The Companies header row (ID first, as the tab has it). */
  header: readonly unknown[];
  rows: readonly (readonly unknown[])[];
  /** The Clients column holding the link; "Company ID" when absent. */
  linkColumn?: string;
}

const nameKey = (name: unknown): string =>
  trimSpaces(String(name ?? '').trim())
    .replace(/\s+/g, ' ')
    .toLowerCase();

/**
 * src/core: a reader of the person's company's `field` for rows laid out as `clientsHeader`.
 * The first Companies row with a given ID wins, as VLOOKUP takes the first match.
 */
export function companyCellReader(
  field: string,
  clientsHeader: readonly unknown[],
  companies: CompanyTable | undefined,
  timeZone?: string,
): (row: readonly unknown[]) => unknown {
  const link = clientsHeader.findIndex((h) => nameKey(h) === nameKey(companies?.linkColumn ?? 'Company ID'));
  if (!companies || link < 0) return () => '';
  const header = companies.header.map(nameKey);
  const idColumn = Math.max(0, header.indexOf('id'));
  const column = header.indexOf(nameKey(field));
  if (column < 0) return () => '';
  const byId = new Map<string, readonly unknown[]>();
  for (const row of companies.rows) {
    const key = companyKey(row[idColumn], timeZone);
    if (key !== '' && !byId.has(key)) byId.set(key, row);
  }
  return (row) => {
    const key = companyKey(row[link], timeZone);
    if (key === '') return '';
    const value = byId.get(key)?.[column];
    return value === undefined || value === null ? '' : value;
  };
}

export interface CompanyFormulaLayout {
  /** The Companies tab as it is called now. */
  sheet: string;
  /** Its ID column letter. */
  id: string;
  /** Column letter of each company field by its header. */
  columns: Record<string, string>;
  firstDataRow: number;
  lastRow?: number;
  /** The Clients column letter of the person's Company ID. */
  link: string;
}

/**
 * The live tab: the company's cell as a column aligned with the client rows,
 * `IF(LEN(key)=0,"",IFERROR(VLOOKUP(key,{companyKeys,field},2,FALSE),""))`.
 * `sheetRef` and `clientsColumn` come from the formula builder, which knows how the tabs are named.
 */
export function companyCellFormula(
  field: string,
  layout: CompanyFormulaLayout,
  clientsColumn: (letter: string) => string,
  sheetRef: (name: string) => string,
): string {
  const letter = Object.entries(layout.columns).find(([name]) => nameKey(name) === nameKey(field))?.[1];
  if (!letter) throw new Error(`The Companies tab has no column "${field}"`);
  const end = layout.lastRow === undefined ? '' : String(layout.lastRow);
  const range = (l: string) => `${sheetRef(layout.sheet)}!${l}${layout.firstDataRow}:${l}${end}`;
  const key = (x: string) => `REGEXREPLACE(LOWER(TRIM(${x}&"")),"[~*?]","")`;
  const person = key(clientsColumn(layout.link));
  return `IF(LEN(${person})=0,"",IFERROR(VLOOKUP(${person},{${key(range(layout.id))},${range(letter)}},2,FALSE),""))`;
}
