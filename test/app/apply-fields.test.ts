/**
 * Apply fields adds a column for each new field after the last used column,
 * never over a column whose header cell to its left is blank, and writes
 * field names as text whatever they look like.
 */
import { describe, expect, it } from 'vitest';
import * as server from '../../src/server';
import { rowsOf, useEmulator } from '../support/emulated';
import { STORABLE } from '../support/hostile';

function ss() {
  return SpreadsheetApp.getActiveSpreadsheet();
}

function addFieldRow(name: string) {
  const fields = ss().getSheetByName('Fields')!;
  fields.getRange(fields.getLastRow() + 1, 1, 1, 2).setValues([[name, 'text']]);
}

describe('Apply fields', () => {
  const emu = useEmulator();

  it('puts a new field after the last used column when a header cell to its left is blank', () => {
    server.menuSetUp();
    const clients = ss().getSheetByName('Clients')!;
    const width = clients.getLastColumn();
    if (clients.getMaxColumns() < width + 2) clients.insertColumnsAfter(clients.getMaxColumns(), width + 2 - clients.getMaxColumns());
    // The team's own columns: one whose header was cleared (data below it), one named after it.
    clients.getRange(1, width + 1, 2, 2).setValues([
      ['', 'Their column'],
      ['kept', 'their value'],
    ]);
    addFieldRow('Loyalty card');
    server.menuApplyFields();
    const header = emu().readSheet('Clients')[0];
    expect(header.slice(width, width + 3)).toEqual(['', 'Their column', 'Loyalty card']);
    expect(
      emu()
        .readSheet('Clients')[1]
        .slice(width, width + 2),
    ).toEqual(['kept', 'their value']);
    expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/New columns: Loyalty card/);
  });

  it.each(STORABLE.filter(([, v]) => v.trim() !== ''))('a field named %s gets a column whose header is exactly that text', (_label, name) => {
    server.menuSetUp();
    addFieldRow(name);
    server.menuApplyFields();
    expect(emu().inspectSheet('Clients').formulas[0].filter(Boolean)).toEqual([]);
    const header = emu().readSheet('Clients')[0].map(String);
    // Fields may refuse a name with a message (reported by Apply fields); a name accepted is written as typed.
    if (header.includes(name)) expect(header.at(-1)).toBe(name);
    else expect(emu().ui.alerts.at(-1)?.prompt).toMatch(/Rows of Fields that need attention|Applied/);
    expect(rowsOf(emu(), 'Audit').at(-1)?.Action).toBe('apply fields');
  });
});
