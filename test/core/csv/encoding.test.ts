import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeUtf8 } from '../../../src/core/csv/encoding';

/** Node's WHATWG decoders are the oracle; the encoder is their table inverted. */
function encode(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const byChar = new Map<string, number>();
  for (let b = 0x80; b < 0x100; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : (byChar.get(ch) ?? 0x3f))));
}
const utf16 = (text: string, littleEndian: boolean, bom: boolean) => {
  const out: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out.push(...(littleEndian ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return Uint8Array.from(out);
};

const ONE_C_EXPORT =
  'ФИО;Телефон;Эл. почта;Город;Сумма, руб.\r\nПетров Александр Сергеевич;8 (916) 123-45-67;petrov@mail.ru;Москва;12 000\r\nСоколова Ирина;+7 921 000 11 22;;Санкт-Петербург;1 500,50\r\n';
const UKRAINIAN = "Прізвище;Ім'я;Місто;Примітка\nКоваленко;Олексій;Київ;їжак, євро, ґанок\nШевченко;Ірина;Львів;постійний клієнт\n";
const ROMANIAN = 'Nume;Prenume;Oraş;Observaţii\nPopescu;Ştefan;Bucureşti;client fidel, plăţi lunare\nIonescu;Ioana;Chişinău;în aşteptare\n';

describe('decodeText: CSV exports in the encodings the teams meet', () => {
  it('reads a Windows-1251 export from 1C exactly, and says so', () => {
    const decoded = decodeText(encode(ONE_C_EXPORT, 'windows-1251'));
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toBe(ONE_C_EXPORT);
    expect(decoded.label).toMatch(/Windows-1251/);
    expect(decoded.warning).toBeUndefined();
  });

  it('reads the same export in KOI8-R', () => {
    const decoded = decodeText(encode(ONE_C_EXPORT, 'koi8-r'));
    expect(decoded.encoding).toBe('koi8-r');
    expect(decoded.text).toBe(ONE_C_EXPORT);
  });

  it('reads Ukrainian letters (і ї є ґ) in Windows-1251 and in KOI8-U', () => {
    expect(decodeText(encode(UKRAINIAN, 'windows-1251'))).toMatchObject({ encoding: 'windows-1251', text: UKRAINIAN });
    expect(decodeText(encode(UKRAINIAN, 'koi8-u'))).toMatchObject({ encoding: 'koi8-u', text: UKRAINIAN });
  });

  it('reads a Romanian export in Windows-1250', () => {
    expect(decodeText(encode(ROMANIAN, 'windows-1250'))).toMatchObject({ encoding: 'windows-1250', text: ROMANIAN });
  });

  it('reads names typed in capitals (ИВАНОВ ИВАН) in Windows-1251 and KOI8-R', () => {
    const caps = 'ФАМИЛИЯ;ИМЯ\nИВАНОВ;ИВАН\nСИДОРЕНКО;ОЛЕГ\n';
    expect(decodeText(encode(caps, 'windows-1251'))).toMatchObject({ encoding: 'windows-1251', text: caps });
    expect(decodeText(encode(caps, 'koi8-r'))).toMatchObject({ encoding: 'koi8-r', text: caps });
  });

  it('reads UTF-8 with and without BOM, and UTF-16 with a BOM or without', () => {
    const bytes = new TextEncoder().encode(ONE_C_EXPORT);
    expect(decodeText(bytes)).toMatchObject({ encoding: 'utf-8', text: ONE_C_EXPORT, replaced: 0 });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toMatchObject({ encoding: 'utf-8-bom', text: ONE_C_EXPORT });
    expect(decodeText(utf16(ONE_C_EXPORT, true, true))).toMatchObject({ encoding: 'utf-16le', text: ONE_C_EXPORT });
    expect(decodeText(utf16(ONE_C_EXPORT, false, true))).toMatchObject({ encoding: 'utf-16be', text: ONE_C_EXPORT });
    expect(decodeText(utf16(ONE_C_EXPORT, true, false))).toMatchObject({ encoding: 'utf-16le', text: ONE_C_EXPORT });
  });

  it('keeps emoji, mixed scripts and formula-looking text through UTF-8 and UTF-16', () => {
    const hostile = '=IMPORTXML("http://x";"//a");<img src=x onerror=alert(1)>;Ivan Петров 👩‍💻\n';
    expect(decodeText(new TextEncoder().encode(hostile)).text).toBe(hostile);
    expect(decodeText(utf16(hostile, true, true)).text).toBe(hostile);
  });

  it('reads an empty file as empty UTF-8, and plain ASCII as UTF-8', () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ encoding: 'utf-8', text: '', replaced: 0 });
    expect(decodeText(new TextEncoder().encode('a,b\n1,2\n'))).toMatchObject({ encoding: 'utf-8', text: 'a,b\n1,2\n' });
  });

  it('never drops a byte silently: a broken file is read with a warning that counts what could not be read', () => {
    const garbage = Uint8Array.from([0x41, 0x98, 0x98, 0x98, 0x42]);
    const decoded = decodeText(garbage);
    expect(decoded.warning).toBeTruthy();
    expect(decoded.text.startsWith('A')).toBe(true);
    expect(decoded.text.endsWith('B')).toBe(true);
  });

  it('decodes any string written as UTF-8 back to itself, like the WHATWG decoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(decodeUtf8(bytes).text).toBe(new TextDecoder('utf-8').decode(bytes));
      }),
    );
  });

  it('replaces invalid UTF-8 as the WHATWG decoder does for lone bytes, overlongs and surrogates', () => {
    for (const bytes of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xff], [0xf4, 0x90, 0x80, 0x80]]) {
      const decoded = decodeUtf8(Uint8Array.from(bytes));
      expect(decoded.replaced).toBeGreaterThan(0);
      expect(decoded.text).toMatch(/^\ufffd+$/);
    }
  });
});
