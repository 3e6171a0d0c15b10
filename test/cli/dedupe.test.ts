import { describe, expect, it } from 'vitest';
import { run } from '../../cli/commands/dedupe';
import { memoryIo } from '../support/cli-io';

const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { a: string; b: string; score: number; why: string });

const CLIENTS = [
  'id,Имя,Фамилия,Телефон,E-mail,Дата рождения',
  'k1,Александр,Петров,+7 916 123-45-67,a.petrov@gmail.com,1971-06-24',
  'k2,Саша,Петров,8(916)1234567,,24.06.1971',
  'k3,Robert,Whitfield,,rob.whitfield@gmail.com,',
  'k4,Bob,Whitfield,,robwhitfield+crm@gmail.com,',
  'k5,Екатерина,Смирнова,+7 903 555-11-22,,1985-03-02',
].join('\n');

describe('clientbase dedupe', () => {
  it('reads a Russian CRM export with ФИО and local phones, and leaves households and colleagues apart', async () => {
    const csv = [
      'ID,Фамилия,Имя,Отчество,ФИО,Телефон,Email,Дата рождения,Город,Компания',
      'r1,Петров,Алексей,Викторович,,+7 916 000-11-22,,,Москва,',
      'r2,,,,Петров А. В.,89160001122,,,,',
      'r3,Петрова,Алексия,,,+7 916 000-11-22,,,Москва,',
      'r4,Орлов,Сергей,,,+7 495 123 45 67,info@vector.ru,,,Вектор',
      'r5,Белов,Игорь,,,8 495 123-45-67,info@vector.ru,,,Вектор',
      'r6,,,,Смирнова Ольга Ивановна,067 123 45 67,olga.s@ukr.net,1980,Київ,',
      'r7,Смирнова,Оля,Ивановна,,+380 67 123 4567,,12.05.1980,,',
    ].join('\n');
    const t = memoryIo({ 'crm.csv': csv });
    expect(await run(['crm.csv'], t.io)).toBe(0);
    const pairs = lines(t.stdout()).map((p) => [p.a, p.b].sort().join('+'));
    expect(pairs).toContain('r1+r2');
    expect(pairs).toContain('r6+r7');
    expect(pairs).not.toContain('r1+r3');
    expect(pairs).not.toContain('r4+r5');
  });

  it('writes one JSON line per likely duplicate pair with a reason', async () => {
    const t = memoryIo({ 'clients.csv': CLIENTS });
    expect(await run(['clients.csv', '--default-country', 'RU'], t.io)).toBe(0);
    const pairs = lines(t.stdout());
    expect(pairs.map((p) => [p.a, p.b].sort().join('+')).sort()).toEqual(['k1+k2', 'k3+k4']);
    for (const p of pairs) {
      expect(Object.keys(p)).toEqual(['a', 'b', 'score', 'why']);
      expect(p.score).toBeGreaterThan(0.5);
      expect(p.why).toMatch(/duplicate/);
    }
    expect(pairs.find((p) => p.a === 'k1' || p.b === 'k1')!.why).toContain('same phone');
    expect(t.stderr()).toContain('5 records');
  });

  it('writes to --out and honours --threshold', async () => {
    const t = memoryIo({ 'c.csv': CLIENTS });
    expect(await run(['c.csv', '--out', 'pairs.jsonl', '--threshold', '0.9999', '--default-country', 'RU'], t.io)).toBe(0);
    expect(t.stdout()).toBe('');
    const written = lines(t.files['pairs.jsonl']);
    expect(written.every((p) => p.score >= 0.9999)).toBe(true);
    const all = memoryIo({ 'c.csv': CLIENTS });
    await run(['c.csv', '--default-country', 'RU'], all.io);
    expect(written.length).toBeLessThanOrEqual(lines(all.stdout()).length);
  });

  it('maps columns with --map', async () => {
    const csv = ['key,a,b,c', '1,Ann,Lee,5550100', '2,Anne,Lee,555 0100', '3,Bo,Chan,5559999'].join('\n');
    const t = memoryIo({ 'x.csv': csv });
    expect(await run(['x.csv', '--map', 'a=firstName,b=lastName,c=phone'], t.io)).toBe(0);
    expect(lines(t.stdout()).map((p) => `${p.a}+${p.b}`)).toEqual(['1+2']);
    const bad = memoryIo({ 'x.csv': csv });
    expect(await run(['x.csv', '--map', 'a=shoeSize'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('unknown field "shoeSize"');
    const missing = memoryIo({ 'x.csv': csv });
    expect(await run(['x.csv', '--map', 'zzz=firstName'], missing.io)).toBe(2);
    expect(missing.stderr()).toContain('"zzz"');
  });

  it.each([
    [[], 'missing FILE.csv'],
    [['a.csv', 'b.csv'], 'exactly one'],
    [['c.csv', '--threshold', 'high'], '--threshold'],
    [['c.csv', '--threshold', '1.5'], '--threshold'],
    [['c.csv', '--default-country', 'Russia'], '--default-country'],
    [['c.csv', '--bogus', '1'], 'unknown option --bogus'],
    [['nope.csv'], 'no such file: nope.csv'],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const t = memoryIo({ 'c.csv': CLIENTS });
    expect(await run(argv, t.io)).toBe(2);
    expect(t.stderr()).toContain(message);
    expect(t.stderr()).not.toMatch(/\n\s+at /);
  });

  it('reports an empty file and an unterminated quote without a stack trace', async () => {
    const t = memoryIo({ 'empty.csv': '', 'quote.csv': 'id,name\n1,"open' });
    expect(await run(['empty.csv'], t.io)).toBe(1);
    expect(t.stderr()).toContain('is empty');
    expect(await run(['quote.csv'], t.io)).toBe(1);
    expect(t.stderr()).toContain('not valid CSV');
    expect(t.stderr()).not.toMatch(/\n\s+at /);
  });

  it('handles a header-only file, ragged rows, huge cells, formulas, HTML and emoji', async () => {
    const hostile = [
      'id,first_name,surname,phone,email',
      'h1,=HYPERLINK("http://evil","x"),+1,-1,@x',
      'h2,<img src=x onerror=alert(1)>,' + 'x'.repeat(50_001),
      'h3,👩‍💻,Ivanов,🎉,🎉@🎉',
      'h4',
      'h5,Ann,Lee,+44 7700 900123,ann@x.com,extra,cells,here',
      'h6,Ann,Lee,07700 900123,ann@x.com',
      ',,,,',
    ].join('\n');
    const t = memoryIo({ 'header.csv': 'id,first_name,surname\n', 'hostile.csv': hostile });
    expect(await run(['header.csv'], t.io)).toBe(0);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toContain('0 records');
    const h = memoryIo({ 'hostile.csv': hostile });
    expect(await run(['hostile.csv', '--default-country', 'GB'], h.io)).toBe(0);
    const pairs = lines(h.stdout());
    expect(pairs.map((p) => `${p.a}+${p.b}`)).toEqual(['h5+h6']);
  });

  it('warns about repeated ids in the first column', async () => {
    const t = memoryIo({ 'd.csv': 'id,first_name\n1,Ann\n1,Bob\n' });
    expect(await run(['d.csv'], t.io)).toBe(0);
    expect(t.stderr()).toContain('1 ids appear more than once');
  });

  it('--companies reads a companies table (Название, ИНН, Сайт) and finds one company typed two ways', async () => {
    const csv = [
      'ID,Название,ИНН,Город,Телефон,Сайт',
      'c1,ООО «Ромашка»,7701234567,Москва,+7 495 111-22-33,https://romashka.ru',
      'c2,Romashka LLC,,Moscow,8 495 111 22 33,www.romashka.ru',
      'c3,ООО «Ромашка»,5402000001,Новосибирск,,',
      'c4,=HYPERLINK("x"),<b>1</b>,🎉,,',
    ].join('\n');
    const t = memoryIo({ 'companies.csv': csv });
    expect(await run(['companies.csv', '--companies', '--default-country', 'RU'], t.io)).toBe(0);
    const pairs = lines(t.stdout());
    expect(pairs.map((p) => [p.a, p.b].sort().join('+'))).toEqual(['c1+c2']);
    expect(pairs[0].why).toContain('same web domain (romashka.ru)');
    expect(t.stderr()).toContain('4 companies');
    expect(t.stderr()).toContain('ИНН→taxId');
    const bad = memoryIo({ 'people.csv': 'id,first_name\n1,Ann\n' });
    expect(await run(['people.csv', '--companies'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('company name or tax ID column');
  });
});
