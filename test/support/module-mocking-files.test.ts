import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULE_MOCKING_FILES } from './module-mocking-files';

const ROOT = join(import.meta.dirname, '..', '..');
// Built from parts so that this file does not list itself.
const MOCK_CALLS = [['vi', 'mock('].join('.'), ['vi', 'doMock('].join('.')];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [relative(ROOT, path).split('\\').join('/')] : [];
  });
}

describe('module-mocking files', () => {
  it('lists exactly the test files that mock modules, so that each of them runs isolated', () => {
    const mocking = testFiles(join(ROOT, 'test')).filter((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return MOCK_CALLS.some((call) => text.includes(call));
    });
    expect([...MODULE_MOCKING_FILES].sort()).toEqual(mocking.sort());
  });
});
