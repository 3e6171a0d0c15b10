import { describe, expect, it } from 'vitest';
import { run } from '../../cli/commands/validate';
import { memoryIo } from '../support/cli-io';

const MESSY = [
  'Список клиентов;;;;;;',
  ';;;;;;',
  'ФИО;Телефон;E-mail;Компания;Дата рождения;Статус;Комментарий',
  'Петров Александр Иванович;8 (916) 123-45-67;Petrov@Gmial.com;ООО Ромашка;31.02.1985;Hto;"=HYPERLINK(""x"")"',
  'Мария Иванова;+7 916 123 45 68;maria@mail.ru;;15.03.1990;Hot;<img src=x onerror=alert(1)>',
  ';;maria@mail.ru;;;;',
].join('\n');

/** The bytes a Windows-1251 export holds (Node's decoder table inverted). */
function windows1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const byChar = new Map<string, number>();
  for (let b = 0x80; b < 0x100; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : byChar.get(ch)!)));
}

const CLEAN = 'First name,Last name,Email,Phone,Stage\nAnna,Petrova,anna@mail.ru,+7 916 123 45 67,Hot\nIon,Popescu,ion@firma.ro,+40 721 234 567,Warm\n';

describe('clientbase validate', () => {
  it('exits 0 and says so on a clean file', async () => {
    const t = memoryIo({ 'clean.csv': CLEAN });
    expect(await run(['clean.csv'], t.io)).toBe(0);
    expect(t.stdout()).toContain('2 client rows checked, 0 problems');
    expect(t.stdout()).toContain('no problems');
  });

  it('prints a table of problems with suggested fixes and a summary, and exits 1', async () => {
    const t = memoryIo({ 'messy.csv': MESSY });
    expect(await run(['messy.csv', '--default-country', 'RU'], t.io)).toBe(1);
    const out = t.stdout();
    expect(out).toContain('header on row 3');
    expect(out).toContain('"ФИО" → First name + last name (full name, split)');
    expect(out).toMatch(/4\s+E-mail\s+Petrov@Gmial\.com\s+.*did you mean petrov@gmail\.com\?\s+petrov@gmail\.com/);
    expect(out).toMatch(/4\s+Телефон\s+8 \(916\) 123-45-67\s+.*\+7 916 123 45 67/);
    expect(out).toContain('February 1985 has 28 days');
    expect(out).toContain('did you mean Hot?');
    expect(out).toMatch(/duplicate in a unique column: 2/);
    expect(t.stderr()).toBe('');
  });

  it('reads a Windows-1251 export from 1C (the most common Russian export) as Cyrillic, maps ФИО and Телефон, and says which encoding it read', async () => {
    const t = memoryIo({}, { '1c.csv': windows1251(MESSY) });
    expect(await run(['1c.csv', '--default-country', 'RU'], t.io)).toBe(1);
    expect(t.stdout()).toContain('"ФИО" → First name + last name (full name, split)');
    expect(t.stdout()).toMatch(/4\s+Телефон\s+8 \(916\) 123-45-67/);
    expect(t.stdout()).not.toContain('\ufffd');
    expect(t.stderr()).toContain('read 1c.csv as Windows-1251 (Cyrillic)');
  });

  it('prints JSON with --json', async () => {
    const t = memoryIo({ 'messy.csv': MESSY });
    expect(await run(['messy.csv', '--json', '--default-country', 'ru'], t.io)).toBe(1);
    const report = JSON.parse(t.stdout());
    expect(report.headerRow).toBe(3);
    expect(report.checkedRows).toBe(3);
    expect(report.summary.duplicate).toBe(2);
    const birthday = report.problems.find((p: { row: number; column: string; kind: string }) => p.row === 5 && p.column === 'Дата рождения');
    expect(birthday).toMatchObject({ kind: 'format', fix: '1990-03-15', value: '15.03.1990' });
    expect(report.problems.some((p: { column: string }) => p.column === 'Комментарий')).toBe(false);
  });

  it('uses a field set given in the Fields-tab layout, warning about its bad rows', async () => {
    const fieldsCsv = 'Name,Type,Required,Options,Unique,Help,Key\nClient,text,yes,,,,\nTier,choice,no,"Gold, Silver",,,\nID,text,,,,,\n';
    const data = 'Client,Tier\nAcme,Gold\n,Bronze\n';
    const t = memoryIo({ 'f.csv': fieldsCsv, 'd.csv': data });
    expect(await run(['d.csv', '--fields', 'f.csv', '--json'], t.io)).toBe(1);
    const report = JSON.parse(t.stdout());
    expect(report.problems.map((p: { row: number; kind: string }) => [p.row, p.kind])).toEqual([
      [3, 'required'],
      [3, 'not_an_option'],
    ]);
    expect(t.stderr()).toContain('Fields row 4');
  });

  it('finds the header and the delimiter below a title line that has no delimiter', async () => {
    const t = memoryIo({ 't.csv': 'Клиенты отдела продаж\nИмя;Фамилия;Телефон\nАнна;Петрова;+7 916 123 45 67\n' });
    expect(await run(['t.csv', '--json'], t.io)).toBe(0);
    const report = JSON.parse(t.stdout());
    expect(report.headerRow).toBe(2);
    expect(report.columns.map((c: { field?: string }) => c.field)).toEqual(['First name', 'Last name', 'Phone']);
  });

  it('exits 2 with a one-line reason on usage errors, never a stack trace', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [[], {}, /missing FILE\.csv/],
      [['nope.csv'], {}, /no such file: nope\.csv/],
      [['a.csv', 'b.csv'], { 'a.csv': CLEAN, 'b.csv': CLEAN }, /exactly one/],
      [['a.csv', '--bogus'], { 'a.csv': CLEAN }, /unknown option --bogus/],
      [['a.csv', '--default-country', 'Russia'], { 'a.csv': CLEAN }, /two-letter country code/],
      [['a.csv', '--default-country', 'XX'], { 'a.csv': CLEAN }, /two-letter country code/],
      [['a.csv', '--fields', 'missing.csv'], { 'a.csv': CLEAN }, /--fields: no such file/],
      [['a.csv', '--fields', 'f.csv'], { 'a.csv': CLEAN, 'f.csv': 'Name,Type\n=EVIL(),text\n' }, /defines no usable field/],
      [['empty.csv'], { 'empty.csv': '' }, /is empty/],
      [['broken.csv'], { 'broken.csv': 'Name,Email\n"unterminated,x\n' }, /not a readable CSV/],
    ];
    for (const [argv, files, message] of cases) {
      const t = memoryIo(files);
      expect(await run(argv, t.io), argv.join(' ')).toBe(2);
      expect(t.stderr()).toMatch(message);
      expect(t.stderr()).not.toMatch(/\n\s+at /);
    }
  });

  it('does not let terminal escape sequences in the data reach the terminal', async () => {
    const t = memoryIo({ 'x.csv': 'Email\n"evil\u001b[2J\u001b]0;pwned\u0007@x"\n' });
    expect(await run(['x.csv'], t.io)).toBe(1);
    expect(t.stdout()).not.toContain('\u001b');
    expect(t.stdout()).not.toContain('\u0007');
  });

  it('handles a 50,001-character cell, emoji and mixed scripts without losing the report', async () => {
    const csv = `Имя,Email,Notes\nАнна 😀 Anna,anna@mail.ru,"${'x'.repeat(50_001)}"\n`;
    const t = memoryIo({ 'big.csv': csv });
    expect(await run(['big.csv', '--json'], t.io)).toBe(1);
    const report = JSON.parse(t.stdout());
    expect(report.problems.map((p: { kind: string }) => p.kind)).toEqual(['too_long']);
    expect(report.problems[0].value.length).toBeLessThanOrEqual(1000);
  });
});

describe('clientbase validate on rows that do not match the header', () => {
  const SHIFTED = 'First name,Last name,Email,Phone\nAnna,Petrova,anna@mail.ru,+7 916 123 45 67\nIvan,Petrov, Jr.,ivan@mail.ru,+7 916 123 45 68\n';

  it('reports the row with an unquoted comma instead of reading it shifted, and exits 1', async () => {
    const t = memoryIo({ 'shifted.csv': SHIFTED });
    expect(await run(['shifted.csv'], t.io)).toBe(1);
    expect(t.stdout()).toMatch(/Rows that do not match the header \(1\)/);
    expect(t.stdout()).toContain('row 3: 5 values for 4 columns');
  });

  it('lists them in the JSON report', async () => {
    const t = memoryIo({ 'shifted.csv': SHIFTED });
    expect(await run(['shifted.csv', '--json'], t.io)).toBe(1);
    expect(JSON.parse(t.stdout()).malformedRows).toEqual([{ row: 3, fields: 5, expected: 4 }]);
  });
});
