/**
 * Lock reference (developers.google.com/apps-script/reference/lock/lock):
 * flush pending spreadsheet writes before releasing a lock, or the next
 * execution can read the rows as they were before this one wrote.
 */
import { describe, expect, it, vi } from 'vitest';
import * as server from '../../src/server';
import { rowsOf, useEmulator } from '../support/emulated';

function callLog(emu: ReturnType<ReturnType<typeof useEmulator>>, work: () => void): string[] {
  const log: string[] = [];
  const stop = emu.calls.onCall((key) => {
    if (key === 'SpreadsheetApp.flush' || key === 'Lock.releaseLock' || key === 'Lock.tryLock' || key === 'Lock.waitLock') log.push(key);
  });
  try {
    work();
  } finally {
    stop();
  }
  return log;
}

/** Every release must come right after a flush. */
function releasesWithoutFlush(log: readonly string[]): number {
  return log.filter((k, i) => k === 'Lock.releaseLock' && log[i - 1] !== 'SpreadsheetApp.flush').length;
}

describe('every lock release flushes first', () => {
  const emu = useEmulator();

  it('set up, a save, a hand edit, a merge and a mailing all flush before releasing', () => {
    const log = callLog(emu(), () => {
      server.menuSetUp();
      const saved = server.apiSaveClient({ values: { 'First name': 'Ana', Email: 'ana@example.com' } });
      if (!saved.ok || saved.value.status !== 'saved') throw new Error('not saved');
      server.apiStartMailing({ campaign: 'News', template: 'Welcome', recipients: { kind: 'ids', ids: [saved.value.client.id] } });
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Clients')!;
      server.onEditInstalled({ range: sheet.getRange(2, 6), oldValue: '', value: 'x', user: { getEmail: () => 'ion@example.com' } } as never);
      server.menuFindDuplicates();
      server.menuMergeDuplicates();
    });
    expect(log.filter((k) => k === 'Lock.releaseLock').length).toBeGreaterThanOrEqual(5);
    expect(releasesWithoutFlush(log)).toBe(0);
    expect(rowsOf(emu(), 'Clients')).toHaveLength(1);
    expect(emu().outbox).toHaveLength(1);
  });

  it('a failing work still flushes and releases, and a failing flush still releases', () => {
    server.menuSetUp();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    emu().faults.failOn('Range.setValues', 1);
    const failed = callLog(emu(), () => server.apiSaveClient({ values: { 'First name': 'Ana' } }));
    expect(failed.slice(-2)).toEqual(['SpreadsheetApp.flush', 'Lock.releaseLock']);
    emu().faults.failOn('SpreadsheetApp.flush', 1);
    const flushFailed = callLog(emu(), () => server.apiSaveClient({ values: { 'First name': 'Ana' } }));
    expect(flushFailed.at(-1)).toBe('Lock.releaseLock');
    // The lock is free again: another save goes through.
    expect(server.apiSaveClient({ values: { 'First name': 'Boris' } }).ok).toBe(true);
  });
});
