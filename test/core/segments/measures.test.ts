import { describe, expect, it } from 'vitest';
import { clientMeasures, describeMeasures, indexPurchases, spentWithin } from '../../../src/core/segments/measures';

const TODAY = new Date(Date.UTC(2025, 5, 15, 18));
const serial = (iso: string) => (Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('purchase measures', () => {
  const rows = [
    ['C-1', '2025-06-15', '100'],
    ['c-1', new Date(Date.UTC(2025, 4, 16)), 50.25],
    ['C-1', '16.05.2025', '10,5'],
    ['C-1', '2025-05-15', 1000],
    ['C-1', 'yesterday', 7],
    ['C-2', '', 'free'],
    ['', '2025-06-01', 999],
    ['   ', '2025-06-01', 5],
    'not a row' as unknown as unknown[],
  ];
  const index = indexPurchases(rows);

  it('counts every row of the client, sums numeric amounts, reads the latest date', () => {
    expect(clientMeasures(index, 'C-1')).toEqual({ lastPurchase: serial('2025-06-15'), purchases: 5, spent: 1167.75 });
    expect(clientMeasures(index, 'C-2')).toEqual({ lastPurchase: null, purchases: 1, spent: 0 });
    expect(clientMeasures(index, 'nobody')).toEqual({ lastPurchase: null, purchases: 0, spent: 0 });
  });

  it('spent in the last N days includes today and today − N', () => {
    const today = serial('2025-06-15');
    expect(spentWithin(index, 'C-1', today, 30)).toBe(160.75);
    expect(spentWithin(index, 'C-1', today, 31)).toBe(1160.75);
    expect(spentWithin(index, 'C-1', today, 0)).toBe(100);
  });

  it("a blank ID is nobody's purchase; IDs match ignoring case but not spaces", () => {
    expect(clientMeasures(index, '').purchases).toBe(0);
    expect(clientMeasures(index, '   ').purchases).toBe(1);
    expect(clientMeasures(index, 'c-1 ').purchases).toBe(0);
  });

  it('finds columns by header name in any order', () => {
    const byHeader = indexPurchases([['50', 'C-9', '2025-01-02']], { header: ['Amount', 'client id', 'Date'] });
    expect(clientMeasures(byHeader, 'C-9')).toEqual({ lastPurchase: serial('2025-01-02'), purchases: 1, spent: 50 });
  });

  it('describes one client for display, today in the time zone', () => {
    expect(describeMeasures(index, 'c-1', TODAY, [0, 30])).toEqual({
      lastPurchase: '2025-06-15',
      purchases: 5,
      spent: 1167.75,
      spentWithin: { 0: 100, 30: 160.75 },
    });
    const moscow = indexPurchases([['a', '2025-06-16', 1]], { timeZone: 'Europe/Moscow' });
    expect(describeMeasures(moscow, 'a', new Date('2025-06-15T22:00:00Z'), [0]).spentWithin[0]).toBe(1);
  });

  it('hostile IDs and amounts are data, not errors', () => {
    const odd = indexPurchases([
      ['=HYPERLINK("x")', '2025-06-01', '+1'],
      ['<img src=x onerror=alert(1)>', '2025-06-01', '-1'],
      ['😀', '2025-06-01', 'x'.repeat(50_001)],
    ]);
    expect(clientMeasures(odd, '=hyperlink("x")')).toMatchObject({ purchases: 1, spent: 0 });
    expect(clientMeasures(odd, '<img src=x onerror=alert(1)>')).toMatchObject({ purchases: 1, spent: -1 });
    expect(clientMeasures(odd, '😀')).toMatchObject({ purchases: 1, spent: 0 });
  });
});
