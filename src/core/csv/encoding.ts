/**
 * Which text encoding a CSV export is in, and its text. Russian and Ukrainian
 * tools (1C, older Excel) still export Windows-1251 or KOI8; Excel's "Unicode
 * text" is UTF-16; Romanian tools use Windows-1250. A byte sequence that is
 * valid UTF-8 is UTF-8; otherwise each single-byte candidate is decoded and
 * scored by how much its letters look like Russian, Ukrainian or Romanian
 * text, so nothing is read as "���" without saying so.
 */

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r' | 'koi8-u' | 'windows-1250';

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  /** A person-readable name: "Windows-1251 (Cyrillic)". */
  label: string;
  /** Bytes that could not be decoded, shown as U+FFFD. */
  replaced: number;
  /** Set when the guess is weak: the reader should check a few values. */
  warning?: string;
}

// Bytes 0x80–0xFF of each single-byte code page (generated from the WHATWG tables; see test/core/csv/encoding.test.ts).
const CP1251 =
  '\u0402\u0403\u201a\u0453\u201e\u2026\u2020\u2021\u20ac\u2030\u0409\u2039\u040a\u040c\u040b\u040f\u0452\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u0098\u2122\u0459\u203a\u045a\u045c\u045b\u045f\u00a0\u040e\u045e\u0408\u00a4\u0490\u00a6\u00a7\u0401\u00a9\u0404\u00ab\u00ac\u00ad\u00ae\u0407\u00b0\u00b1\u0406\u0456\u0491\u00b5\u00b6\u00b7\u0451\u2116\u0454\u00bb\u0458\u0405\u0455\u0457\u0410\u0411\u0412\u0413\u0414\u0415\u0416\u0417\u0418\u0419\u041a\u041b\u041c\u041d\u041e\u041f\u0420\u0421\u0422\u0423\u0424\u0425\u0426\u0427\u0428\u0429\u042a\u042b\u042c\u042d\u042e\u042f\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043a\u043b\u043c\u043d\u043e\u043f\u0440\u0441\u0442\u0443\u0444\u0445\u0446\u0447\u0448\u0449\u044a\u044b\u044c\u044d\u044e\u044f';
const KOI8U =
  '\u2500\u2502\u250c\u2510\u2514\u2518\u251c\u2524\u252c\u2534\u253c\u2580\u2584\u2588\u258c\u2590\u2591\u2592\u2593\u2320\u25a0\u2219\u221a\u2248\u2264\u2265\u00a0\u2321\u00b0\u00b2\u00b7\u00f7\u2550\u2551\u2552\u0451\u0454\u2554\u0456\u0457\u2557\u2558\u2559\u255a\u255b\u0491\u255d\u255e\u255f\u2560\u2561\u0401\u0404\u2563\u0406\u0407\u2566\u2567\u2568\u2569\u256a\u0490\u256c\u00a9\u044e\u0430\u0431\u0446\u0434\u0435\u0444\u0433\u0445\u0438\u0439\u043a\u043b\u043c\u043d\u043e\u043f\u044f\u0440\u0441\u0442\u0443\u0436\u0432\u044c\u044b\u0437\u0448\u044d\u0449\u0447\u044a\u042e\u0410\u0411\u0426\u0414\u0415\u0424\u0413\u0425\u0418\u0419\u041a\u041b\u041c\u041d\u041e\u041f\u042f\u0420\u0421\u0422\u0423\u0416\u0412\u042c\u042b\u0417\u0428\u042d\u0429\u0427\u042a';
const CP1250 =
  '\u20ac\u0081\u201a\u0083\u201e\u2026\u2020\u2021\u0088\u2030\u0160\u2039\u015a\u0164\u017d\u0179\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u0098\u2122\u0161\u203a\u015b\u0165\u017e\u017a\u00a0\u02c7\u02d8\u0141\u00a4\u0104\u00a6\u00a7\u00a8\u00a9\u015e\u00ab\u00ac\u00ad\u00ae\u017b\u00b0\u00b1\u02db\u0142\u00b4\u00b5\u00b6\u00b7\u00b8\u0105\u015f\u00bb\u013d\u02dd\u013e\u017c\u0154\u00c1\u00c2\u0102\u00c4\u0139\u0106\u00c7\u010c\u00c9\u0118\u00cb\u011a\u00cd\u00ce\u010e\u0110\u0143\u0147\u00d3\u00d4\u0150\u00d6\u00d7\u0158\u016e\u00da\u0170\u00dc\u00dd\u0162\u00df\u0155\u00e1\u00e2\u0103\u00e4\u013a\u0107\u00e7\u010d\u00e9\u0119\u00eb\u011b\u00ed\u00ee\u010f\u0111\u0144\u0148\u00f3\u00f4\u0151\u00f6\u00f7\u0159\u016f\u00fa\u0171\u00fc\u00fd\u0163\u02d9';
const SINGLE_BYTE: Record<'windows-1251' | 'koi8-u' | 'windows-1250', string> = { 'windows-1251': CP1251, 'koi8-u': KOI8U, 'windows-1250': CP1250 };

const LABELS: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'koi8-r': 'KOI8-R (Cyrillic)',
  'koi8-u': 'KOI8-U (Cyrillic)',
  'windows-1250': 'Windows-1250 (Central European, Romanian)',
};

/** KOI8-U differs from KOI8-R only in these bytes, which KOI8-R fills with box-drawing characters. */
const KOI8U_ONLY = new Set([0xa4, 0xa6, 0xa7, 0xad, 0xb4, 0xb6, 0xb7, 0xbd]);

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return result(decodeUtf8(bytes.subarray(3)), 'utf-8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return result(decodeUtf16(bytes.subarray(2), true), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return result(decodeUtf16(bytes.subarray(2), false), 'utf-16be');
  const bomless16 = utf16WithoutBom(bytes);
  if (bomless16) return result(decodeUtf16(bytes, bomless16 === 'utf-16le'), bomless16);
  const utf8 = decodeUtf8(bytes);
  if (utf8.replaced === 0) return result(utf8, 'utf-8');
  return bestSingleByte(bytes);
}

function result(decoded: { text: string; replaced: number }, encoding: CsvEncoding, warning?: string): DecodedText {
  const out: DecodedText = { text: decoded.text, encoding, label: LABELS[encoding], replaced: decoded.replaced };
  if (warning) out.warning = warning;
  else if (decoded.replaced > 0) out.warning = `${decoded.replaced} byte(s) could not be read as ${LABELS[encoding]} and show as \ufffd`;
  return out;
}

/** Text in UTF-16 without a BOM has a NUL in every other byte for ASCII characters. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): { text: string; replaced: number } {
  const units: number[] = [];
  const parts: string[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    units.push(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
    if (units.length === 8192) parts.push(String.fromCharCode(...units.splice(0)));
  }
  parts.push(String.fromCharCode(...units));
  const replaced = bytes.length % 2;
  return { text: parts.join('') + (replaced ? '\ufffd' : ''), replaced };
}

/** Strict UTF-8 (no overlongs, no surrogates); each invalid sequence becomes one U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): { text: string; replaced: number } {
  const parts: string[] = [];
  let chunk: number[] = [];
  let replaced = 0;
  const push = (cp: number) => {
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      chunk.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else chunk.push(cp);
    if (chunk.length >= 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      push(b);
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let cp = len === 2 ? b & 0x1f : len === 3 ? b & 0x0f : b & 0x07;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && ((len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (len === 4 && (cp < 0x10000 || cp > 0x10ffff)))) ok = false;
    if (ok) {
      push(cp);
      i += len;
    } else {
      push(0xfffd);
      replaced++;
      i++;
    }
  }
  parts.push(String.fromCharCode(...chunk));
  return { text: parts.join(''), replaced };
}

function decodeSingleByte(bytes: Uint8Array, table: string): { text: string; replaced: number } {
  const parts: string[] = [];
  let chunk = '';
  let replaced = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const ch = b < 0x80 ? String.fromCharCode(b) : table[b - 0x80];
    if (b >= 0x80 && ch.charCodeAt(0) >= 0x80 && ch.charCodeAt(0) <= 0x9f) replaced++;
    chunk += ch;
    if (chunk.length >= 65536) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return { text: parts.join(''), replaced };
}

/** Letters by how often they occur in Russian, Ukrainian and Romanian text (per mille, rounded). */
const LETTER_WEIGHT: Record<string, number> = {
  о: 110,
  е: 85,
  а: 80,
  и: 74,
  н: 67,
  т: 63,
  с: 55,
  р: 47,
  в: 45,
  л: 44,
  к: 35,
  м: 32,
  д: 30,
  п: 28,
  у: 26,
  я: 20,
  ы: 19,
  ь: 17,
  г: 17,
  з: 16,
  б: 16,
  ч: 14,
  й: 12,
  х: 10,
  ж: 9,
  ш: 7,
  ю: 6,
  ц: 5,
  щ: 4,
  э: 3,
  ф: 3,
  ъ: 1,
  ё: 2,
  і: 50,
  ї: 6,
  є: 4,
  ґ: 1,
  ă: 40,
  â: 12,
  î: 14,
  ș: 12,
  ş: 12,
  ț: 10,
  ţ: 10,
};

/**
 * How much the non-ASCII part of a decoding looks like text in the users'
 * languages: frequent letters score high, symbols and controls low, and a
 * Cyrillic letter inside a Latin word (Oraє for Oraş) counts against.
 */
function letterScore(text: string): number {
  let score = 0;
  const asciiLetter = (ch: string | undefined) => ch !== undefined && /[A-Za-z]/.test(ch);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch.charCodeAt(0) < 0x80) continue;
    const lower = ch.toLowerCase();
    const weight = LETTER_WEIGHT[lower];
    const cyrillic = /[\u0400-\u04ff]/.test(ch);
    const besideLatin = asciiLetter(text[i - 1]) || asciiLetter(text[i + 1]);
    if (cyrillic && besideLatin) score -= 40;
    else if (weight !== undefined) score += weight + (lower === ch ? 5 : 0);
    else if (/\p{L}/u.test(ch)) score += besideLatin ? 8 : 1;
    else score -= 30;
  }
  return score;
}

function bestSingleByte(bytes: Uint8Array): DecodedText {
  const candidates = (Object.keys(SINGLE_BYTE) as (keyof typeof SINGLE_BYTE)[]).map((encoding) => {
    const decoded = decodeSingleByte(bytes, SINGLE_BYTE[encoding]);
    return { encoding, decoded, score: letterScore(decoded.text) };
  });
  candidates.sort((a, b) => b.score - a.score);
  const [best, second] = candidates;
  let encoding: CsvEncoding = best.encoding;
  if (encoding === 'koi8-u' && !bytes.some((b) => KOI8U_ONLY.has(b))) encoding = 'koi8-r';
  const close = best.score <= 0 || (second.score > 0 && second.score > best.score * 0.8);
  const warning = close ? `the encoding is a guess (${LABELS[encoding]} or ${LABELS[second.encoding]}): check a few names after import` : undefined;
  return result(best.decoded, encoding, warning);
}
