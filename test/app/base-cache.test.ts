/**
 * Fields and Settings are cached between calls (src/gas/base-cache.ts): a
 * call after the first reads neither tab, and every way they change is seen
 * by the next call: the add-on's own writes, a hand edit the edit trigger
 * sees, a snapshot restore, an evicted cache. A hand edit no trigger saw is
 * seen once the cache lifetime has passed.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { CACHE_SECONDS } from '../../src/gas/base-cache';
import { ADMIN, unwrap, useEmulator } from '../support/emulated';

const emu = useEmulator();
const ss = () => SpreadsheetApp.getActiveSpreadsheet();

function settingCell(key: string) {
  const row = emu()
    .readSheet('Settings')
    .findIndex((r) => r[0] === key);
  return ss()
    .getSheetByName('Settings')!
    .getRange(row + 1, 2);
}

/** A person typing into Settings; `trigger` says whether the installable edit trigger runs. */
function typeSetting(key: string, value: string, trigger: boolean) {
  const cell = settingCell(key);
  const oldValue = cell.getValue();
  cell.setValue(value);
  if (trigger) server.onEditInstalled({ range: cell, oldValue, value, user: { getEmail: () => ADMIN } } as never);
}

function bootstrapCalls(): { role: string; reads: number; calls: number; defaultCountry: string } {
  emu().calls.reset();
  const boot = unwrap(server.apiBootstrap());
  return { role: boot.role, defaultCountry: String(boot.defaultCountry), reads: emu().calls.count('Range.getValues'), calls: emu().calls.total() };
}

describe('the Fields and Settings cache', () => {
  it('a second call reads neither tab: two getValues and about ten calls fewer', () => {
    server.menuSetUp();
    const first = bootstrapCalls();
    const second = bootstrapCalls();
    expect(second.reads).toBe(first.reads - 2);
    expect(second.calls).toBeLessThanOrEqual(first.calls - 6);
    expect(second.role).toBe('admin');
  });

  it('a hand edit of Settings seen by the edit trigger applies to the very next call (an admin demoted is no longer one)', () => {
    server.menuSetUp();
    typeSetting('managers', 'boris@example.com', true);
    expect(bootstrapCalls().role).toBe('admin');
    typeSetting('admins', 'boris@example.com', true);
    expect(bootstrapCalls().role).toBe('reader');
  });

  it('a hand edit no trigger saw is served stale for at most the cache lifetime, then read again', () => {
    server.menuSetUp();
    bootstrapCalls();
    typeSetting('defaultCountry', 'UA', false);
    expect(bootstrapCalls().defaultCountry).toBe('RU');
    emu().advanceTime((CACHE_SECONDS + 1) * 1000);
    expect(bootstrapCalls().defaultCountry).toBe('UA');
  });

  it('an evicted cache costs the reads again and gives the same answer', () => {
    server.menuSetUp();
    const cold = bootstrapCalls();
    CacheService.getDocumentCache()!.removeAll(Object.keys((emu().serialize() as unknown as { cache: { document: Record<string, unknown> } }).cache.document));
    const evicted = bootstrapCalls();
    expect(evicted.reads).toBe(cold.reads);
    expect(evicted.role).toBe('admin');
  });

  it('hostile Fields text (formula, HTML, emoji, mixed scripts) comes back from the cache exactly as the sheet holds it', () => {
    server.menuSetUp();
    const fields = ss().getSheetByName('Fields')!;
    const header = fields.getRange(1, 1, 1, fields.getLastColumn()).getValues()[0].map(String);
    const help = header.findIndex((h) => /help/i.test(h));
    const text = '\'=HYPERLINK("x") <script>alert(1)</script> Саша 🙂 Ștefan';
    fields.getRange(2, help + 1).setValue(text);
    server.onEditInstalled({ range: fields.getRange(2, help + 1), value: text, user: { getEmail: () => ADMIN } } as never);
    const fresh = unwrap(server.apiBootstrap()).fields;
    const cached = unwrap(server.apiBootstrap()).fields;
    expect(cached).toEqual(fresh);
    expect(cached[0].help).toBe(String(fields.getRange(2, help + 1).getValue()));
    expect(cached[0].help).toContain('<script>alert(1)</script> Саша 🙂 Ștefan');
  });
});
