/**
 * Rows for a log tab appended outside the document lock are queued in
 * document properties (one key per part, each within the 9 KB value limit)
 * and appended, oldest first, by the next locked write.
 */
import { describe, expect, it } from 'vitest';
import { withDocumentLock } from '../../src/gas/lock';
import { MAX_DRAIN } from '../../src/gas/log-queue';
import { appendRows } from '../../src/gas/sheets';
import * as server from '../../src/server';
import { rowsOf, useEmulator } from '../support/emulated';

const queuedKeys = () =>
  PropertiesService.getDocumentProperties()
    .getKeys()
    .filter((k) => k.startsWith('ClientBase.queuedLog.'));

describe('log rows appended outside the lock', () => {
  const emu = useEmulator();

  it('Interactions and Mailings rows queue too, each part fits a property value, and the next locked write appends them in order', () => {
    server.menuSetUp();
    const long = 'ы'.repeat(1_900); // 3.8 KB of UTF-8 a cell, under the 2,000-character cap of a queued cell
    const at = new Date('2026-01-02T03:04:05Z');
    expect(
      appendRows('Interactions', [
        ['I-1', 'C-1', at, 'Call', 'ann', long, '', '', false, 'test'],
        ['I-2', 'C-1', at, 'Call', 'ann', long, '', '', false, 'test'],
      ]),
    ).toBe(0);
    expect(appendRows('Mailings', [['News', 'C-1', 'a@example.com', 'queued', at, '']])).toBe(0);
    expect(rowsOf(emu(), 'Interactions')).toHaveLength(0);
    const keys = queuedKeys();
    expect(keys.length).toBe(3);
    for (const k of keys) expect(new TextEncoder().encode(PropertiesService.getDocumentProperties().getProperty(k)!).length).toBeLessThanOrEqual(9 * 1024);
    // Tabs that are not logs are written at once, lock or not.
    expect(appendRows('Purchases', [['C-1', at, 5, 'Tea']])).toBeGreaterThan(0);

    withDocumentLock(() => appendRows('Interactions', [['I-3', 'C-1', at, 'Meeting', 'ann', 'after', '', '', false, 'test']]));
    expect(rowsOf(emu(), 'Interactions').map((r) => r.ID)).toEqual(['I-1', 'I-2', 'I-3']);
    expect(rowsOf(emu(), 'Interactions')[0].Date).toEqual(at);
    expect(rowsOf(emu(), 'Interactions')[0].Result).toBe(long);
    expect(rowsOf(emu(), 'Mailings').map((r) => r.Email)).toEqual(['a@example.com']);
    expect(queuedKeys()).toEqual([]);
  });

  it('drains at most MAX_DRAIN batches per locked write, and keeps rows for a tab that does not exist yet', () => {
    for (let i = 0; i < MAX_DRAIN + 5; i++) appendRows('Audit', [[new Date(), 'u', 'x', '', '', '', `${i}`, 'test']]);
    expect(queuedKeys()).toHaveLength(MAX_DRAIN + 5);
    withDocumentLock(() => undefined); // no Audit tab yet: nothing is lost
    expect(queuedKeys()).toHaveLength(MAX_DRAIN + 5);
    server.menuSetUp(); // creates Audit under the lock and drains the first MAX_DRAIN
    expect(queuedKeys()).toHaveLength(5);
    withDocumentLock(() => undefined);
    expect(queuedKeys()).toHaveLength(0);
    const values = rowsOf(emu(), 'Audit')
      .filter((r) => r.Action === 'x')
      .map((r) => Number(r['New value']));
    expect(values).toEqual([...Array(MAX_DRAIN + 5).keys()]);
  });

  it('a segment save (one property read before its lock) appends rows queued before it; a batch queued between that read and the lock waits for the next locked write, and none is lost or doubled', () => {
    server.menuSetUp();
    const at = new Date('2026-01-02T03:04:05Z');
    expect(appendRows('Interactions', [['I-1', 'C-1', at, 'Call', 'ann', 'before', '', '', false, 'test']])).toBe(0);
    expect(server.apiSaveSegment({ name: 'Kyiv', rule: 'City = "Kyiv"' }).ok).toBe(true);
    expect(rowsOf(emu(), 'Interactions').map((r) => r.ID)).toEqual(['I-1']);
    expect(queuedKeys()).toEqual([]);

    // Queued by another execution just before this save takes the lock (its property read is the first call).
    let queued = false;
    const off = emu().calls.onCall((key) => {
      if (key === 'Lock.tryLock' && !queued) {
        queued = true;
        appendRows('Interactions', [['I-2', 'C-1', at, 'Call', 'bob', 'meanwhile', '', '', false, 'test']]);
      }
    });
    expect(server.apiSaveSegment({ name: 'Lviv', rule: 'City = "Lviv"' }).ok).toBe(true);
    off();
    expect(queued).toBe(true);
    expect(rowsOf(emu(), 'Interactions').map((r) => r.ID)).toEqual(['I-1']);
    expect(queuedKeys()).toHaveLength(1);
    withDocumentLock(() => undefined);
    expect(rowsOf(emu(), 'Interactions').map((r) => r.ID)).toEqual(['I-1', 'I-2']);
    expect(queuedKeys()).toEqual([]);
  });
});
