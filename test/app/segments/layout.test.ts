import { describe, expect, it } from 'vitest';
import { columnLetter, segmentLayout } from '../../../src/app/segments/layout';

describe('the layout segment formulas read', () => {
  it('letters columns like Sheets', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('maps each header to its letter (first of a repeated name), the ID column and every column as output', () => {
    const layout = segmentLayout(
      ['Name', 'ID', '', 'Stage', 'stage', ...Array.from({ length: 25 }, (_, i) => `F${i}`)],
      ['Product', 'Amount', 'Client ID', 'Date'],
    );
    expect(layout.columns).toMatchObject({ Name: 'A', ID: 'B', Stage: 'D', F0: 'F', F24: 'AD' });
    expect(Object.keys(layout.columns)).not.toContain('stage');
    expect(layout.idColumn).toBe('B');
    expect(layout.output).toEqual({ first: 'A', last: 'AD' });
    expect(layout.purchases).toEqual({ sheet: 'Purchases', clientId: 'C', date: 'D', amount: 'B', firstDataRow: 2 });
  });

  it('falls back to the first column for IDs and to A/B/C for a Purchases tab without a header', () => {
    const layout = segmentLayout(['Client', 'Stage'], null);
    expect(layout.idColumn).toBe('A');
    expect(layout.purchases).toMatchObject({ clientId: 'A', date: 'B', amount: 'C' });
    expect(() => segmentLayout([], null)).toThrow(/no header/);
  });
});
