import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineWriter } from '../../cli/io';
import { main } from '../../cli/main';
import { memoryIo } from '../support/cli-io';

describe('streamed output', () => {
  it('writes many lines in pieces of about 1 MB, never one string of everything, and loses none', () => {
    const pieces: string[] = [];
    const writer = lineWriter((t) => pieces.push(t));
    const line = 'x'.repeat(99);
    for (let i = 0; i < 30_000; i++) writer.line(line);
    writer.end();
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual((1 << 20) + 100);
    expect(pieces.join('')).toBe(`${Array(30_000).fill(line).join('\n')}\n`);
  });

  it('dedupe --out appends its pairs to the file it started empty', async () => {
    const csv = ['id,first,last,phone', '1,Alexander,Petrov,+7 916 123 45 67', '2,Aleksandr,Petrov,+7 916 123 45 67', '3,Maria,Ionescu,'].join('\n');
    const mem = memoryIo({ 'in.csv': csv, 'pairs.jsonl': 'old content\n' });
    expect(await main(['dedupe', 'in.csv', '--out', 'pairs.jsonl'], mem.io)).toBe(0);
    const lines = mem.files['pairs.jsonl'].trim().split('\n');
    expect(lines.map((l) => JSON.parse(l)).map((p) => [p.a, p.b])).toEqual([['1', '2']]);
  });
});

describe('bin/clientbase.mjs', () => {
  it('runs the compiled command line from dist/ after a build', () => {
    expect(existsSync(new URL('../../dist/cli/main.mjs', import.meta.url)), 'run npm run build first').toBe(true);
    const out = execFileSync(process.execPath, [new URL('../../bin/clientbase.mjs', import.meta.url).pathname, '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/^usage: clientbase <command>/);
  });
});
