import { describe, expect, it } from 'vitest';
import { describeRaggedRows, parseCsv, raggedRows } from '../../../src/core/csv/parse';
import { HOSTILE } from '../../support/hostile';

describe('rows that do not match the header', () => {
  it('reports an unquoted comma (one value too many) and a missing value, not padding', () => {
    const rows = parseCsv('Name,Email,City\nAnna,anna@x.ro,Iași\nPetrov, Ivan,ivan@x.ru,Moscow\nIon,ion@x.ro\nMaria,m@x.ru,Cluj,,\n');
    expect(raggedRows(rows)).toEqual([
      { row: 3, fields: 4, expected: 3 },
      { row: 4, fields: 2, expected: 3 },
    ]);
    expect(describeRaggedRows(raggedRows(rows))).toMatch(/^2 rows do not match the header.*row 3 has 4 values for 3 columns; row 4 has 2 values/);
  });

  it('counts from the header row when title lines sit above it', () => {
    expect(raggedRows(parseCsv('Title\nName,City\nA,B,C\n'), 1)).toEqual([{ row: 3, fields: 3, expected: 2 }]);
  });

  it.each(HOSTILE)('%s in a quoted value never counts as an extra column', (_label, value) => {
    const quoted = `"${value.replace(/"/g, '""')}"`;
    const rows = parseCsv(`Name,Notes\nAnna,${quoted}\n`);
    expect(raggedRows(rows)).toEqual([]);
    expect(rows[1][1]).toBe(value);
  });
});
