/**
 * The mailing option "one recipient per company": of the people of one
 * company in a mailing, the one to write to is its decision maker, else its
 * influencer, else a buyer, else a user, else anyone; among equals the first
 * in the mailing's order (the segment's row order). People with no company
 * are each their own. Companies are told apart by Company ID where the person
 * has one, else by the company's name folded as the duplicate finder folds it
 * (ООО «Ромашка» and Romashka LLC are one company). The others are skipped
 * with a reason a person can read, in the four languages.
 */
import type { Lang } from '../i18n/lang';
import type { PreflightReport } from './preflight';
import { companyKey } from '../normalize/company';

/** The stated order, best first; a role word in any language maps onto one of these. */
export const ROLE_ORDER = ['decision maker', 'influencer', 'buyer', 'user'] as const;
export type ContactRole = (typeof ROLE_ORDER)[number];

const ROLE_WORDS: Record<ContactRole, readonly string[]> = {
  'decision maker': [
    'decision maker',
    'decision-maker',
    'лпр',
    'лицо, принимающее решение',
    'принимает решение',
    'особа, що приймає рішення',
    'приймає рішення',
    'factor de decizie',
    'decident',
  ],
  influencer: ['influencer', 'влияющий', 'влияет на решение', 'впливає на рішення', 'впливовий', 'influențator', 'influentator'],
  buyer: ['buyer', 'enquirer', 'закупщик', 'покупатель', 'закупівельник', 'покупець', 'cumpărător', 'cumparator', 'achizitor'],
  user: ['user', 'пользователь', 'користувач', 'utilizator'],
};

const fold = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase().replace(/ş/g, 'ș').replace(/ţ/g, 'ț');
const ROLE_BY_WORD = new Map<string, ContactRole>(
  (Object.entries(ROLE_WORDS) as [ContactRole, readonly string[]][]).flatMap(([role, words]) => words.map((w) => [fold(w), role] as const)),
);

export function contactRoleOf(word: unknown): ContactRole | undefined {
  return ROLE_BY_WORD.get(fold(String(word ?? '')));
}

function rank(role: unknown): number {
  const known = contactRoleOf(role);
  return known ? ROLE_ORDER.indexOf(known) : ROLE_ORDER.length;
}

export interface CompanyPerson {
  id: string;
  name: string;
  company: string;
  companyId?: string;
  role: string;
}

export interface CompanySkip {
  id: string;
  company: string;
  /** Who of the company gets the mail instead. */
  keptId: string;
  keptName: string;
  keptRole: string;
}

export interface OnePerCompany {
  /** Recipients to keep, in the order given. */
  kept: string[];
  skipped: CompanySkip[];
  /** Skipped people by company (as first written), for the pre-flight's "n per company". */
  skippedPerCompany: Record<string, number>;
}

function companyOf(p: CompanyPerson): string | undefined {
  const id = String(p.companyId ?? '').trim();
  if (id) return `id:${id}`;
  const key = companyKey(p.company);
  return key ? `name:${key}` : undefined;
}

export function onePerCompany(people: readonly CompanyPerson[]): OnePerCompany {
  const best = new Map<string, CompanyPerson>();
  for (const p of people) {
    const key = companyOf(p);
    if (!key) continue;
    const held = best.get(key);
    if (!held || rank(p.role) < rank(held.role)) best.set(key, p);
  }
  const kept: string[] = [];
  const skipped: CompanySkip[] = [];
  const skippedPerCompany: Record<string, number> = {};
  for (const p of people) {
    const key = companyOf(p);
    const chosen = key ? best.get(key) : undefined;
    if (!chosen || chosen === p) {
      kept.push(p.id);
      continue;
    }
    const company = chosen.company || p.company;
    skipped.push({ id: p.id, company, keptId: chosen.id, keptName: chosen.name, keptRole: chosen.role });
    skippedPerCompany[company] = (skippedPerCompany[company] ?? 0) + 1;
  }
  return { kept, skipped, skippedPerCompany };
}

const REASON: Record<Lang, (s: CompanySkip) => string> = {
  en: (s) => `one recipient per company: ${s.company} gets it through ${s.keptName || s.keptId}${s.keptRole ? ` (${s.keptRole})` : ''}`,
  ru: (s) => `один получатель на компанию: ${s.company} получит письмо через ${s.keptName || s.keptId}${s.keptRole ? ` (${s.keptRole})` : ''}`,
  uk: (s) => `один отримувач на компанію: ${s.company} отримає лист через ${s.keptName || s.keptId}${s.keptRole ? ` (${s.keptRole})` : ''}`,
  ro: (s) => `un singur destinatar pe companie: ${s.company} îl primește prin ${s.keptName || s.keptId}${s.keptRole ? ` (${s.keptRole})` : ''}`,
};

/** Why a person was left out, in words. */
export function companySkipReason(skip: CompanySkip, lang: Lang): string {
  return (REASON[lang] ?? REASON.en)(skip);
}

export interface CompanyFinding {
  count: number;
  examples: { id: string; sameAs: string; company: string }[];
  /** Skipped people by company: what the pre-flight shows. */
  perCompany: Record<string, number>;
}

/**
 * The option applied to a pre-flight report: the one chosen per company is
 * picked among the sendable AND those this mailing already sent to, so a
 * re-run never writes to a second person of a company that already got it.
 * `heldBack` are people the contact pause left out (contacted a day ago): a
 * company whose best person was just called is itself recently contacted, so
 * no colleague is mailed in that person's place; the colleagues are left out
 * as recently contacted, naming that person, until the pause is over.
 */
export function applyOnePerCompany(
  report: PreflightReport,
  people: readonly CompanyPerson[],
  alreadySent: ReadonlySet<string>,
  maxExamples = 5,
  heldBack: ReadonlySet<string> = new Set(),
): CompanyFinding {
  const sendable = new Set(report.sendable);
  // Whoever this mailing already wrote to stays the company's one, even if a better role turned up since.
  const sent = people.filter((p) => alreadySent.has(p.id)).map((p) => ({ ...p, role: ROLE_ORDER[0] }));
  const candidates = people.filter((p) => (sendable.has(p.id) || heldBack.has(p.id)) && !alreadySent.has(p.id));
  const { skipped } = onePerCompany([...sent, ...candidates]);
  const found: CompanyFinding = { count: 0, examples: [], perCompany: {} };
  const out = new Set<string>();
  for (const s of skipped) {
    if (!sendable.has(s.id)) continue;
    out.add(s.id);
    found.count++;
    found.perCompany[s.company] = (found.perCompany[s.company] ?? 0) + 1;
    if (found.examples.length < maxExamples) found.examples.push({ id: s.id, sameAs: s.keptId, company: s.company });
    // The company was just contacted through s.keptId; "a colleague gets it" would not be true.
    if (heldBack.has(s.keptId)) report.skipped.push({ id: s.id, reason: 'recently_contacted', email: report.emails[s.id] });
    else report.skipped.push({ id: s.id, reason: 'one_per_company', email: report.emails[s.id], sameAs: s.keptId });
  }
  report.sendable = report.sendable.filter((id) => !out.has(id));
  return found;
}
