/**
 * The dashboard's deals tables (issue 17), apart from the other tables so they
 * grow on their own: open pipeline and won deals by status (count, amount),
 * won amount per month for the last 12 months, and per manager (open deals,
 * open amount, won amount). Each is one aggregate formula over whole Deals
 * columns, like the rest of the dashboard, and each has its in-code twin here
 * with the same definitions, which test/app/dashboard/deals.test.ts compares:
 * - a deal is a row with a non-blank ID;
 * - its status is its Status cell as TRIM and LOWER read it, matched against the
 *   six starting statuses' words in en/ru/uk/ro (Draft = Черновик = Ciornă…);
 *   a team's own word, or a blank, is an open deal;
 * - won: Signed, Active or Closed; lost: Lost; open: everything else;
 * - amounts that are not numbers count as 0; months by the Date cell (a real date).
 */
import { DEAL_STATUS_WORDS, DEAL_STATUSES, type DealStatus, SIGNED_STATUSES } from '../deals/deal';
import { cellAsText, trimSpaces } from '../rules/cell';
import { stringLiteral } from '../rules/to-formula';
import { dayOf, monthEnd } from './measures';

export interface DealsSources {
  id: string | null;
  status: string | null;
  amount: string | null;
  date: string | null;
  manager: string | null;
}

const WORDS = new Map<DealStatus, string[]>(
  DEAL_STATUSES.map((s) => [s, [...new Set([s, ...Object.values(DEAL_STATUS_WORDS).map((w) => w[s].toLowerCase())])]]),
);

const statusKey = (value: unknown, timeZone?: string): string => trimSpaces(cellAsText(value, timeZone)).toLowerCase();

/** The starting status a Status cell names, as the formula reads it; undefined for a team's own word or a blank. */
export function dealStatusKey(value: unknown, timeZone?: string): DealStatus | undefined {
  const key = statusKey(value, timeZone);
  return DEAL_STATUSES.find((s) => WORDS.get(s)!.includes(key));
}

const regexEscape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** [REGEXMATCH(LOWER(TRIM(status&"")), "^(words)$")] per row: the status is one of these. */
function statusIs(status: string, statuses: readonly DealStatus[]): string {
  const words = statuses.flatMap((s) => WORDS.get(s)!).map(regexEscape);
  return `REGEXMATCH(LOWER(TRIM(${status}&"")),${stringLiteral(`^(${words.join('|')})$`)})`;
}

export type DealsTableKey = 'dealsStatus' | 'dealsWon' | 'dealsManagers';

export interface DealsTable {
  key: DealsTableKey;
  /** Rows of the first column (the statuses' words) when the table has fixed ones. */
  axis?: DealStatus[];
  formula: string;
}

/** The three formulas; `today` and `months` as the dashboard shares them. */
export function dealsFormulas(d: DealsSources, today: string, months: number): DealsTable[] {
  if (!d.id || !d.status) return [];
  const out: DealsTable[] = [];
  const amount = d.amount;
  const isDeal = `LEN(TRIM(${d.id}&""))>0`;
  const flag = (statuses: readonly DealStatus[]) => `(${statusIs(d.status!, statuses)})*(${isDeal})`;
  const rows = DEAL_STATUSES.map((s) => {
    const count = `SUM(${flag([s])})`;
    const sum = amount ? `SUM(IF(ISNUMBER(${amount}),${amount},0)*${flag([s])})` : '0';
    return `${count},${sum}`;
  });
  out.push({ key: 'dealsStatus', axis: [...DEAL_STATUSES], formula: `=ARRAYFORMULA({${rows.join(';')}})` });
  const won = flag(SIGNED_STATUSES);
  const open = `(1-${statusIs(d.status, [...SIGNED_STATUSES, 'lost'])})*(${isDeal})`;
  const money = amount ? `IF(ISNUMBER(${amount}),${amount},0)` : '0';
  if (d.date && amount) {
    const monthList = `EOMONTH(${today},SEQUENCE(${months},1,${1 - months},1))`;
    const month = `IF(ISNUMBER(${d.date}),EOMONTH(${d.date},0),0)`;
    out.push({
      key: 'dealsWon',
      formula: `=ARRAYFORMULA({${monthList},SUMIFS(${money}*${won},${month},${monthList}),COUNTIFS(${month},${monthList},${won},1)})`,
    });
  }
  if (d.manager) {
    const manager = `LOWER(TRIM(${d.manager}&""))`;
    const managers = `UNIQUE(FILTER(${manager},LEN(${manager})>0,${isDeal}))`;
    const exact = `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${managers},"~","~~"),"*","~*"),"?","~?")`;
    out.push({
      key: 'dealsManagers',
      formula: `=ARRAYFORMULA(IFERROR(SORT({${managers},COUNTIFS(${manager},${exact},${open},1),SUMIFS(${money}*${open},${manager},${exact}),SUMIFS(${money}*${won},${manager},${exact})},1,TRUE),""))`,
    });
  }
  return out;
}

// ---- the same figures in code ------------------------------------------------------

export interface DealRow {
  id: unknown;
  status: unknown;
  amount: unknown;
  date: unknown;
  manager: unknown;
}

const isDealRow = (r: DealRow, tz?: string) => trimSpaces(cellAsText(r.id, tz)) !== '';
const moneyOf = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const isWon = (r: DealRow, tz?: string) => SIGNED_STATUSES.includes(dealStatusKey(r.status, tz) as DealStatus);
const isOpen = (r: DealRow, tz?: string) => {
  const s = dealStatusKey(r.status, tz);
  return s === undefined || !([...SIGNED_STATUSES, 'lost'] as DealStatus[]).includes(s);
};

export function dealsByStatus(rows: readonly DealRow[], tz?: string): { status: DealStatus; count: number; amount: number }[] {
  return DEAL_STATUSES.map((status) => {
    const mine = rows.filter((r) => isDealRow(r, tz) && dealStatusKey(r.status, tz) === status);
    return { status, count: mine.length, amount: mine.reduce((a, r) => a + moneyOf(r.amount), 0) };
  });
}

export function wonByMonth(rows: readonly DealRow[], today: number, months = 12, tz?: string): { monthEnd: number; amount: number; count: number }[] {
  return Array.from({ length: months }, (_, k) => {
    const end = monthEnd(today, k + 1 - months);
    const mine = rows.filter((r) => {
      const day = dayOf(r.date, tz);
      return isDealRow(r, tz) && isWon(r, tz) && day !== null && monthEnd(day) === end;
    });
    return { monthEnd: end, amount: mine.reduce((a, r) => a + moneyOf(r.amount), 0), count: mine.length };
  });
}

export function dealsPerManager(rows: readonly DealRow[], tz?: string): { manager: string; open: number; openAmount: number; wonAmount: number }[] {
  const byManager = new Map<string, { open: number; openAmount: number; wonAmount: number }>();
  for (const r of rows) {
    if (!isDealRow(r, tz)) continue;
    const manager = statusKey(r.manager, tz);
    if (manager === '') continue;
    const m = byManager.get(manager) ?? { open: 0, openAmount: 0, wonAmount: 0 };
    if (isOpen(r, tz)) {
      m.open++;
      m.openAmount += moneyOf(r.amount);
    }
    if (isWon(r, tz)) m.wonAmount += moneyOf(r.amount);
    byManager.set(manager, m);
  }
  return [...byManager.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([manager, m]) => ({ manager, ...m }));
}
