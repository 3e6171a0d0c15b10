import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDist } from '../support/bundle';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('appsscript.json', () => {
  it('asks for the five scopes the code needs and nothing broader', () => {
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      // Session.getActiveUser / getEffectiveUser: without it every audited write fails on Google.
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(JSON.stringify(manifest)).not.toMatch(/gmail|drive|auth\/spreadsheets"/);
  });

  it('explains each scope in the README', () => {
    for (const scope of manifest.oauthScopes as string[]) expect(readme).toContain(`\`${scope.split('/auth/')[1]}\``);
  });

  it('runs on V8 and is what the build ships', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(JSON.parse(readDist('appsscript.json'))).toEqual(manifest);
  });

  it('ships a self-contained sidebar: no external script, style or fetch', () => {
    const html = readDist('Sidebar.html');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import/i);
    expect(html).not.toMatch(/https?:\/\//);
  });
});
