/**
 * Company names for matching: «Ромашка» ООО, ООО "Ромашка", Romashka LLC and
 * ROMASHKA, S.R.L. are one company. Legal forms, quotes and punctuation go;
 * Cyrillic is romanised so both alphabets meet.
 */
import { foldToLatin } from './translit';

const MAX_COMPANY_INPUT = 300;

/** Legal forms after folding to Latin and removing dots ("S.R.L." → "srl", "ООО" → "ooo"). */
const LEGAL_FORMS = new Set([
  // English-speaking
  'llc',
  'lc',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'plc',
  'lp',
  'llp',
  'pllc',
  'pty',
  'pte',
  'company',
  // German, Dutch, Nordic
  'gmbh',
  'ag',
  'kg',
  'ohg',
  'ug',
  'ev',
  'bv',
  'nv',
  'oy',
  'oyj',
  'ab',
  'as',
  'asa',
  'aps',
  // Romance languages
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'sl',
  'sc',
  'snc',
  'sca',
  'pfa',
  'ii',
  'if',
  'ra',
  'eurl',
  'sasu',
  'ltda',
  'cia',
  // Polish, Czech
  'sp',
  'zoo',
  'spzoo',
  'sro',
  'as',
  'ks',
  // Russian (ООО, ОАО, ЗАО, ПАО, АО, НАО, ИП, НКО, АНО, ЧП, ГУП, МУП, ТОО)
  'ooo',
  'oao',
  'zao',
  'pao',
  'ao',
  'nao',
  'ip',
  'nko',
  'ano',
  'chp',
  'gup',
  'mup',
  'too',
  'tsoo',
  // Ukrainian (ТОВ, ПП, ФОП, ПрАТ, ПАТ, ПАО, ДП, КП)
  'tov',
  'pp',
  'fop',
  'prat',
  'pat',
  'dp',
  'kp',
  'spd',
  'chp',
]);

/** Spelled-out legal forms, folded to Latin. Longest first so the whole phrase goes. */
const LEGAL_PHRASES = [
  'obshchestvo s ogranichennoy otvetstvennostyu',
  'tovarystvo z obmezhenoyu vidpovidalnistyu',
  'individualnyy predprinimatel',
  'individualnyi predprinimatel',
  'fizychna osoba pidpryiemets',
  'fizychna osoba pidpryyemets',
  'aktsionernoe obshchestvo',
  'publichnoe aktsionernoe obshchestvo',
  'zakrytoe aktsionernoe obshchestvo',
  'otkrytoe aktsionernoe obshchestvo',
  'pryvatne pidpryiemstvo',
  'pryvatne pidpryyemstvo',
  'limited liability company',
  'societate cu raspundere limitata',
  'societe anonyme',
  'sociedad anonima',
  'societa per azioni',
  'spolka z ograniczona odpowiedzialnoscia',
  'gesellschaft mit beschrankter haftung',
].sort((a, b) => b.length - a.length);

/**
 * The comparable form of a company name: folded to Latin, quotes, legal forms
 * and punctuation removed, words joined by single spaces. Idempotent;
 * undefined when nothing is left.
 */
export function companyKey(raw: unknown): string | undefined {
  const text = raw == null ? '' : String(raw).slice(0, MAX_COMPANY_INPUT);
  if (text.trim() === '') return undefined;
  let folded =
    ' ' +
    foldToLatin(text.normalize('NFKC'))
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, ' ') +
    ' ';
  for (const phrase of LEGAL_PHRASES) folded = folded.split(` ${phrase} `).join(' ');
  // "s r l", "s a", "sp z o o": legal forms written with dots become runs of single letters.
  const words = joinInitialRuns(folded.trim().split(' ').filter(Boolean));
  const kept = words.filter((w) => !LEGAL_FORMS.has(w));
  // A name that is nothing but legal forms ("Company Ltd") is kept whole rather than erased.
  const result = (kept.length > 0 ? kept : words).join(' ');
  return result === '' ? undefined : result;
}

function joinInitialRuns(words: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const w of words) {
    if (w.length === 1 && /[a-z]/.test(w)) {
      run += w;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(w);
  }
  if (run) out.push(run);
  return out;
}
