// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newestFirst, snapshotTime } from '../../../../sidebar/views/snapshots/snapshot-time';
import type { SnapshotInfo } from '../../../../src/server';

const at = (id: string, time: string): SnapshotInfo => ({ id, time, user: '', reason: '', tabs: [] });

afterEach(() => vi.restoreAllMocks());

describe('snapshot times', () => {
  it('reads in the spreadsheet’s time zone, in the UI language’s form', () => {
    expect(snapshotTime('2024-05-31T23:30:00.000Z', 'en', 'Europe/Moscow')).toBe('1 Jun 2024, 02:30');
    expect(snapshotTime('2024-05-31T23:30:00.000Z', 'en', 'America/New_York')).toBe('31 May 2024, 19:30');
    expect(snapshotTime('2024-05-31T23:30:00.000Z', 'ru', 'Europe/Moscow')).toBe('01.06.2024, 02:30');
    expect(snapshotTime('2024-05-31T23:30:00.000Z', 'uk', 'Europe/Kyiv')).toBe('01.06.2024, 02:30');
  });

  it('is 24-hour and the same in every browser, not the browser’s 12-hour US habit', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    expect(snapshotTime('2024-05-31T23:30:00.000Z', 'en', 'UTC')).toBe('31 May 2024, 23:30');
  });

  it('survives an unknown time zone and text that is not a time', () => {
    expect(snapshotTime('2024-05-31T23:30:00.000Z', 'en', 'Mars/Olympus')).toBe('31 May 2024, 23:30');
    expect(snapshotTime('yesterday <b>', 'en', 'UTC')).toBe('yesterday <b>');
    expect(snapshotTime('', 'en', 'UTC')).toBe('');
  });

  it('orders newest first, unreadable times last in the server’s order', () => {
    const list = [at('a', '2024-01-01T00:00:00Z'), at('x', 'garbage'), at('b', '2024-03-01T00:00:00Z'), at('y', ''), at('c', '2024-02-01T00:00:00Z')];
    expect(newestFirst(list).map((s) => s.id)).toEqual(['b', 'c', 'a', 'x', 'y']);
    expect(list.map((s) => s.id)).toEqual(['a', 'x', 'b', 'y', 'c']);
  });
});
