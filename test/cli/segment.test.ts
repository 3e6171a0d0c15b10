import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/commands/segment';
import { memoryIo } from '../support/cli-io';

const CLIENTS = [
  'ID,First name,Gender,City,Stage,Last contact',
  'C-1,Anna,Female,St. Petersburg,VIP,2025-06-01',
  'C-2,Мария,female,Санкт-Петербург,Hot,',
  'C-3,Boris,Male,st. petersburg ,VIP,10.01.2025',
  'C-4,Olga,FEMALE,Moscow,VIP,',
  ',Nobody,Female,St. Petersburg,VIP,',
  'C-6,"Smith, ""Jr""",Female,"St. Petersburg",Cold,',
].join('\n');
const PURCHASES = [
  'Client ID,Date,Amount,Product',
  'C-1,2025-06-10,300,A',
  'c-1,2025-05-20,250,B',
  'C-2,2025-06-14,"501,00",C',
  'C-4,2025-05-15,900,D',
  'C-6,2025-06-15,500,E',
].join('\n');
const RU = ['ID;Имя;Город', 'R-1;Вера;Москва', 'R-2;Иван;москва '].join('\r\n');
const files = { 'clients.csv': CLIENTS, 'p.csv': PURCHASES, 'ru.csv': '\ufeff' + RU, 'empty.csv': '', 'bad.csv': 'ID,Name\n"unterminated' };

async function segment(args: string[]) {
  const t = memoryIo(files);
  const code = await run(args, t.io);
  return { code, out: t.stdout(), err: t.stderr() };
}

describe('clientbase segment', () => {
  it('prints the IDs that match, one a line, and exits 0', async () => {
    expect(await segment(['clients.csv', '--rule', 'City = "St. Petersburg"'])).toEqual({ code: 0, out: 'C-1\nC-2\nC-3\nC-6\n', err: '' });
  });

  it('uses --purchases and --today for the measures', async () => {
    const r = await segment(['clients.csv', '--rule', 'Gender = "Female" and "Spent 30d" > 500', '--purchases', 'p.csv', '--today', '2025-06-15']);
    expect(r).toEqual({ code: 0, out: 'C-1\nC-2\n', err: '' });
    expect((await segment(['clients.csv', '--rule', 'Purchases = 0', '--purchases=p.csv', '--today=2025-06-15'])).out).toBe('C-3\n');
  });

  it('VIP clients with no contact for 90 days', async () => {
    const r = await segment([
      'clients.csv',
      '--rule',
      'Stage = "VIP" and ("Last contact" is empty or "Last contact" more than 90 days ago)',
      '--today',
      '2025-06-15',
    ]);
    expect(r.out).toBe('C-3\nC-4\n');
  });

  it('prints nothing and exits 0 when nothing matches', async () => {
    expect(await segment(['clients.csv', '--rule', 'Stage = "Nobody"'])).toEqual({ code: 0, out: '', err: '' });
  });

  it('reads semicolon CSV with a BOM and Cyrillic headers', async () => {
    expect((await segment(['ru.csv', '--rule', 'город = "МОСКВА"'])).out).toBe('R-1\nR-2\n');
  });

  it('a bad rule prints the message and a caret under it, exit 2', async () => {
    const r = await segment(['clients.csv', '--rule', 'Stage = "VIP" and Cty = "x"']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('clientbase segment: Unknown field "Cty" at 19 — did you mean "City"?\nStage = "VIP" and Cty = "x"\n                  ^^^\n');
  });

  it.each([
    ['=IMPORTXML("http://x","//a")', /not a formula/],
    ['Stage = "VIP', /Unterminated text/],
    ['('.repeat(5_000) + 'Stage = "x"' + ')'.repeat(5_000), /too long/],
    ['Stage = "' + 'x'.repeat(50_001) + '"', /too long/],
    ['', /empty/],
    ['😀', /Unknown field/],
  ])('hostile rule %#: clear error, exit 2', async (rule, message) => {
    const r = await segment(['clients.csv', '--rule', rule]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n').every((line) => line.length < 400)).toBe(true);
  });

  it('warns when a rule uses measures without --purchases', async () => {
    const r = await segment(['clients.csv', '--rule', 'Spent = 0']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('C-1\nC-2\nC-3\nC-4\nC-6\n');
    expect(r.err).toMatch(/no --purchases file/);
  });

  it('usage errors exit 2; an unreadable CSV exits 1', async () => {
    expect((await segment(['clients.csv'])).err).toMatch(/missing --rule/);
    expect((await segment(['--rule', 'Stage = "x"'])).code).toBe(2);
    expect((await segment(['nope.csv', '--rule', 'Stage = "x"'])).err).toMatch(/no such file: nope.csv/);
    expect((await segment(['clients.csv', '--rule', 'Stage = "x"', '--today', '2025-02-30'])).code).toBe(2);
    expect((await segment(['clients.csv', '--rule', 'Stage = "x"', '--colour', 'red'])).err).toMatch(/unknown option --colour/);
    expect((await segment(['clients.csv', '--rule', 'Stage = "x"', '--purchases', 'nope.csv'])).code).toBe(2);
    expect((await segment(['bad.csv', '--rule', 'Name = "x"'])).code).toBe(1);
    expect(await segment(['empty.csv', '--rule', 'Name = "x"'])).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown field "Name"/) });
  });

  it('runs from the shell through cli/main.ts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'segment-'));
    writeFileSync(join(dir, 'c.csv'), CLIENTS);
    const out = execFileSync('npx', ['tsx', 'cli/main.ts', 'segment', join(dir, 'c.csv'), '--rule', 'Stage in ("hot", "cold")'], { encoding: 'utf8' });
    expect(out).toBe('C-2\nC-6\n');
    let status = 0;
    try {
      execFileSync('npx', ['tsx', 'cli/main.ts', 'segment', join(dir, 'c.csv'), '--rule', 'Stge = "x"'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});
