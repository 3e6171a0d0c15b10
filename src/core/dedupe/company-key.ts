/**
 * The form of a company name that duplicates are compared on: ООО «Ромашка»,
 * Romashka LLC, "Ромашка" ООО and ROMASCHKA GmbH give one key. Legal forms,
 * quotes and punctuation go (`companyKey`), then each word is reduced to its
 * romanisation skeleton so that the usual transliterations of one Cyrillic
 * name (Romashka / Romaška / Romaschka) meet. Words with digits are kept as
 * typed: "Filiala 1" and "Filiala 2" are two branches.
 */
import { companyKey } from '../normalize/company';
import { latinSkeleton } from '../normalize/translit';

/** The skeleton's own letters for sh/zh/ch/ts, written back in plain Latin so the key is readable. */
const PLAIN: Record<string, string> = { ʃ: 'sh', ʒ: 'zh', ʧ: 'ch', ʦ: 'ts' };

/** Comparable company name; '' when nothing but legal forms and punctuation was typed. */
export function companyNameKey(name: string): string {
  // Czech/Lithuanian-style romanisations (Romaška, Žukov) mean sh/zh/ch, which folding alone would lose.
  const key = companyKey(String(name ?? '').replace(/[šŠžŽčČ]/g, (ch) => HACEK[ch.toLowerCase()]));
  if (!key) return '';
  return (
    key
      .split(' ')
      // Short words (initials, "x", "&") stay as typed: their skeleton could turn into a legal form ("ks").
      .map((word) => (/\d/.test(word) || word.length < 3 ? word : latinSkeleton(word).replace(/[ʃʒʧʦ]/g, (ch) => PLAIN[ch]) || word))
      .join(' ')
  );
}

const HACEK: Record<string, string> = { š: 'sh', ž: 'zh', č: 'ch' };
