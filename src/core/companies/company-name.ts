/**
 * One company however its people typed it: ООО «Ромашка», "Romashka" LLC and
 * ТОВ Ромашка are one key. The folding itself (legal forms ООО/ОАО/ЗАО/ПАО/АО/
 * ИП/ТОВ/ПП/ПрАТ/SRL/S.R.L./SA/LLC/Ltd/Inc/GmbH, quotes «» "" '', case,
 * punctuation, Cyrillic/Latin through a romanisation skeleton) is the duplicate
 * finder's (dedupe/company-key.ts): companies and duplicates must agree on what
 * "the same company" is, so there is one definition, not two.
 */
import { companyNameKey as dedupeCompanyKey } from '../dedupe/company-key';

/** The comparable form of a company name; undefined when nothing is left (blank, only quotes). */
export function companyNameKey(raw: unknown): string | undefined {
  return dedupeCompanyKey(raw == null ? '' : String(raw).slice(0, 1000)).slice(0, 300) || undefined;
}

/** A tax ID compared by its letters and digits only ("77 07-083893" = "7707083893"); undefined when too short to mean anything. */
export function taxIdKey(raw: unknown): string | undefined {
  const text = raw == null ? '' : String(raw).slice(0, 100).toUpperCase();
  const key = text.replace(/[^0-9A-Z]/g, '');
  return /\d{4,}/.test(key) ? key : undefined;
}

/** The name a company is shown by: the spelling most of its people use, else the first; trimmed, inner spaces single. */
export function displayName(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  for (const raw of spellings) {
    const s = raw.replace(/\s+/g, ' ').trim();
    if (!s) continue;
    const n = (counts.get(s) ?? 0) + 1;
    counts.set(s, n);
    if (n > bestCount) {
      best = s;
      bestCount = n;
    }
  }
  return best;
}
