/**
 * src/core is the domain in plain TypeScript: it must run in Apps Script,
 * in the sidebar and in Node alike, so it names no Google service and no Node API.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(__dirname, '..', '..', 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Code without comments and string contents, so a comment or a message naming a service is fine. */
function codeOf(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

const FORBIDDEN = [
  /\b(SpreadsheetApp|MailApp|GmailApp|LockService|PropertiesService|CacheService|ScriptApp|HtmlService|Session|Utilities|DriveApp|UrlFetchApp)\s*\./,
  /\bprocess\s*\./,
  /\brequire\s*\(/,
  /\b(Buffer|TextEncoder|TextDecoder|setTimeout|setInterval)\b/,
  /\bnew URL\b/,
];

describe('src/core purity', () => {
  const sources = files(CORE);

  it('has sources to check', () => expect(sources.length).toBeGreaterThan(40));

  it('imports nothing from Node and names no Google service or Node global', () => {
    const offences: string[] = [];
    for (const path of sources) {
      const text = readFileSync(path, 'utf8');
      if (/from\s+['"]node:/.test(text)) offences.push(`${relative(CORE, path)}: imports node:`);
      const code = codeOf(text);
      for (const pattern of FORBIDDEN) if (pattern.test(code)) offences.push(`${relative(CORE, path)}: ${pattern}`);
    }
    expect(offences).toEqual([]);
  });
});
