/**
 * The typed tree of a segment rule. The parser resolves field names and
 * desugars `!=`, `is not empty`, `before` and `after`, so each back end only
 * implements these node kinds.
 */

/** A column of `Clients` (by its header, as spelled in the sheet) or a measure derived from `Purchases` or `Deals`. */
export type Operand =
  | { kind: 'field'; name: string }
  | { kind: 'measure'; measure: 'lastPurchase' | 'purchases' | 'spent'; name: string }
  /** From the `Deals` tab, the client's own and its company's (core/segments/deal-measures.ts). */
  | { kind: 'measure'; measure: 'dealsTotal' | 'dealsSigned' | 'deals' | 'openDeals' | 'lastDeal'; name: string }
  | { kind: 'measure'; measure: 'spentWithin'; days: number; name: string }
  /** A field of the person's company (company-operand.ts): `field` is the Companies header, `name` as the rule shows it ("Company.Rating"). */
  | { kind: 'company'; field: string; name: string };

export type Literal =
  | { type: 'text'; value: string }
  | { type: 'number'; value: number }
  /** `serial`: days since 1899-12-30, like a Sheets date. */
  | { type: 'date'; year: number; month: number; day: number; serial: number }
  | { type: 'boolean'; value: boolean };

export type CompareOp = '=' | '<' | '<=' | '>' | '>=';
export type PeriodUnit = 'day' | 'week' | 'month' | 'year';
export interface Period {
  amount: number;
  unit: PeriodUnit;
}

export type RuleAst =
  | { kind: 'and'; items: RuleAst[] }
  | { kind: 'or'; items: RuleAst[] }
  | { kind: 'not'; item: RuleAst }
  /** Text and boolean literals only with `=`; numbers and dates with any operator. */
  | { kind: 'compare'; operand: Operand; op: CompareOp; value: Literal }
  | { kind: 'contains'; operand: Operand; value: string }
  | { kind: 'startsWith'; operand: Operand; value: string }
  | { kind: 'in'; operand: Operand; values: Literal[] }
  /** The cell's comparable text (trimmed, lower-cased) matches `pattern`, a regular expression that RE2 and JavaScript read alike (places.ts). */
  | { kind: 'matches'; operand: Operand; pattern: string }
  | { kind: 'empty'; operand: Operand }
  /** today − period ≤ day ≤ today */
  | { kind: 'withinLast'; operand: Operand; period: Period }
  /** today ≤ day ≤ today + period */
  | { kind: 'withinNext'; operand: Operand; period: Period }
  /** day < today − period */
  | { kind: 'moreThanAgo'; operand: Operand; period: Period };

/** Every operand a rule reads, e.g. to know which measures to compute. */
export function operandsOf(rule: RuleAst): Operand[] {
  const out: Operand[] = [];
  const stack: RuleAst[] = [rule];
  while (stack.length) {
    const node = stack.pop() as RuleAst;
    if (node.kind === 'and' || node.kind === 'or') stack.push(...node.items);
    else if (node.kind === 'not') stack.push(node.item);
    else out.push(node.operand);
  }
  return out;
}
