/**
 * Proposing which existing column becomes which field when an existing sheet
 * is adopted. The proposal is only shown to the user, who confirms or edits
 * it; nothing here changes a sheet.
 *
 * Matching, strongest first, each field taken at most once (leftmost column
 * wins within a pass):
 *   exact   — the header is the field's name (ignoring case, spaces, punctuation, diacritics);
 *   synonym — a known header for the field's key, in EN/RU/UK/RO, incl. CRM export headers;
 *             a full-name header ("ФИО", "Full name", "Client", or "Name" when no
 *             first/last name columns exist) maps to First name with `splitFullName`;
 *   fuzzy   — one or two typos away from a name or synonym (longer headers allow two).
 * Unmapped headers stay as they are and become extra fields.
 */
import type { FieldDef, FieldKey } from './field';
import { FULL_NAME_HEADERS, GENERIC_NAME_HEADERS, HEADER_SYNONYMS } from './header-synonyms';
import { nameKey } from './name-key';
import { editDistance } from '../validate/edit-distance';
import { isBlank } from '../values';

export { splitFullName, type NameParts } from './full-name';

export type MatchConfidence = 'exact' | 'synonym' | 'fuzzy' | 'none';

export interface MappedColumn {
  index: number;
  header: string;
  /** FieldDef.name of the field the column feeds; absent: kept as an extra column. */
  field?: string;
  confidence: MatchConfidence;
  /** The column holds whole names: split each value into First name and Last name (see splitFullName). */
  splitFullName?: boolean;
}

export interface HeaderMapping {
  columns: MappedColumn[];
  /** 0-based index of the header row in the rows that were examined (0 for a bare header). */
  headerRow: number;
}

const LATIN_TO_CYRILLIC: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в', i: 'і' };
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(Object.entries(LATIN_TO_CYRILLIC).map(([l, c]) => [c, l]));

/**
 * The comparison key of a header: nameKey without diacritics (ș = s, й = и,
 * ё = е), with look-alike letters of a mixed-script header folded into its
 * majority script ("Тeлeфон" typed with Latin "e" = "Телефон").
 */
export function headerKey(header: unknown): string {
  if (typeof header !== 'string') return computeHeaderKey(header);
  let key = HEADER_KEYS.get(header);
  if (key === undefined) {
    // A bounded memo: the same few hundred headers and synonyms are keyed on every read of a tab.
    if (HEADER_KEYS.size >= 10_000) HEADER_KEYS.clear();
    HEADER_KEYS.set(header, (key = computeHeaderKey(header)));
  }
  return key;
}

const HEADER_KEYS = new Map<string, string>();

function computeHeaderKey(header: unknown): string {
  const key = nameKey(header)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  const cyrillic = (key.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (key.match(/[a-z]/g) ?? []).length;
  if (cyrillic === 0 || latin === 0) return key;
  const table = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  return Array.from(key, (ch) => table[ch] ?? ch).join('');
}

const SYNONYM_KEYS = new Map<FieldKey, Set<string>>((Object.keys(HEADER_SYNONYMS) as FieldKey[]).map((k) => [k, new Set(HEADER_SYNONYMS[k].map(headerKey))]));
const FULL_NAME_KEYS = new Set(FULL_NAME_HEADERS.map(headerKey));
const GENERIC_NAME_KEYS = new Map(GENERIC_NAME_HEADERS.map((g) => [headerKey(g.header), g.withOtherPart]));
const ALL_KNOWN_KEYS = new Set<string>([...FULL_NAME_KEYS, ...GENERIC_NAME_KEYS.keys(), ...Array.from(SYNONYM_KEYS.values()).flatMap((s) => [...s])]);

function allowedTypos(key: string): number {
  if (key.length < 5) return 0;
  return key.length < 9 ? 1 : 2;
}

function digitsOf(key: string): string {
  return key.replace(/\D/g, '');
}

export function proposeMapping(headers: readonly unknown[], fields: readonly FieldDef[], headerRow = 0): HeaderMapping {
  const keys = headers.map(headerKey);
  const columns: MappedColumn[] = headers.map((h, index) => ({ index, header: h == null ? '' : String(h), confidence: 'none' }));
  const taken = new Set<FieldDef>();
  const byKey = (k: FieldKey) => fields.find((f) => f.key === k);

  const assign = (i: number, field: FieldDef, confidence: MatchConfidence) => {
    columns[i].field = field.name;
    columns[i].confidence = confidence;
    taken.add(field);
  };
  const free = (i: number) => columns[i].confidence === 'none' && keys[i] !== '';

  // exact: the header is the field's own name.
  for (let i = 0; i < columns.length; i++) {
    if (!free(i)) continue;
    const field = fields.find((f) => !taken.has(f) && headerKey(f.name) === keys[i]);
    if (field) assign(i, field, 'exact');
  }
  // synonym
  for (let i = 0; i < columns.length; i++) {
    if (!free(i)) continue;
    const field = fields.find((f) => !taken.has(f) && f.key !== undefined && SYNONYM_KEYS.get(f.key)?.has(keys[i]));
    if (field) assign(i, field, 'synonym');
  }
  // whole names: "Name" beside a surname column is the first name; alone it is the full name.
  const first = byKey('firstName');
  const last = byKey('lastName');
  for (let i = 0; i < columns.length; i++) {
    if (!free(i)) continue;
    const other = GENERIC_NAME_KEYS.get(keys[i]);
    const otherPart = other === 'firstName' ? last : other === 'lastName' ? first : undefined;
    const ownPart = other === 'firstName' ? first : other === 'lastName' ? last : undefined;
    if (other && otherPart && ownPart && taken.has(otherPart) && !taken.has(ownPart)) {
      assign(i, ownPart, 'synonym');
      continue;
    }
    if ((other || FULL_NAME_KEYS.has(keys[i])) && first && last && !taken.has(first) && !taken.has(last)) {
      assign(i, first, 'synonym');
      taken.add(last);
      columns[i].splitFullName = true;
    }
  }
  // fuzzy: a typo or two away from a name or synonym of a field still free.
  for (let i = 0; i < columns.length; i++) {
    if (!free(i)) continue;
    const budget = allowedTypos(keys[i]);
    if (budget === 0) continue;
    let best: FieldDef | undefined;
    let bestDistance = budget + 1;
    for (const field of fields) {
      if (taken.has(field)) continue;
      const candidates = [headerKey(field.name), ...(field.key ? (SYNONYM_KEYS.get(field.key) ?? []) : [])];
      for (const candidate of candidates) {
        // "Phone 2" is not a typo of "Phone 1": numbered columns must agree on their numbers.
        if (digitsOf(candidate) !== digitsOf(keys[i]) || allowedTypos(candidate) === 0) continue;
        const d = editDistance(keys[i], candidate, bestDistance - 1);
        if (d < bestDistance) {
          best = field;
          bestDistance = d;
        }
      }
    }
    if (best) assign(i, best, 'fuzzy');
  }
  // keywords: CRM exports qualify their headers ("Рабочий телефон (контакт)", "Address 1 - Formatted").
  for (let i = 0; i < columns.length; i++) {
    if (!free(i)) continue;
    const key = keywordField(columns[i].header);
    const field = key && byKey(key);
    if (field && !taken.has(field)) assign(i, field, 'fuzzy');
  }
  return { columns, headerRow };
}

/** Words that say which field a qualified header is about; the first field named wins. */
const FIELD_KEYWORDS: ReadonlyArray<readonly [FieldKey, readonly string[]]> = [
  ['email', ['email', 'e-mail', 'mail', 'почта', 'пошта', 'емейл', 'имейл']],
  ['phone', ['phone', 'telephone', 'tel', 'mobile', 'cell', 'телефон', 'тел', 'моб', 'мобильный', 'мобільний', 'telefon', 'mobil']],
  ['position', ['position', 'title', 'должность', 'посада', 'funcție', 'functie', 'funcţie']],
  ['company', ['company', 'organization', 'organisation', 'компания', 'организация', 'компанія', 'організація', 'фирма', 'companie', 'firma']],
  ['address', ['address', 'street', 'адрес', 'адреса', 'улица', 'вулиця', 'adresa', 'adresă', 'strada']],
  ['city', ['city', 'town', 'город', 'місто', 'oraș', 'oras', 'localitate']],
  ['birthday', ['birthday', 'birth', 'рождения', 'народження', 'nașterii', 'nasterii']],
];

/** A header that names a kind rather than a value ("Phone 1 - Type") is never a field. */
const KIND_WORDS = new Set(['type', 'тип', 'tip', 'label', 'метка']);

function keywordField(header: string): FieldKey | undefined {
  const words = header
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .split(/[^\p{L}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  if (words.length === 0 || words.length > 6 || words.some((w) => KIND_WORDS.has(w))) return undefined;
  for (const [key, keywords] of FIELD_KEYWORDS) if (words.some((w) => keywords.includes(w))) return key;
  return undefined;
}

const LOOKS_LIKE_DATA = /@|^[+\d\s().,:/-]+$|^https?:/i;

/** How much a row looks like a header: known header words count most; numbers, dates, emails count against. */
function headerScore(row: readonly unknown[]): number {
  let filled = 0;
  let texty = 0;
  let known = 0;
  let dataLike = 0;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    filled++;
    if (typeof cell !== 'string') {
      dataLike++;
      continue;
    }
    const text = cell.trim();
    if (LOOKS_LIKE_DATA.test(text) || text.length > 60) dataLike++;
    else texty++;
    const key = headerKey(text);
    if (ALL_KNOWN_KEYS.has(key)) known++;
  }
  if (filled < 2) return filled === 1 && known === 1 ? 1 : -1;
  return known * 3 + texty - dataLike * 2;
}

/**
 * The 0-based index of the header row: a sheet may open with a title line,
 * a date, or blank lines. Looks at the first 30 rows; the best-scoring row
 * wins, the earliest on a tie; 0 when nothing looks like a header.
 */
export function detectHeaderRow(rows: readonly (readonly unknown[])[]): number {
  let best = 0;
  let bestScore = -Infinity;
  const limit = Math.min(rows.length, 30);
  for (let i = 0; i < limit; i++) {
    const score = headerScore(rows[i] ?? []);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return bestScore <= 0 ? 0 : best;
}

/** detectHeaderRow + proposeMapping over the rows of a sheet or CSV. */
export function proposeSheetMapping(rows: readonly (readonly unknown[])[], fields: readonly FieldDef[]): HeaderMapping {
  const headerRow = detectHeaderRow(rows);
  return proposeMapping(rows[headerRow] ?? [], fields, headerRow);
}
