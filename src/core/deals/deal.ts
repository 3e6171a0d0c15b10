/**
 * Deals (contracts) of the `Deals` tab: what a row holds, the statuses a team
 * starts with in each language, and checking a deal typed in the sidebar
 * before anything is written. A status word is kept as typed (a team may use
 * its own); the six starting ones are recognised in any of the four languages,
 * so "signed" sums count "Подписан" and "Semnat" alike.
 */
import type { Lang } from '../i18n/lang';
import { parseDateText } from '../validate/parse-date';
import { parseNumberText } from '../validate/parse-number';

export const DEAL_STATUSES = ['draft', 'negotiation', 'signed', 'active', 'closed', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const DEAL_STATUS_WORDS: Record<Lang, Record<DealStatus, string>> = {
  en: { draft: 'Draft', negotiation: 'Negotiation', signed: 'Signed', active: 'Active', closed: 'Closed', lost: 'Lost' },
  ru: { draft: 'Черновик', negotiation: 'Переговоры', signed: 'Подписан', active: 'Действует', closed: 'Закрыт', lost: 'Проигран' },
  uk: { draft: 'Чернетка', negotiation: 'Перемовини', signed: 'Підписано', active: 'Діє', closed: 'Закрито', lost: 'Програно' },
  ro: { draft: 'Ciornă', negotiation: 'Negociere', signed: 'Semnat', active: 'Activ', closed: 'Închis', lost: 'Pierdut' },
};

/** Statuses whose contract was signed: their amounts make "deals signed total" (a closed contract was signed and fulfilled). */
export const SIGNED_STATUSES: readonly DealStatus[] = ['signed', 'active', 'closed'];

const fold = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

const STATUS_BY_WORD = new Map<string, DealStatus>();
for (const words of Object.values(DEAL_STATUS_WORDS))
  for (const [key, word] of Object.entries(words) as [DealStatus, string][]) STATUS_BY_WORD.set(fold(word), key);
for (const key of DEAL_STATUSES) STATUS_BY_WORD.set(key, key);

/** The starting status a word names in any language, or undefined for a team's own word. */
export function dealStatusOf(word: unknown): DealStatus | undefined {
  return STATUS_BY_WORD.get(fold(String(word ?? '')));
}

/** Every word (lower case) that counts as signed: the text the live formula matches, as the in-code check does. */
export function signedStatusWords(): string[] {
  return [...STATUS_BY_WORD.entries()].filter(([, key]) => SIGNED_STATUSES.includes(key)).map(([word]) => word);
}

/** Every word (lower case) that says a deal was lost, for the "Open deals" formula. */
export function lostStatusWords(): string[] {
  return [...STATUS_BY_WORD.entries()].filter(([, key]) => key === 'lost').map(([word]) => word);
}

export function isSignedStatus(word: unknown): boolean {
  const key = dealStatusOf(word);
  return key !== undefined && SIGNED_STATUSES.includes(key);
}

export interface DealInput {
  /** Absent for a new deal. */
  id?: string;
  /** The contact person (a client ID); a company deal may have none. */
  clientId?: string;
  company?: string;
  companyId?: string;
  number?: string;
  /** yyyy-mm-dd or any date the sheet reads; today when empty. */
  date?: string;
  amount?: string;
  currency?: string;
  status?: string;
  /** Links or appendix numbers; one an entry. */
  appendices?: string[];
  manager?: string;
  /** The Updated stamp the card loaded, for an edit. */
  expectedUpdated?: string;
}

export interface CheckedDeal {
  clientId: string;
  company: string;
  companyId: string;
  number: string;
  date: Date | null;
  amount: number | '';
  currency: string;
  status: string;
  appendices: string;
  manager: string;
}

export const DEAL_LIMITS = { text: 200, appendices: 20, appendix: 500 } as const;

/** Appendices are one cell: entries joined by a line break (a link may hold commas or semicolons). */
export const APPENDIX_SEPARATOR = '\n';

export function splitAppendices(cell: unknown): string[] {
  return String(cell ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export type DealErrors = Partial<Record<'clientId' | 'company' | 'number' | 'date' | 'amount' | 'currency' | 'status' | 'appendices' | 'manager', string>>;

/**
 * Checks a deal from the form. Text is kept as typed (trimmed); the write
 * stores it as plain text, so "=HYPERLINK(…)" stays text. A deal needs a
 * contact or a company: it has to be shown on some card. `edit`: the input
 * holds only what changed.
 */
export function checkDeal(
  input: DealInput,
  options: { today: Date; decimalComma?: boolean; lang?: Lang; edit?: boolean },
): { ok: true; deal: CheckedDeal } | { ok: false; errors: DealErrors } {
  const errors: DealErrors = {};
  const text = (value: unknown, key: keyof DealErrors, limit: number = DEAL_LIMITS.text): string => {
    const s = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
    if (s.length > limit) errors[key] = `At most ${limit} characters`;
    return s;
  };
  const clientId = text(input.clientId, 'clientId');
  const company = text(input.company, 'company');
  const companyId = text(input.companyId, 'company');
  // An edit sends what changed; the row it changes keeps its contact or company (checked by the caller).
  if (!options.edit && !clientId && !company && !companyId) errors.clientId = 'A deal needs a contact or a company';
  const number = text(input.number, 'number');
  const currency = text(input.currency, 'currency', 10).toUpperCase();
  const manager = text(input.manager, 'manager');
  let date: Date | null = null;
  const dateText = text(input.date, 'date');
  if (dateText) {
    const parsed = parseDateText(dateText, { today: options.today });
    if (parsed.ok) date = parsed.date;
    else errors.date = 'Not a date';
  }
  let amount: number | '' = '';
  const amountText = text(input.amount, 'amount', 40);
  if (amountText) {
    const parsed = parseNumberText(amountText, { money: true, decimalComma: options.decimalComma });
    if (parsed.ok && parsed.value >= 0) amount = parsed.value;
    else errors.amount = parsed.ok ? 'Not below zero' : 'Not an amount';
  }
  // A starting status is written in the sheet's language; a team's own word as typed.
  const statusText = text(input.status, 'status', 60);
  const known = dealStatusOf(statusText);
  const status = known ? DEAL_STATUS_WORDS[options.lang ?? 'en'][known] : statusText || DEAL_STATUS_WORDS[options.lang ?? 'en'].draft;
  const list = Array.isArray(input.appendices) ? input.appendices.map((a) => String(a ?? '').trim()).filter(Boolean) : [];
  if (input.appendices !== undefined && !Array.isArray(input.appendices)) errors.appendices = 'A list of links or numbers';
  if (list.length > DEAL_LIMITS.appendices) errors.appendices = `At most ${DEAL_LIMITS.appendices} appendices`;
  if (list.some((a) => a.length > DEAL_LIMITS.appendix || /[\r\n]/.test(a))) errors.appendices = `One line each, at most ${DEAL_LIMITS.appendix} characters`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, deal: { clientId, company, companyId, number, date, amount, currency, status, appendices: list.join(APPENDIX_SEPARATOR), manager } };
}
