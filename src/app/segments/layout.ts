/**
 * Where the segment formulas read from: the Clients columns by header (first
 * column of each name, like compileRule) and the Purchases columns by name.
 * Letters are baked into the formulas, so Refresh segments rebuilds them when
 * the Clients columns move.
 */
import type { FormulaLayout } from '../../core/rules/to-formula';
import { TAB } from '../../core/schema/tabs';

const headerKey = (name: unknown): string =>
  String(name ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `names`: the tabs' current names (Клиенты in a base set up in Russian); the keys when not given. */
export function segmentLayout(
  clientsHeader: readonly unknown[],
  purchasesHeader: readonly unknown[] | null,
  names: { clients: string; purchases: string } = { clients: TAB.clients, purchases: TAB.purchases },
  deals?: { header: readonly unknown[] | null; name: string },
): FormulaLayout {
  if (clientsHeader.length === 0) throw new Error('The Clients tab has no header row');
  const columns: Record<string, string> = {};
  const seen = new Set<string>();
  clientsHeader.forEach((name, i) => {
    const key = headerKey(name);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    columns[String(name).trim()] = columnLetter(i);
  });
  const idIndex = clientsHeader.findIndex((h) => headerKey(h) === 'id');
  const find = (name: string, fallback: number): string => {
    const i = (purchasesHeader ?? []).findIndex((h) => headerKey(h) === name.toLowerCase());
    return columnLetter(i < 0 ? fallback : i);
  };
  // Deals by header name, in TAB_HEADERS.Deals positions when a name is missing; Company ID only when present.
  const inDeals = (name: string): number => (deals?.header ?? []).findIndex((h) => headerKey(h) === name.toLowerCase());
  const dealColumn = (name: string, fallback: number): string => columnLetter(inDeals(name) < 0 ? fallback : inDeals(name));
  return {
    ...(deals
      ? {
          deals: {
            sheet: deals.name,
            clientId: dealColumn('Client ID', 1),
            ...(deals.header === null || inDeals('Company ID') >= 0 ? { companyId: dealColumn('Company ID', 3) } : {}),
            date: dealColumn('Date', 5),
            amount: dealColumn('Amount', 6),
            status: dealColumn('Status', 8),
            firstDataRow: 2,
          },
        }
      : {}),
    sheet: names.clients,
    columns,
    firstDataRow: 2,
    idColumn: columnLetter(idIndex < 0 ? 0 : idIndex),
    output: { first: 'A', last: columnLetter(clientsHeader.length - 1) },
    purchases: { sheet: names.purchases, clientId: find('Client ID', 0), date: find('Date', 1), amount: find('Amount', 2), firstDataRow: 2 },
  };
}
