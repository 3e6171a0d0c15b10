/**
 * Writes .clasp.json for an existing Apps Script project, or checks it before
 * a push. The repository ships no .clasp.json: with one present, `clasp
 * create` refuses ("Project file already exists.") and creates nothing.
 *
 *   npx tsx scripts/clasp-setup.ts <scriptId> [--force]   write .clasp.json
 *   npx tsx scripts/clasp-setup.ts --check                exit 1 with a hint when it is missing or not a real ID
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = 'dist';

/**
 * Apps Script IDs are long web-safe Base64 strings (about 57 characters of
 * letters, digits, _ and -), so they mix cases and digits; a placeholder such
 * as REPLACE_WITH_YOUR_SCRIPT_ID does not.
 */
export function isScriptId(value: string): boolean {
  return /^[A-Za-z0-9_-]{30,200}$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value);
}

export function claspConfig(scriptId: string): string {
  return `${JSON.stringify({ scriptId, rootDir: ROOT_DIR }, null, 2)}\n`;
}

/** What is wrong with a .clasp.json's text, or null when it can be pushed with. */
export function configProblem(text: string | null): string | null {
  if (text === null) return 'There is no .clasp.json yet.';
  let parsed: { scriptId?: unknown; rootDir?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch {
    return '.clasp.json is not valid JSON.';
  }
  if (typeof parsed.scriptId !== 'string' || !isScriptId(parsed.scriptId)) return '.clasp.json has no real scriptId.';
  if (parsed.rootDir !== ROOT_DIR) return `.clasp.json must have "rootDir": "${ROOT_DIR}" (the build's output), so only the built files are pushed.`;
  return null;
}

const HINT = [
  'Either create a new spreadsheet with a bound script:',
  '  npx clasp create --type sheets --title "Clients" --rootDir dist',
  'or use an existing one (Extensions ▸ Apps Script ▸ Project settings ▸ Script ID):',
  '  npm run clasp:setup -- <scriptId>',
].join('\n');

export function run(args: readonly string[], root: string, log: (line: string) => void): number {
  const file = join(root, '.clasp.json');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (args.includes('--check')) {
    const problem = configProblem(current);
    if (problem) log(`${problem}\n${HINT}`);
    return problem ? 1 : 0;
  }
  const scriptId = args.find((a) => !a.startsWith('--'))?.trim() ?? '';
  if (!isScriptId(scriptId)) {
    log(`Not a script ID: "${scriptId.slice(0, 80)}".\n${HINT}`);
    return 1;
  }
  if (current !== null && !args.includes('--force') && configProblem(current) === null) {
    log('.clasp.json already names a script; pass --force to replace it.');
    return 1;
  }
  writeFileSync(file, claspConfig(scriptId));
  log(`Wrote .clasp.json (scriptId ${scriptId}, rootDir ${ROOT_DIR}). Next: npx clasp login (once), then npm run push.`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = run(process.argv.slice(2), join(dirname(fileURLToPath(import.meta.url)), '..'), (line) => console.log(line));
}
