/**
 * Who is in a segment right now, evaluated in src/core (compileRule) over one
 * read of Clients and one of Purchases: the mailing targets, the counts and
 * the previews. The live tabs compute the same thing with a formula; tests
 * hold the two together.
 */
import type { RuleAst } from '../../core/rules/ast';
import { compileRule } from '../../core/rules/evaluate';
import { AppFailure } from '../../core/result';
import { TAB } from '../../core/schema/tabs';
import { indexPurchases, type PurchaseIndex } from '../../core/segments/measures';
import { summaryLabel, summaryReader } from '../../core/clients/summary';
import { cellText, type CellValue } from '../../core/values';
import { readTable } from '../../gas/sheets';
import { now } from '../../gas/session';
import { loadBase, type Base } from '../base';
import { findSegment, parseOrFail, readSegmentsTab, shownName } from './definitions';

export interface SegmentData {
  header: string[];
  purchasesHeader: string[] | null;
  rows: CellValue[][];
  purchases: PurchaseIndex;
  timeZone: string;
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
export function loadSegmentData(base: Pick<Base, 'timeZone'>, fallbackHeader?: readonly string[]): SegmentData {
  const clients = readTable(TAB.clients);
  const hasHeader = !!clients && clients.header.some((h) => h !== '');
  const header = hasHeader ? clients!.header : fallbackHeader ? [...fallbackHeader] : null;
  if (!header) throw new AppFailure('not_found', 'The Clients tab is missing or has no header row. Run ClientBase ▸ Set up.');
  const purchases = readTable(TAB.purchases);
  return {
    header,
    purchasesHeader: purchases?.header ?? null,
    rows: hasHeader ? clients!.rows : [],
    purchases: indexPurchases(purchases?.rows ?? [], { header: purchases?.header, timeZone: base.timeZone }),
    timeZone: base.timeZone,
  };
}

/** Indexes of the matching rows of `data`, in sheet order. */
export function matchingRows(ast: RuleAst, data: SegmentData, today: Date = now()): number[] {
  const matches = compileRule(ast, data.header, { today, timeZone: data.timeZone, measures: data.purchases });
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
  const ast = parseOrFail(segment.rule, data.header, base.fields);
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
  const ast = parseOrFail(rule, data.header, base.fields);
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
