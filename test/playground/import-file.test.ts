import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImportFile } from '../../playground/import-file';
import { csvSource } from '../../playground/seeding';

const dir = mkdtempSync(join(tmpdir(), 'cb-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function koi8r(text: string): Uint8Array {
  const decoder = new TextDecoder('koi8-r');
  const byChar = new Map<string, number>();
  for (let b = 0x80; b < 0x100; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : byChar.get(ch)!)));
}

describe('npm start -- --import FILE.csv', () => {
  it('reads a KOI8-R export as Cyrillic and says which encoding it read', () => {
    const path = join(dir, 'export.csv');
    writeFileSync(path, koi8r('Фамилия;Имя;Телефон\nПетров;Александр;8 916 123-45-67\n'));
    const lines: string[] = [];
    const text = readImportFile(path, (line) => lines.push(line));
    expect(csvSource(text).clients).toEqual([
      ['Фамилия', 'Имя', 'Телефон'],
      ['Петров', 'Александр', '8 916 123-45-67'],
    ]);
    expect(lines.join('\n')).toContain('read as KOI8-R (Cyrillic)');
  });

  it('names a missing file in one line', () => {
    expect(() => readImportFile(join(dir, 'nope.csv'), () => {})).toThrow(/cannot import .*nope\.csv: no such file/);
  });
});
