/**
 * Deploying from a fresh clone: `clasp create` refuses when a .clasp.json
 * exists ("Project file already exists."), so none is tracked; the setup
 * script writes one for an existing project, and .claspignore lets only the
 * built files through (matched as clasp 3 matches them: micromatch.not with
 * dot files, relative to rootDir).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { claspConfig, configProblem, isScriptId, run } from '../../scripts/clasp-setup';

const root = join(__dirname, '..', '..');
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefghijklmnopqr';
const micromatch = createRequire(join(root, 'node_modules/@google/clasp/package.json'))('micromatch') as {
  not(files: string[], patterns: string[], options: { dot: boolean }): string[];
};

describe('clasp from a fresh clone', () => {
  it('tracks no .clasp.json (clasp create would refuse) but an example, and ignores a local one', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
    expect(tracked).not.toContain('.clasp.json');
    expect(tracked).toContain('.clasp.json.example');
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('.clasp.json');
    expect(configProblem(readFileSync(join(root, '.clasp.json.example'), 'utf8'))).toMatch(/no real scriptId/);
  });

  it('.claspignore pushes Code.js, Sidebar.html and appsscript.json and nothing else', () => {
    const patterns = readFileSync(join(root, '.claspignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const local = ['Code.js', 'Sidebar.html', 'appsscript.json', 'Code.js.map', '.clasp.json', 'old/Code.js', 'notes.txt', '.DS_Store'];
    expect(micromatch.not(local, patterns, { dot: true }).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
  });

  it('the setup script writes a .clasp.json clasp can push with, and refuses a bad or hostile ID', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clasp-setup-'));
    const lines: string[] = [];
    expect(run(['--check'], dir, (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(
      /no \.clasp\.json yet[\s\S]*clasp create --type sheets --title "Clients" --rootDir dist[\s\S]*npm run clasp:setup -- <scriptId>/,
    );
    for (const bad of ['', 'REPLACE WITH YOUR SCRIPT ID', '../../etc/passwd', '<script>alert(1)</script>', '=IMPORTXML("x")', '🙂'.repeat(30)]) {
      expect(
        run([bad], dir, () => {}),
        bad,
      ).toBe(1);
    }
    expect(run([SCRIPT_ID], dir, () => {})).toBe(0);
    const written = readFileSync(join(dir, '.clasp.json'), 'utf8');
    expect(JSON.parse(written)).toEqual({ scriptId: SCRIPT_ID, rootDir: 'dist' });
    expect(run(['--check'], dir, () => {})).toBe(0);
    // An existing real configuration is kept unless --force.
    const other = SCRIPT_ID.replace('1Ab', '1Zz');
    expect(run([other], dir, () => {})).toBe(1);
    expect(run([other, '--force'], dir, () => {})).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.clasp.json'), 'utf8')).scriptId).toBe(other);
    writeFileSync(join(dir, '.clasp.json'), '{"scriptId": "REPLACE_WITH_YOUR_SCRIPT_ID", "rootDir": "dist"}');
    expect(configProblem(readFileSync(join(dir, '.clasp.json'), 'utf8'))).toMatch(/no real scriptId/);
    expect(configProblem(claspConfig(SCRIPT_ID).replace('"dist"', '"."'))).toMatch(/rootDir/);
    expect(isScriptId(SCRIPT_ID)).toBe(true);
  });
});
