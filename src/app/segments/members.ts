/**
 * Who is in a segment right now, evaluated in src/core (compileRule) over one
 * read of Clients and one of Purchases: the mailing targets, the counts and
 * the previews. The live tabs compute the same thing with a formula; tests
 * hold the two together.
 */
import { operandsOf, type RuleAst } from '../../core/rules/ast';
import { EMPTY_DEALS, indexDeals, isDealMeasure, type DealIndex } from '../../core/segments/deal-measures';
import { compileRule } from '../../core/rules/evaluate';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import { indexPurchases, type PurchaseIndex } from '../../core/segments/measures';
import { summaryLabel, summaryReader } from '../../core/clients/summary';
import { cellText, type CellValue } from '../../core/values';
import { findSheet, tableFromValues } from '../../gas/sheets';
import { nameOfTab } from '../../gas/tab-keys';
import { now } from '../../gas/session';
import { loadBase, type Base } from '../base';
import { findSegment, parseOrFail, readSegmentsTab, shownName } from './definitions';
import { companyRuleOptions, lazyCompanies, usesCompany, type LoadedCompanies } from './company-data';

export interface SegmentData {
  header: string[];
  purchasesHeader: string[] | null;
  rows: CellValue[][];
  purchases: PurchaseIndex;
  timeZone: string;
  /** What Clients and Purchases are called now, for the formulas (a base in another language, a rename). */
  tabNames: { clients: string; purchases: string };
  /** The Deals tab, read on first use only (most rules use no deal measure): its index, header and name; null header without a tab. */
  deals: () => { index: DealIndex; header: string[] | null; name: string };
  /** The Companies tab, read the first time a rule names a company field (company-data.ts). */
  companies?: () => LoadedCompanies | null;
}

/** Whether a rule reads a purchase measure, so Purchases must be read for it. */
export function usesPurchases(ast: RuleAst): boolean {
  return operandsOf(ast).some((o) => o.kind === 'measure' && !isDealMeasure(o.measure));
}

const NO_PURCHASES = indexPurchases([]);

/** Whether a rule reads a deal measure, so Deals must be read for it. */
export function usesDeals(ast: RuleAst): boolean {
  return operandsOf(ast).some((o) => o.kind === 'measure' && isDealMeasure(o.measure));
}

export interface ClientSummaryDto {
  id: string;
  name: string;
}

export interface SegmentPreviewDto {
  count: number;
  /** The first PREVIEW_SIZE matching clients, in sheet order. */
  clients: ClientSummaryDto[];
}

export const PREVIEW_SIZE = 20;

/**
 * Clients and Purchases, one read each, whatever the number of rows.
 * `fallbackHeader` stands in for a Clients tab that has no header yet.
 */
export function loadSegmentData(base: Pick<Base, 'timeZone'> & Partial<Pick<Base, 'fields'>>, fallbackHeader?: readonly string[]): SegmentData {
  const clientsSheet = findSheet(TAB.clients);
  const purchasesSheet = findSheet(TAB.purchases);
  const clients = clientsSheet ? tableFromValues(TAB.clients, clientsSheet.getDataRange().getValues() as CellValue[][]) : null;
  const hasHeader = !!clients && clients.header.some((h) => h !== '');
  const header = hasHeader ? clients!.header : fallbackHeader ? [...fallbackHeader] : null;
  if (!header) throw new AppFailure('not_found', 'The Clients tab is missing or has no header row. Run ClientBase ▸ Set up.');
  // Purchases is read the first time a rule with a purchase measure needs it (a save of a rule without one never does).
  const purchases = once(() => (purchasesSheet ? tableFromValues(TAB.purchases, purchasesSheet.getDataRange().getValues() as CellValue[][]) : null));
  const index = once(() => indexPurchases(purchases()?.rows ?? [], { header: purchases()?.header, timeZone: base.timeZone }));
  return {
    header,
    get purchasesHeader() {
      return purchases()?.header ?? null;
    },
    rows: hasHeader ? clients!.rows : [],
    get purchases() {
      return index();
    },
    timeZone: base.timeZone,
    tabNames: {
      clients: clientsSheet ? nameOfTab(clientsSheet, TAB.clients) : TAB.clients,
      purchases: purchasesSheet ? nameOfTab(purchasesSheet, TAB.purchases) : TAB.purchases,
    },
    deals: once(() => {
      const sheet = findSheet(TAB.deals);
      const table = sheet ? tableFromValues(TAB.deals, sheet.getDataRange().getValues() as CellValue[][]) : null;
      return {
        index: table ? indexDeals(table.rows, { header: table.header, timeZone: base.timeZone }) : EMPTY_DEALS,
        header: table?.header ?? null,
        name: sheet ? nameOfTab(sheet, TAB.deals) : TAB.deals,
      };
    }),
    companies: lazyCompanies(base.fields),
  };
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** Indexes of the matching rows of `data`, in sheet order. */
export function matchingRows(ast: RuleAst, data: SegmentData, today: Date = now()): number[] {
  const deals = usesDeals(ast) ? data.deals().index : undefined;
  const companies = usesCompany(ast) ? (data.companies?.() ?? undefined) : undefined;
  const measures = usesPurchases(ast) ? data.purchases : NO_PURCHASES;
  const matches = compileRule(ast, data.header, { today, timeZone: data.timeZone, measures, deals, companies });
  const out: number[] = [];
  data.rows.forEach((row, i) => {
    if (matches(row)) out.push(i);
  });
  return out;
}

function idColumnOf(header: readonly string[]): number {
  const i = header.findIndex((h) => h.trim().toLowerCase() === 'id');
  return i < 0 ? 0 : i;
}

/** The IDs of the clients matching the segment named `name` (as in the Segments tab, ignoring case) now. */
export function segmentClientIds(name: string): string[] {
  const base = loadBase();
  const segment = findSegment(readSegmentsTab().rows, name);
  if (!segment) throw new AppFailure('not_found', `No segment named "${shownName(String(name ?? ''))}" in the Segments tab.`);
  const data = loadSegmentData(base);
  const ast = parseOrFail(segment.rule, data.header, { ...companyRuleOptions(data.companies), fields: base.fields });
  const id = idColumnOf(data.header);
  return matchingRows(ast, data).map((i) => cellText(data.rows[i][id]).trim());
}

/** The number of clients in a named segment now. */
export function countSegment(name: string): number {
  return segmentClientIds(name).length;
}

/** A rule typed in the sidebar, before it is saved: how many clients it selects and the first few. */
export function previewRule(rule: string): SegmentPreviewDto {
  if (typeof rule !== 'string') throw new AppFailure('bad_input', 'The rule must be text.');
  const base = loadBase();
  const data = loadSegmentData(base);
  const ast = parseOrFail(rule, data.header, { ...companyRuleOptions(data.companies), fields: base.fields });
  const rows = matchingRows(ast, data);
  const describe = clientDescriber(base, data.header);
  return { count: rows.length, clients: rows.slice(0, PREVIEW_SIZE).map((i) => describe(data.rows[i])) };
}

/** ID and a display name (first and last name, else company, else email) of a client row. */
export function clientDescriber(base: Pick<Base, 'fields'>, header: readonly string[]): (row: readonly unknown[]) => ClientSummaryDto {
  const id = idColumnOf(header);
  const summary = summaryReader(base.fields, header);
  return (row) => {
    const clientId = id < 0 ? '' : cellText(row[id]).trim();
    return { id: clientId, name: summaryLabel(summary(row), clientId) };
  };
}
