import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvError, detectDelimiter, formatCsv, parseCsv } from '../../../src/core/csv/parse';

describe('parseCsv', () => {
  it('reads quoted fields with doubled quotes, embedded line breaks and CRLF', () => {
    const text = 'id,name,note\r\n1,"Петров, Иван","said ""hi""\nthen left"\r\n2,Ana,\r\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'name', 'note'],
      ['1', 'Петров, Иван', 'said "hi"\nthen left'],
      ['2', 'Ana', ''],
    ]);
  });

  it('strips a BOM and detects semicolons from a Russian Excel export', () => {
    expect(parseCsv('\uFEFFИмя;Телефон\nАнна;8(916)123-45-67\n')).toEqual([
      ['Имя', 'Телефон'],
      ['Анна', '8(916)123-45-67'],
    ]);
  });

  it('keeps formula-looking and HTML text as plain text', () => {
    const rows = parseCsv('a,b\n=HYPERLINK("x"),<img src=x onerror=alert(1)>\n');
    expect(rows[1]).toEqual(['=HYPERLINK("x")', '<img src=x onerror=alert(1)>']);
  });

  it('reports an unterminated quote with its line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(/line 2/);
  });

  it('returns no rows for empty input', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n\n')).toEqual([]);
  });

  it('detects tab and comma delimiters', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
  });

  it('round-trips any table through formatCsv', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 20 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (table) => {
        const width = table[0].length;
        const rect = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
        // A row of one empty field is indistinguishable from a blank line, which parseCsv skips.
        const expected = rect.filter((r) => !(r.length === 1 && r[0] === ''));
        expect(parseCsv(formatCsv(rect), ',')).toEqual(expected);
      }),
    );
  });
});
